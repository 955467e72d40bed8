"""Corrections in a conversation: a role named bare in a correction ('no wait, system
architect'), a system named alone ('no wait, I meant RIS'), and 'that's wrong, I meant CT
tech' (what is named replaces what the last change set, on the profile as it is)."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

from advisor.state import Context, State
from advisor.understand.acts import Act
from advisor.understand.entities import Parsed
from advisor.understand.statements import ProfileChanges, window_before

if TYPE_CHECKING:
    from advisor.engine import Advisor

# words that say no / stop ("no wait, system architect")
NO_CORE = frozenset({"no", "nope", "nah", "not", "cancel", "keep", "dont", "never", "wait", "stop"})

NOT_THIS = (["not"], ["never"])  # right before a name: what it is not
BARE_EXTRA = 3  # words besides the role, cues and fillers in a correction that only names one


def bare_role(engine: Advisor, parsed: Parsed, ctx: Context | None = None) -> ProfileChanges:
    """A correction that names a role and little else ('no wait, system architect', 'sorry,
    I meant integration analyst first'): a career role is the goal, a background the job."""
    out = ProfileChanges()
    roles = parsed.of("role")
    lex = engine.lexicon
    if not roles:  # (`ctx` None: the clause stated something else: "actually I know RIS")
        return _meant_system(engine, parsed, ctx) if ctx is not None else out
    spans = {i for e in parsed.entities for i in range(e.start, e.end)}
    cues = lex.words("correction_cues") | lex.words("lead_fillers") | NO_CORE | MEANT_WORDS
    extra = [t for i, t in enumerate(parsed.tokens) if i not in spans and t not in cues]
    if len(extra) > BARE_EXTRA:
        return out
    if window_before(parsed, roles[0])[-1:] in NOT_THIS:
        return out  # "no wait, not RIS": what it is not (a leading "no" is only "no, I meant")
    role = roles[0].id
    out.values["goal" if role in engine.graph.career_ids else "current_role"] = role
    return out


HEADS = ("analyst", "administrator", "manager")


def _meant_system(engine: Advisor, parsed: Parsed, ctx: Context | None) -> ProfileChanges:
    """'no wait, I meant RIS' (a system named alone in a correction): the role of that system
    with the same head as the role talked about ('RIS analyst' after 'PACS analyst')."""
    out = ProfileChanges()
    systems = [e for e in parsed.entities if e.type == "concept"]
    if len(parsed.entities) != 1 or not systems or len(parsed.tokens) > BARE_EXTRA + 4:
        return out
    if window_before(parsed, systems[0])[-1:] in NOT_THIS:
        return out  # "no wait, not RIS"
    graph = engine.graph
    last = (ctx.role if ctx is not None else None) or ""
    head = graph.name(last).lower().split()[-1:] if last in graph.career_ids else []
    for word in (*head, *HEADS):
        role = graph.aliases.get((*systems[0].text.split(), word))
        if role in graph.career_ids:
            out.values["goal"] = role
            break
    return out


MEANT_WORDS = frozenset({"i", "meant", "mean", "it", "is", "was", "oh", "oops", "first", "then", "later"})


def last_fields(state: State) -> set[str]:
    """The profile fields the last change touched (empty when nothing can be undone)."""
    if not state.undo:
        return set()
    before, now = state.undo[-1], asdict(state.profile)
    return {key for key, value in now.items() if before.get(key) != value}


def touches_last(state: State, changes: ProfileChanges) -> bool:
    """Does a correction speak of what the last change set ('CPAS, not CPSA' after adding
    the CPSA), rather than of an older fact ('3 years, not 2' after setting the goal)?"""
    fields = set(changes.values) | set(changes.clear)
    if changes.add_skills or changes.drop_skills:
        fields.add("skills")
    if changes.add_certs or changes.drop_certs:
        fields.add("certifications")
    return bool(fields & last_fields(state))


def meant(engine: Advisor, state: State, acts: list[Act]) -> ProfileChanges:
    """'that's wrong, I meant PACS administrator': what the message names replaces, on the
    profile as it is, what the last change set in that field and only there (a career role
    the goal, a background job the current job; a certificate the one just added). Empty
    when it names nothing the last change set."""
    last = last_fields(state)
    before = state.undo[-1] if state.undo else {}
    out = ProfileChanges()
    careers = engine.graph.career_ids
    for act in acts:
        if act.kind == "question":
            continue
        for entity in engine.extractor.parse(list(act.tokens)).entities:
            kind = entity.type
            if kind == "role":
                field = "goal" if entity.id in careers and "goal" in last else ""
                field = field or ("current_role" if "current_role" in last else "")
                if not field and not last & {"goal", "current_role"}:  # an older fact of that kind
                    held = "goal" if entity.id in careers else "current_role"
                    field = held if getattr(state.profile, held) else ""
                if field:
                    out.values[field] = entity.id
            elif kind in MEANT_FIELDS and MEANT_FIELDS[kind] in last:
                name = MEANT_FIELDS[kind]
                added = []
                if name in ("skills", "certifications"):
                    added = [x for x in getattr(state.profile, name) if x not in (before.get(name) or [])]
                if kind in ("skill", "concept"):
                    out.add_skills.append(entity.id)
                    out.drop_skills += [x for x in added if x != entity.id]
                elif kind == "certification":
                    out.add_certs.append(entity.id)
                    out.drop_certs += [x for x in added if x != entity.id]
                else:
                    out.values[kind] = float(entity.id) if kind == "years" else entity.id
    number = _corrected_number(acts)
    numeric = [f for f in ("years", "ce_hours") if f in last]
    if not out and number is not None and len(numeric) == 1:  # "it's 30 not 40": the hours
        out.values[numeric[0]] = number
    return out


def _corrected_number(acts: list[Act]) -> float | None:
    """The number a correction states ('it's 30 not 40' → 30): the first one not after 'not'."""
    for act in acts:
        tokens = act.tokens
        for i, token in enumerate(tokens):
            if token.isdigit() and len(token) <= 4 and (i == 0 or tokens[i - 1] not in ("not", "no")):
                return float(token)
    return None


MEANT_FIELDS = {
    "skill": "skills",
    "concept": "skills",
    "certification": "certifications",
    "place": "place",
    "degree": "degree",
    "years": "years",
}
