"""A match as chat text (fits 80 columns), as Markdown, and as JSON (the contract in README)."""

from __future__ import annotations

import textwrap
from typing import Any

from advisor.answers.common import listing
from advisor.knowledge.graph import Graph
from advisor.posting.compare import COUNTED, Match, Verdict
from advisor.posting.extract import to_dict as posting_dict

MARK = {"met": "✓", "missing": "✗", "unknown": "?"}
STATE_WORDS = {"met": "you have it", "missing": "you do not have it yet", "unknown": "you have not said"}
NOT_SAVED = "(Nothing from a posting is saved to your profile.)"
MAX_UNMAPPED_SHOWN = 8
WIDTH = 79


def headline(graph: Graph, m: Match) -> str:
    """One line: the problem or out-of-scope reason, or the readiness summary."""
    p = m.posting
    if p.problem:
        return p.problem
    if not p.in_scope:
        if p.role:
            name = graph.name(p.role)
            return f"This is a {name} posting, not a PACS or imaging-informatics job."
        return "Not a PACS or imaging-informatics job posting; I only compare those."
    done, total = m.count("required", "met"), m.count("required")
    return f"Readiness: {done} of {total} required met" + (
        f", {m.count('preferred', 'met')} of {m.count('preferred')} preferred."
        if m.count("preferred")
        else "."
    )


def _verdict_line(v: Verdict) -> str:
    return f"  {MARK[v.state]} {v.name} — {STATE_WORDS[v.state]}"


def text(graph: Graph, m: Match) -> str:
    """The answer shown in the chat and by `advisor match`."""
    p = m.posting
    if p.problem or not p.in_scope:
        return headline(graph, m)
    role = f" (closest role: {graph.name(p.role)})" if p.role else ""
    lines = [f"Job posting: {p.title}{role}", headline(graph, m)]
    if p.on_call is not None:
        lines.append(f"On call: {'yes' if p.on_call else 'no'}.")
    for status in COUNTED:
        rows = [v for v in m.verdicts if v.item.status == status]
        if rows:
            lines += [f"{status.capitalize()}:", *(_verdict_line(v) for v in rows)]
    mentioned = [v.name for v in m.verdicts if v.item.status == "mentioned"]
    if mentioned:
        lines.append(f"Also named in the duties: {listing(mentioned)}.")
    if m.questions:
        lines.append('To fill the gaps, tell me (e.g. "I know HL7", "I have 3 years of experience"):')
        lines += [f"  • {q}" for q in m.questions]
    if m.plan:
        lines.append("Plan for what is missing or unknown:")
        lines += [
            f"  {n}. {s.name}" + (f" — about {s.effort}" if s.effort else "") for n, s in enumerate(m.plan, 1)
        ]
    lines += _difference(graph, m)
    lines += _unmapped(m)
    lines.append(NOT_SAVED)
    return "\n".join(_fit(line) for line in lines)


def _fit(line: str) -> str:
    """Wrap a line to 80 columns; continuation lines hang under the text."""
    body = line.lstrip()
    indent = " " * (
        len(line) - len(body) + (4 if body[:1] in MARK.values() or body[:1] in "•0123456789" else 0)
    )
    return textwrap.fill(
        line, WIDTH, subsequent_indent=indent, break_on_hyphens=False, break_long_words=False
    )


def _difference(graph: Graph, m: Match) -> list[str]:
    c = m.closest
    if c is None:
        return []
    out = []
    if c.also_asks:
        names = listing([graph.name(i) for i in c.also_asks])
        out.append(f"Beyond what I know of {graph.name(c.role)}, it asks for: {names}.")
    if c.does_not_ask:
        out.append(f"It does not mention: {listing([graph.name(i) for i in c.does_not_ask])}.")
    return out


def _unmapped(m: Match) -> list[str]:
    rows = [(n, t) for n, s, t in m.posting.unmapped if s in COUNTED]
    if not rows:
        return []
    out = [f"Lines I could not map ({len(rows)}):"]
    out += [f"  line {n}: {t}" for n, t in rows[:MAX_UNMAPPED_SHOWN]]
    if len(rows) > MAX_UNMAPPED_SHOWN:
        out.append(f"  … and {len(rows) - MAX_UNMAPPED_SHOWN} more (see --json)")
    return out


def markdown(graph: Graph, m: Match) -> str:
    """The match as a Markdown document (for `--markdown` and /export)."""
    p = m.posting
    if p.problem or not p.in_scope:
        return f"# Job posting\n\n{headline(graph, m)}\n"
    out = [f"# Job posting: {p.title}", "", headline(graph, m), ""]
    if p.role:
        out += [f"Closest role: **{graph.name(p.role)}**", ""]
    for status in COUNTED:
        rows = [v for v in m.verdicts if v.item.status == status]
        if rows:
            out += [f"## {status.capitalize()}", ""]
            out += [f"- [{'x' if v.state == 'met' else ' '}] {v.name} ({v.state})" for v in rows]
            out.append("")
    if m.questions:
        out += ["## Questions", "", *(f"- {q}" for q in m.questions), ""]
    if m.plan:
        out += ["## Plan", "", *(f"{n}. {s.name}" for n, s in enumerate(m.plan, 1)), ""]
    diff = _difference(graph, m)
    if diff:
        out += ["## Compared with the closest role", "", *(f"- {d}" for d in diff), ""]
    unmapped = _unmapped(m)
    if unmapped:
        out += ["## Not mapped", "", *(f"- {r.strip()}" for r in unmapped[1:]), ""]
    return "\n".join(out)


def to_dict(graph: Graph, m: Match) -> dict[str, Any]:
    """JSON-ready (`advisor match --json`); keys documented in README.md."""
    p = m.posting
    data: dict[str, Any] = {"ok": not p.problem and p.in_scope, "message": headline(graph, m)}
    data.update(posting_dict(p))
    data["role_name"] = graph.name(p.role) if p.role else None
    for item, v in zip(data["items"], m.verdicts, strict=True):
        item.update(name=v.name, match=v.state)
    data["readiness"] = {
        s: {
            "met": m.count(s, "met"),
            "missing": m.count(s, "missing"),
            "unknown": m.count(s, "unknown"),
            "total": m.count(s),
        }
        for s in COUNTED
    }
    data["questions"] = list(m.questions)
    data["plan"] = [s.to_dict() for s in m.plan]
    c = m.closest
    data["closest_role"] = (
        {
            "id": c.role,
            "name": graph.name(c.role),
            "also_asks": list(c.also_asks),
            "does_not_ask": list(c.does_not_ask),
        }
        if c
        else None
    )
    return data
