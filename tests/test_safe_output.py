"""Every path by which a string reaches the terminal: an injected escape sequence never does."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from prompt_toolkit.output.plain_text import PlainTextOutput

from advisor import Advisor
from advisor.converse.session import Session
from advisor.terminal.cli import run
from advisor.terminal.repl import Chat, printer

EVIL = "\x1b]0;PWNED\x07\x1b[2J\x9b31m\x07"
UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # ESC, BEL, C1 … (a newline is fine)


def clean(text: str) -> bool:
    return not UNSAFE.search(text)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "home"


def evil_profile(home: Path) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    path = home / "profile.json"
    profile = {"degree_field": EVIL, "background": EVIL, "years": 3, "skills": ["dicom"]}
    path.write_text(json.dumps({"version": 2, "profile": profile}), "utf-8")
    return path


def cli(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), io.StringIO(stdin), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    "argv",
    [
        ["path", "--to", EVIL],
        ["ask", "--knowledge", f"/nowhere/{EVIL}", "hi"],
        ["ask", "--intents", f"/nowhere/{EVIL}", "hi"],
        ["validate", f"/nowhere/{EVIL}"],
        ["eval", f"/nowhere/{EVIL}.jsonl"],
        [f"--{EVIL}"],
        ["ask", f"--x{EVIL}", "hi"],
        [EVIL],
        ["ask", f"what does a pacs admin make in {EVIL}"],
        ["ask", "--json", f"salary {EVIL}"],
    ],
    ids=[
        "path",
        "knowledge",
        "intents",
        "validate",
        "eval",
        "option",
        "sub-option",
        "command",
        "ask",
        "json",
    ],
)
def test_argv_never_reaches_the_terminal_raw(home: Path, argv: list[str]) -> None:
    code, out, err = cli(*argv)
    assert clean(out) and clean(err), (out, err)
    assert out or err  # something was said


def test_eval_file_contents_are_sanitised(home: Path, tmp_path: Path) -> None:
    data = tmp_path / f"cases{EVIL}.jsonl"
    data.write_text(json.dumps({"text": f"what is {EVIL} dicom", "intent": f"nope{EVIL}"}) + "\n", "utf-8")
    code, out, err = cli("eval", str(data))
    assert clean(out) and clean(err)


def test_validate_data_contents_are_sanitised(home: Path, tmp_path: Path) -> None:
    import shutil

    from advisor.knowledge.dataset import DEFAULT_KNOWLEDGE

    kdir = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE, kdir)
    (kdir / "skills.json").write_text(json.dumps({"skills": [{"id": EVIL}]}), "utf-8")
    code, out, err = cli("validate", str(kdir))
    assert code == 2 and clean(out) and clean(err)


@pytest.mark.parametrize(
    "question", ["what do you know about me?", "show my path", "how do I become a PACS analyst"]
)
def test_profile_fields_are_sanitised_in_replies(home: Path, question: str) -> None:
    evil_profile(home)
    code, out, err = cli("ask", question)
    assert clean(out) and clean(err)
    code, out, err = cli("ask", "--json", question)
    assert clean(out) and clean(err)


def test_piped_input_is_sanitised(home: Path) -> None:
    evil_profile(home)
    code, out, err = cli(stdin=f"hi {EVIL}\nwhat do you know about me?\nI know {EVIL} HL7\n")
    assert clean(out) and clean(err)


def test_api_replies_are_sanitised(engine: Advisor) -> None:
    state = {"version": 2, "profile": {"degree_field": EVIL, "background": EVIL}}
    reply = engine.conversation(state=state).reply("what do you know about me?")
    assert clean(reply.text)


def test_repl_output_toolbar_and_profile_are_sanitised(engine: Advisor, home: Path) -> None:
    shown: list[str] = []
    session = Session(engine, evil_profile(home), io.StringIO())
    chat = Chat(session, None, lambda text, style="": shown.append(text))  # type: ignore[arg-type]
    for line in ("/profile", f"/goal {EVIL}", f"/export /nowhere/{EVIL}", f"/{EVIL}", f"hi {EVIL}"):
        chat.handle(line)
    shown.append(chat.toolbar())
    assert shown and all(clean(text) for text in shown), shown
    written = io.StringIO()
    terminal = PlainTextOutput(written)
    printer(False, terminal)(EVIL + "text")  # the printer itself sanitises whatever it is given
    terminal.flush()
    assert "text" in written.getvalue() and clean(written.getvalue().replace("\r", ""))


def test_a_corrupt_profiles_warning_is_sanitised(home: Path, tmp_path: Path) -> None:
    evil = tmp_path / f"p{EVIL}.json"
    evil.write_text("{", "utf-8")
    code, out, err = cli("ask", "--profile", str(evil), "hi")
    assert "warning" in err and clean(err) and clean(out)
