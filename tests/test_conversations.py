"""Conversations as fixtures: tests/conversations/*.json, each a list of turns."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from advisor import Advisor

FILES = sorted((Path(__file__).parent / "conversations").glob("*.json"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_conversation(engine: Advisor, path: Path) -> None:
    conv = engine.conversation()
    for number, turn in enumerate(json.loads(path.read_text("utf-8"))["turns"], 1):
        reply = conv.reply(turn["say"])
        where = f"{path.stem} turn {number} {turn['say']!r} → {reply.intent}:\n{reply.text}"
        _check(turn, reply.intent, reply.text, reply.steps, where)
        _check_profile(turn, conv.state_dict()["profile"], where)
        # state survives a JSON round trip at every turn (a web API keeps it outside)
        conv = engine.conversation(json.loads(json.dumps(conv.state_dict())))


def _check(turn: dict[str, Any], intent: str, text: str, steps: list[dict[str, Any]], where: str) -> None:
    if "expect_intent" in turn:
        assert intent == turn["expect_intent"], where
    for part in turn.get("expect_text_contains", []):
        assert part.lower() in text.lower(), f"missing {part!r} in {where}"
    for part in turn.get("expect_text_lacks", []):
        assert part.lower() not in text.lower(), f"unexpected {part!r} in {where}"
    status = {s["id"]: s["status"] for s in steps}
    for step_id, expected in turn.get("expect_steps", {}).items():
        assert status.get(step_id) == expected, f"step {step_id}: {status.get(step_id)} in {where}"
    todo = [s for s in steps if s["status"] == "todo"]
    if "expect_first_todo" in turn:
        assert todo and todo[0]["id"] == turn["expect_first_todo"], where
    if "expect_first_todo_kind" in turn:
        assert todo and todo[0]["kind"] == turn["expect_first_todo_kind"], where
    if "expect_no_todo_kind" in turn:
        assert all(s["kind"] != turn["expect_no_todo_kind"] for s in todo), where
    if turn.get("expect_all_todo"):
        assert steps and not any(s["status"] == "done" for s in steps), where
    order = [s["id"] for s in steps]
    for before, after in zip(turn.get("expect_order", []), turn.get("expect_order", [])[1:], strict=False):
        assert before in order and after in order, f"{before} / {after} not in the steps of {where}"
        assert order.index(before) < order.index(after), f"{before} should come before {after} in {where}"


def _check_profile(turn: dict[str, Any], profile: dict[str, Any], where: str) -> None:
    """expect_profile: scalars equal, lists contain.

    expect_profile_lacks: "field" (empty) or "field:id" (id not in the list).
    """
    for key, want in turn.get("expect_profile", {}).items():
        if isinstance(want, list):
            assert set(want) <= set(profile[key]), f"profile {key}={profile[key]} in {where}"
        else:
            assert profile[key] == want, f"profile {key}={profile[key]!r} in {where}"
    for entry in turn.get("expect_profile_lacks", []):
        key, _, value = entry.partition(":")
        assert (value not in profile[key]) if value else not profile[key], f"profile has {entry} in {where}"
