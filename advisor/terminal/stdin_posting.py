"""Piped chat mode and job postings: `advisor < posting.txt` or `printf … | advisor`.

Piped chat answers each line as one message. A whole job posting piped in is answered
once, with the matcher, like `advisor match -`. Only input that arrives complete at once
(a file, or a pipe that reaches its end within `STDIN_POSTING_WAIT` seconds) and reads
like a posting (several lines, headings or requirement cues) is taken as one; a program
that writes a line and waits for the reply keeps getting line-per-message answers.
"""

from __future__ import annotations

import io
import os
import select
import stat
from collections.abc import Iterator
from typing import TextIO, cast

from advisor.config import MAX_POSTING_CHARS, POSTING_RE, STDIN_POSTING_WAIT
from advisor.posting.extract import looks_like_posting
from advisor.posting.lexicon import Lexicon
from advisor.posting.sections import heading_of


class Prefixed:
    """`prefix` (text already read), then the rest of `stream`, line by line (all that
    piped chat reads of its input)."""

    def __init__(self, prefix: str, stream: TextIO) -> None:
        self.head = io.StringIO(prefix)
        self.stream = stream

    def readline(self, size: int | None = -1) -> str:
        line = self.head.readline()
        if line.endswith("\n"):
            return line
        return line + self.stream.readline()  # a line the first read cut in two

    def __iter__(self) -> Iterator[str]:
        return iter(self.readline, "")


def _read_at_once(stdin: TextIO) -> tuple[str, bool]:
    """(text read, whether it is the whole input) without waiting on a slow writer."""
    try:
        fd = stdin.fileno()
    except (OSError, ValueError, io.UnsupportedOperation):  # in memory: all there already
        return stdin.read(MAX_POSTING_CHARS + 1), True
    if stat.S_ISREG(os.fstat(fd).st_mode):  # `advisor < posting.txt`
        return os.read(fd, 4 * MAX_POSTING_CHARS).decode("utf-8", errors="replace"), True
    chunks: list[bytes] = []
    size = 0
    while size <= 4 * MAX_POSTING_CHARS:
        ready, _, _ = select.select([fd], [], [], STDIN_POSTING_WAIT)
        if not ready:
            return b"".join(chunks).decode("utf-8", errors="replace"), False
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks).decode("utf-8", errors="replace"), True


def _has_sections(text: str, lex: Lexicon) -> bool:
    """A requirements heading and a layout (a blank line or bullets): chat lines, one
    message each, have neither."""
    lines = text.split("\n")[:400]
    laid_out = any(not line.strip() for line in lines[1:-1]) or any(
        POSTING_RE.BULLET.match(line) for line in lines
    )
    return laid_out and any(
        (found := heading_of(line, lex)) is not None and found[0] in ("required", "preferred")
        for line in lines
        if line.strip()
    )


def split_posting(stdin: TextIO, lex: Lexicon) -> tuple[str | None, TextIO]:
    """(the posting, when stdin is one whole posting, else None; the stream to chat from,
    starting with whatever was read)."""
    text, whole = _read_at_once(stdin)
    if whole and _has_sections(text, lex) and looks_like_posting(text, lex):
        return text, io.StringIO("")
    return None, cast(TextIO, Prefixed(text, stdin))
