"""Fast bracketed paste for prompt-toolkit's input parser.

prompt-toolkit's `Vt100Parser.feed` appends each chunk of a paste to one string and searches
all of it for the end mark, chunk after chunk: quadratic (a 5 MB job-posting paste took about
18 s before the chat could answer). `linear_paste(input)` gives that input's parser a `feed`
that keeps the chunks in a list and searches only the newest one (plus the few characters
before it); the end mark found, it hands the whole paste to the original `feed` once.
"""

from __future__ import annotations

from typing import Any

END_MARK = "\x1b[201~"


class _LinearFeed:
    def __init__(self, parser: Any) -> None:
        self.parser = parser
        self.original = parser.feed
        self.chunks: list[str] = []
        self.tail = ""  # the last characters received, so a mark split between chunks is seen

    def __call__(self, data: str) -> None:
        if not getattr(self.parser, "_in_bracketed_paste", False):
            self.original(data)
            return
        if END_MARK not in self.tail + data:
            self.chunks.append(data)
            self.tail = (self.tail + data)[-(len(END_MARK) - 1) :]
            return
        self.parser._paste_buffer = "".join(self.chunks)
        self.chunks, self.tail = [], ""
        self.original(data)  # appends `data`, finds the mark once, hands the paste on


def linear_paste(input: Any) -> Any:
    """Give `input`'s parser the linear paste (a no-op for inputs without one); returns it."""
    parser = getattr(input, "vt100_parser", None)
    if parser is not None and hasattr(parser, "_in_bracketed_paste"):
        parser.feed = _LinearFeed(parser)
    return input
