"""The ranker's decision, corrected by the kind of question: a yes/no need question is the
role's requirements, 'how long until I…' the timeline, 'would my years count toward the
CIIP?' the eligibility check, a price of a certificate is about the certificate, on call /
remote / part time is what the work is like, 'make the jump' the path. Most rules' words are
in intents/lexicon.json; pay questions are in converse/pay_questions.py, the follow-ups to
the last answer in converse/follow_ups.py."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from advisor.answers.needs import asked_items, is_need_question
from advisor.config import FACTS_RE, RULE_CONFIDENCE
from advisor.converse import follow_ups, named_things, pay_questions, place_questions, standing
from advisor.converse.dialogue import Decision
from advisor.state import State
from advisor.understand.entities import Parsed
from advisor.understand.lexicon import Lexicon

if TYPE_CHECKING:
    from advisor.engine import Advisor


# a yes/no 'do I need X?' ranked as one of these is the role's requirements
NEED_TAKES = frozenset(
    {
        "career_path",
        "next_step",
        "out_of_scope",
        "timeline",
        "role_overview",
        "goodbye",
        "concept_info",
        "career_progression",  # "is 5 years enough to become a manager?"
        "undo",  # "do I have to go back to school?" asks; it takes nothing back
        "list_roles",  # "do VA PACS jobs need my ARRT?"
        "certifications_for_role",  # "what about the analyst one, does it need a degree?"
    }
)


def adjust(
    engine: Advisor, decision: Decision, parsed: Parsed, state: State, said: list[str] | None = None
) -> Decision:
    """The ranker's decision, corrected by what the conversation knows. `said`: the words as
    typed, before references were resolved (what the user named, not what "it" stood for)."""
    typed = f" {' '.join(parsed.tokens if said is None else said)} "
    named = frozenset(e.type for e in parsed.entities if f" {e.text} " in typed)
    decision = follow_ups.own_progress(decision, parsed, state)
    decision = _continuing_education(decision, parsed)
    decision = follow_ups.recheck(decision, parsed, state, engine.lexicon)
    decision = _need_question(engine, decision, parsed, state)
    decision = place_questions.place_follow_up(engine, decision, parsed, state, said)
    decision = pay_questions.where_not_asked(decision, parsed, engine.lexicon)
    decision = place_questions.elsewhere(engine, decision, parsed, state)  # 'anywhere else?' asks where
    decision = _work_conditions(engine, decision, parsed, named)
    decision = _what_they_do(engine, decision, parsed)
    decision = _what_they_need(decision, parsed, engine.lexicon)
    decision = _certs_asked(engine, decision, parsed)
    decision = _the_jump(engine, decision, parsed)
    decision = _how_to_learn(engine, decision, parsed)
    decision = _good_field(engine, decision, parsed)
    decision = pay_questions.two_roles_compared(engine, decision, parsed, state.context)
    decision = _eligibility_asked(engine, decision, parsed, named)
    decision = standing.counts_toward(engine, decision, parsed, state)
    decision = standing.what_it_takes(engine, decision, parsed, state)
    decision = named_things.how_long_is_it(decision, parsed, named)
    decision = named_things.after_a_certificate(decision, parsed, named)
    decision = named_things.learning_for_less(engine, decision, parsed, state.context.intent)
    decision = standing.getting_in(engine, decision, parsed, state, named)
    decision = _how_long_until(engine, decision, parsed)
    decision = _ruled_certificate(engine, decision, parsed)
    decision = follow_ups.supposing(engine, decision, parsed, state)
    decision = follow_ups.whole_path(decision, parsed, engine.lexicon, state.context)
    decision = follow_ups.more_of_the_pay(engine, decision, parsed, state, named)
    decision = pay_questions.pay_change(engine, decision, parsed, state)
    decision = pay_questions.it_pay_compared(engine, decision, parsed, state)
    decision = pay_questions.pay_extent(engine, decision, parsed, state)
    decision = pay_questions.place_ranked(engine, decision, parsed)
    return named_things.cost_of_certificate(decision, parsed, engine.lexicon)


# readings that a question about on call / remote / part time overrides (never a certificate's
# or a path's: "can I take the CIIP exam remotely?", "my path if I can only work part time?")
TAKES_WORK_WORDS = frozenset(
    {
        "out_of_scope",
        "role_overview",
        "list_roles",
        "concept_info",
        "job_outlook",
        "help",
        "career_progression",
    }
)


def _what_they_do(engine: Advisor, decision: Decision, parsed: Parsed) -> Decision:
    """'what does a senior PACS admin do?': a question about the work of a role (it opens
    with 'what does' and ends with 'do') that says no pay word is the role's overview."""
    tokens = parsed.tokens
    if decision.intent != "salary" or "role_overview" not in engine.catalog or not parsed.of("role"):
        return decision
    if tokens[:2] not in (("what", "does"), ("what", "do")) or tokens[-1:] != ("do",):
        return decision
    if pay_questions.says_pay(engine, tokens):
        return decision
    return replace(decision, intent="role_overview", clarify=[])


