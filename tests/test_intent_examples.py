"""Every intent example routes to its own intent; the held-out sets meet the accuracy bar."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advisor import Advisor
from advisor.knowledge.dataset import LEXICON_FILES
from advisor.terminal.evaluate import evaluate, read_cases

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [
    (path.stem, text)
    for path in sorted((ROOT / "intents").glob("*.json"))
    if path.name not in LEXICON_FILES
    for text in json.loads(path.read_text("utf-8"))["examples"]
]


@pytest.mark.parametrize(("intent", "text"), EXAMPLES, ids=[f"{i}/{t[:40]}" for i, t in EXAMPLES])
def test_example_routes_to_its_intent(engine: Advisor, intent: str, text: str) -> None:
    reply = engine.conversation().reply(text)
    got = reply.runners_up[0][0] if reply.intent == "clarify" else reply.intent
    assert got == intent, f"{text!r} → {reply.intent} ({reply.confidence:.2f})"


def test_held_out_intent_accuracy(engine: Advisor) -> None:
    """Phrasings written separately from the examples (forums, Q&A, the seed)."""
    report = evaluate(engine, read_cases(ROOT / "tests" / "eval" / "intents.jsonl"))
    assert report["cases"] >= 300
    assert report["accuracy"] >= 0.95, report["worst_misses"]


def test_held_out_out_of_scope_rejection(engine: Advisor) -> None:
    """General-assistant questions and other careers are rejected."""
    report = evaluate(engine, read_cases(ROOT / "tests" / "eval" / "out_of_scope.jsonl"))
    assert report["cases"] >= 150
    assert report["accuracy"] >= 0.95, report["worst_misses"]


def test_second_blind_set_regression_guard(engine: Advisor) -> None:
    """A second set written after tuning and never tuned on (95.0 % when written): a floor."""
    report = evaluate(engine, read_cases(ROOT / "tests" / "eval" / "blind2.jsonl"))
    assert report["cases"] >= 300
    assert report["accuracy"] >= 0.93, report["worst_misses"]
