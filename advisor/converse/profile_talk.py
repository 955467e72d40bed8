"""Profile changes in a conversation: what a message's statements say, undo, forget, and the
answer to "Which role are you aiming for?". Only statements and corrections change the
profile; every change is remembered so "undo" / "that's wrong" can take it back."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from advisor.config import INTRO_WORDS, MAX_TOKENS
from advisor.converse.corrections import NO_CORE, bare_role
from advisor.converse.dialogue import ROLE_INTENTS
from advisor.converse.refer import role_by_head
from advisor.knowledge.graph import Graph
from advisor.state import Context, Profile, State
from advisor.text import count
from advisor.understand.acts import Act
from advisor.understand.entities import Parsed
from advisor.understand.introductions import introduced_extras, introduces_self
from advisor.understand.lexicon import Lexicon
from advisor.understand.statements import (
    ProfileChanges,
    apply_changes,
    read_profile,
)

if TYPE_CHECKING:
    from advisor.engine import Advisor

POINTERS = frozenset({"that", "this", "it"})
BE = (("become",), ("be",), ("becoming",))  # "I want to become one": the role just discussed
# "that is wrong, go back", "I used to be one", "I'd hate to be one": no wish for the role
NO_WISH = frozenset({"not", "never", "no", "nope", "nah", "wrong", "back", "used", "was", "were", "hate"})
WANT = frozenset({"want", "goal", "aim", "aiming", "dream", "become", "go", "pursue", "chase"})
NOT_DONE = frozenset({"not", "never", "yet", "still", "almost", "nearly", "half"})
WANT_REACH = 4  # words between "that" and "want" / "goal" ("that is what i want")


def statement_changes(
    engine: Advisor, acts: list[Act], ctx: Context | None = None, bare: bool = True
) -> ProfileChanges:
    """The profile changes stated by the message's statement and correction clauses.
    `bare=False`: a role a correction names bare is left to `meant` ("that's wrong, I meant
    CT tech" replaces what the last change set)."""
    changes = ProfileChanges()
    careers = engine.graph.career_ids
    named: list[str] = []  # career roles named so far in this message
    lex = engine.lexicon
    asks = any(a.kind == "question" for a in acts)
    pointing = any(
        POINTERS & set(a.tokens) and WANT & set(a.tokens) or _chooses_that(a.tokens, lex) for a in acts
    )
    budget = MAX_TOKENS  # a long message is read as far as a reply reads it
    for act in acts:
        words = list(act.tokens[:budget])
        budget -= len(words)
        if not words:
            break
        states = act.kind in ("statement", "correction")
        if not states and (
            act.kind != "other" or not introduces_self(engine.extractor.parse(words[:INTRO_WORDS]))
        ):
            # only "<job> here / at …", "<job>, 9 years" make a clause without "I" a statement
            if pointing:  # "pacs analyst? ok, make that my goal"
                named += [r.id for r in engine.extractor.parse(words).of("role") if r.id in careers]
            continue
        parsed = engine.extractor.parse(words)
        if named and (_wants_that(parsed) or _chooses_that(parsed.tokens, lex)):  # "make that my goal"
            changes.values.setdefault("goal", named[-1])
        named += [r.id for r in parsed.of("role") if r.id in careers]
        if ctx is not None:  # "i'd go for analyst", "keep architect as my goal"
            headed = role_by_head(words, parsed, ctx, engine.graph, engine.lexicon, engine.common_words)
            parsed = parsed if headed is words else engine.extractor.parse(headed)
        introduces = introduces_self(parsed)
        stated = read_profile(parsed, engine.lexicon, True, engine.graph.degree_titles)
        if asks and act.kind != "correction" and lex.has("return_phrases", words):
            stated.values.pop("goal", None)  # "ok back to PACS admins, what do they make?": a topic
        if bare and act.kind == "correction" and not ROLE_FIELDS & {*stated.values, *stated.clear}:
            # "no wait, system architect"; "no wait, I meant RIS" only when nothing else is stated
            stated.merge(bare_role(engine, parsed, ctx if not stated else None))
        changes.merge(stated)
        if introduces:
            changes.merge(introduced_extras(parsed, engine.lexicon))
        if ctx is not None:
            changes.merge(_step_done(engine, parsed, ctx))
        about_role = ctx is not None and (ctx.intent in ROLE_INTENTS or ctx.last == "role")
        career = ctx is not None and ctx.role in careers
        if ctx is not None and ctx.role and career and about_role and _wants_that(parsed):
            changes.values.setdefault("goal", ctx.role)  # "that's what I want to do"
    for key in NODE_FIELDS:  # only ids the graph knows ever reach the profile
        if key in changes.values and changes.values[key] not in engine.graph.nodes:
            del changes.values[key]
    if changes.values.get("goal") not in (None, *careers):
        del changes.values["goal"]  # a background job is never a goal
    return changes


NODE_FIELDS = ("goal", "current_role", "place")
ROLE_FIELDS = frozenset({"goal", "current_role"})


def _step_done(engine: Advisor, parsed: Parsed, ctx: Context) -> ProfileChanges:
    """'ok I finished that', 'done with it' right after a next step, naming nothing else: the
    step just put forward is done (its skill known, its certificate held)."""
    out = ProfileChanges()
    kind, _, node = (ctx.step or "").partition(":")
    if ctx.intent != "next_step" or kind not in ("skill", "certification") or parsed.entities:
        return out
    tokens = parsed.tokens
    done = [i for i, t in enumerate(tokens) if t in engine.lexicon.words("done_words")]
    pointers = [i for i, t in enumerate(tokens) if t in POINTERS]
    if not any(abs(i - j) <= WANT_REACH for i in done for j in pointers) or NOT_DONE & set(tokens):
        return out  # "I haven't finished it yet"
    (out.add_skills if kind == "skill" else out.add_certs).append(node)
    return out


PLANNABLE = ("skill", "concept", "certification", "degree")
NO_PLAN = frozenset({"none", "high-school"})  # "starting a GED class": no degree to name


def planned(engine: Advisor, parsed: Parsed) -> list[str]:
    """What a message names as under way or ahead ('halfway through a DICOM course',
    'registered for the CIIP', 'starting an MBA'): its names, or [] when it plans nothing."""
    lex = engine.lexicon
    tokens = parsed.tokens
    if not (lex.has("in_progress_phrases", tokens) or lex.has("plan_cues", tokens)):
        return []  # (not any hedge: "my server won't boot" plans nothing)
    event = next((t for t in tokens if t in LEARNING_EVENTS), None)
    # a skill is planned only as a course of it ("taking call this weekend for our PACS",
    # "working on DICOM routing at my job" plan nothing); a certificate or degree itself
    kinds = PLANNABLE if event else ("certification", "degree")
    names = [_plan_name(engine, e) for e in parsed.entities if e.type in kinds and e.id not in NO_PLAN]
    topics = [e.name for e in parsed.entities if e.type in ("skill", "concept")]
    if event and topics and not any(e.type in ("certification", "degree") for e in parsed.entities):
        return [f"the {event} on {topics[0]}"]  # "the course on PACS", not "PACS"
    return list(dict.fromkeys(names))


LEARNING_EVENTS = frozenset(
    {"course", "class", "webinar", "workshop", "seminar", "bootcamp", "program", "programme", "training"}
)


def _plan_name(engine: Advisor, entity: Any) -> str:
    if entity.type == "degree":
        return "the degree" if entity.id in ("none", "high-school") else f"the {entity.id}'s degree"
    node = engine.graph.node(entity.id)
    abbr = node.get("abbr") if node is not None else None
    return f"the {abbr}" if abbr else entity.name


def _chooses_that(tokens: tuple[str, ...] | list[str], lex: Lexicon) -> bool:
    """'let's do that', 'go with that one': a choice of what was just named."""
    i = lex.find("choice_phrases", tokens)  # jumps to where a choice can begin (most clauses: none)
    while i is not None:
        phrase = lex.leading("choice_phrases", tokens[i:]) or ()
        if set(tokens[i + len(phrase) : i + len(phrase) + 2]) & POINTERS:
            return True
        i = lex.find("choice_phrases", tokens, i + 1)
    return False


def _wants_that(parsed: Parsed) -> bool:
    """'make that my goal', 'that's what I want', 'go with that': a pointer and a wish close
    together (not 'look into it … the way to go' across a long clause)."""
    if parsed.of("role"):
        return False
    tokens = parsed.tokens
    if NO_WISH & set(tokens):
        return False  # "I don't want that", "I could never be one"
    ones = [i for i, t in enumerate(tokens) if t == "one" and tokens[i - 1 : i] in BE]
    if ones:
        return True  # "I'd love to be one someday": being one is the wish
    pointers = [i for i, t in enumerate(tokens) if t in POINTERS]
    wishes = [i for i, t in enumerate(tokens) if t in WANT]
    return any(abs(i - j) <= WANT_REACH for i in pointers for j in wishes)


def apply(state: State, changes: ProfileChanges) -> bool:
    """Apply the changes; the profile before them is kept for undo. True when anything changed."""
    if not changes:
        return False
    state.remember_profile()
    if apply_changes(state.profile, changes):
        state.context.changed = state.turns
        return True
    state.undo = state.undo[:-1]  # nothing changed: nothing to undo
    return False


def set_goal(state: State, role: str) -> bool:
    changes = ProfileChanges(values={"goal": role})
    return apply(state, changes)


def undo(state: State, last_turn_only: bool = False) -> list[str]:
    """Take back the last change. `last_turn_only`: 'no, that was a question' speaks of the
    message before, so only a change that message made is taken back."""
    if last_turn_only and state.undo and not state.changed_last_turn():
        return ["Nothing to take back: your last message didn't change your profile."]
    if state.restore_profile():
        state.context.changed = None
        return ["Undone: your profile is back to what it was before my last change."]
    return ["There is nothing to undo: I haven't changed your profile in this conversation."]


def speaks_of_last_message(acts: list[Act], lex: Lexicon) -> bool:
    """'no, that was a question', 'I was just asking': the take-back is about the last message."""
    return any(lex.has("asked_not_stated", a.tokens) for a in acts)


def forget(state: State) -> list[str]:
    state.profile = Profile()
    state.undo = []
    state.context.pending = None
    return ["Done: I've forgotten everything you told me. Your profile is empty."]


def yes_or_no(tokens: list[str], lex: Lexicon) -> bool | None:
    """True for a yes ('yes please', 'sure, wipe it'), False for a no, None for neither."""
    if not tokens:
        return None
    if tokens[0] in NO_CORE and all(t in lex.words("no_words") | lex.words("yes_words") for t in tokens):
        return False
    if all(t in lex.words("yes_words") for t in tokens) and not NO_CORE & set(tokens):
        return True
    return None


def answer_forget(state: State, tokens: list[str], lex: Lexicon) -> list[str] | None:
    """The reply to "Shall I forget everything?": wipe on yes, keep on no, None otherwise."""
    said = yes_or_no(tokens, lex)
    if said is None:
        return None
    return forget(state) if said else ["OK, I kept your profile as it is."]


def ask_forget(state: State) -> list[str]:
    state.context.pending = {"kind": "forget", "options": ["yes", "no"], "text": ""}
    return ["Shall I forget everything you told me (your whole profile)? Answer yes or no."]


def goal_pending(text: str) -> dict[str, Any]:
    return {"kind": "goal", "options": [], "text": text[:500]}


def changed_lines(graph: Graph, values: dict[str, Any], skills: list[str], certs: list[str]) -> list[str]:
    """One short line per change: 'goal: RIS Analyst', 'knows DICOM'."""
    out = []
    labels = {"goal": "goal", "current_role": "current job", "place": "location"}
    for key, value in values.items():
        if key in labels:
            out.append(f"{labels[key]}: {graph.name(value)}")
        elif key == "years":
            out.append(f"{count(value, 'year')} of experience")
        elif key == "ce_hours":
            out.append(f"{count(value, 'hour')} of continuing education")
        elif key == "degree":
            out.append("no degree" if value == "none" else f"degree: {value}")
    out += [f"knows {graph.name(s)}" for s in skills] + [f"holds {graph.name(c)}" for c in certs]
    return out or ["your profile"]
