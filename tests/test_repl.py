"""The chat without a terminal: prompt-toolkit's pipe input and DummyOutput drive `run_repl`.

Keys are sent up front (prompt-toolkit keeps typeahead between prompts); `\\r` is Enter,
`\\x03` Ctrl-C, `\\x04` Ctrl-D. Every message the chat shows is captured through `say`.
"""

from __future__ import annotations

import io
import json
import signal
import stat
from pathlib import Path

import pytest
from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.plain_text import PlainTextOutput

from advisor import Advisor
from advisor.converse.session import Session
from advisor.terminal.commands import COMMANDS
from advisor.terminal.repl import AdvisorCompleter, Chat, printer, run_repl, wants_color, wrap

ENTER, CTRL_C, CTRL_D = "\r", "\x03", "\x04"
TIME_LIMIT = 60  # seconds for one chat; a chat that never ends fails instead of hanging


@pytest.fixture(scope="module")
def engine() -> Advisor:
    return Advisor.load()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Profile and history in a temporary folder; the real home is never touched."""
    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path / "home"


class Transcript:
    """One chat: what was typed, what was shown, how it ended."""

    def __init__(self, engine: Advisor, *lines: str, end: str = CTRL_D) -> None:
        self.stderr = io.StringIO()
        self.session = Session(engine, None, self.stderr)
        self.said: list[str] = []
        keys = (
            "".join(
                line if line in (CTRL_C, CTRL_D) or line.endswith(CTRL_C) else line + ENTER for line in lines
            )
            + end
        )
        previous = signal.signal(signal.SIGALRM, _too_slow)
        signal.alarm(TIME_LIMIT)
        try:
            with create_pipe_input() as pipe:
                pipe.send_text(keys)
                self.code = run_repl(
                    self.session, color=False, input=pipe, output=DummyOutput(), say=self.capture
                )
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)

    def capture(self, text: str, style: str = "") -> None:
        self.said.append(text)


def _too_slow(signum: int, frame: object) -> None:
    raise TimeoutError(f"the chat did not end within {TIME_LIMIT} s")


def chat(engine: Advisor, *lines: str, end: str = CTRL_D) -> Transcript:
    return Transcript(engine, *lines, end=end)


def saved_profile(home: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((home / "profile.json").read_text("utf-8"))["profile"]
    return data


# -- conversations --------------------------------------------------------------------------
def test_first_run_greets_with_three_examples(engine: Advisor) -> None:
    t = chat(engine)
    assert t.code == 0
    assert t.said[0].startswith("Welcome to pacs-advisor!")
    assert t.said[0].count("  • ") == 3
    assert "Type /help for commands, Ctrl-D to leave." in t.said[0]


def test_no_greeting_once_a_profile_exists(engine: Advisor, home: Path) -> None:
    chat(engine, "I live in Boston")
    t = chat(engine)
    assert t.said == []


def test_two_questions_then_why_and_sources(engine: Advisor) -> None:
    t = chat(
        engine,
        "how much does a PACS administrator make in san fransisco?",
        "what is the CIIP?",
        "/why",
        "/sources",
    )
    pay, ciip, why, sources = t.said[1:]
    assert pay.startswith("Pay for PACS Administrator:")
    assert "San Francisco, California" in pay
    assert "Certified Imaging Informatics Professional" in ciip
    assert why.startswith("intent: certification_info (confidence ")
    assert "→ certification Certified Imaging Informatics Professional (CIIP)" in why
    assert sources.startswith("[")
    assert "<http" in sources


def test_why_explains_a_typo(engine: Advisor) -> None:
    t = chat(engine, "how much does a PACS administrator make in san fransisco?", "/why")
    assert "read 'fransisco' as 'francisco'" in t.said[-1]
    assert "runners-up: " in t.said[-1]


def test_why_and_sources_before_any_question(engine: Advisor) -> None:
    t = chat(engine, "/why", "/sources")
    assert t.said[1:] == ["Nothing to explain yet: ask me something first.", "Ask me something first."]


def test_goal_path_next_and_toolbar(engine: Advisor, home: Path) -> None:
    t = chat(
        engine,
        "I'm a rad tech with 3 years of experience",
        "/goal pacs analist",
        "/path",
        "/next",
        "/profile",
    )
    assert t.said[2] == "Goal set: PACS Analyst. Try /path or /next."
    assert t.said[3].startswith("Your path to PACS Analyst (")
    assert t.said[4].startswith("Next step toward PACS Analyst: ")
    assert "  • Goal: PACS Analyst" in t.said[5]
    assert saved_profile(home)["goal"] == "pacs-analyst"
    toolbar = Chat(t.session, None, print).toolbar()  # type: ignore[arg-type]
    assert toolbar == (" goal: PACS Analyst │ profile: Radiologic Technologist, 3 yrs │ /help")
    t.session.ask("I have a bachelor's in computer science")
    assert (
        "profile: Radiologic Technologist, bachelor degree, 3 yrs" in Chat(t.session, None, print).toolbar()
    )  # type: ignore[arg-type]


def test_path_next_and_export_need_a_goal(engine: Advisor) -> None:
    t = chat(engine, "/path", "/next", "/export plan.md", "/goal", "/goal chef")
    assert t.said[1:4] == ["Set a goal first, e.g. /goal pacs analyst"] * 3
    assert t.said[4] == "Usage: /goal ROLE, e.g. /goal pacs analyst"
    assert t.said[5].startswith("Unknown role 'chef'; try one of: PACS Analyst, ")


def test_export_writes_the_plan_as_markdown(engine: Advisor, tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    t = chat(engine, "/goal pacs administrator", f"/export {target}")
    assert t.said[-1] == f"Plan saved to {target}."
    text = target.read_text("utf-8")
    assert text.startswith("# Path to PACS Administrator\n\n- [ ] **")
    assert "\n## Sources\n" in text
    assert "- [1] " in text and "[seed]" not in text


def test_export_to_a_folder_fails_politely(engine: Advisor, tmp_path: Path) -> None:
    t = chat(engine, "/goal pacs analyst", f"/export {tmp_path}")
    assert t.said[-1] == f"Could not write {tmp_path}: Is a directory"


def test_forget_yes_wipes_profile_and_history(engine: Advisor, home: Path) -> None:
    chat(engine, "I live in Boston", "/goal pacs analyst")
    assert (home / "profile.json").exists()
    assert "I live in Boston" in (home / "history").read_text("utf-8")
    t = chat(engine, "/forget", "yes", "/profile")
    assert t.said == [
        "This wipes your profile and chat history. Type 'yes' to confirm.",
        "Profile and history wiped.",
        'Your profile is empty. Tell me, e.g. "I\'m a rad tech with 3 years of experience".',
    ]
    assert not (home / "profile.json").exists()
    assert "Boston" not in (home / "history").read_text("utf-8")


def test_forget_anything_but_yes_keeps_everything(engine: Advisor, home: Path) -> None:
    chat(engine, "I live in Boston")
    t = chat(engine, "/forget", "no")
    assert t.said[-1] == "Kept everything."
    assert saved_profile(home)["place"]


def test_ctrl_c_clears_the_line_and_cancels_forget(engine: Advisor, home: Path) -> None:
    chat(engine, "I live in Boston")
    t = chat(engine, "how much does a pacs admin m" + CTRL_C, "/forget", CTRL_C, "yes")
    assert t.said[0] == "This wipes your profile and chat history. Type 'yes' to confirm."
    assert len(t.said) == 2  # the half-typed question was never answered
    assert "Profile and history wiped." not in t.said
    assert saved_profile(home)["place"]


def test_ctrl_d_ends_the_chat(engine: Advisor) -> None:
    t = chat(engine, "hi", end=CTRL_D + "what is the CIIP?" + ENTER)
    assert t.code == 0
    assert len(t.said) == 2  # greeting, the answer to "hi"; nothing after Ctrl-D


@pytest.mark.parametrize("farewell", ["bye", "/quit"])
def test_bye_and_quit_end_the_chat(engine: Advisor, farewell: str) -> None:
    t = chat(engine, farewell, "what is the CIIP?", end="")
    assert t.code == 0
    assert len(t.said) == 2  # the greeting and the goodbye; the question after it is unread
    assert t.said[1].startswith("Goodbye")


def test_unknown_command_and_help(engine: Advisor) -> None:
    t = chat(engine, "/bogus", "/help")
    assert t.said[1] == "Unknown command '/bogus'. Type /help for the list."
    for command in COMMANDS:
        assert f"  {command.name}" in t.said[2]
        assert command.help in t.said[2]


def test_profile_saved_on_every_change(engine: Advisor, home: Path) -> None:
    chat(engine, "I'm a rad tech with 3 years of experience")
    assert saved_profile(home)["years"] == 3
    chat(engine, "I live in Boston")
    profile = saved_profile(home)
    assert profile["years"] == 3
    assert profile["place"]
    assert stat.S_IMODE((home / "profile.json").stat().st_mode) == 0o600


def test_history_is_kept_private(engine: Advisor, home: Path) -> None:
    chat(engine, "what is the CIIP?")
    history = home / "history"
    assert "+what is the CIIP?" in history.read_text("utf-8")
    assert stat.S_IMODE(history.stat().st_mode) == 0o600


def test_ctrl_r_searches_the_history(engine: Advisor) -> None:
    chat(engine, "what is the CIIP?", "hi")
    t = chat(engine, "\x12CIIP" + ENTER)
    assert "Certified Imaging Informatics Professional" in t.said[-1]


@pytest.mark.parametrize("color", [False, True])
def test_printer_strips_escape_sequences(color: bool) -> None:
    # (typed escape sequences are not sent through the pipe input: a malformed one makes
    # prompt-toolkit loop forever on "Press ENTER to continue...")
    buffer = io.StringIO()
    printer(color, PlainTextOutput(buffer))("hello \x1b[31mred\x1b[0m\x07\n  • done", "head")
    assert buffer.getvalue().replace("\r\n", "\n") == "hello red\n  • done\n"


# -- completion ---------------------------------------------------------------------------
def completions(engine: Advisor, text: str) -> list[str]:
    session = Session(engine, None, io.StringIO())
    completer = AdvisorCompleter(session.names(), session.role_names())
    return [c.text for c in completer.get_completions(Document(text), CompleteEvent(True))]


def test_completes_slash_commands(engine: Advisor) -> None:
    assert completions(engine, "/pa") == ["/path"]
    assert completions(engine, "/") == [c.name for c in COMMANDS]
    assert completions(engine, "/zz") == []


def test_completes_roles_after_goal(engine: Advisor) -> None:
    assert completions(engine, "/goal pacs a") == ["PACS Analyst", "PACS Administrator", "PACS Associate"]
    assert "RIS Analyst" in completions(engine, "/goal ")


def test_completes_names_in_questions(engine: Advisor) -> None:
    assert "PACS Administrator" in completions(engine, "how much does a pacs adm")
    assert "CIIP" in completions(engine, "what is the ci")
    assert "DICOM" in completions(engine, "explain dic")
    assert completions(engine, "what is the c") == []  # one letter: too little to go on


def test_no_color_is_respected(monkeypatch: pytest.MonkeyPatch) -> None:
    assert wants_color(True)
    assert not wants_color(False)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_color(True)
    monkeypatch.setenv("NO_COLOR", "")  # empty means unset, per no-color.org
    assert wants_color(True)


def test_wrap_keeps_bullets_hanging() -> None:
    text = "  • " + "word " * 30
    lines = wrap(text, 40).splitlines()
    assert len(lines) > 1
    assert all(len(line) <= 40 for line in lines)
    assert all(line.startswith("    word") for line in lines[1:])  # under the text, not the bullet