def _what_they_need(decision: Decision, parsed: Parsed, lex: Lexicon) -> Decision:
    """'what about a RIS analyst, what do they need?': a role's overview never answers what
    it asks for; its requirements do."""
    if decision.intent != "role_overview" or not lex.words("need_words") & set(parsed.tokens):
        return decision
    return replace(decision, intent="role_requirements", clarify=[])


def _certs_asked(engine: Advisor, decision: Decision, parsed: Parsed) -> Decision:
    """'and those certs, which ones would help there?' after a pay answer: certificates, not
    more pay (a pay word keeps it pay: 'do certs raise the salary?')."""
    certs = engine.lexicon.words("cert_words")
    if decision.intent not in ("salary", "best_locations") or not certs & set(parsed.tokens):
        return decision
    if pay_questions.says_pay(engine, parsed.tokens):
        return decision
    return replace(decision, intent="certifications_for_role", clarify=[], follow_up=False)


TAKES_JUMP = frozenset({"out_of_scope", "job_outlook", "career_progression", "concept_info", "help"})


def _the_jump(engine: Advisor, decision: Decision, parsed: Parsed) -> Decision:
    """'how do I actually make the jump?', 'how long does it take to make the switch?': the
    way into the field: the path (the timeline when it asks how long)."""
    lex = engine.lexicon
    timed = lex.has("timeline_phrases", parsed.tokens) or "long" in parsed.tokens
    takes = TAKES_JUMP | {"salary"} if timed else TAKES_JUMP  # "how long … to make the switch"
    target = "timeline" if timed else "career_path"
    unsure = target in decision.clarify  # "do nuc med people ever go into PACS?": no need to ask
    if not (decision.intent in takes or unsure) or not lex.has("transition_phrases", parsed.tokens):
        return decision
    careers = engine.graph.career_ids
    if decision.intent == "career_progression" and any(e.id in careers for e in parsed.of("role")):
        return decision  # "what do senior PACS admins move into?": where that role leads
    if decision.foreign and decision.foreign not in {
        w for p in lex.acts["transition_phrases"] for w in p.split()
    }:
        return decision  # another domain's word, not the "jump" itself
    intent = (
        "timeline"
        if engine.lexicon.has("timeline_phrases", parsed.tokens) or "long" in parsed.tokens
        else "career_path"
    )
    sure = max(decision.confidence, RULE_CONFIDENCE)
    return replace(decision, intent=intent, clarify=[], confidence=sure)


TAKES_LEARN = frozenset({"career_path", "next_step", "timeline", "concept_info", "out_of_scope"})


def _how_to_learn(engine: Advisor, decision: Decision, parsed: Parsed) -> Decision:
    """'whats the fastest way to learn DICOM?': where and how to learn the thing named."""
    if decision.intent not in TAKES_LEARN or (decision.intent == "out_of_scope" and decision.foreign):
        return decision
    if not {e.type for e in parsed.entities} & {"skill", "concept", "certification"}:
        return decision
    if not engine.lexicon.has("learn_phrases", parsed.tokens):
        return decision
    return replace(decision, intent="study_resources", clarify=[])


def _good_field(engine: Advisor, decision: Decision, parsed: Parsed) -> Decision:
    """'Is PACS a good field to get into right now?': the outlook, not the way in."""
    if decision.intent not in ("career_path", "next_step", "role_overview", "concept_info"):
        return decision
    if parsed.of("role") or not engine.lexicon.has("outlook_phrases", parsed.tokens):
        return decision
    return replace(decision, intent="job_outlook", clarify=[])


