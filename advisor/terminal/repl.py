"""The interactive chat (prompt-toolkit): history, completion, toolbar, colour, slash commands."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from prompt_toolkit import PromptSession
from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.history import FileHistory, History, InMemoryHistory
from prompt_toolkit.input import create_input
from prompt_toolkit.output.color_depth import ColorDepth
from prompt_toolkit.shortcuts import print_formatted_text
from prompt_toolkit.styles import Style

from advisor.converse.session import Session
from advisor.converse.storage import history_path, private_file
from advisor.posting.extract import looks_like_posting
from advisor.terminal.commands import COMMANDS, match_text, run_command
from advisor.terminal.layout import fit, toolbar
from advisor.terminal.layout import wrap as wrap  # re-exported: tests and callers used it from here
from advisor.terminal.paste import linear_paste
from advisor.text import safe

# ANSI colour names only, so the terminal's own palette keeps it readable on light and dark
STYLE = Style.from_dict(
    {
        "prompt": "ansicyan bold",
        "head": "bold",
        "dim": "ansibrightblack",
        "bottom-toolbar": "noreverse ansibrightblack",
        "error": "ansired",
    }
)
MAX_NAME_WORDS = 4  # how many words before the cursor may form a name to complete
YES = ("y", "yes")

Say = Callable[[str, str], None]  # (text, style class) → shown to the user


class AdvisorCompleter(Completer):
    """Slash commands at the start of the line, role names after /goal, and role,
    certification and term names anywhere else (matching up to four words back)."""

    def __init__(self, names: list[str], roles: list[str]) -> None:
        self.names = names
        self.roles = roles

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterator[Completion]:
        text = document.text_before_cursor
        if text.startswith("/") and " " not in text:
            for c in COMMANDS:
                if c.name.startswith(text.lower()):
                    yield Completion(c.name, start_position=-len(text), display_meta=c.help)
            return
        if text.lower().startswith("/goal "):
            yield from _matching(self.roles, text[6:].lstrip(), minimum=0)
            return
        words = text.split(" ")
        for n in range(min(MAX_NAME_WORDS, len(words)), 0, -1):
            found = list(_matching(self.names, " ".join(words[-n:]), minimum=2))
            if found:
                yield from found
                return


def _matching(names: list[str], typed: str, minimum: int) -> Iterator[Completion]:
    if len(typed) < minimum or (typed and typed[0] == " "):
        return
    low = typed.lower()
    for name in names:
        if name.lower().startswith(low) and name != typed:
            yield Completion(name, start_position=-len(typed))


def wants_color(requested: bool) -> bool:
    """Colour unless turned off with --no-color or the NO_COLOR convention (no-color.org)."""
    return requested and not os.environ.get("NO_COLOR")


def printer(color: bool, output: Any = None) -> Say:
    """Shows text wrapped to the terminal width, styled only when colour is on."""

    def say(text: str, style: str = "") -> None:
        width = (
            output.get_size().columns if output is not None else shutil.get_terminal_size((100, 24)).columns
        ) - 1
        body = fit(safe(text), width)  # no escape sequence reaches the terminal
        if color:
            print_formatted_text(
                FormattedText([(f"class:{style}" if style else "", body)]), style=STYLE, output=output
            )
        else:
            print_formatted_text(body, output=output)

    return say


def open_history() -> History:
    """The history file in the data dir (mode 0600); in memory when it cannot be written."""
    try:
        return FileHistory(str(private_file(history_path())))
    except OSError:
        return InMemoryHistory()


class Chat:
    """The chat loop's state: the session, the prompt, and a pending /forget."""

    def __init__(self, session: Session, prompt: PromptSession[str], say: Say) -> None:
        self.session = session
        self.prompt = prompt
        self._say = say
        self.confirm_forget = False
        self.posting: list[str] | None = None  # lines of a posting being pasted after /match

    def say(self, text: str, style: str = "") -> None:
        """Everything the chat shows passes here, sanitised."""
        self._say(safe(text), style)

    def toolbar(self) -> str:
        goal = self.session.goal() or "none (/goal ROLE)"
        width = self.prompt.output.get_size().columns if self.prompt else shutil.get_terminal_size().columns
        return safe(toolbar(goal, self.session.summary() or "empty", width))

    def greet(self) -> None:
        examples = "\n".join(f"  • {e}" for e in self.session.examples())
        self.say(
            "Welcome to pacs-advisor! I help you find your way into PACS and imaging "
            f"informatics.\nTry asking:\n{examples}\n"
            "Type /help for commands, Ctrl-D to leave.",
            "head",
        )

    def handle(self, line: str) -> bool:
        """Answer one line; True when the chat should end."""
        if self.confirm_forget:
            self.confirm_forget = False
            self._forget(line.strip().lower() in YES)
            return False
        if self.posting is not None:
            return self._collect(line)
        if not line.strip():
            return False
        if line.lstrip().startswith("/"):
            outcome = run_command(self.session, line)
            self.say(outcome.text, "")
            self.confirm_forget = outcome.confirm_forget
            self.posting = [] if outcome.collect_posting else None
            return outcome.quit
        if "\n" in line.strip() and looks_like_posting(line, self.session.engine.posting):
            self.say(match_text(self.session, line), "")
            return False
        reply = self.session.ask(line)
        self.say(reply.text, "")
        return reply.end

    def _collect(self, line: str) -> bool:
        """A line of the posting after /match; an empty line (or a whole paste) ends it."""
        lines = self.posting if self.posting is not None else []
        if line.strip():
            lines.append(line)
            if "\n" not in line.strip():
                return False
        text, self.posting = "\n".join(lines), None
        if text.strip():
            self.say(match_text(self.session, text), "")
        elif self.session.last_posting:  # /match and Enter: the last posting, against the profile now
            self.say(match_text(self.session, self.session.last_posting), "")
        else:
            self.say("No posting pasted.", "")
        return False

    def _forget(self, confirmed: bool) -> None:
        if not confirmed:
            self.say("Kept everything.", "")
            return
        self.session.forget()
        self.prompt.default_buffer.history = self.prompt.history = _wipe(self.prompt.history)
        self.say("Profile and history wiped.", "")

    def loop(self) -> int:
        while True:
            try:
                line = self.prompt.prompt()
            except KeyboardInterrupt:  # Ctrl-C clears the line (and cancels a /forget)
                self.confirm_forget = False
                continue
            except EOFError:  # Ctrl-D (ends a posting pasted after /match, else the chat)
                if self.posting is not None:
                    self._collect("")
                    continue
                return 0
            try:
                if self.handle(line):
                    return 0
            except Exception as err:  # noqa: BLE001 - a bug must not end the chat with a traceback
                self.say(
                    f"Sorry, something went wrong ({type(err).__name__}: {err}). The chat goes on.", "error"
                )


