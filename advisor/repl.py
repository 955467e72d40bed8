"""The interactive chat (prompt-toolkit): history, completion, toolbar, colour, slash commands."""

from __future__ import annotations

import os
import shutil
import textwrap
from typing import Any

from prompt_toolkit import PromptSession
from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
from prompt_toolkit.completion import Completer, Completion
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.history import FileHistory, InMemoryHistory
from prompt_toolkit.shortcuts import print_formatted_text
from prompt_toolkit.styles import Style

from .answers.basic import EXAMPLES
from .commands import COMMANDS, run_command
from .session import Session
from .storage import history_path
from .text import sanitize

# ANSI colour names only, so the terminal's own palette keeps it readable on light and dark
STYLE = Style.from_dict({"prompt": "ansicyan bold", "head": "bold", "dim": "ansibrightblack",
                         "bottom-toolbar": "noreverse ansibrightblack", "done": "ansigreen"})


class AdvisorCompleter(Completer):
    """Slash commands at the start of the line; role, certification and term names anywhere."""

    def __init__(self, session: Session) -> None:
        graph = session.engine.graph
        names = {n.name for t in ("role", "certification", "concept", "skill", "organisation")
                 for n in graph.of_type(t)}
        names |= {a for t in ("role", "certification", "concept", "skill") for n in graph.of_type(t)
                  for a in n.aliases if len(a) > 3}
        self.names = sorted(names, key=str.lower)

    def get_completions(self, document: Any, complete_event: Any) -> Any:
        text = document.text_before_cursor
        if text.startswith("/") and " " not in text:
            for c in COMMANDS:
                if c.name.startswith(text.lower()):
                    yield Completion(c.name, start_position=-len(text), display_meta=c.help)
            return
        word = document.get_word_before_cursor(WORD=True).lower()
        if len(word) < 2:
            return
        for name in self.names:
            if name.lower().startswith(word):
                yield Completion(name, start_position=-len(word))


def _toolbar(session: Session) -> Any:
    profile = session.conversation.state.profile
    graph = session.engine.graph
    goal = graph.name(profile.goal) if profile.goal else "none (/goal ROLE)"
    held = []
    if profile.current_role:
        held.append(graph.name(profile.current_role))
    if profile.years is not None:
        held.append(f"{profile.years:g} yrs")
    if profile.skills:
        held.append(f"{len(profile.skills)} skills")
    if profile.certifications:
        held.append(", ".join(graph.nodes[c].get("abbr") or c for c in profile.certifications
                              if c in graph.nodes))
    return f" goal: {goal} │ profile: {', '.join(held) or 'empty'} │ /help"


def wrap(text: str, width: int) -> str:
    """Wrap each line to the width, keeping its indentation (bullets hang)."""
    out = []
    for line in text.splitlines():
        stripped = line.lstrip()
        indent = line[: len(line) - len(stripped)]
        hang = indent + ("   " if stripped[:2] in ("• ", "○ ", "✓ ") or stripped[:1].isdigit() else "")
        out.append(textwrap.fill(line, width=max(20, width), subsequent_indent=hang,
                                 break_on_hyphens=False) if line else "")
    return "\n".join(out)


def show(text: str, color: bool, output: Any = None, style: str = "") -> None:
    width = shutil.get_terminal_size((100, 24)).columns - 1
    body = wrap(sanitize_lines(text), width)
    if color:
        print_formatted_text(FormattedText([(style, body)]), style=STYLE, output=output)
    else:
        print_formatted_text(body, output=output)


def sanitize_lines(text: str) -> str:
    return "\n".join(sanitize(line) for line in text.split("\n"))


def run_repl(session: Session, color: bool = True, input: Any = None, output: Any = None) -> int:
    """The chat loop. Ctrl-C clears the line, Ctrl-D / /quit / "bye" end it."""
    color = color and not os.environ.get("NO_COLOR")
    history: Any
    try:
        path = history_path()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.touch(mode=0o600, exist_ok=True)
        os.chmod(path, 0o600)
        history = FileHistory(str(path))
    except OSError:
        history = InMemoryHistory()
    prompt: PromptSession[str] = PromptSession(
        history=history, auto_suggest=AutoSuggestFromHistory(), completer=AdvisorCompleter(session),
        complete_while_typing=False, bottom_toolbar=lambda: _toolbar(session), style=STYLE,
        input=input, output=output, color_depth=None if color else _mono())
    if session.first_run:
        show("Welcome to pacs-advisor! I help you find your way into PACS and imaging informatics.\n"
             "Try asking:\n" + "\n".join(f"  • {e}" for e in EXAMPLES) +
             "\nType /help for commands, Ctrl-D to leave.", color, output, "head")
    confirm = False
    while True:
        try:
            line = prompt.prompt([("class:prompt", "you › ")] if color else "you > ")
        except KeyboardInterrupt:
            confirm = False
            continue
        except EOFError:
            break
        if not line.strip():
            continue
        if confirm:
            confirm = False
            if line.strip().lower() in ("y", "yes"):
                session.forget()
                _wipe_history(history)
                show("Profile and history wiped.", color, output)
            else:
                show("Kept everything.", color, output)
            continue
        if line.lstrip().startswith("/"):
            outcome = run_command(session, line)
            show(outcome.text, color, output)
            confirm = outcome.confirm_forget
            if outcome.quit:
                break
            continue
        reply = session.ask(line)
        show(reply.text, color, output)
        if reply.end:
            break
    return 0


def _wipe_history(history: Any) -> None:
    if isinstance(history, FileHistory):
        try:
            with open(history.filename, "w", encoding="utf-8"):
                pass
        except OSError:
            pass
    history._loaded_strings = []  # prompt-toolkit caches what it loaded


def _mono() -> Any:
    from prompt_toolkit.output.color_depth import ColorDepth
    return ColorDepth.MONOCHROME
