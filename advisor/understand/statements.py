"""Profile stage: read statements about the user ("I'm a rad tech with 3 years") into changes.

Works on the parsed tokens and entities: each entity is classified by the cue words just
before it (goal, current job, known skill, passed certification, home). Nothing is stored
unless the sentence speaks in the first person.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from advisor.config import FACTS_RE, GOAL_AFTER_GAP
from advisor.understand.cues import (
    ARTICLES,
    CERT_AFTER,
    CERT_CUES,
    CERT_FILLERS,
    CURRENT_AFTER,
    CURRENT_CUES,
    CURRENT_STARTS,
    FAILED,
    FIRST_PERSON,
    GOAL_AFTER,
    GOAL_CUES,
    HEALTHCARE_SETTINGS,
    KNOW_CUES,
    LIST_JOINERS,
    NEAR_WORDS,
    NEGATION_STOPS,
    NEGATIONS,
    NOT_EXPERIENCE,
    OPENING_WORDS,
    PAST_CUES,
    PLACE_CUES,
    SETTING_ID,
    THROUGH_DONE,
    UNTIL,
    WEAK_CERT_CUES,
    WINDOW,
    WORK_CUES,
    WORKING,
)
from advisor.understand.entities import Entity, Parsed
from advisor.understand.lexicon import Lexicon
from advisor.understand.numbers import find_years


@dataclass
class ProfileChanges:
    values: dict[str, Any] = field(default_factory=dict)
    add_skills: list[str] = field(default_factory=list)
    drop_skills: list[str] = field(default_factory=list)
    drop_certs: list[str] = field(default_factory=list)  # "I meant the CPAS": not the CPSA
    add_certs: list[str] = field(default_factory=list)
    clear: dict[str, str] = field(default_factory=dict)  # field → the value no longer true
    soft: set[str] = field(default_factory=set)  # fields that fill only an empty one (a past job)

    def __bool__(self) -> bool:
        return bool(
            self.values
            or self.add_skills
            or self.drop_skills
            or self.add_certs
            or self.drop_certs
            or self.clear
        )

    def merge(self, other: ProfileChanges) -> None:
        """Later clauses win: 'I have 6 years. Actually 4.' (not a past job over a present one)"""
        for key, value in other.values.items():
            if key in other.soft and key in self.values and key not in self.soft:
                continue  # "RIS analyst here. Before that I was a rad tech"
            self.values[key] = value
            self.soft.discard(key)
        self.soft |= {k for k in other.soft if k in self.values and self.values[k] == other.values.get(k)}
        self.add_skills += [s for s in other.add_skills if s not in self.add_skills]
        self.drop_skills += [s for s in other.drop_skills if s not in self.drop_skills]
        self.add_skills = [s for s in self.add_skills if s not in other.drop_skills]
        self.add_certs += [c for c in other.add_certs if c not in self.add_certs]
        self.drop_certs += [c for c in other.drop_certs if c not in self.drop_certs]
        self.clear.update(other.clear)


def is_negated(window: list[str]) -> bool:
    near = window[-3:]
    return bool(NEGATIONS & set(near)) and not NEGATION_STOPS & set(near[-2:])


def window_before(parsed: Parsed, entity: Entity) -> list[str]:
    return list(parsed.tokens[max(0, entity.start - WINDOW) : entity.start])


def nearest_cue(window: list[str], *cue_sets: frozenset[str]) -> int:
    """Index of the cue set whose word stands nearest before the entity (-1 when none)."""
    for token in reversed(window):
        for index, cues in enumerate(cue_sets):
            if token in cues:
                return index
    return -1


def read_profile(
    parsed: Parsed,
    lex: Lexicon | None = None,
    subjectless: bool = False,
    titles: Mapping[tuple[str, ...], Any] | None = None,
) -> ProfileChanges:
    """Changes to the profile stated in this utterance (empty when it states none).

    `subjectless`: the clause is a statement or correction even without "I"
    ("actually it's 4 years", "done with networking"). Plans and intentions ("studying for",
    "registered for", "shadowing") are not facts: they never add a certificate or a job.
    `titles` maps degree titles ("bsn") to their degree, field and job (knowledge roles.json).
    """
    changes = ProfileChanges()
    tokens = parsed.tokens
    if not subjectless and not FIRST_PERSON & set(tokens) and tokens[:1] not in CURRENT_STARTS:
        return changes
    not_fact = lex.words("not_fact_cues") if lex else frozenset()
    under_way = lex is not None and lex.has("in_progress_phrases", tokens)  # "halfway through…"
    for entity in parsed.entities:
        window = window_before(parsed, entity)
        if under_way and entity.type in ("skill", "concept", "certification", "degree", "field"):
            continue  # a course, degree or certificate not yet done holds nothing
        negated = is_negated(window)
        if negated and _has_positive_twin(parsed, entity):
            continue  # "a master's, not a bachelor's": the negated one is what it is not
        if entity.type == "role":
            negated = negated and not _chosen(window, lex)  # "no, make it PACS analyst"
            _read_role(changes, entity, window, negated, not_fact, parsed.tokens[entity.end :], lex)
        elif entity.type in ("skill", "concept", "organisation"):
            known = nearest_cue(window, KNOW_CUES) == 0 and not _wished(window, not_fact)
            known = known or _listed_after(parsed, entity, changes.add_skills)  # "…, plus some SQL"
            if known or "know" in tokens[: entity.start] or _got_through(window):
                (changes.drop_skills if negated else changes.add_skills).append(entity.id)
        elif entity.type == "certification":
            cue = nearest_cue(window, GOAL_CUES, CERT_CUES, not_fact)
            if cue == 1 and not _held_by_cue(window):
                cue = -1  # "took a look at the CIIP", "did some reading on the CIIP"
            if cue == 1 and _planned_hold(window, not_fact):
                cue = -1  # "I'll have my CPAS by spring", "hoping to get the CIIP"
            if FAILED & set(tokens):
                continue  # "I took the CIIP exam and failed"
            held = cue == 1 or _certified_after(parsed, entity)
            held = held or entity.text.split()[-1] in CERT_AFTER  # "ARRT registered" names it held
            held = held or _listed_after(parsed, entity, changes.add_certs)
            if held and not negated:
                changes.add_certs.append(entity.id)  # "RDCS and RDMS": the list shares its cue
        elif entity.type == "place":
            if nearest_cue(window, PLACE_CUES) == 0 or window[-2:] in (["am", "in"], ["are", "in"]):
                changes.values["place"] = entity.id
            elif _works_there(parsed, entity):  # "I'm a PACS analyst in Boston"
                changes.values.setdefault("place", entity.id)
        elif entity.type == "years" and tokens[entity.end : entity.end + 1] not in NOT_EXPERIENCE:
            changes.values["years"] = float(entity.id)  # "a 2-year degree" is no work experience
        elif entity.type == "degree" and not not_fact & set(window):  # not "enrolled in a BS"
            if negated:
                changes.values["degree"] = "none"
            else:
                changes.values["degree"] = entity.id
                title = (titles or {}).get(tuple(entity.text.split()))
                if title is not None:
                    changes.values["degree_field"] = title["field"]
                    if title.get("role"):
                        changes.values.setdefault("current_role", title["role"])
        elif entity.type == "field" and ("degree" in changes.values or _has_degree_word(tokens)):
            changes.values["degree_field"] = entity.text
            changes.values.setdefault("degree", "bachelor")
    hours = FACTS_RE.CE_HOURS.search(" ".join(tokens))
    if hours:  # "I have 36 hours of CE": continuing education, never years of work
        changes.values["ce_hours"] = float(hours.group(1) or hours.group(2))
    if "degree" not in changes.values and _says_no_degree(tokens):
        changes.values["degree"] = "none"
    topics = {e.type for e in parsed.entities} & {"skill", "concept", "certification", "role"}
    if "years" not in changes.values and not topics and _says_no_background(tokens):
        changes.values["years"] = 0.0
    words = set(tokens)
    at_work = "current_role" in changes.values or WORKING & words
    if HEALTHCARE_SETTINGS & words and at_work and not NEGATIONS & words:
        changes.add_skills.append(SETTING_ID)
    return changes


def _works_there(parsed: Parsed, place: Entity) -> bool:
    """A place right after 'in' / 'near' in a clause that names one's job or years ('I'm a
    PACS analyst in Boston, 6 years in', 'network admin for clinics in Seattle')."""
    tokens = parsed.tokens
    at = place.start - 1
    while at >= 0 and tokens[at] in ("the", "a"):
        at -= 1
    if at < 0 or tokens[at] not in NEAR_WORDS:
        return False
    return any(e.type in ("role", "years") and e.start < place.start for e in parsed.entities)