def run_repl(
    session: Session, color: bool = True, input: Any = None, output: Any = None, say: Say | None = None
) -> int:
    """The chat. Ctrl-C clears the line, Ctrl-D / /quit / "bye" end it; returns 0.

    `input` / `output` are prompt-toolkit's (tests pass a pipe input and DummyOutput);
    `say` receives every message shown (tests capture it; default: print it).
    """
    color = wants_color(color)
    input = linear_paste(input if input is not None else create_input())
    prompt: PromptSession[str] = PromptSession(
        [("class:prompt", "you › ")] if color else "you > ",
        history=open_history(),
        auto_suggest=AutoSuggestFromHistory(),
        completer=AdvisorCompleter(session.names(), session.role_names()),
        complete_while_typing=False,
        style=STYLE,
        input=input,
        output=output,
        color_depth=None if color else ColorDepth.MONOCHROME,
    )
    chat = Chat(session, prompt, say or printer(color, output))
    prompt.bottom_toolbar = chat.toolbar
    if session.first_run:
        chat.greet()
    return chat.loop()


def _wipe(history: History) -> History:
    """Empty the history file (keeping its mode) and return a fresh history object."""
    if isinstance(history, FileHistory):
        path = Path(os.fsdecode(history.filename))
        try:
            with open(path, "w", encoding="utf-8"):
                pass
            return FileHistory(str(path))
        except OSError:
            pass
    return InMemoryHistory()
