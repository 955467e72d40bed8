"""Output that fits the terminal: charts, wrapping and the toolbar at 60, 80 and 120 columns;
no internal words in replies."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from advisor import Advisor
from advisor.converse.session import Session
from advisor.terminal.cli import run
from advisor.terminal.layout import CHART_LINE, fit, toolbar
from advisor.terminal.repl import Chat

ROOT = Path(__file__).resolve().parents[1]
WIDTHS = [60, 80, 120]
COMPARE = "compare pacs analyst, pacs administrator, ris analyst and cardiology pacs administrator"


def bars(text: str) -> list[tuple[str, int]]:
    """(label, bar length in cells) of each chart line."""
    return [(m["label"].rstrip(), len(m["bar"])) for m in map(CHART_LINE.match, text.splitlines()) if m]


@pytest.mark.parametrize("width", WIDTHS)
def test_a_comparison_fits_the_width(engine: Advisor, width: int) -> None:
    reply = engine.conversation().reply(COMPARE)
    shown = fit(reply.text, width)
    assert all(len(line) <= width for line in shown.splitlines()), shown
    chart = bars(shown)
    assert len(chart) >= 4
    starts = {m.start("bar") for m in map(CHART_LINE.match, shown.splitlines()) if m}
    assert len(starts) == 1  # one label column: the bars line up
    heights = [n for _, n in chart]
    assert max(heights) >= 10  # a readable bar at every width
    original = [n for _, n in bars(reply.text)]
    assert heights.index(max(heights)) == original.index(max(original))  # same proportions


def test_wider_terminals_get_longer_bars_and_whole_labels(engine: Advisor) -> None:
    text = engine.conversation().reply(COMPARE).text
    narrow, wide = bars(fit(text, 60)), bars(fit(text, 120))
    assert max(n for _, n in wide) > max(n for _, n in narrow)
    assert not any(label.endswith("…") for label, _ in wide)
    assert any(label.endswith("…") for label, _ in narrow)  # only when the bar is at its minimum


def test_replies_are_made_for_80_columns_and_piped_output_wraps_to_80(engine: Advisor) -> None:
    assert all(
        len(line) <= 80 for line in bars(engine.conversation().reply(COMPARE).text) for line in line[0]
    )
    out = io.StringIO()
    run(["ask", COMPARE], io.StringIO(), out, io.StringIO())
    assert out.getvalue() and all(len(line) <= 80 for line in out.getvalue().splitlines())
    out = io.StringIO()
    run([], io.StringIO("how much does a pacs administrator make in san francisco?\n"), out, io.StringIO())
    assert all(len(line) <= 80 for line in out.getvalue().splitlines())


@pytest.mark.parametrize("width", WIDTHS)
def test_the_toolbar_shortens_gracefully(engine: Advisor, tmp_path: Path, width: int) -> None:
    session = Session(engine, tmp_path / "profile.json", io.StringIO())
    for said in ("I work at the help desk", "I have an associate degree", "I have 3 years", "I know DICOM"):
        session.ask(said)
    session.ask("I want to become a cardiology PACS administrator")
    line = toolbar(session.goal() or "", session.summary(), width)
    assert len(line) < width
    assert "1 skill" in session.summary() and "1 skills" not in session.summary()
    if width >= 120:
        assert line.endswith("/help") and "…" not in line
    assert Chat(session, None, print).toolbar()  # type: ignore[arg-type]


def test_no_internal_words_in_replies(engine: Advisor) -> None:
    conv = engine.conversation(state={"version": 2, "profile": {"goal": "pacs-analyst"}})
    lines = (ROOT / "tests" / "eval" / "intents.jsonl").read_text("utf-8").splitlines()
    questions = [json.loads(line)["text"] for line in lines if line.strip()]
    questions += ["how much does a pacs associate make", "which certs exist", "what books should I read"]
    for question in questions:
        text = conv.reply(question).text
        assert not re.search(r"\bseed\b", text, re.I), f"{question!r}: {text}"


def test_a_decline_says_it_once(engine: Advisor) -> None:
    text = engine.conversation().reply("how much does a nurse practitioner make?").text
    assert "can't answer about" in text
    assert "outside what I know" not in text


@pytest.mark.parametrize("width", WIDTHS)
def test_the_toolbar_drops_whole_items_first(width: int) -> None:
    summary = "Hospital IT / help desk, associate degree, 3 yrs, 1 skill, CIIP, Boston"
    line = toolbar("Cardiology PACS Administrator", summary, width)
    assert len(line) < width and line.startswith(" ")
    if width < 120:
        shown = line.split(" │ ", 1)[1]
        assert shown.endswith(", …") and summary.startswith(shown[: -len(", …")])