def _goal_after(after: tuple[str, ...], lex: Lexicon | None) -> bool:
    """'RIS analyst is the goal', 'PACS admin is my target', 'the cardiology PACS analyst job
    at my hospital is what I'm after', 'RIS analyst sounds doable' (lexicon `goal_after`,
    within GOAL_AFTER_GAP words of the role)."""
    if after[:1] == ("is",) and GOAL_AFTER & set(after[1:4]):
        return True
    if lex is None:
        return False
    # a gap only before "is …" ("the RIS analyst job at my hospital is what I'm after"); "the
    # RIS analyst pay sounds good" speaks of the pay
    gaps = range(GOAL_AFTER_GAP + 1)
    return any(
        lex.starts("goal_after", after[i:]) and (after[i] == "is" or set(after[:i]) <= {"as"}) for i in gaps
    )


def _read_role(
    changes: ProfileChanges,
    entity: Entity,
    window: list[str],
    negated: bool,
    not_fact: frozenset[str],
    after: tuple[str, ...] = (),
    lex: Lexicon | None = None,
) -> None:
    wish = lex.words("wish_cues") if lex is not None else frozenset()
    which = nearest_cue(window, GOAL_CUES | wish, CURRENT_CUES, not_fact - wish)
    if which == 0 and after[:1] and after[0] in OPINION_AFTER and not _goal_after(after, lex):
        return  # "I was thinking PACS admins are overworked", "I might ask a PACS analyst friend"
    if which == 1 and _wished_work(window):
        which = 0  # "I'd love to work in cardiology PACS", "I want to work as a RIS analyst"
    opens = entity.start <= OPENING_WORDS or "now" in window  # "…, now a radiographer at a VA"
    if which < 0 and opens and after[:1] and after[0] in CURRENT_AFTER:
        which = 1  # "ultrasound tech here", "systems administrator at a clinic"
    if which != 1 and (_goal_after(after, lex) or UNTIL & set(window)):  # "… until I'm a PACS admin"
        which = 0  # (a job cue before it wins: "I'm a PACS admin and …")
    if which != 1 and _chosen(window, lex):  # "let's say PACS administrator", "make it RIS"
        which = 0
    if which < 0 and after[:1] in (("for",), ("with",)) and 0 in find_years(list(after[1:4])):
        which = 1  # "…, sysadmin for 5 years"
    if which == 0 and not negated:
        changes.values["goal"] = entity.id
    elif which == 0:
        changes.clear["goal"] = entity.id
    elif which == 2 or (which != 1 and (not_fact - wish) & set(window)):  # ("starting fresh: I'm a …")
        return  # "I'm shadowing a RIS analyst": neither the job nor (surely) the goal
    elif which == 1 or "a" in window[-1:] and ("i" in window or "am" in window):
        if negated:
            changes.clear["current_role"] = entity.id
        elif PAST_CUES & set(window):
            changes.values.setdefault("current_role", entity.id)
            changes.soft.add("current_role")
        else:
            changes.values["current_role"] = entity.id
            changes.soft.discard("current_role")


