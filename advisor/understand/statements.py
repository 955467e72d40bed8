"""Profile stage: read statements about the user ("I'm a rad tech with 3 years") into changes.

Works on the parsed tokens and entities: each entity is classified by the cue words just
before it (goal, current job, known skill, passed certification, home). Nothing is stored
unless the sentence speaks in the first person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from advisor.understand.entities import Entity, Parsed

FIRST_PERSON = frozenset({"i", "my", "me", "myself"})
WINDOW = 6
GOAL_CUES = frozenset(
    {
        "become",
        "becoming",
        "goal",
        "want",
        "wanted",
        "aspire",
        "target",
        "transition",
        "switch",
        "move",
        "moving",
        "into",
        "aiming",
        "aim",
        "pursue",
        "dream",
        "hoping",
        "hope",
        "plan",
        "planning",
        "interested",
        "considering",
    }
)
CURRENT_CUES = frozenset(
    {"am", "work", "working", "currently", "been", "was", "job", "employed", "hold", "holding"}
)
KNOW_CUES = frozenset(
    {
        "know",
        "knew",
        "familiar",
        "learned",
        "learnt",
        "studied",
        "comfortable",
        "understand",
        "experience",
        "experienced",
        "worked",
        "good",
        "proficient",
        "skilled",
        "fluent",
        "use",
        "used",
        "using",
        "done",
        "have",
        "had",
        "did",
    }
)
CERT_CUES = frozenset(
    {
        "passed",
        "have",
        "got",
        "earned",
        "hold",
        "holding",
        "certified",
        "completed",
        "obtained",
        "finished",
        "achieved",
        "received",
        "am",
        "with",
    }
)
PLACE_CUES = frozenset(
    {"live", "living", "based", "located", "from", "relocating", "moving", "reside", "relocate", "moved"}
)
NEGATIONS = frozenset({"not", "no", "never", "cannot", "without", "nor", "lack"})


@dataclass
class ProfileChanges:
    values: dict[str, Any] = field(default_factory=dict)
    add_skills: list[str] = field(default_factory=list)
    drop_skills: list[str] = field(default_factory=list)
    add_certs: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.values or self.add_skills or self.drop_skills or self.add_certs)


def _before(parsed: Parsed, entity: Entity) -> list[str]:
    return list(parsed.tokens[max(0, entity.start - WINDOW) : entity.start])


def _nearest(window: list[str], *cue_sets: frozenset[str]) -> int:
    """Index of the cue set whose word stands nearest before the entity (-1 when none)."""
    for token in reversed(window):
        for index, cues in enumerate(cue_sets):
            if token in cues:
                return index
    return -1


def read_profile(parsed: Parsed) -> ProfileChanges:
    """Changes to the profile stated in this utterance (empty when it states none)."""
    changes = ProfileChanges()
    tokens = parsed.tokens
    if not FIRST_PERSON & set(tokens) and tokens[:1] not in (("currently",), ("been",), ("working",)):
        return changes
    for entity in parsed.entities:
        window = _before(parsed, entity)
        negated = bool(NEGATIONS & set(window[-3:]))
        if entity.type == "role":
            which = _nearest(window, GOAL_CUES, CURRENT_CUES)
            if which == 0:
                changes.values["goal"] = entity.id
            elif which == 1 or "a" in window[-1:] and ("i" in window or "am" in window):
                changes.values["current_role"] = entity.id
        elif entity.type in ("skill", "concept", "organisation"):
            if _nearest(window, KNOW_CUES) == 0 or "know" in tokens[: entity.start]:
                (changes.drop_skills if negated else changes.add_skills).append(entity.id)
        elif entity.type == "certification":
            if _nearest(window, GOAL_CUES, CERT_CUES) == 1 and not negated:
                changes.add_certs.append(entity.id)
        elif entity.type == "place":
            if _nearest(window, PLACE_CUES) == 0 or window[-2:] == ["am", "in"]:
                changes.values["place"] = entity.id
        elif entity.type == "years" and tokens[entity.end : entity.end + 1] not in (
            ("degree",),
            ("program",),
        ):
            changes.values["years"] = float(entity.id)  # "a 2-year degree" is no work experience
        elif entity.type == "degree":
            if negated:
                changes.values["degree"] = "none"
            else:
                changes.values["degree"] = entity.id
        elif entity.type == "field" and ("degree" in changes.values or _has_degree_word(tokens)):
            changes.values["degree_field"] = entity.text
            changes.values.setdefault("degree", "bachelor")
    if "degree" not in changes.values and _says_no_degree(tokens):
        changes.values["degree"] = "none"
    return changes


def _has_degree_word(tokens: tuple[str, ...]) -> bool:
    return bool({"degree", "graduated", "graduate", "grad", "major", "majored", "studied"} & set(tokens))


def _says_no_degree(tokens: tuple[str, ...]) -> bool:
    text = " ".join(tokens)
    return any(
        p in text
        for p in (
            "no degree",
            "not have a degree",
            "without a degree",
            "never went to college",
            "no college",
            "not have a college degree",
        )
    )


def apply_changes(profile: Any, changes: ProfileChanges) -> bool:
    """Apply changes to a Profile in place; True when anything changed."""
    before = (dict(vars(profile)), list(profile.skills), list(profile.certifications))
    for key, value in changes.values.items():
        setattr(profile, key, value)
    if "current_role" in changes.values:
        profile.background = None
    for skill in changes.add_skills:
        if skill not in profile.skills:
            profile.skills.append(skill)
    profile.skills[:] = [s for s in profile.skills if s not in changes.drop_skills]
    for cert in changes.add_certs:
        if cert not in profile.certifications:
            profile.certifications.append(cert)
    return before != (dict(vars(profile)), list(profile.skills), list(profile.certifications))
