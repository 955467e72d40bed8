"""Shared pieces of the answer stage: what an answer gets, what it returns, formatting."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from advisor.answers.planner import Step
from advisor.config import FACTS_RE
from advisor.knowledge.catalog import Intent
from advisor.knowledge.graph import Graph
from advisor.state import State
from advisor.understand.entities import Parsed

BAR_WIDTH = 24
_EIGHTHS = " ▏▎▍▌▋▊▉"


@dataclass
class Ask:
    """The understood request, with context already applied."""

    graph: Graph
    intent: Intent
    parsed: Parsed
    state: State
    role: str | None = None
    roles: list[str] = field(default_factory=list)
    place: str | None = None
    certification: str | None = None
    topic: str | None = None
    seniority: str | None = None
    years: float | None = None
    catalog: dict[str, Intent] = field(default_factory=dict)
    continues: bool = False  # "and after that?": the answer goes on from where the last stopped

    def says(self, *words: str) -> bool:
        """True when any of these words (or phrases) is in the utterance."""
        joined = f" {' '.join(self.parsed.tokens)} "
        return any(f" {w} " in joined for w in words)


@dataclass
class Answer:
    lines: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    focus: str = ""  # the step a next-step answer put forward ("skill:dicom")

    def add(self, line: str = "") -> None:
        self.lines.append(line)

    def cite(self, *source_ids: str | None) -> None:
        for sid in source_ids:
            if sid and sid not in self.sources:
                self.sources.append(sid)


def money(amount: float) -> str:
    """>>> money(85504)
    '$85,504'
    """
    return f"${amount:,.0f}"


def bar(value: float, top: float, width: int = BAR_WIDTH) -> str:
    """A horizontal bar of Unicode blocks, value/top of `width` cells.

    >>> bar(50, 100, 4)
    '██'
    """
    if top <= 0 or value <= 0:
        return ""
    eighths = round(value / top * width * 8)
    return "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")


def fill(template: str, **values: Any) -> str:
    """Fill one of our reply templates; unknown fields stay as written."""

    class Keep(dict[str, Any]):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"

    return template.format_map(Keep(values))


def listing(names: list[str]) -> str:
    """>>> listing(["a", "b", "c"])
    'a, b and c'
    """
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def source_tag(graph: Graph, source_id: str) -> str:
    """A short name users know a source by: its acronym ("ABII", "BLS") or its publisher."""
    source = graph.sources.get(source_id)
    if source is None:
        return source_id
    short = FACTS_RE.SOURCE_ACRONYM.search(source.publisher)
    return short.group(1) if short else source.publisher


def role_choices(graph: Graph, limit: int = 6) -> str:
    return listing([r.name for r in graph.career_roles()[:limit]])
