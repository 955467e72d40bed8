"""Introductions without 'I': 'MRI tech here', 'Nuclear medicine technologist, 9 years', 'CT
tech, ARRT R, 4 yrs', 'MRI tech, Boston, 2 yrs'. A clause opening with a job title followed
by 'here' / 'at', or by years or a credential, introduces the speaker; the skills,
credentials and place it names are theirs."""

from __future__ import annotations

from advisor.understand.cues import (
    CURRENT_AFTER,
    GOAL_CUES,
    INTRO_JOINERS,
    INTRO_REACH,
    OPENING_WORDS,
    QUESTION_WORDS,
)
from advisor.understand.entities import Parsed
from advisor.understand.lexicon import Lexicon
from advisor.understand.statements import ProfileChanges, is_negated, nearest_cue, window_before


def introduces_self(parsed: Parsed) -> bool:
    """'Network administrator at a hospital, 6 years', 'MRI tech here', 'Nuclear medicine
    technologist, 9 years', 'CT tech, ARRT R and CT', 'PACS admin for 6 years': a clause
    opening with a job title followed by 'here' / 'at', or by years or a credential,
    introduces the speaker (a statement without 'I')."""
    tokens = parsed.tokens
    roles = [e for e in parsed.entities if e.type == "role" and tokens[e.end : e.end + 1]]
    opens = bool(roles) and roles[0].start <= OPENING_WORDS
    starts = {e.start: e.type for e in parsed.entities}
    for r in roles:
        if not (opens or "now" in tokens[: r.start]):  # "…, now a X at Y"
            continue
        if tokens[r.end] in CURRENT_AFTER:
            return True
        skip = 1 if tokens[r.end] in INTRO_JOINERS else 0  # "for 6 years"
        if r is roles[0] and starts.get(r.end + skip) in ("years", "certification"):
            return True
        if r is roles[0] and r.start <= OPENING_WORDS and _credential_soon(parsed, r.end):
            return True  # "MRI tech, Boston, 2 yrs", "mri tech in the bay area, 7 yrs"
    return False


def _credential_soon(parsed: Parsed, end: int) -> bool:
    """Years or a credential within INTRO_REACH words after the title, with only a place or
    plain words between (no question word, no other role)."""
    for e in parsed.entities:
        if e.start < end:
            continue
        if e.start - end > INTRO_REACH or e.type == "role":
            return False
        if e.type in ("years", "certification"):
            return not QUESTION_WORDS & set(parsed.tokens)
    return False


def introduced_extras(parsed: Parsed, lex: Lexicon | None = None) -> ProfileChanges:
    """In a self-introduction ('Sysadmin at a clinic, mostly Linux and SQL', 'Ultrasound tech
    here (RDMS)', 'MRI tech, Boston, 2 yrs') the skills, credentials and place named are the
    speaker's own, unless negated or only planned ('studying for the CIIP')."""
    changes = ProfileChanges()
    not_fact = lex.words("not_fact_cues") if lex else frozenset()
    roles = parsed.of("role")
    opening = window_before(parsed, roles[0]) if roles else []
    ahead = nearest_cue(opening, GOAL_CUES, not_fact) >= 0  # "goal pacs manager, 5 years out"
    if roles and roles[0].start <= OPENING_WORDS and not is_negated(opening) and not ahead:
        changes.values["current_role"] = roles[0].id  # the title it opens with
    for entity in parsed.entities:
        window = window_before(parsed, entity)
        if is_negated(window) or not_fact & set(window):
            continue
        if entity.type in ("skill", "concept"):
            changes.add_skills.append(entity.id)
        elif entity.type == "certification":
            changes.add_certs.append(entity.id)
        elif entity.type == "place" and entity.id != "us":
            changes.values.setdefault("place", entity.id)  # "MRI tech, Boston, 2 yrs"
    return changes
