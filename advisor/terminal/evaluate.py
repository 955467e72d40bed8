"""`advisor eval`: intent accuracy, per-intent precision / recall / F1, confusions, misses."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from advisor.engine import Advisor
from advisor.errors import UsageError


def read_cases(path: Path) -> list[tuple[str, str]]:
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else "not UTF-8 text"
        raise UsageError(f"cannot read {path}: {reason}") from None
    cases = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
            cases.append((str(case["text"]), str(case["intent"])))
        except (ValueError, KeyError, TypeError):
            raise UsageError(f'{path}:{number}: expected {{"text": ..., "intent": ...}}') from None
    return cases


def evaluate(engine: Advisor, cases: list[tuple[str, str]]) -> dict[str, Any]:
    """Each case in a fresh conversation (no context), scored by the reply's intent."""
    results = []
    for text, expected in cases:
        reply = engine.conversation().reply(text)
        got = (
            reply.intent
            if reply.intent != "clarify"
            else (reply.runners_up[0][0] if reply.runners_up else "clarify")
        )
        results.append((text, expected, got, reply.confidence))
    labels = sorted({e for _, e, _, _ in results} | {g for _, _, g, _ in results})
    per: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = sum(1 for _, e, g, _ in results if e == label and g == label)
        fp = sum(1 for _, e, g, _ in results if e != label and g == label)
        fn = sum(1 for _, e, g, _ in results if e == label and g != label)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        per[label] = {"precision": p, "recall": r, "f1": f1, "support": tp + fn}
    confusions = Counter((e, g) for _, e, g, _ in results if e != g)
    misses = sorted(((c, t, e, g) for t, e, g, c in results if e != g), reverse=True)
    correct = sum(1 for _, e, g, _ in results if e == g)
    return {
        "cases": len(results),
        "accuracy": correct / len(results) if results else 0.0,
        "per_intent": per,
        "confusions": [{"expected": e, "got": g, "count": n} for (e, g), n in confusions.most_common()],
        "worst_misses": [
            {"text": t, "expected": e, "got": g, "confidence": round(c, 3)} for c, t, e, g in misses[:15]
        ],
    }


def evaluate_file(engine: Advisor, path: Path) -> dict[str, Any]:
    return evaluate(engine, read_cases(path))


def run_eval(engine: Advisor, path: Path) -> tuple[dict[str, Any], str]:
    """A multi-turn file (a JSON object with "conversations") or JSON Lines of single questions."""
    from advisor.terminal import evaluate_turns as mt

    if _looks_multi_turn(path):
        report = mt.evaluate_conversations(engine, mt.read_conversations(path))
        return report, mt.format_conversation_report(report)
    report = evaluate_file(engine, path)
    return report, format_report(report)


def _looks_multi_turn(path: Path) -> bool:
    try:
        return mt_shape(json.loads(path.read_text("utf-8")))
    except (OSError, UnicodeDecodeError, ValueError):
        return False  # JSON Lines (or unreadable: read_cases reports it)


def mt_shape(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("conversations"), list)


def format_report(report: dict[str, Any]) -> str:
    out = [
        f"cases: {report['cases']}   accuracy: {report['accuracy']:.1%}",
        "",
        f"{'intent':26} {'prec':>6} {'recall':>6} {'f1':>6} {'n':>4}",
    ]
    for label, m in report["per_intent"].items():
        out.append(
            f"{label:26} {m['precision']:6.2f} {m['recall']:6.2f} {m['f1']:6.2f} {int(m['support']):4}"
        )
    if report["confusions"]:
        out += ["", "confusions (expected → got):"]
        out += [f"  {c['count']:3} × {c['expected']} → {c['got']}" for c in report["confusions"][:15]]
    if report["worst_misses"]:
        out += ["", "worst misses (most confident first):"]
        out += [
            f"  [{m['confidence']:.2f}] {m['text'][:70]!r}: {m['expected']} → {m['got']}"
            for m in report["worst_misses"]
        ]
    return "\n".join(out) + "\n"
