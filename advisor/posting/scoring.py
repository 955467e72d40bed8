"""`advisor eval --postings DIR`: extraction precision and recall per item type against
fixtures (`NAME.txt` + `NAME.json`, the format in tests/postings/README or CONTRACT)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advisor.errors import UsageError
from advisor.posting.extract import Posting, read_posting

if TYPE_CHECKING:
    from advisor.engine import Advisor

KINDS = ("role", "required", "preferred", "degree", "experience", "skill", "certification", "on_call")


def _ident(item: dict[str, Any]) -> tuple[str, str]:
    """Skill and certification by id, degree by level, experience by years."""
    kind = item.get("type", "")
    if kind == "degree":
        return kind, str(item.get("level"))
    if kind == "experience":
        return kind, f"{float(item.get('years') or 0):g}"
    return kind, str(item.get("id"))


def _got(posting: Posting, status: str) -> set[tuple[str, str]]:
    return {_ident(i.to_dict()) for i in posting.items if i.status == status}


def _names(idents: set[tuple[str, str]]) -> list[str]:
    return [f"{kind}:{value}" for kind, value in sorted(idents)]


Counts = dict[str, list[int]]  # kind → [found, extracted, expected]


def _read(path: Path) -> tuple[dict[str, Any], str]:
    try:
        expected = json.loads(path.read_text("utf-8"))
        text = path.with_suffix(".txt").read_text("utf-8", errors="replace")
    except (OSError, ValueError) as err:
        raise UsageError(f"cannot read fixture {path.name}: {err}") from None
    if not isinstance(expected, dict):
        raise UsageError(f"fixture {path.name} must hold a JSON object")
    return expected, text


def _score_items(
    name: str, expected: dict[str, Any], posting: Posting, counts: Counts
) -> list[dict[str, Any]]:
    misses = []
    for status in ("required", "preferred"):
        want = {_ident(i) for i in expected.get(status, []) if isinstance(i, dict)}
        got = _got(posting, status)
        for kind in (status, *sorted({k for k, _ in want | got})):
            w = {x for x in want if kind == status or x[0] == kind}
            g = {x for x in got if kind == status or x[0] == kind}
            c = counts[kind]
            c[0], c[1], c[2] = c[0] + len(w & g), c[1] + len(g), c[2] + len(w)
        if want != got:
            misses.append(
                {"file": name, "status": status, "missed": _names(want - got), "extra": _names(got - want)}
            )
    return misses


def _score_values(
    name: str, expected: dict[str, Any], posting: Posting, counts: Counts
) -> list[dict[str, Any]]:
    misses = []
    for kind, want, got in (
        ("role", expected.get("role"), posting.role if posting.in_scope else None),
        ("on_call", expected.get("on_call"), posting.on_call),
    ):
        c = counts[kind]
        c[0] += int(want is not None and want == got)
        c[1] += int(got is not None)
        c[2] += int(want is not None)
        if want != got:
            misses.append({"file": name, "status": kind, "missed": [str(want)], "extra": [str(got)]})
    return misses


def score(engine: Advisor, directory: Path) -> dict[str, Any]:
    """Precision and recall per kind over every fixture of `directory`, and each miss."""
    files = sorted(directory.glob("*.json")) if directory.is_dir() else []
    if not files:
        raise UsageError(f"no posting fixtures (NAME.txt + NAME.json) in {directory}")
    counts: Counts = defaultdict(lambda: [0, 0, 0])
    misses = []
    for path in files:
        expected, text = _read(path)
        posting = read_posting(engine, text)
        misses += _score_items(path.stem, expected, posting, counts)
        misses += _score_values(path.stem, expected, posting, counts)
    table = {
        kind: {
            "precision": round(c[0] / c[1], 3) if c[1] else None,
            "recall": round(c[0] / c[2], 3) if c[2] else None,
            "found": c[0],
            "extracted": c[1],
            "expected": c[2],
        }
        for kind in KINDS
        if (c := counts[kind])[1] or c[2]
    }
    return {"postings": len(files), "kinds": table, "misses": misses}


def format_score(report: dict[str, Any]) -> str:
    """The report as a table, then one line per posting that differs from its fixture."""
    lines = [
        f"{report['postings']} postings",
        f"{'item type':<14} {'precision':>9} {'recall':>7}  found/expected",
    ]
    for kind, row in report["kinds"].items():
        p = "—" if row["precision"] is None else f"{row['precision']:.0%}"
        r = "—" if row["recall"] is None else f"{row['recall']:.0%}"
        lines.append(f"{kind:<14} {p:>9} {r:>7}  {row['found']}/{row['expected']}")
    for miss in report["misses"]:
        detail = [f"{label} {', '.join(miss[label])}" for label in ("missed", "extra") if miss[label]]
        lines.append(f"  {miss['file']} [{miss['status']}]: " + "; ".join(detail))
    return "\n".join(lines) + "\n"
