"""A thing named alone is answered from its own card: 'how long is vendor training?' (what it
is, with its length), 'what comes after the CPAS?' (the certificate, not a role's
progression), 'how much does the PARCA certification cost?' (the certificate, not pay)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from advisor.converse.dialogue import Decision
from advisor.understand.entities import Parsed
from advisor.understand.lexicon import Lexicon

if TYPE_CHECKING:
    from advisor.engine import Advisor

LASTS = (("how", "long", "is"), ("how", "long", "does"), ("how", "long", "are"), ("how", "many", "days"))


TAKES_LASTS = frozenset({"study_resources", "timeline", "next_step", "career_path", "out_of_scope"})


def how_long_is_it(decision: Decision, parsed: Parsed, named: frozenset[str]) -> Decision:
    """'how long is vendor training?', 'how long does vendor training last?': a thing that
    has a length of its own, named alone; what it is says how long it lasts (not the
    user's own timeline: 'how long will it take me' names the user)."""
    if decision.intent not in TAKES_LASTS or decision.foreign or tuple(parsed.tokens[:3]) not in LASTS:
        return decision
    if named != {"skill"}:  # named as typed ("how long does it take…": "it" names nothing)
        return decision
    return replace(decision, intent="concept_info", clarify=[])


def after_a_certificate(decision: Decision, parsed: Parsed, named: frozenset[str]) -> Decision:
    """'what comes after the CPAS?': where a certificate leads is the certificate's own card
    (what it is the foundation for), not a role's progression."""
    if decision.intent != "career_progression" or "certification" not in named or "role" in named:
        return decision
    if "after" not in parsed.tokens:
        return decision  # "what can I move up to with a CIIP?": the role's progression
    return replace(decision, intent="certification_info", clarify=[])


def cost_of_certificate(decision: Decision, parsed: Parsed, lex: Lexicon) -> Decision:
    """'how much does PARCA certification cost?': a price asked of a certificate or its
    issuer (and no role) is about the certificate, not pay or a role's list."""
    if decision.intent not in ("salary", "certifications_for_role") or parsed.of("role"):
        return decision
    if not lex.words("cost_words") & set(parsed.tokens):
        return decision
    if not (parsed.of("certification") or parsed.of("organisation")):
        return decision
    return replace(decision, intent="certification_info")


TAKES_THRIFT = frozenset(
    {"out_of_scope", "help", "salary", "career_path", "next_step", "certifications_for_role"}
)


LEARNING_TALK = frozenset(
    {"study_resources", "next_step", "career_path", "concept_info", "certification_info"}
)
LEARN_WORDS = frozenset(
    {"learn", "study", "course", "courses", "resources", "stuff", "materials", "books", "training"}
)


def learning_for_less(engine: Advisor, decision: Decision, parsed: Parsed, last: str | None) -> Decision:
    """'whats the cheapest way, any free stuff?', 'how much does a university PACS certificate
    cost?': what the ways to learn cost (the study resources, each marked free or paid), not
    pay; a certificate named keeps it the certificate's fee."""
    if decision.intent not in TAKES_THRIFT or parsed.of("certification"):
        return decision
    if decision.foreign and decision.foreign not in engine.lexicon.words("thrift_words"):
        return decision
    if parsed.of("place"):
        return decision  # "the cheapest way to get from Boston to New York"
    words = set(parsed.tokens)
    a_way_to_learn = bool(LEARN_WORDS & words or parsed.of("resource"))
    if decision.intent == "out_of_scope" and not (a_way_to_learn or last in LEARNING_TALK):
        return decision  # a cheap thing of another kind ("a cheap x-ray near me")
    thrift = engine.lexicon.has("thrift_words", parsed.tokens)
    costs = engine.lexicon.words("cost_words") & words or "how much" in " ".join(parsed.tokens)
    priced = a_way_to_learn and bool(costs)
    if not (thrift or priced):
        return decision
    return replace(decision, intent="study_resources", clarify=[], foreign="")
