"""Intents as data: the loaded, immutable intent catalog and its meaning checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from advisor.errors import Problem
from advisor.knowledge.frozen import FrozenDict
from advisor.text import normalize

REQUIRED_INTENTS = (
    "greeting",
    "goodbye",
    "thanks",
    "help",
    "list_roles",
    "role_overview",
    "role_requirements",
    "salary",
    "best_locations",
    "compare_roles",
    "certification_info",
    "certifications_for_role",
    "career_path",
    "next_step",
    "career_progression",
    "study_resources",
    "concept_info",
    "profile_update",
    "profile_show",
    "out_of_scope",
)


@dataclass(frozen=True, slots=True)
class Intent:
    name: str
    description: str
    examples: tuple[str, ...]
    keywords: tuple[str, ...]
    accepts: frozenset[str] = frozenset()
    requires: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()
    min_roles: int = 0
    max_career_roles: int = 0  # 0: no limit
    follow_up: bool = False
    topics: tuple[str, ...] = ()
    replies: FrozenDict[str, tuple[str, ...]] = field(default_factory=lambda: FrozenDict({}))

    def keyword_words(self) -> frozenset[str]:
        """The intent's one-word keywords ('make', 'thanks'): words a message may simply say."""
        return frozenset(k for k in self.keywords if " " not in k)

    def reply(self, key: str, default: str = "") -> str:
        """The first template for `key` (templates are our data, never user text)."""
        options = self.replies.get(key)
        return options[0] if options else default


def build_intent(raw: dict[str, Any]) -> Intent:
    ents = raw.get("entities", {})
    replies = {k: (v,) if isinstance(v, str) else tuple(v) for k, v in raw.get("replies", {}).items()}
    return Intent(
        name=raw["name"],
        description=raw["description"],
        examples=tuple(raw["examples"]),
        keywords=tuple(k.lower() for k in raw["keywords"]),
        accepts=frozenset(ents.get("accepts", ())),
        requires=frozenset(ents.get("requires", ())),
        context=frozenset(ents.get("context", ())),
        min_roles=int(ents.get("min_roles", 0)),
        max_career_roles=int(ents.get("max_career_roles", 0)),
        follow_up=bool(raw.get("follow_up", False)),
        topics=tuple(t.lower() for t in raw.get("topics", ())),
        replies=FrozenDict(replies),
    )


def check_catalog(raw: dict[str, dict[str, Any]], present: set[str]) -> list[Problem]:
    """Names match files, required intents exist, no example under two intents."""
    problems = []
    owner: dict[str, tuple[str, int]] = {}
    for stem, data in sorted(raw.items()):
        if data["name"] != stem:
            problems.append(
                Problem(
                    f"intents/{stem}.json",
                    "$.name",
                    f"name '{data['name']}' does not match the file name",
                    f"rename the file to {data['name']}.json or fix the name",
                )
            )
        for i, example in enumerate(data["examples"]):
            key = normalize(example)
            previous = owner.setdefault(key, (stem, i))
            if previous[0] != stem:
                problems.append(
                    Problem(
                        f"intents/{stem}.json",
                        f"$.examples[{i}]",
                        f"example '{example}' is also listed under intent '{previous[0]}'",
                        "keep each example under one intent",
                    )
                )
    for name in REQUIRED_INTENTS:
        if name not in present:
            problems.append(
                Problem(f"intents/{name}.json", "$", "required intent is missing", f"add intents/{name}.json")
            )
    return problems
