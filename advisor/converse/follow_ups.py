"""Follow-ups: what a short message means right after an answer. 'what's next?' is the
user's next step, 'and after that?' / 'what else?' the step after it, 'lay it all out' the
path, 'what about the lowest paid?' more of the pay, 'what if I had a bachelor's?' after an
eligibility check the check again, 'does that change anything?' the last answer again."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from advisor.config import FOLLOW_UP_MAX_TOKENS, RE, RULE_CONFIDENCE, TOPIC_TIE
from advisor.converse.corrections import last_fields
from advisor.converse.dialogue import REFERRING, Decision
from advisor.state import Context, State
from advisor.understand.entities import Parsed
from advisor.understand.lexicon import Lexicon

if TYPE_CHECKING:
    from advisor.engine import Advisor

# answers computed from the profile: 'where does that leave me?' asks them again
LEARN_NEED = frozenset({"learn", "need", "do", "study"})
RECHECKED = frozenset({"ciip_eligibility", "career_path", "next_step", "timeline"})


def whole_path(decision: Decision, parsed: Parsed, lex: Lexicon, ctx: Context) -> Decision:
    """'what's my path now?', 'can you show the whole list instead?' (after a step of it):
    the path, not the one next step (unless the message asks for the next one)."""
    steps = ctx.intent in ("next_step", "career_path", "timeline") or bool(LEARN_NEED & set(parsed.tokens))
    if not (decision.intent == "next_step" or decision.intent == "list_roles" and steps):
        return decision  # ("what all do I need to learn, like the whole list": the path)
    if "next" in parsed.tokens:
        return decision
    if not lex.has("path_words", parsed.tokens):
        return decision
    return replace(decision, intent="career_path", clarify=[])


PAY_FOLLOWS = frozenset({"salary", "best_locations"})


NOT_PAY = frozenset(
    {"out_of_scope", "role_requirements", "career_progression", "role_overview", "list_roles"}
)


def more_of_the_pay(
    engine: Advisor, decision: Decision, parsed: Parsed, state: State, named: frozenset[str]
) -> Decision:
    """'what about the lowest paid?', 'and the top 10 percent?' right after a pay answer:
    more of the pay (the same role and place), unless the message is about something else."""
    unsure = "salary" in decision.clarify  # "is that typical though?": pay or undo?
    if state.context.intent not in PAY_FOLLOWS or not (decision.intent in NOT_PAY or unsure):
        return decision
    extent = engine.lexicon.words("pay_extent_words")
    if decision.foreign and decision.foreign not in extent:  # "lowest" is no other domain
        return decision
    if {"certification", "role"} & named:
        return decision  # "what does a senior PACS admin do?" names its own subject
    if not engine.lexicon.has("pay_extent_words", parsed.tokens):
        return decision
    return replace(decision, intent="salary", clarify=[], follow_up=True)


SUPPOSED = frozenset({"degree", "years", "certification"})


def supposing(engine: Advisor, decision: Decision, parsed: Parsed, state: State) -> Decision:
    """'what if I had a bachelor's instead?' right after an eligibility check: the check again
    with what the question supposes (the check reads the question's facts first; nothing is
    saved: a question never changes the profile)."""
    if state.context.intent != "ciip_eligibility" or decision.foreign:
        return decision
    words = engine.lexicon.without("lead_fillers", parsed.tokens)
    if not engine.lexicon.starts("hypothetical_starts", words):
        return decision
    if not SUPPOSED & {e.type for e in parsed.entities}:
        return decision
    return replace(decision, intent="ciip_eligibility", clarify=[])


CONTINUED = frozenset({"next_step", "career_progression"})


def continuing(engine: Advisor, decision: Decision, said: list[str], state: State) -> Decision:
    """'then what?', 'and after that?' (the words as typed, before 'that' is resolved) right
    after a next step or where a role leads: more of the same answer. 'now what?', 'where
    do I begin?' (a whole question): the next step."""
    if decision.intent == "out_of_scope" and decision.foreign:
        return decision
    last = state.context.intent
    more = last in CONTINUED and _whole(engine.lexicon, "continue_phrases", said)
    if more:
        intent: str = str(last)
    elif last == "ciip_eligibility" and _just_changed(state) and _again(engine, decision, said):
        intent = "ciip_eligibility"  # "ok I have a bachelor's now. so now?": the check again
    elif _whole(engine.lexicon, "next_phrases", said):
        intent = "next_step"  # the next step from the profile as it is, not the one after
    else:
        return decision
    return replace(
        decision,
        intent=intent,
        clarify=[],
        foreign="",
        confidence=max(decision.confidence, RULE_CONFIDENCE),
        continues=more,
    )


