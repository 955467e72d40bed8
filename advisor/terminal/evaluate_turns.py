"""`advisor eval FILE.json` on whole conversations: every turn's checks, turn and conversation
pass rates, each failing turn with its reason (format: CONTRACT "Multi-turn evaluation")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from advisor.engine import Advisor
from advisor.errors import UsageError
from advisor.reply import Reply

CHECKS = frozenset(
    {
        "intent",
        "contains",
        "contains_any",
        "not_contains",
        "profile",
        "profile_lacks",
        "profile_unchanged",
        "steps_done",
        "steps_todo",
        "ends",
    }
)


def is_multi_turn(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("conversations"), list)


def read_conversations(path: Path) -> list[dict[str, Any]]:
    """The conversations of a multi-turn file (UsageError when it is not one)."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise UsageError(f"cannot read {path}: {err}") from None
    if not is_multi_turn(data):
        raise UsageError(f'{path}: expected {{"conversations": [...]}}')
    convs = []
    for number, conv in enumerate(data["conversations"], 1):
        turns = conv.get("turns") if isinstance(conv, dict) else None
        if not isinstance(turns, list) or not all(
            isinstance(t, dict) and isinstance(t.get("say"), str) for t in turns
        ):
            raise UsageError(f'{path}: conversation {number}: each turn needs a "say" string')
        convs.append({"id": str(conv.get("id", number)), "turns": turns})
    return convs


def check_turn(
    turn: dict[str, Any], reply: Reply, before: dict[str, Any], after: dict[str, Any]
) -> list[str]:
    """Reasons this turn fails (empty when it passes)."""
    reasons: list[str] = []
    text = reply.text.lower()
    if "intent" in turn:
        want = turn["intent"] if isinstance(turn["intent"], list) else [turn["intent"]]
        if reply.intent not in want:
            reasons.append(f"intent {reply.intent}, expected {'/'.join(want)}")
    missing = [s for s in turn.get("contains", []) if s.lower() not in text]
    if missing:
        reasons.append(f"reply lacks {missing}")
    anyof = turn.get("contains_any", [])
    if anyof and not any(s.lower() in text for s in anyof):
        reasons.append(f"reply has none of {anyof}")
    extra = [s for s in turn.get("not_contains", []) if s.lower() in text]
    if extra:
        reasons.append(f"reply has {extra}")
    reasons += _profile_reasons(turn, before, after)
    status = {s.get("id"): s.get("status") for s in reply.steps}
    for key, want_status in (("steps_done", "done"), ("steps_todo", "todo")):
        wrong = [s for s in turn.get(key, []) if status.get(s) != want_status]
        if wrong:
            reasons.append(f"steps not {want_status}: {wrong}")
    if "ends" in turn and bool(turn["ends"]) != reply.end:
        reasons.append("chat ended" if reply.end else "chat did not end")
    return reasons


def _profile_reasons(turn: dict[str, Any], before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    reasons = []
    for key, want in (turn.get("profile") or {}).items():
        have = after.get(key)
        if isinstance(want, list):
            lacking = [w for w in want if w not in (have or [])]
            if lacking:
                reasons.append(f"profile {key} lacks {lacking}")
        elif have != want and not (isinstance(have, float) and have == want):
            reasons.append(f"profile {key} is {have!r}, expected {want!r}")
    for entry in turn.get("profile_lacks", []):
        key, _, value = str(entry).replace("=", ":").partition(":")
        have = after.get(key)
        if not value and have not in (None, [], ""):
            reasons.append(f"profile {key} is set ({have!r})")
        elif value and (have == value or (isinstance(have, list) and value in have)):
            reasons.append(f"profile {key} has {value!r}")
    if turn.get("profile_unchanged") and before != after:
        changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        reasons.append(f"profile changed: {', '.join(changed)}")
    return reasons


def evaluate_conversations(engine: Advisor, convs: list[dict[str, Any]]) -> dict[str, Any]:
    """Each conversation in a fresh state (never the user's profile)."""
    failures: list[dict[str, Any]] = []
    turns = passed_turns = passed_convs = 0
    for conv in convs:
        talk = engine.conversation()
        ok = True
        for number, turn in enumerate(conv["turns"], 1):
            before = talk.state_dict()["profile"]
            reply = talk.reply(turn["say"])
            after = talk.state_dict()["profile"]
            reasons = check_turn(turn, reply, before, after)
            turns += 1
            if reasons:
                ok = False
                failures.append(
                    {
                        "conversation": conv["id"],
                        "turn": number,
                        "say": turn["say"],
                        "intent": reply.intent,
                        "reasons": reasons,
                        "reply": reply.text,
                    }
                )
            else:
                passed_turns += 1
        passed_convs += ok
    return {
        "conversations": len(convs),
        "turns": turns,
        "turn_pass_rate": passed_turns / turns if turns else 0.0,
        "conversation_pass_rate": passed_convs / len(convs) if convs else 0.0,
        "failures": failures,
    }


def format_conversation_report(report: dict[str, Any]) -> str:
    out = [
        f"turns: {report['turns']}   passed: {report['turn_pass_rate']:.1%}",
        f"conversations: {report['conversations']}   passed: {report['conversation_pass_rate']:.1%}",
    ]
    if report["failures"]:
        out += ["", "failing turns:"]
    for f in report["failures"]:
        out.append(f"  {f['conversation']} #{f['turn']} {f['say'][:60]!r} → {f['intent']}")
        out += [f"      {r}" for r in f["reasons"]]
        first = f["reply"].splitlines()[0][:70] if f["reply"] else ""
        out.append(f"      reply: {first}")
    return "\n".join(out) + "\n"
