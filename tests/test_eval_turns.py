"""`advisor eval FILE.json` on multi-turn conversations: every check kind and the report."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from advisor import Advisor
from advisor.terminal.cli import run
from advisor.terminal.evaluate_turns import evaluate_conversations

PASSING = {
    "say": "I'm a rad tech with 3 years of experience",
    "intent": ["profile_update", "clarify"],
    "contains": ["radiologic technologist"],
    "contains_any": ["nope", "3 years"],
    "not_contains": ["goodbye"],
    "profile": {"current_role": "radiologic-technologist", "years": 3},
    "profile_lacks": ["goal", "skills:hl7", "current_role=ris-analyst"],
    "ends": False,
}


def _run(engine: Advisor, *turns: dict[str, object]) -> dict[str, object]:
    return evaluate_conversations(engine, [{"id": "c", "turns": list(turns)}])


def test_every_check_passes_on_a_matching_turn(engine: Advisor) -> None:
    report = _run(engine, PASSING)
    assert report["failures"] == [] and report["turn_pass_rate"] == 1.0


@pytest.mark.parametrize(
    ("check", "reason"),
    [
        ({"intent": "salary"}, "intent profile_update, expected salary"),
        ({"contains": ["zebra"]}, "reply lacks ['zebra']"),
        ({"contains_any": ["zebra", "okapi"]}, "reply has none of"),
        ({"not_contains": ["Radiologic"]}, "reply has ['Radiologic']"),
        ({"profile": {"years": 5}}, "profile years is 3.0, expected 5"),
        ({"profile": {"skills": ["dicom"]}}, "profile skills lacks ['dicom']"),
        ({"profile_lacks": ["years"]}, "profile years is set"),
        ({"profile_lacks": ["current_role=radiologic-technologist"]}, "profile current_role has"),
        ({"profile_unchanged": True}, "profile changed: current_role, years"),
        ({"ends": True}, "chat did not end"),
        ({"steps_todo": ["skill:dicom"]}, "steps not todo: ['skill:dicom']"),
    ],
)
def test_each_failing_check_names_its_reason(engine: Advisor, check: dict[str, object], reason: str) -> None:
    report = _run(engine, {"say": PASSING["say"], **check})
    (failure,) = report["failures"]  # type: ignore[misc]
    assert reason in " | ".join(failure["reasons"])
    assert report["conversation_pass_rate"] == 0.0


def test_cli_detects_the_multi_turn_shape(tmp_path: Path) -> None:
    data = {"conversations": [{"id": "a", "turns": [PASSING, {"say": "bye", "ends": False}]}]}
    path = tmp_path / "talk.json"
    path.write_text(json.dumps(data), "utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert run(["eval", str(path)], io.StringIO(), out, err) == 0
    assert out.getvalue().splitlines()[:2] == [
        "turns: 2   passed: 50.0%",
        "conversations: 1   passed: 0.0%",
    ]
    assert "a #2 'bye' → goodbye" in out.getvalue()
    out = io.StringIO()
    assert run(["eval", "--json", str(path)], io.StringIO(), out, err) == 0
    assert json.loads(out.getvalue())["turns"] == 2


def test_a_bad_multi_turn_file_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"conversations": [{"turns": [{"text": "hi"}]}]}), "utf-8")
    err = io.StringIO()
    assert run(["eval", str(path)], io.StringIO(), io.StringIO(), err) == 1
    assert 'each turn needs a "say" string' in err.getvalue()


ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("name", "floor"),
    [
        # floors a few points under what was measured at the end of the session, so a
        # regression of a handful of turns fails (the measured figure in each comment)
        ("tests/eval/conversations/tune.json", 0.94),  # 97.5 %
        ("tests/conversations_mt/dev.json", 0.94),  # 98.1 %
        # once held out (58.1 % when first measured), then developed on
        ("tests/eval/conversations/dev3.json", 0.89),  # 92.5 %
        # was blind4: 77.8 % when measured blind, then developed on
        ("tests/eval/conversations/dev4.json", 0.92),  # 96.3 %
        # written blind: 69.7 % when first measured, then developed on
        ("tests/eval/conversations/dev5.json", 0.87),  # 91.3 %
        # written blind and never tuned on for a session (78.2 % at first, 86.0 % after a
        # session of work on other sets); developed on from the session that wrote blind6
        ("tests/eval/conversations/blind5.json", 0.94),  # 98.1 %
        # written blind: 77.5 % when first measured (at 2ad612e), then developed on
        ("tests/eval/conversations/dev6.json", 0.90),  # 94.7 %
        # written blind: 80.3 % / 74.3 % at the session's start (fd085e4), 83.3 % / 81.9 %
        # when added (8849437), then developed on
        ("tests/eval/conversations/dev8.json", 0.89),  # 92.4 %
        ("tests/eval/conversations/dev9.json", 0.87),  # 90.9 %
        # never tuned on (written blind): 75.0 % at 2ad612e, 85.8 % at the session's end (its
        # failures were never read; its total was seen during the session)
        ("tests/eval/conversations/blind6.json", 0.82),
        # never tuned on and its total seen only twice (written blind): 83.5 % at the
        # session's start (fd085e4), 85.8 % when added (a93fd01), 86.5 % at the end
        ("tests/eval/conversations/blind7.json", 0.83),
    ],
)
def test_multi_turn_sets_keep_their_floor(engine: Advisor, name: str, floor: float) -> None:
    """Conversations by people who never saw the examples: a regression floor (turns)."""
    from advisor.terminal.evaluate_turns import read_conversations

    report = evaluate_conversations(engine, read_conversations(ROOT / name))
    assert report["turn_pass_rate"] >= floor, report["failures"][:10]