def _just_changed(state: State) -> bool:
    """Did the message before this one change what the CIIP check counts (degree, years of
    work, CE hours)? Then 'and now?' asks the check again; a skill learned asks the next step."""
    return state.changed_last_turn() and bool(last_fields(state) & CHECKED_FIELDS)


CHECKED_FIELDS = frozenset({"degree", "years", "ce_hours"})


def _again(engine: Advisor, decision: Decision, said: list[str]) -> bool:
    """'so now?', 'and now?', 'now?' (or what the ranker reads as the next step, naming nothing)."""
    if _whole(engine.lexicon, "next_phrases", said):
        return True
    return decision.intent == "next_step" and len(said) <= 3 and not engine.extractor.parse(said).entities


def own_path(engine: Advisor, decision: Decision, said: list[str], state: State) -> Decision:
    """'lay it all out for me' with a goal: 'it' stands for the goal, and nothing asks where
    a role leads ('lead', 'after', 'move up'): the user's path, not the role's onward moves."""
    goal = state.profile.goal
    if decision.intent != "career_progression" or not goal or not REFERRING & set(said):
        return decision
    if engine.extractor.parse(said).of("role") or engine.lexicon.has("progression_words", said):
        return decision
    return replace(decision, intent="career_path", clarify=[])


def _whole(lex: Lexicon, name: str, said: list[str]) -> bool:
    """Is the message (with or without its lead fillers) one phrase of the list?"""
    bare = lex.without("lead_fillers", said)
    return any(lex.leading(name, w) == tuple(w) for w in (list(said), bare) if w)


def recheck(decision: Decision, parsed: Parsed, state: State, lex: Lexicon) -> Decision:
    """'where does that leave me?' / 'does that change anything?': the last answer computed
    from the profile, again with the profile as it is now; after talk of the CIIP, its
    eligibility check; else, with a goal, the path to it."""
    if not lex.has("recheck_phrases", parsed.tokens):
        return decision
    if parsed.of("role") or any(c.id != "ciip" for c in parsed.of("certification")):
        return decision  # a new thing named is a new question
    ctx = state.context
    if ctx.intent in RECHECKED:
        again: str | None = ctx.intent
    elif ctx.certification == "ciip" or parsed.of("certification"):
        again = "ciip_eligibility"
    else:
        again = "career_path" if state.profile.goal else None
    return replace(decision, intent=again, clarify=[], foreign="") if again else decision


def own_progress(decision: Decision, parsed: Parsed, state: State) -> Decision:
    """'what's next?' with no role named or pointed at: the user's next step (toward the goal,
    or the question which goal), not where the last role leads."""
    if decision.intent != "career_progression" or parsed.of("role") or parsed.of("ambiguous"):
        return decision
    if state.context.intent == "next_step":  # "and after that?" after a next step
        return replace(decision, intent="next_step", continues="after" in parsed.tokens)
    if "after" in parsed.tokens:
        return decision  # "after manager, what's the next step up?"
    if not state.profile.goal and "next" not in parsed.tokens:
        return decision  # "how fast can you move up in pacs" asks about the field
    if REFERRING & set(parsed.tokens):
        return decision
    return replace(decision, intent="next_step")


UNSURE = frozenset(
    {"out_of_scope", "clarify", "help", "concept_info", "job_outlook", "best_locations", "timeline"}
)