def _work_conditions(engine: Advisor, decision: Decision, parsed: Parsed, named: frozenset[str]) -> Decision:
    """'do i have to take call?', 'are pacs jobs remote?', 'any part time pacs jobs?': a
    question about what the work is like (and no other domain, nor pay) is work_conditions."""
    asks_pay = pay_questions.says_pay(engine, parsed.tokens)
    if decision.intent == "work_conditions" and asks_pay:
        return replace(decision, intent="salary", clarify=[])  # "how much do on call admins make?"
    about_cert = decision.intent == "certification_info" and "certification" in named
    if decision.intent not in TAKES_WORK_WORDS | {"certification_info"} or about_cert:
        return decision  # "can I take the CIIP exam remotely?" asks about the certificate
    if decision.foreign or asks_pay:
        return decision
    if not engine.lexicon.has("work_condition_phrases", parsed.tokens):
        return decision
    return replace(
        decision, intent="work_conditions", clarify=[], confidence=max(decision.confidence, RULE_CONFIDENCE)
    )


ASKS_ELIGIBILITY = frozenset(
    {"certification_info", "certifications_for_role", "timeline", "career_path", "role_requirements"}
)


def _eligibility_asked(
    engine: Advisor, decision: Decision, parsed: Parsed, named: frozenset[str]
) -> Decision:
    """'would my years count toward the CIIP?', 'how long would I have to work before I can
    take the CIIP?': whether one may sit for the certificate that has an eligibility rule."""
    own = decision.intent in ASKS_ELIGIBILITY or decision.intent == "out_of_scope" and not decision.foreign
    careers = engine.graph.career_ids
    if not own or "ciip_eligibility" not in engine.catalog or any(e.id in careers for e in parsed.of("role")):
        return decision  # "does the CIIP count toward the PACS manager requirements?"
    if not engine.graph.ruled_certs & {e.id for e in parsed.of("certification")}:
        return decision
    if not engine.lexicon.has("eligibility_phrases", parsed.tokens) or parsed.tokens[:1] in WHERE_WHEN:
        return decision  # "where can I sit for the CIIP?" asks about the exam
    return replace(decision, intent="ciip_eligibility", clarify=[])


WHERE_WHEN = (("where",), ("when",))


def _ruled_certificate(engine: Advisor, decision: Decision, parsed: Parsed) -> Decision:
    """'Can I get the CPAS without a degree?': the eligibility check is the CIIP's; a question
    about another certificate is about that certificate."""
    certs = {e.id for e in parsed.of("certification")}
    if decision.intent != "ciip_eligibility" or not certs:
        return decision
    return (
        decision
        if certs & engine.graph.ruled_certs
        else replace(decision, intent="certification_info", clarify=[])
    )


ASKS_WHEN = frozenset(
    {"career_progression", "career_path", "next_step", "role_requirements", "role_overview"}
)


def _how_long_until(engine: Advisor, decision: Decision, parsed: Parsed) -> Decision:
    """'how long until I could be a manager?', 'how long would it take me to become…': how
    long the user's own way there takes (the timeline), not where the role leads."""
    if decision.intent not in ASKS_WHEN or "timeline" not in engine.catalog:
        return decision
    words = engine.lexicon.without("lead_fillers", parsed.tokens)
    if not engine.lexicon.starts("timeline_phrases", words) or not {"i", "me", "my"} & set(words):
        return decision  # "how long until pacs manager?" asks how long the step up takes
    return replace(decision, intent="timeline", clarify=[])


def _need_question(engine: Advisor, decision: Decision, parsed: Parsed, state: State) -> Decision:
    """'do I need SQL?', 'would I need clinical experience for that?', 'do I have to go back to
    school?': a yes/no question about something a role asks for is the role's requirements,
    not the path, and never out of scope."""
    if decision.intent not in NEED_TAKES or decision.foreign or not is_need_question(parsed):
        return decision
    if not asked_items(engine.graph, parsed, state.profile.goal):
        return decision
    return replace(decision, intent="role_requirements", clarify=[])


def _continuing_education(decision: Decision, parsed: Parsed) -> Decision:
    """'and with 36 hours of CE?': continuing-education hours count only toward the CIIP
    check, so a question that names them (and no other certificate) asks it; so does 'how
    long before I could take the CIIP?' (the time until eligible, not the exam's length)."""
    keep = ("ciip_eligibility", "profile_update", "undo", "profile_forget", "certification_info")
    said = " ".join(parsed.tokens)
    if FACTS_RE.TIME_UNTIL.search(said) and [e.id for e in parsed.of("certification")] == ["ciip"]:
        return replace(decision, intent="ciip_eligibility", clarify=[], foreign="")
    if decision.intent in keep or not FACTS_RE.CE_HOURS.search(said):
        return decision
    if any(e.id != "ciip" for e in parsed.of("certification")):
        return decision
    return replace(decision, intent="ciip_eligibility", clarify=[], foreign="")
