"""Places named after a pay answer (or a ranking of places, or a comparison of roles) are
the pay there, for the same role, whether or not the sources have figures there (the pay
answer says when they have none): a message that opens with a place after follow-up filler
('what about Sacramento', 'Deer Park? where even is that', 'what about in Texas, that's
where I'm moving'), or a short one that names a place and asks about pay there ('and if I
moved to Oregon?', 'is it better in Florida?'). Not a place in passing ('my sister lives in
Texas'), another topic of the field ('do clinics in Ohio need a degree?') or of another
domain ('Denver weather?'). 'where else do they pay well?' is the ranking of places. The
words are data: knowledge/facts.json `places_without_figures` (names), intents/lexicon.json
`elsewhere_phrases`, `place_pay_cues` and the other topics' cue lists."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from advisor.config import (
    FOLLOW_UP_CONFIDENCE,
    FOLLOW_UP_MAX_TOKENS,
    PLACE_FOLLOW_UP_MAX_CONFIDENCE,
    PLACE_FOLLOW_UP_MAX_TOKENS,
    RE,
)
from advisor.converse import follow_ups
from advisor.converse.dialogue import FOLLOW_UP_FILLER, Decision
from advisor.state import State
from advisor.understand.entities import Parsed

if TYPE_CHECKING:
    from advisor.engine import Advisor

# the answers a place follows up on
PAY_ANSWERS = frozenset({"salary", "best_locations", "compare_roles"})
# readings that already answer about pay: kept as they are
PAY_READINGS = frozenset({"salary", "compare_roles", "job_outlook"})
# a named thing of these kinds is what the message asks about, not the place
OTHER_TOPICS = frozenset({"certification", "skill", "concept", "organisation", "resource"})


def opening_place(engine: Advisor, parsed: Parsed, said: list[str] | None = None) -> tuple[str, ...]:
    """The words of the place the message as typed (`said`; else the parsed words) opens
    with, after at most a few follow-up words ('and what about in'): a known place or one
    without figures; () when it opens otherwise."""
    words = tuple(said) if said is not None else parsed.tokens
    start = 0
    while start < len(words) and words[start] in FOLLOW_UP_FILLER:
        start += 1
    if start >= FOLLOW_UP_MAX_TOKENS or start >= len(words):
        return ()
    alias = engine.graph.unlisted.named_at(words, start)
    if alias is not None:
        return tuple(alias.split())
    typed = parsed if words == parsed.tokens else engine.extractor.parse(list(words))
    place = next((e for e in typed.of("place") if e.start == start), None)
    return words[start : place.end] if place is not None else ()


def place_follow_up(
    engine: Advisor, decision: Decision, parsed: Parsed, state: State, said: list[str] | None = None
) -> Decision:
    """A place named right after a pay answer is the pay there, for the same role ('Deer
    Park? where even is that?' after a ranking too: that place's figure). Words of another
    domain beside it keep the decline ('Denver weather this weekend?')."""
    if state.context.intent not in PAY_ANSWERS or decision.intent in PAY_READINGS:
        return decision
    sure = decision.intent not in ("out_of_scope", "best_locations")
    if sure and decision.confidence >= PLACE_FOLLOW_UP_MAX_CONFIDENCE:
        return decision
    if OTHER_TOPICS & {e.type for e in parsed.entities} or _other_topic(engine, parsed.tokens):
        return decision
    words = list(said) if said is not None else list(parsed.tokens)
    short = len(words) <= PLACE_FOLLOW_UP_MAX_TOKENS and _asks_pay_there(engine, words)
    short = short and _names_place(engine, parsed, words)
    if not (short or opening_place(engine, parsed, said)) or follow_ups.another_domain(engine, decision):
        return decision
    return _as(decision, "salary")


def _asks_pay_there(engine: Advisor, words: list[str]) -> bool:
    """'and if I moved to Oregon?', 'is it better in Florida?': a follow-up opening or a word
    asking about pay there; not a place in passing ('my sister lives in Texas')."""
    if RE.FOLLOW_UP.match(" ".join(words)):
        return True
    for i, word in enumerate(words):
        if not engine.lexicon.starts("place_pay_cues", words[i:]):
            continue
        if word not in COMPARATIVES or PAY_SUBJECTS & set(words[max(0, i - 2) : i]):
            return True  # "is it better in Florida?" (not "is the food better in Texas?")
    return False


COMPARATIVES = frozenset({"better", "worse", "more", "less", "higher", "lower", "different", "same"})
PAY_SUBJECTS = frozenset(
    {"it", "pay", "pays", "that", "they", "salary", "salaries", "money", "things", "much"}
)


def _names_place(engine: Advisor, parsed: Parsed, words: list[str]) -> bool:
    """'and if I moved to Oregon?', 'is it better in Florida?': a place anywhere in the words."""
    if engine.graph.unlisted.named_in(words) is not None:
        return True
    return bool((parsed if tuple(words) == parsed.tokens else engine.extractor.parse(words)).of("place"))


# cue lists (intents/lexicon.json) of the field's other topics: 'do hospitals in Texas need
# PACS analysts?' asks what is needed, 'remote jobs in Ohio?' what the work is like
OTHER_TOPIC_CUES = ("need_words", "cert_words", "work_condition_phrases", "outlook_phrases", "learn_phrases")


def _other_topic(engine: Advisor, tokens: tuple[str, ...]) -> bool:
    return any(engine.lexicon.has(name, tokens) for name in OTHER_TOPIC_CUES)


def elsewhere(engine: Advisor, decision: Decision, parsed: Parsed, state: State) -> Decision:
    """'where else do they pay well?', 'any other states above average?' after a pay answer:
    where the role pays most (a certificate or skill named keeps its own reading)."""
    if state.context.intent not in PAY_ANSWERS or decision.intent == "best_locations":
        return decision
    if OTHER_TOPICS & {e.type for e in parsed.entities} or _other_topic(engine, parsed.tokens):
        return decision
    if not engine.lexicon.has("elsewhere_phrases", parsed.tokens):
        return decision
    return _as(decision, "best_locations")


def _as(decision: Decision, intent: str) -> Decision:
    """The decision as a follow-up of the last answer with this intent."""
    confidence = max(decision.confidence, FOLLOW_UP_CONFIDENCE)
    return replace(decision, intent=intent, confidence=confidence, follow_up=True, foreign="", clarify=[])
