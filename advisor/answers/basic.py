"""Small-talk, help, out-of-scope and profile answers."""

from __future__ import annotations

from advisor.answers.common import Answer, Ask, fill, listing
from advisor.knowledge.graph import Graph
from advisor.state import Profile
from advisor.text import count
from advisor.understand.cues import SETTING_ID

EXAMPLES = (
    "How much does a PACS administrator make in San Francisco?",
    "How do I become a PACS analyst?",
    "What is the CIIP?",
)


def template(ask: Ask, key: str, default: str) -> Answer:
    return Answer([fill(ask.intent.reply(key, default), examples=_examples())])


def _examples() -> str:
    return "\n".join(f"  • {e}" for e in EXAMPLES)


def greeting(ask: Ask) -> Answer:
    return template(ask, "text", "Hello! Ask me about PACS and imaging informatics careers.")


def goodbye(ask: Ask) -> Answer:
    return template(ask, "text", "Goodbye, and good luck!")


def thanks(ask: Ask) -> Answer:
    return template(ask, "text", "You're welcome.")


def help_(ask: Ask) -> Answer:
    return template(ask, "text", "I can answer questions like:\n{examples}")


def out_of_scope(ask: Ask) -> Answer:
    return template(ask, "text", "That's outside what I know. Try:\n{examples}")


def profile_lines(graph: Graph, p: Profile) -> list[str]:
    """The profile as short lines ("Education: bachelor's (computer science)")."""
    lines = []
    if p.degree:
        degree = (
            "no degree"
            if p.degree == "none"
            else p.degree.replace("-", " ") + "'s"
            if p.degree in ("bachelor", "master")
            else p.degree.replace("-", " ")
        )
        lines.append(f"Education: {degree}{f' ({p.degree_field})' if p.degree_field else ''}")
    if p.current_role or p.background:
        lines.append(f"Current job: {graph.name(p.current_role) if p.current_role else p.background}")
    if p.years is not None:
        lines.append(f"Experience: {count(p.years, 'year')}")
    if p.ce_hours is not None:
        lines.append(f"Continuing education: {count(p.ce_hours, 'hour')}")
    known = [s for s in p.skills if s != SETTING_ID]
    if SETTING_ID in p.skills:  # where one works, not something one knows
        lines.append("Works in: a hospital or clinic")
    if known:
        lines.append(f"Knows: {listing([graph.name(s) for s in known])}")
    if p.certifications:
        held = [graph.nodes[c].get("abbr") or graph.name(c) for c in p.certifications if c in graph.nodes]
        lines.append(f"Certifications: {listing(held)}")
    if p.goal:
        lines.append(f"Goal: {graph.name(p.goal)}")
    if p.place:
        lines.append(f"Location: {graph.name(p.place)}")
    return lines


def profile_show(ask: Ask) -> Answer:
    lines = profile_lines(ask.graph, ask.state.profile)
    if not lines:
        return Answer(
            [
                "I don't know anything about you yet. Tell me, e.g. \"I'm a rad tech with "
                '3 years of experience" or "I want to become a PACS analyst".'
            ]
        )
    return Answer(["What I know about you:"] + [f"  • {line}" for line in lines])
