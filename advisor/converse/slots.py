"""Fill an intent's slots from the utterance, then from the conversation and the profile."""

from __future__ import annotations

from advisor.answers.common import Ask
from advisor.answers.needs import asked_items, is_need_question
from advisor.knowledge.catalog import Intent
from advisor.knowledge.graph import Graph
from advisor.knowledge.unlisted import UnlistedPlace
from advisor.state import State
from advisor.understand.entities import Entity, Parsed

TOPIC_TYPES = ("skill", "concept", "organisation", "resource")
PATH_INTENTS = frozenset({"career_path", "next_step"})


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def fill_slots(
    graph: Graph, intent: Intent, parsed: Parsed, state: State, follow_up: bool, catalog: dict[str, Intent]
) -> Ask:
    ctx, profile = state.context, state.profile
    roles = _unique([e.id for e in parsed.of("role")])
    if not roles:  # "ris salary": a concept whose people have a role
        roles = _unique(
            [graph.nodes[e.id].get("role") for e in parsed.of("concept") if graph.nodes[e.id].get("role")]
        )
    ask = Ask(graph, intent, parsed, state, catalog=catalog)
    if intent.name == "compare_roles":
        if len(roles) == 1 and ctx.role and ctx.role != roles[0]:
            roles = [ctx.role, roles[0]]
        elif not roles and ctx.role and ctx.other_role:
            roles = [ctx.role, ctx.other_role]
    if intent.name in ("career_path", "next_step", "certifications_for_role", "salary") and len(roles) > 1:
        # "I'm a rad tech, how do I become a PACS admin?": the goal is not where one stands
        targets = [
            r for r in roles if r != profile.current_role and graph.nodes[r].get("track") != "background"
        ]
        roles = targets + [r for r in roles if r not in targets]
    if intent.name == "role_requirements" and is_need_question(parsed):
        roles = _need_roles(graph, roles, state)
    ask.roles = roles
    ask.role = roles[0] if roles else None
    if ask.role is None and "role" in intent.context:
        ask.role = ctx.role
    if ask.role is None and intent.name in ("career_path", "next_step", "certifications_for_role"):
        ask.role = profile.goal if intent.name != "certifications_for_role" else ctx.role
        if ask.role is None and ctx.intent in PATH_INTENTS:
            ask.role = ctx.role  # "how do I become a PACS analyst?" … "what should I learn next?"
    place = parsed.first("place")
    # a place without figures ("and in Ohio?") replaces the last place, it does not inherit it;
    # so does one whose name holds a known place's ("washington dc" is not Washington state)
    unlisted = graph.unlisted.named_in(parsed.tokens)
    if place is not None and unlisted is not None and _more_specific(graph, place, *unlisted):
        place = None  # "Yonkers, NY": the city without figures, not New York's
    named = place is not None or unlisted is not None
    ask.place = place.id if place else (ctx.place if follow_up and not named else None)
    cert = parsed.first("certification")
    ask.certification = (
        cert.id if cert else (ctx.certification if "certification" in intent.context else None)
    )
    topic = next((e for e in parsed.entities if e.type in TOPIC_TYPES), None)
    ask.topic = topic.id if topic else (ctx.topic if "concept" in intent.context else None)
    level = parsed.first("seniority")
    ask.seniority = level.id if level else (ctx.seniority if follow_up else None)
    years = parsed.first("years")
    ask.years = float(years.id) if years and not profile_years_statement(parsed) else None
    return ask


def _more_specific(graph: Graph, place: Entity, alias: str, unlisted: UnlistedPlace) -> bool:
    """A place without figures that holds the known place's name ('washington dc') or lies
    within it ('yonkers ny') is the place asked about."""
    if f" {place.text} " in f" {alias} ":
        return True
    node = graph.node(unlisted.within)
    while node is not None and node.id != place.id:
        node = graph.node(node.get("within"))
    return node is not None


def _need_roles(graph: Graph, roles: list[str], state: State) -> list[str]:
    """'must I be a rad tech first?': a background role named in a yes/no question is what is
    asked about; the answer is for the role named as the target, else the goal."""
    targets = [r for r in roles if graph.nodes[r].get("track") != "background"]
    if targets:
        return targets
    goal = state.profile.goal or (state.context.role if not roles else None)
    return [goal] if goal else []


def profile_years_statement(parsed: Parsed) -> bool:
    """'I have 3 years' is about the user, not a pay level."""
    return bool({"i", "my"} & set(parsed.tokens)) and "salary" not in parsed.tokens


def missing_slot(ask: Ask) -> str | None:
    """The slot an intent cannot answer without ('role', 'roles', 'certification', 'topic')."""
    name = ask.intent.name
    if name == "role_requirements" and not ask.role and is_need_question(ask.parsed):
        return None if asked_items(ask.graph, ask.parsed, None) else "role"  # which roles list it
    if name in ("role_overview", "role_requirements", "career_progression") and not ask.role:
        return "role"
    if name == "compare_roles" and len(ask.roles) < 2:
        return "roles"
    if name == "certification_info" and not ask.certification:
        # a certifying body alone ("how much are CompTIA exams?") is answered for its certificates
        return None if ask.parsed.first("organisation") else "certification"
    if name == "concept_info" and not ask.topic:
        if ask.certification or ask.role:
            return None
        return "topic"
    return None
