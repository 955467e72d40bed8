"""The command line through `advisor.terminal.cli.run(argv, stdin, stdout, stderr)`: output, JSON
contract, exit codes and user-facing messages word for word."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from advisor.knowledge.dataset import DEFAULT_INTENTS, DEFAULT_KNOWLEDGE
from advisor.terminal.cli import run

SUBCOMMANDS = ["chat", "ask", "validate", "eval", "path", "graph"]


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "home"


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json_lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.out.splitlines()]


def advisor(*argv: str, stdin: str = "") -> Result:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), io.StringIO(stdin), out, err)
    assert "Traceback" not in err.getvalue()
    return Result(code, out.getvalue(), err.getvalue())


# -- ask ------------------------------------------------------------------------------------
def test_ask_prints_one_answer() -> None:
    r = advisor("ask", "what", "is", "the", "CIIP?")
    assert (r.code, r.err) == (0, "")
    assert "Certified Imaging Informatics Professional" in r.out
    assert r.out.endswith("\n") and not r.out.endswith("\n\n")


@pytest.mark.parametrize("argv", [["ask", "--json"], ["--json", "ask"]])
def test_ask_json_contract(argv: list[str]) -> None:
    r = advisor(*argv, "how do I become a PACS analyst?")
    assert r.code == 0
    reply = json.loads(r.out)
    assert {"text", "intent", "confidence", "entities", "sources", "steps"} <= set(reply)
    assert reply["intent"] == "career_path"
    assert isinstance(reply["text"], str) and reply["text"]
    assert isinstance(reply["confidence"], float)
    assert {"type": "role", "id": "pacs-analyst", "name": "PACS Analyst", "text": "pacs analyst"} in reply[
        "entities"
    ]
    for entity in reply["entities"]:
        assert set(entity) == {"type", "id", "name", "text"}
    assert reply["steps"]
    for step in reply["steps"]:
        assert {"id", "name", "kind", "status"} <= set(step)
        assert step["status"] in ("done", "todo")
    assert reply["sources"]
    for source in reply["sources"]:
        assert {"id", "title", "publisher", "url"} <= set(source)


def test_confidence_is_between_zero_and_one() -> None:
    for question in ("hi", "how do I become a PACS analyst?", "what is the CIIP?"):
        assert 0.0 <= json.loads(advisor("ask", "--json", question).out)["confidence"] <= 1.0


def test_options_work_before_and_after_the_command(tmp_path: Path, home: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert advisor("--profile", str(first), "ask", "I live in Boston").code == 0
    assert advisor("ask", "--profile", str(second), "I live in Boston").code == 0
    assert first.exists() and second.exists()
    assert not (home / "profile.json").exists()


def test_ask_remembers_the_profile_between_runs() -> None:
    advisor("ask", "I want to become a PACS administrator")
    r = advisor("ask", "what should I learn next?")
    assert r.out.startswith("Next step toward PACS Administrator: ")


# -- piped input ----------------------------------------------------------------------------
CONVERSATION = "I want to become a PACS administrator\nhow much do they make?\n\nand in boston?\n"


def test_piped_lines_are_one_conversation() -> None:
    r = advisor(stdin=CONVERSATION)
    assert r.code == 0
    answers = r.out.split("\n\n")
    assert answers[-1] == ""
    goal, pay, boston = answers[:-1]
    assert goal.startswith("Got it. Goal: PACS Administrator.")
    assert pay.startswith("Pay for PACS Administrator:")
    assert "Boston, Massachusetts" in boston
    assert "you >" not in r.out and "you ›" not in r.out


def test_piped_json_is_one_object_a_line() -> None:
    goal, pay, boston = advisor("--json", stdin=CONVERSATION).json_lines()
    assert goal["intent"] == "profile_update"
    assert pay["intent"] == "salary"
    assert boston["intent"] == "salary"  # the follow-up resolves against the context
    assert any(e["id"] == "boston" for e in boston["entities"])


def test_chat_subcommand_is_piped_too_when_not_a_terminal() -> None:
    assert len(advisor("chat", "--json", stdin="hi\nbye\n").json_lines()) == 2


# -- path, graph, eval, validate ------------------------------------------------------------
def test_path_as_text_and_markdown() -> None:
    text = advisor("path", "--to", "pacs analyst")
    assert (text.code, text.err) == (0, "")
    assert text.out.startswith("Your path to PACS Analyst (")
    markdown = advisor("path", "--to", "pacs analist", "--markdown")
    assert markdown.out.startswith("# Path to PACS Analyst\n\n- [ ] **")
    assert "\n## Sources\n" in markdown.out


def test_path_uses_the_profile() -> None:
    advisor("ask", "I have a bachelor's in computer science and I know DICOM")
    assert "- [x] **" in advisor("path", "--to", "pacs analyst", "--markdown").out


def test_path_to_an_unknown_role_is_a_usage_error() -> None:
    r = advisor("path", "--to", "chef")
    assert (r.code, r.out) == (1, "")
    assert r.err.startswith("advisor: unknown role 'chef'; try one of: PACS Analyst, ")
    assert r.err.endswith("\nTry 'advisor --help'.\n")


def test_graph_mermaid() -> None:
    r = advisor("graph", "--mermaid")
    assert r.code == 0
    assert r.out.startswith("flowchart")


def test_eval_on_a_small_file(tmp_path: Path) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_text(
        '{"text": "hi", "intent": "greeting"}\n\n{"text": "pacs admin salary", "intent": "salary"}\n', "utf-8"
    )
    r = advisor("eval", str(cases))
    assert r.code == 0
    assert r.out.startswith("cases: 2   accuracy: 100.0%\n")
    report = json.loads(advisor("eval", "--json", str(cases)).out)
    assert (report["cases"], report["accuracy"]) == (2, 1.0)


def test_eval_bad_line_is_a_usage_error(tmp_path: Path) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_text('{"text": "hi", "intent": "greeting"}\nnot json\n', "utf-8")
    r = advisor("eval", str(cases))
    assert r.code == 1
    assert r.err == (
        f'advisor: {cases}:2: expected {{"text": ..., "intent": ...}}\nTry \'advisor --help\'.\n'
    )


def test_validate_the_shipped_data() -> None:
    r = advisor("validate")
    assert (r.code, r.out) == (0, "ok: knowledge and intents are valid\n")


@pytest.fixture()
def broken_knowledge(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE, folder)
    (folder / "roles.json").write_text("{ not json", "utf-8")
    return folder


def test_bad_data_exits_2(broken_knowledge: Path) -> None:
    r = advisor("--knowledge", str(broken_knowledge), "ask", "hi")
    assert (r.code, r.out) == (2, "")
    lines = r.err.splitlines()
    assert lines[0] == "advisor: the data has 1 problem(s); nothing was changed:"
    assert lines[1].startswith("  roles.json: $: ")
    assert lines[-1] == "Run 'advisor validate' after fixing them."


def test_validate_bad_data_exits_2(broken_knowledge: Path) -> None:
    r = advisor("validate", str(broken_knowledge))
    assert r.code == 2
    assert r.out.startswith("roles.json: $: ")
    assert r.err == "1 problem(s) found.\n"


def test_other_intents_dir_is_used(tmp_path: Path) -> None:
    folder = tmp_path / "intents"
    shutil.copytree(DEFAULT_INTENTS, folder)
    assert advisor("--intents", str(folder), "ask", "hi").code == 0


# -- usage errors and help ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["path"], "the following arguments are required: --to"),
        (["ask"], "the following arguments are required: question"),
        (["graph"], "the following arguments are required: --mermaid"),
        (["eval"], "the following arguments are required: file"),
        (["ask", "--bogus", "hi"], "unrecognized arguments: --bogus"),
        (["--knowledge", "/no/such/dir", "ask", "hi"], "no such directory: /no/such/dir"),
        (["validate", "/no/such/dir"], "no such directory: /no/such/dir"),
    ],
)
def test_usage_errors_exit_1_with_a_message(argv: list[str], message: str) -> None:
    r = advisor(*argv)
    assert (r.code, r.out) == (1, "")
    assert r.err == f"advisor: {message}\nTry 'advisor --help'.\n"


def test_eval_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    r = advisor("eval", str(tmp_path / "missing.jsonl"))
    assert r.code == 1
    assert r.err.startswith(f"advisor: cannot read {tmp_path / 'missing.jsonl'}: ")


def test_unknown_command() -> None:
    r = advisor("bogus")
    assert r.code == 1
    assert r.err.startswith("advisor: argument COMMAND: invalid choice: 'bogus'")


@pytest.mark.parametrize("command", [None, *SUBCOMMANDS])
def test_help_on_each_command(command: str | None) -> None:
    r = advisor(*([command] if command else []), "--help")
    assert (r.code, r.err) == (0, "")
    assert r.out.startswith(f"usage: advisor{' ' + command if command else ''} ")
    if command is None:
        assert "Exit codes: 0 ok, 1 usage error, 2 bad data." in r.out
        for sub in SUBCOMMANDS:
            assert f"    {sub} " in r.out


# -- as a process ---------------------------------------------------------------------------
def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "ADVISOR_HOME": str(tmp_path / "home"),
        "ADVISOR_CACHE_DIR": str(tmp_path / "cache"),
    }


def test_python_dash_m_advisor(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "advisor", "ask", "hi"],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("Hello!")


def test_piped_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "advisor", "--json"],
        input=b"what is the CIIP\xff?\n\xfe\xfe\n",
        capture_output=True,
        env=_env(tmp_path),
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert len(done.stdout.splitlines()) == 2


def test_that_was_a_question_in_a_new_run_takes_back_nothing() -> None:
    advisor("ask", "I'm a rad tech with 3 years")
    advisor("ask", "what is HL7?")
    r = advisor("ask", "no, that was a question")
    assert "Nothing to take back" in r.out
    assert "Radiologic Technologist" in advisor("ask", "what do you know about me?").out
