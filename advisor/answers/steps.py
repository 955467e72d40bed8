"""The planner's output: steps (with sourced durations), route choices, the plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Step:
    id: str
    name: str
    kind: str  # learn | certify | earn | experience
    status: str  # done | todo
    level: str
    why: str
    source: str
    effort: str = ""
    after: list[str] = field(default_factory=list)
    duration: str = ""  # sourced time for this step ("" when the sources give none)
    duration_source: str = ""
    months: float | None = None  # work time still to do (work steps)
    days: float | None = None  # training days
    bridge: int = 1  # 0 when it fills the side the user lacks
    prereqs: list[str] = field(default_factory=list)  # what it builds on (takes its level)
    rank: int = 0  # sort rank: its level's, or that of the most important step that needs it

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "status": self.status,
            "level": self.level,
            "why": self.why,
            "source": self.source,
            "effort": self.effort,
            "duration": self.duration,
            "duration_source": self.duration_source,
        }


@dataclass
class Route:
    """A requirement group with more than one option, and the option recommended."""

    label: str
    options: list[str]
    chosen: int
    reason: str


@dataclass
class Plan:
    goal: str
    steps: list[Step]
    routes: list[Route]
    traits: list[str]
    assumptions: list[str]

    def todo(self) -> list[Step]:
        return [s for s in self.steps if s.status == "todo"]
