"""Questions about the user's own standing, corrected by kind: 'would my MRI years count?' (the
goal's requirements), 'can I get in with no degree?' (the same, not the CIIP check), 'what
would that take for me?' (the path; after a certificate, what sitting for it asks). Their
words are lexicon lists (count_words, entry_phrases, takes_phrases)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from advisor.converse import pay_questions
from advisor.converse.dialogue import Decision
from advisor.state import State
from advisor.understand.entities import Parsed

if TYPE_CHECKING:
    from advisor.engine import Advisor

TAKES_COUNT = frozenset(
    {
        "out_of_scope",
        "next_step",
        "concept_info",
        "thanks",
        "career_path",
        "ciip_eligibility",
        "salary",  # (a pay word keeps it pay: see below)
        "undo",  # "I only have an associate's, is that a problem?" takes nothing back
    }
)


YES_NO_STARTS = (("does",), ("do",), ("would",), ("will",), ("is",), ("can",), ("could",), ("should",))


OWN_OR_POINTER = frozenset({"my", "i", "me", "that", "it", "this", "those", "these"})


def counts_toward(engine: Advisor, decision: Decision, parsed: Parsed, state: State) -> Decision:
    """'so my MRI years would count as the clinical part?', 'does my nursing degree count?',
    'we use Syngo Dynamics, does that help?': whether what the user has meets what the role
    asks for, which the role's requirements answer (a ruled certificate's check is
    `_eligibility_asked`'s)."""
    asks = parsed.tokens[:1] in YES_NO_STARTS  # "does my nursing degree count?" (not "…, if that matters")
    takes = decision.intent in TAKES_COUNT or bool(decision.clarify)  # "does that count?": no need to ask
    takes = takes and (decision.intent != "undo" or asks)  # ("that's wrong, it doesn't count" is an undo)
    if not takes and not (decision.intent == "profile_update" and asks):
        return decision
    if decision.foreign:
        return decision
    words = set(parsed.tokens)
    counts = [i for i, t in enumerate(parsed.tokens) if t in engine.lexicon.words("count_words")]
    owns = [i for i, t in enumerate(parsed.tokens) if t in OWN_OR_POINTER]
    if not counts or not owns or min(owns) > max(counts):
        return decision  # the thing counted comes first: "does that help?" (not "can you help me?")
    thanks = engine.catalog.get("thanks")
    if thanks is not None and words & thanks.keyword_words():
        return decision  # "thanks, this helps me think"
    if engine.graph.ruled_certs & {e.id for e in parsed.of("certification")}:
        return decision
    if state.context.intent == "ciip_eligibility" and not parsed.of("role"):  # "would my 11 years count?"
        return replace(decision, intent="ciip_eligibility", clarify=[])
    if not (state.profile.goal or state.context.role or parsed.of("role")):
        return decision
    if any(e.id not in engine.graph.career_ids for e in parsed.of("role")):
        return decision  # "would being a sonographer help me get…": the way from there
    if parsed.of("certification"):  # "I'm studying for Network+, will that help?"
        return replace(decision, intent="certifications_for_role", clarify=[])
    if pay_questions.says_pay(engine, parsed.tokens):
        return decision
    return replace(decision, intent="role_requirements", clarify=[])


TAKES_WHAT = frozenset({"timeline", "next_step", "out_of_scope", "career_progression"})


TIME_WORDS = frozenset({"long", "time", "years", "months", "soon", "quickly", "fast"})


CERT_TALK = frozenset({"ciip_eligibility", "certification_info", "study_resources"})


def what_it_takes(engine: Advisor, decision: Decision, parsed: Parsed, state: State) -> Decision:
    """'what would that take for someone like me?': what getting there asks (the path), not
    how long it takes; right after talk of a certificate, what sitting for it asks (the
    eligibility check of a ruled certificate, else the certificate)."""
    if decision.intent not in TAKES_WHAT or decision.foreign:
        return decision
    if not engine.lexicon.has("takes_phrases", parsed.tokens) or TIME_WORDS & set(parsed.tokens):
        return decision
    ctx = state.context
    if ctx.intent in CERT_TALK and ctx.certification and not parsed.of("role"):
        ruled = ctx.certification in engine.graph.ruled_certs
        return replace(decision, intent="ciip_eligibility" if ruled else "certification_info", clarify=[])
    return replace(decision, intent="career_path", clarify=[])


EXAM_WORDS = frozenset({"exam", "sit", "test", "cert", "certification", "certified", "certificate", "points"})


def getting_in(
    engine: Advisor, decision: Decision, parsed: Parsed, state: State, named: frozenset[str]
) -> Decision:
    """'can I get in with no degree?', 'could I get hired with just an associate's?': whether
    the user can get the job (the goal's requirements), not whether they may sit for the
    CIIP, unless a certificate or its exam is what the talk is about."""
    yes_no = parsed.tokens[:1] in YES_NO_STARTS  # "could I get hired with…" (not "how do I get hired")
    way = decision.intent in ("career_path", "next_step")
    takes = decision.intent == "ciip_eligibility" or (yes_no and way)
    if not takes or "certification" in named or EXAM_WORDS & set(parsed.tokens):
        return decision
    if not engine.lexicon.has("entry_phrases", parsed.tokens):
        return decision
    ctx = state.context
    if ctx.intent in ("ciip_eligibility", "certification_info") or ctx.last == "certification":
        return decision  # "and with a master's?" right after a CIIP check
    if not (state.profile.goal or ctx.role or parsed.of("role")):
        return decision
    return replace(decision, intent="role_requirements", clarify=[])
