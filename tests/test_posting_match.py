"""A posting against a profile, through the API, `advisor match`, and the chat: verdicts,
questions, plan, the JSON contract, bad input, and that a posting never writes the profile."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.input.vt100_parser import Vt100Parser
from prompt_toolkit.key_binding import KeyPress
from prompt_toolkit.keys import Keys
from prompt_toolkit.output import DummyOutput

from advisor import Advisor
from advisor.converse.session import Session
from advisor.posting import match, read_posting
from advisor.posting.render import to_dict
from advisor.state import Profile
from advisor.terminal.cli import run
from advisor.terminal.paste import linear_paste
from advisor.terminal.repl import run_repl

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "postings" / "dev"
BULLETS = """PACS Administrator
Northwest Regional Medical Center

Responsibilities
- Maintains the modality worklist and the VNA.
- Participates in a 24/7 on-call rotation.

Qualifications
- Associate Degree in Information Technology required
- Bachelor's Degree in Information Technology preferred
- 2-4 years of experience in radiologic technology or information systems
- Working knowledge of DICOM and HL7
- Experience with SQL queries and Windows Server
- CIIP or CPAS certification preferred
"""
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"


@pytest.fixture(scope="module")
def kdir() -> Path:
    return Path(__file__).resolve().parent.parent / "knowledge"


@pytest.fixture(scope="module")
def engine(kdir: Path) -> Advisor:
    return Advisor.load(kdir)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "home"


def cli(kdir: Path, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--knowledge", str(kdir), *argv], io.StringIO(stdin), out, err)
    assert "Traceback" not in err.getvalue() + out.getvalue()
    return code, out.getvalue(), err.getvalue()


# -- compare and plan -------------------------------------------------------------------------
def test_verdicts_readiness_questions_and_plan(engine: Advisor) -> None:
    profile = Profile(degree="associate", years=1, skills=["dicom"])
    m = match(engine, profile, read_posting(engine, BULLETS))
    states = {v.name: (v.item.status, v.state) for v in m.verdicts}
    assert states["DICOM"] == ("required", "met")
    assert states["Associate degree (information technology)"] == ("required", "met")
    assert states["HL7"] == ("required", "unknown")
    assert next(s for n, s in states.items() if n.startswith("2 years")) == ("required", "missing")
    assert states["Bachelor's degree (information technology)"] == ("preferred", "missing")
    assert (m.count("required"), m.count("required", "met")) == (6, 2)
    assert m.verdicts[0].item.status == "required"  # required first
    assert "Do you know HL7?" in m.questions
    assert "What is your highest degree?" not in m.questions  # the profile says it
    names = [s.name for s in m.plan]
    assert any("HL7" in n for n in names) and any("2 years" in n for n in names)
    assert not any("DICOM" in n for n in names)  # met: no step
    assert m.closest is not None and m.closest.role == "pacs-administrator"


def test_a_fully_met_posting_has_no_plan(engine: Advisor) -> None:
    text = "PACS Analyst\n\nRequirements\n- Bachelor's degree\n- 3 years of experience\n- DICOM"
    m = match(engine, Profile(degree="master", years=5, skills=["dicom"]), read_posting(engine, text))
    assert m.count("required", "met") == m.count("required") == 3
    assert m.plan == () and m.questions == ()


def test_answering_a_question_in_the_chat_updates_the_profile(engine: Advisor, home: Path) -> None:
    session = Session(engine, None, io.StringIO())
    before = session.match(BULLETS)
    assert "Do you know HL7?" in before.questions
    assert not (home / "profile.json").exists()  # the posting wrote nothing
    session.ask("I know HL7")
    after = session.match(BULLETS)
    assert next(v for v in after.verdicts if v.item.id == "hl7").state == "met"
    assert "hl7" in json.loads((home / "profile.json").read_text("utf-8"))["profile"]["skills"]


# -- advisor match ----------------------------------------------------------------------------
def test_match_text_markdown_and_stdin(kdir: Path, tmp_path: Path, home: Path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text(BULLETS, "utf-8")
    code, out, _ = cli(kdir, "match", str(posting))
    assert code == 0
    assert out.startswith("Job posting: PACS Administrator (closest role: PACS Administrator)\n")
    assert "Readiness: 0 of 6 required met, 0 of 3 preferred." in out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert cli(kdir, "match", "-", stdin=BULLETS)[1] == out
    code, md, _ = cli(kdir, "match", str(posting), "--markdown")
    assert md.startswith("# Job posting: PACS Administrator\n") and "## Required" in md
    assert not (home / "profile.json").exists()  # nothing written: no profile


def readme_json_keys() -> list[str]:
    section = (ROOT / "README.md").read_text("utf-8").split("`advisor match --json` prints one object:")[1]
    table = section.split("\n\n")[1]
    return [k for row in re.findall(r"^\| (`.*?`) \|", table, re.M) for k in re.findall(r"`(\w+)`", row)]


def test_json_contract_matches_the_readme(kdir: Path, engine: Advisor) -> None:
    code, out, _ = cli(kdir, "match", "-", "--json", stdin=BULLETS)
    data = json.loads(out)
    assert code == 0 and data["ok"] is True
    assert sorted(data) == sorted(readme_json_keys())
    assert data["role"] == "pacs-administrator" and data["on_call"] is True
    item = data["items"][0]
    assert {"type", "status", "name", "match", "text", "line"} <= set(item)
    assert set(data["readiness"]["required"]) == {"met", "missing", "unknown", "total"}
    assert data == to_dict(engine.graph, match(engine, Profile(), read_posting(engine, BULLETS)))


@pytest.mark.parametrize(
    ("content", "answer"),
    [
        (b"", "The posting is empty: paste the text of a job ad."),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50, "That looks like a binary file, not a job posting"),
        (b"PACS DICOM HL7 required\n" * 220_000, "Too long for a job posting: more than 200,000 characters"),
        (
            "Administrador de PACS\nRequisitos: experiencia de tres años con DICOM y HL7, título "
            "universitario en informática y disponibilidad para guardias. Se valorará la "
            "certificación CIIP y el conocimiento de redes hospitalarias.\n".encode(),
            "That posting does not look like English",
        ),
        (
            b"Registered Nurse (RN) - ICU - Nights\nRequirements\n- Current RN license\n"
            b"- BLS and ACLS required\n- One year of acute care experience\n",
            "not a PACS or imaging-informatics job",
        ),
    ],
    ids=["empty", "binary", "5MB", "spanish", "nurse"],
)
def test_bad_input_gets_one_calm_line(
    kdir: Path, tmp_path: Path, home: Path, content: bytes, answer: str
) -> None:
    path = tmp_path / "posting.txt"
    path.write_bytes(content)
    code, out, err = cli(kdir, "match", str(path))
    assert (code, err) == (0, "")
    assert out.count("\n") == 1 and answer in out and len(out) <= 81
    assert not (home / "profile.json").exists()
    data = json.loads(cli(kdir, "match", str(path), "--json")[1])
    assert data["ok"] is False and answer in data["message"]


def test_a_missing_file_is_a_usage_error(kdir: Path) -> None:
    code, out, err = cli(kdir, "match", "/no/such/posting.txt")
    assert code == 1 and out == ""
    assert err.startswith("advisor: cannot read /no/such/posting.txt: No such file or directory\n")


def test_eval_postings_reports_each_item_type(kdir: Path) -> None:
    code, out, _ = cli(kdir, "eval", "--postings", str(DEV))
    assert code == 0
    for kind in (
        "role",
        "required",
        "preferred",
        "degree",
        "experience",
        "skill",
        "certification",
        "on_call",
    ):
        assert re.search(rf"^{kind} +\d+% +\d+%", out, re.M), kind
    report = json.loads(cli(kdir, "eval", "--postings", str(DEV), "--json")[1])
    assert report["kinds"]["required"]["recall"] >= 0.9


# -- the chat ----------------------------------------------------------------------------------
def chat(engine: Advisor, keys: str) -> list[str]:
    said: list[str] = []
    session = Session(engine, None, io.StringIO())
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("chat hung")))
    signal.alarm(60)
    try:
        with create_pipe_input() as pipe:
            pipe.send_text(keys + "\x04")
            run_repl(
                session, color=False, input=pipe, output=DummyOutput(), say=lambda t, s="": said.append(t)
            )
    finally:
        signal.alarm(0)
    return said


def posting_lines(count: int) -> str:
    text = (DEV / "pacs_admin_bullets.txt").read_text("utf-8")
    lines = text.splitlines() + [f"- Other duty number {n}" for n in range(count)]
    return "\n".join(lines[:count])


@pytest.mark.parametrize("count", [40, 120])
def test_a_pasted_posting_is_one_message_answered_by_the_matcher(
    engine: Advisor, home: Path, count: int
) -> None:
    said = chat(engine, PASTE_START + posting_lines(count) + PASTE_END + "\r")
    answers = [s for s in said if not s.startswith("Welcome")]
    assert len(answers) == 1
    assert answers[0].startswith("Job posting: PACS Administrator")
    assert not (home / "profile.json").exists()


def test_match_command_then_lines_then_an_empty_line(engine: Advisor, tmp_path: Path) -> None:
    lines = BULLETS.strip().replace("\n\n", "\n").splitlines()
    export = tmp_path / "plan.md"
    said = chat(engine, "/match\r" + "".join(f"{line}\r" for line in lines) + "\r" + f"/export {export}\r")
    answers = [s for s in said if not s.startswith("Welcome")]
    assert answers[0] == "Paste the job posting, then an empty line (or Ctrl-D)."
    assert answers[1].startswith("Job posting: PACS Administrator")
    assert answers[2] == f"Plan saved to {export}."
    assert "# Job posting: PACS Administrator" in export.read_text("utf-8")


def test_after_answering_a_question_match_compares_the_last_posting_again(engine: Advisor) -> None:
    said = chat(engine, PASTE_START + BULLETS + PASTE_END + "\r" + "I know HL7\r" + "/match\r" + "\r")
    first, _, prompt, again = [s for s in said if not s.startswith("Welcome")]
    assert "? HL7 — you have not said" in first
    assert prompt.endswith("(an empty line alone: the last posting again).")
    assert "✓ HL7 — you have it" in again


def test_a_short_multi_line_message_is_still_a_question(engine: Advisor) -> None:
    said = chat(engine, PASTE_START + "what is the\nCIIP?" + PASTE_END + "\r")
    assert "Certified Imaging Informatics Professional" in said[-1]


def test_linear_paste_hands_on_the_whole_paste_once() -> None:
    keys: list[KeyPress] = []
    parser = Vt100Parser(keys.append)
    linear_paste(SimpleNamespace(vt100_parser=parser))
    body = "line one\nline two é\n" * 1000
    chunks = ["x\x1b[200~", body[:7], body[7:5000], body[5000:], "\x1b[20", "1~y"]
    for chunk in chunks:
        parser.feed(chunk)
    pastes = [k.data for k in keys if k.key == Keys.BracketedPaste]
    assert pastes == [body]
    assert [k.data for k in keys if k.key != Keys.BracketedPaste] == ["x", "y"]


def test_a_5_mb_paste_gets_one_calm_line(engine: Advisor, home: Path) -> None:
    said: list[str] = []
    big = ("Requirements: DICOM and HL7 required\n" * 140_000)[:5_000_000]
    session = Session(engine, None, io.StringIO())
    with create_pipe_input() as pipe:  # more than a pipe holds: sent while the chat reads
        sender = threading.Thread(target=pipe.send_text, args=(PASTE_START + big + PASTE_END + "\r\x04",))
        sender.start()
        run_repl(session, color=False, input=pipe, output=DummyOutput(), say=lambda t, s="": said.append(t))
        sender.join()
    assert said[-1] == "Too long for a job posting: more than 200,000 characters; paste just the ad."
    assert not (home / "profile.json").exists()


def test_degrees_named_as_alternatives_are_one_requirement(engine: Advisor) -> None:
    text = "PACS Analyst\n\nRequirements\n- Associate's or bachelor's degree in IT required\n- DICOM"
    posting = read_posting(engine, text)

    def degrees(profile: Profile) -> list[tuple[str, str]]:
        found = match(engine, profile, posting)
        return [(v.item.id, v.state) for v in found.verdicts if v.item.type == "degree"]

    assert degrees(Profile(degree="associate")) == [("associate", "met")]
    assert degrees(Profile(degree="master")) == [("associate", "met")]
    assert degrees(Profile(degree="high-school")) == [("associate", "missing")]


def test_a_whole_posting_piped_into_the_chat_gets_one_match_answer(kdir: Path) -> None:
    code, out, _ = cli(kdir, stdin=BULLETS)
    assert code == 0 and out.startswith("Job posting: PACS Administrator")
    assert out.count("Readiness:") == 1
    code, out, _ = cli(kdir, "--json", stdin=BULLETS)
    assert json.loads(out)["role"] == "pacs-administrator"  # the `advisor match --json` contract


def test_chat_lines_piped_in_stay_one_message_each(kdir: Path) -> None:
    """Many lines with cue words but no sections or layout are a conversation."""
    lines = (
        "hi\nwhat is required for a PACS analyst?\nis CIIP preferred?\nmust I know HL7?\nI know DICOM\nbye\n"
    )
    code, out, _ = cli(kdir, "--json", stdin=lines)
    assert code == 0 and len(out.splitlines()) == 6


def test_a_slow_pipe_is_chat_and_loses_nothing(engine: Advisor) -> None:
    """A writer that sends a line and waits is not a posting; what was read comes first."""
    from advisor.terminal.stdin_posting import split_posting

    read_fd, write_fd = os.pipe()
    os.write(write_fd, b"PACS Administrator\n\nRequirements\n- DICOM\nhal")
    with os.fdopen(read_fd, encoding="utf-8") as stdin:
        posting, rest = split_posting(stdin, engine.posting)
        os.write(write_fd, b"f a line\nbye\n")
        os.close(write_fd)
        assert posting is None
        assert list(rest) == [
            "PACS Administrator\n",
            "\n",
            "Requirements\n",
            "- DICOM\n",
            "half a line\n",
            "bye\n",
        ]


def test_the_plan_asks_for_the_lowest_of_alternative_degrees(engine: Advisor) -> None:
    text = "PACS Analyst\n\nRequirements\n- Associate's or bachelor's degree in IT required\n- DICOM"
    found = match(engine, Profile(degree="high-school"), read_posting(engine, text))
    assert [s.id for s in found.plan if s.id.startswith("degree:")] == ["degree:associate"]