def where_i_stand(engine: Advisor, decision: Decision, said: list[str], state: State) -> Decision:
    """'which parts of my background carry over?', 'where's the gap then?' with a goal: the
    path toward it, with what is done and what is missing (not a decline or a stray card)."""
    if not state.profile.goal or decision.intent not in UNSURE:
        return decision
    if another_domain(engine, decision):
        return decision  # another domain named ("what's the gap in my teeth called?")
    if not engine.lexicon.has("standing_phrases", said):
        return decision
    return replace(
        decision,
        intent="career_path",
        clarify=[],
        foreign="",
        confidence=max(decision.confidence, RULE_CONFIDENCE),
    )


CERT_ANSWERS = frozenset(
    {"certification_info", "ciip_eligibility", "study_resources", "certifications_for_role"}
)


def about_the_certificate(engine: Advisor, decision: Decision, said: list[str], state: State) -> Decision:
    """'how many tries do I get?' right after talk of a certificate: a question about that
    certificate (its own topics' words: attempts, fee, renewal…), not a decline."""
    ctx = state.context
    if not ctx.certification or ctx.intent not in CERT_ANSWERS or decision.intent == "certification_info":
        return decision
    if decision.intent != "out_of_scope" and not _close_second(decision, "certification_info"):
        return decision  # (a near tie between another reading and the certificate stays on it)
    if decision.intent != "out_of_scope" and engine.extractor.parse(said).entities:
        return decision
    if another_domain(engine, decision):
        return decision
    joined = f" {' '.join(said)} "
    if not any(f" {cue} " in joined for topic in engine.graph.cert_topics for cue in topic.cues):
        return decision
    sure = max(decision.confidence, RULE_CONFIDENCE)
    return replace(
        decision, intent="certification_info", clarify=[], foreign="", follow_up=True, confidence=sure
    )


NEED_ITEMS = frozenset({"skill", "concept", "certification"})
ALSO_WORDS = frozenset({"too", "also", "as", "well", "the", "a", "an", "and", "what", "about", "how", "ok"})


def need_of_it(engine: Advisor, decision: Decision, said: list[str], state: State) -> Decision:
    """'what about DICOM?', 'and HL7?' right after what a role asks for: whether it asks for
    that too (a skill, term or certificate named alone), not what the term means."""
    ctx = state.context
    if ctx.intent != "role_requirements" or decision.intent == "role_requirements" or decision.foreign:
        return decision
    if len(said) > FOLLOW_UP_MAX_TOKENS:
        return decision
    parsed = engine.extractor.parse(said)
    kinds = {e.type for e in parsed.entities}
    if not kinds or not kinds <= NEED_ITEMS:
        return decision
    spans = {i for e in parsed.entities for i in range(e.start, e.end)}
    alone = all(t in ALSO_WORDS for i, t in enumerate(parsed.tokens) if i not in spans)  # "SQL too?"
    if not (RE.FOLLOW_UP.match(" ".join(said)) or alone):
        return decision  # ("what is HL7?" asks what it is)
    return replace(decision, intent="role_requirements", clarify=[], follow_up=True)


STUDY_TAKES = frozenset({"next_step", "career_path"})
STUDY_WORDS = frozenset({"study", "studying", "read", "reading", "prep", "prepare", "preparing", "revise"})


def study_for_it(engine: Advisor, decision: Decision, said: list[str], state: State) -> Decision:
    """'what should I study?' right after talk of a certificate (asked about, planned or
    held up): what to study for that certificate, not the next step of the path."""
    ctx = state.context
    if ctx.last != "certification" or not ctx.certification or decision.intent not in STUDY_TAKES:
        return decision
    if not STUDY_WORDS & set(said) or engine.extractor.parse(said).entities:
        return decision
    return replace(decision, intent="study_resources", clarify=[], follow_up=True)


def _close_second(decision: Decision, intent: str) -> bool:
    """Does `intent` score within TOPIC_TIE of the top reading?"""
    if not decision.ranked:
        return False
    top = decision.ranked[0].score
    return any(s.intent == intent and s.score >= top - TOPIC_TIE for s in decision.ranked[1:4])


def another_domain(engine: Advisor, decision: Decision) -> bool:
    """Was the message declined for a word naming another domain ('recipe', 'dentist'),
    rather than for a word the advisor merely does not know?"""
    oos = engine.catalog.get("out_of_scope")
    return bool(decision.foreign) and oos is not None and decision.foreign in oos.topics
