"""Kinds of turn the ranker cannot know from its examples: a plan of the user's path
stated or asked about ('registered for the CIIP in June'), a hello with chat around it, and
an unsure undo reading of a question that says no undo phrase."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.config import RULE_CONFIDENCE
from advisor.converse import follow_ups
from advisor.converse import profile_talk as talk
from advisor.converse import reading as read
from advisor.converse.dialogue import Decision
from advisor.understand.acts import Act

if TYPE_CHECKING:
    from advisor.engine import Advisor

# a plan stated alone is acknowledged, unless the message is one of these
KEEPS_OVER_PLAN = frozenset(
    {"undo", "profile_forget", "goodbye", "thanks", "greeting", "profile_update", "work_conditions"}
)


def planned(engine: Advisor, decision: Decision, tokens: list[str], asks: bool, states: bool) -> Decision:
    """A plan of the user's path ('I'm registered for the CIIP in June', 'signed up for an
    HL7 webinar') is never another domain: a statement of it is acknowledged (and not
    saved); a question beside it is read in the field ('anything I should read first?')."""
    other = follow_ups.another_domain(engine, decision)
    lex = engine.lexicon
    plans = lex.has("plan_cues", tokens) or lex.has("in_progress_phrases", tokens)
    plain_statement = plans and not asks and not states and decision.intent not in KEEPS_OVER_PLAN
    if not (decision.intent == "out_of_scope" or plain_statement) or other or not plans:
        return decision  # (planned() needs a plan cue: checked before parsing the message)
    if not talk.planned(engine, engine.extractor.parse(tokens)):
        return decision
    if not asks:  # "booked my CIIP exam for October, fingers crossed"
        return Decision("profile_update", RULE_CONFIDENCE, decision.ranked)
    if follow_ups.STUDY_WORDS & set(tokens):  # "…, anything I should read first?"
        return Decision("study_resources", RULE_CONFIDENCE, decision.ranked)
    ranked = [s for s in decision.ranked if s.intent not in read.NOT_ANSWERS | {"out_of_scope"}]
    if ranked and ranked[0].score > 0:
        return Decision(ranked[0].intent, RULE_CONFIDENCE, decision.ranked)
    return Decision("profile_update", RULE_CONFIDENCE, decision.ranked)


def hello(engine: Advisor, decision: Decision, acts: list[Act]) -> Decision:
    """'hiii ok so idk if this is the right place lol': a hello and chat around it, naming no
    other domain and asking nothing of ours, is a greeting, not a decline."""
    other = follow_ups.another_domain(engine, decision)
    if decision.intent != "out_of_scope" or other or "greeting" not in engine.catalog:
        return decision
    hellos = engine.lexicon.words("hello_words")
    if not acts or acts[0].tokens[0] not in hellos or engine.extractor.parse(list(acts[0].tokens)).entities:
        return decision  # (a hello naming things is a question or statement about them)
    return Decision("greeting", RULE_CONFIDENCE, decision.ranked)


def says_undo(engine: Advisor, tokens: list[str]) -> bool:
    """Does the message say one of the undo intent's own phrases ('undo', 'that's wrong')?"""
    undo = engine.catalog.get("undo")
    joined = f" {' '.join(tokens)} "
    return any(p in joined for p in read.undo_phrases(tuple(undo.keywords if undo else ())))


def next_reading(decision: Decision) -> Decision:
    """The best reading after the top one (with its own score); out of scope when none."""
    rest = [s for s in decision.ranked if s.intent not in ("undo", "out_of_scope") and s.score > 0]
    if not rest:
        return Decision("out_of_scope", decision.confidence, decision.ranked)
    return Decision(rest[0].intent, rest[0].score, decision.ranked)


def own_field(engine: Advisor, decision: Decision, current_role: str | None) -> Decision:
    """'would that be a raise from nursing?' from a nurse: the user's own field named is no
    other domain; the message is read again in ours."""
    if decision.intent != "out_of_scope" or not read.names_own_job(engine, decision.foreign, current_role):
        return decision
    return next_reading(decision)
