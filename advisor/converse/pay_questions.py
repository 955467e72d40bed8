"""Pay questions by kind: a pay question that asks no 'where' wants the pay (a place named
after a pay answer: converse/place_questions.py), two career roles side by side are compared,
PACS pay beside an IT occupation is the BLS comparison, a pay change from one's own job is a
pay question. Their words are in intents/lexicon.json and knowledge/facts.json."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from advisor.converse import follow_ups
from advisor.converse.dialogue import REFERRING, Decision
from advisor.state import Context, State
from advisor.understand.entities import Parsed
from advisor.understand.lexicon import Lexicon

if TYPE_CHECKING:
    from advisor.engine import Advisor


ASKS_PAY_CHANGE = frozenset(
    {"career_path", "next_step", "career_progression", "compare_roles", "role_requirements"}
)


CHANGE_WORDS = frozenset({"cut", "increase"})  # "a pay cut", "an increase": words of a pay change


def says_pay(
    engine: Advisor, tokens: tuple[str, ...] | list[str], extra: frozenset[str] = frozenset()
) -> bool:
    """Does the message say one of the pay intent's one-word keywords ('make', 'salary')?"""
    pay = engine.catalog.get("salary")
    words = pay.keyword_words() if pay is not None else frozenset()
    return bool(set(tokens) & (words | extra))


def pay_change(engine: Advisor, decision: Decision, parsed: Parsed, state: State) -> Decision:
    """'what kind of raise could I see going from biomed to PACS admin?': a pay change from the
    user's job (named, or in the profile) to a career role is a pay question."""
    if decision.intent not in ASKS_PAY_CHANGE:
        return decision
    topic = next((t for t in engine.graph.fact_topics if t.id == "pay-change"), None)
    joined = f" {' '.join(parsed.tokens)} "
    if topic is None or not any(f" {cue} " in joined for cue in topic.cues):
        return decision
    if not says_pay(engine, parsed.tokens, CHANGE_WORDS):
        return decision  # "how do I switch from help desk to RIS analyst?" asks the way
    careers = engine.graph.career_ids
    roles = {e.id for e in parsed.of("role")}
    background = bool(roles - careers) or bool(state.profile.current_role)
    target = roles & careers or state.profile.goal or state.context.role in careers  # "a raise?"
    return replace(decision, intent="salary", clarify=[]) if background and target else decision


COMPARES = frozenset(
    {"compare", "compared", "comparison", "vs", "versus", "than", "stack", "against", "beside"}
)


def it_pay_compared(engine: Advisor, decision: Decision, parsed: Parsed, state: State) -> Decision:
    """'how does director pay compare with IT managers in general?', 'would I take a pay cut
    going to PACS?' (from a job the BLS measures): PACS pay beside BLS pay for IT work."""
    if decision.intent not in ("compare_roles", "salary") or "job_outlook" not in engine.catalog:
        return decision
    words = set(parsed.tokens)
    it_job = engine.lexicon.has("it_occupation_phrases", parsed.tokens) and bool(COMPARES & words)
    measured = engine.graph.anchors_by_role.get(state.profile.current_role or "", ())
    cut = bool(measured) and ("cut" in words or "than i make" in " ".join(parsed.tokens))
    return replace(decision, intent="job_outlook", clarify=[]) if it_job or cut else decision


COMPARING = frozenset({"difference", "differ", "differs", "different", "than", "vs", "versus", "compare"})
TAKES_COMPARING = frozenset({"role_overview", "career_progression", "role_requirements"})


def two_roles_compared(engine: Advisor, decision: Decision, parsed: Parsed, ctx: Context) -> Decision:
    """'how does that compare to a PACS admin?' after PACS analyst pay: two of our career
    roles side by side (the outlook answer compares PACS pay with other occupations, like
    network administrators); 'is it more or less than a PACS analyst?' after another role's
    card, too."""
    named_other = [e.id for e in parsed.of("role") if e.id != ctx.role]
    beside = decision.intent in TAKES_COMPARING and COMPARING & set(parsed.tokens) and len(named_other) == 1
    if decision.intent != "job_outlook" and not (beside and ctx.role in engine.graph.career_ids):
        return decision
    roles = {e.id for e in parsed.of("role")}
    if ctx.role and (REFERRING & set(parsed.tokens) or beside):
        roles.add(ctx.role)  # "that" is the role talked about
    careers = roles & engine.graph.career_ids
    return (
        replace(decision, intent="compare_roles", clarify=[])
        if careers == roles and len(roles) > 1
        else decision
    )


def where_not_asked(decision: Decision, parsed: Parsed, lex: Lexicon) -> Decision:
    """'what's the national average for my job?': a pay question that asks no 'where' and
    names no place but the US wants the pay, not a ranking of places."""
    if decision.intent != "best_locations" or lex.has("where_words", parsed.tokens):
        return decision
    if any(place.id != "us" for place in parsed.of("place")):
        return decision
    return replace(decision, intent="salary", clarify=[])


# words that make "most … makes" no pay ("which role makes the most sense?")
NOT_PAY_SENSE = frozenset({"sense", "stand", "difference", "happy", "easier", "harder"})
# forms of the pay verbs the salary keywords leave out ("what are the top 10% making?")
PAY_FORMS = frozenset({"making", "makes", "earning", "earns", "earned", "pays", "paying", "salaries"})
TAKES_PAY_EXTENT = frozenset(
    {
        "out_of_scope",
        "role_requirements",
        "role_overview",
        "career_progression",
        "certifications_for_role",
        "list_roles",
        "next_step",
    }
)


def pay_extent(engine: Advisor, decision: Decision, parsed: Parsed, state: State) -> Decision:
    """'wat r the top 10% making', 'what about the top 10 percent, what do they make': a part
    of the pay range and a pay verb, about a role named or talked about, is pay (whatever
    the last answer was)."""
    if decision.intent not in TAKES_PAY_EXTENT and not decision.clarify:
        return decision
    if follow_ups.another_domain(engine, decision):
        return decision  # another domain's pay
    tokens = parsed.tokens
    if not engine.lexicon.has("pay_extent_words", tokens) or not says_pay(engine, tokens, PAY_FORMS):
        return decision
    if NOT_PAY_SENSE & set(tokens) or engine.lexicon.words("cert_words") & set(tokens):
        return decision  # "which role makes the most sense?", "certs that make them stand out"
    if not (parsed.of("role") or state.context.role or state.profile.goal):
        return decision
    return replace(decision, intent="salary", clarify=[], foreign="")


def place_ranked(engine: Advisor, decision: Decision, parsed: Parsed) -> Decision:
    """'i heard Boston is top 3 for them, true?': where a named place ranks for pay, which the
    ranking of places shows (not the place's own figure alone)."""
    if decision.intent != "salary" or not parsed.of("place"):
        return decision
    if not engine.lexicon.has("rank_phrases", parsed.tokens):
        return decision
    return replace(decision, intent="best_locations", clarify=[])