def _wished_work(window: list[str]) -> bool:
    """The job cue ('work') comes after a wish ('want to', 'love to'): a wish, not a job."""
    cue = next(i for i in range(len(window) - 1, -1, -1) if window[i] in CURRENT_CUES)
    return window[cue] in WORK_CUES and bool(GOAL_CUES & set(window[:cue]))


# words after a role that make the clause about the role (an opinion, a person), not a goal
OPINION_AFTER = frozenset(
    {"are", "is", "was", "were", "have", "has", "make", "makes", "earn", "earns", "get", "gets", "do"}
    | {"does", "pay", "pays", "seem", "seems", "friend", "friends", "coworker", "colleague", "who", "said"}
    | {"says", "told", "at"}
)


def _chosen(window: list[str], lex: Lexicon | None) -> bool:
    """The role follows a choice ('let's say', 'go with', 'make it'), an article apart at most."""
    if lex is None:
        return False
    for i in range(len(window)):
        phrase = lex.leading("choice_phrases", window[i:])
        if phrase and all(w in ARTICLES for w in window[i + len(phrase) :]):
            return True
    return False


def _wished(window: list[str], not_fact: frozenset[str]) -> bool:
    """'I want to do project management', 'I plan on running backups': a wish or a plan
    before the doing word makes it no fact."""
    cue = next(i for i in range(len(window) - 1, -1, -1) if window[i] in KNOW_CUES)
    return bool((GOAL_CUES | not_fact) & set(window[:cue]))


