"""What the engine returns for one turn: text plus everything needed to explain it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from advisor.text import safe


@dataclass(frozen=True)
class Reply:
    text: str
    intent: str
    confidence: float
    entities: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    steps: list[dict[str, Any]] = field(default_factory=list)
    runners_up: list[tuple[str, float]] = field(default_factory=list)
    corrections: list[tuple[str, str]] = field(default_factory=list)
    example: str = ""  # the nearest intent example
    profile_changed: bool = False
    end: bool = False  # the user said goodbye

    def __post_init__(self) -> None:
        # profile fields and quoted user text end up in replies: never an escape sequence
        object.__setattr__(self, "text", safe(self.text))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the contract of `advisor ask --json`)."""
        return {
            "text": self.text,
            "intent": self.intent,
            "confidence": round(self.confidence, 3),
            "entities": self.entities,
            "sources": self.sources,
            "steps": self.steps,
            "runners_up": [{"intent": n, "score": round(s, 3)} for n, s in self.runners_up],
            "corrections": [{"typed": a, "read_as": b} for a, b in self.corrections],
            "profile_changed": self.profile_changed,
            "end": self.end,
        }