def _planned_hold(window: list[str], not_fact: frozenset[str]) -> bool:
    """A plan or wish before the holding cue ('will have', 'hope to get')."""
    cue = next(i for i in range(len(window) - 1, -1, -1) if window[i] in CERT_CUES)
    return bool((GOAL_CUES | not_fact) & set(window[:cue]))


def _held_by_cue(window: list[str]) -> bool:
    """A weak cue ('did', 'took') holds a certificate only right before it ('took the
    CIIP', 'did my CPAS'), not across other words ('took a look at the CIIP')."""
    cue = next(i for i in range(len(window) - 1, -1, -1) if window[i] in CERT_CUES)
    if window[cue] not in WEAK_CERT_CUES:
        return True
    return all(w in CERT_FILLERS for w in window[cue + 1 :])


def _got_through(window: list[str]) -> bool:
    return any(w == "through" and i and window[i - 1] in THROUGH_DONE for i, w in enumerate(window))


def _certified_after(parsed: Parsed, entity: Entity) -> bool:
    """'CPAS and CPSA certified', 'RDMS registered': the cue follows the listed names."""
    covered = {i for e in parsed.entities if e.type == "certification" for i in range(e.start, e.end)}
    for i in range(entity.end, len(parsed.tokens)):
        token = parsed.tokens[i]
        if token in CERT_AFTER:
            return True
        if token not in LIST_JOINERS and i not in covered:
            return False
    return False


def _listed_after(parsed: Parsed, entity: Entity, taken: list[str]) -> bool:
    """The entity follows one already taken, joined only by 'and' / 'or' / 'plus'."""
    before = [e for e in parsed.entities if e.end <= entity.start and e.type == entity.type]
    if not before or before[-1].id not in taken:
        return False
    return all(t in LIST_JOINERS for t in parsed.tokens[before[-1].end : entity.start])


def _has_positive_twin(parsed: Parsed, entity: Entity) -> bool:
    """Another entity of the same type in the clause that is not negated."""
    for other in parsed.entities:
        if other is entity or other.type != entity.type:
            continue
        if not is_negated(window_before(parsed, other)):
            return True
    return False


def _has_degree_word(tokens: tuple[str, ...]) -> bool:
    return bool({"degree", "graduated", "graduate", "grad", "major", "majored", "studied"} & set(tokens))


def _says_no_background(tokens: tuple[str, ...]) -> bool:
    """'I have no background / no experience': a start from zero, stated (not unknown). Never
    having worked in one place ('never worked in healthcare') is not zero experience."""
    text = f" {' '.join(tokens)} "
    for where in (" never worked in ", " never worked at ", " never worked with "):
        text = text.replace(where, " ")
    return any(
        f" {p} " in text
        for p in (
            "no background",
            "no experience",
            "no work experience",
            "zero experience",
            "not have any experience",
            "not have any background",
            "without any experience",
            "never worked",
        )
    )


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
    for key, value in changes.clear.items():
        if getattr(profile, key, None) == value:
            setattr(profile, key, None)
    for key, value in changes.values.items():
        if key in changes.soft and getattr(profile, key, None):
            continue  # a past job never replaces the job one has
        setattr(profile, key, value)
    if "current_role" in changes.values:
        profile.background = None
    for skill in changes.add_skills:
        if skill not in profile.skills:
            profile.skills.append(skill)
    profile.skills[:] = [s for s in profile.skills if s not in changes.drop_skills]
    profile.certifications[:] = [c for c in profile.certifications if c not in changes.drop_certs]
    for cert in changes.add_certs:
        if cert not in profile.certifications:
            profile.certifications.append(cert)
    return before != (dict(vars(profile)), list(profile.skills), list(profile.certifications))
