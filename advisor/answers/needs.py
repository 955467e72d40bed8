"""Yes/no questions about what a role asks for: "do I need SQL?", "would I need clinical
experience for that?", "do I need a bachelor's?". Answered from the role's requirements
(required / preferred / a plus / not listed); with no role, which roles list it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from advisor.answers import roles
from advisor.answers.common import Answer, Ask, listing
from advisor.config import NEED_RE
from advisor.knowledge.graph import Graph, Item, Node, Requirement
from advisor.understand.entities import Parsed

LEVELS = ("required", "preferred", "plus")
# entity types whose id a requirement item names
ITEM_TYPES = ("skill", "concept", "certification")


@dataclass(frozen=True)
class Asked:
    """One thing the question asks about, and which requirement items it matches."""

    what: str
    matches: Callable[[Item], bool]


def is_need_question(parsed: Parsed) -> bool:
    return bool(NEED_RE.QUESTION.search(" ".join(parsed.tokens)))


def asked_items(graph: Graph, parsed: Parsed, role: str | None) -> list[Asked]:
    """What the question asks whether the role needs: skills and certificates it names, a
    background role (as experience), a degree, experience."""
    out: list[Asked] = []
    for e in {e.id: e for e in parsed.entities}.values():
        if NEED_RE.EXPERIENCE.search(" ".join(parsed.tokens[e.start : e.end + 1])):
            continue  # "clinical experience" asks about experience, not the clinical skill
        if e.type == "concept" and NEED_RE.JOB_WORD.fullmatch(" ".join(parsed.tokens[e.end : e.end + 1])):
            continue  # "a PACS job" names the field, not something to know
        if e.type in ITEM_TYPES:
            out.append(Asked(graph.name(e.id), _field_is("ref", e.id)))
        elif e.type == "organisation":
            out.append(Asked(f"{graph.name(e.id)} certification", _issued_by(graph, e.id)))
        elif e.type == "role" and e.id != role and graph.nodes[e.id].get("track") == "background":
            out.append(Asked(f"experience as a {graph.name(e.id)}", _field_is("role", e.id)))
    text = " ".join(parsed.tokens)
    if parsed.of("degree") or NEED_RE.DEGREE.search(text):
        out.append(Asked("a degree", _field_is("kind", "degree")))
    asks_experience = NEED_RE.EXPERIENCE.search(text) or parsed.of("years")  # "is 5 years enough"
    if asks_experience and not any(a.what.startswith("experience") for a in out):
        out.append(_experience(graph, parsed))
    return out


def _field_is(name: str, value: str) -> Callable[[Item], bool]:
    def match(item: Item) -> bool:
        return bool(getattr(item, name) == value)

    return match


def _issued_by(graph: Graph, org: str) -> Callable[[Item], bool]:
    def match(item: Item) -> bool:
        ref = item.ref or ""
        return item.kind == "certification" and ref in graph.nodes and graph.nodes[ref].get("issuer") == org

    return match


def _experience(graph: Graph, parsed: Parsed) -> Asked:
    """'clinical experience': experience items whose area names those words (else any)."""
    area_words = {w for a in graph.areas.values() for w in a["name"].lower().split()}
    hit = (set(parsed.tokens) & area_words) - {"experience", "of", "in", "an", "a", "the"}

    def match(item: Item) -> bool:
        area = set(graph.area_name(item.area).lower().split())
        return item.kind == "experience" and (not hit or bool(hit & area))

    return Asked(" ".join([t for t in parsed.tokens if t in hit][:3] + ["experience"]), match)


def strongest(role: Node, asked: Asked) -> Requirement | None:
    """The requirement of the role that asks for it most strongly, or None."""
    found = [r for r in role.requirements if any(asked.matches(i) for o in r.options for i in o.items)]
    return min(found, key=lambda r: LEVELS.index(r.level)) if found else None


def verdict(graph: Graph, role: Node, asked: Asked) -> str:
    req = strongest(role, asked)
    if req is None:
        return f"Not as such: my sources don't list {asked.what} among what {role.name} asks for."
    if req.level == "plus":
        return f"No, but it helps: {role.name} lists {asked.what} as a plus."
    if req.level == "preferred":
        return f"Not strictly: {role.name} prefers {asked.what}."
    degree = next((i for o in req.options for i in o.items if i.kind == "degree" and asked.matches(i)), None)
    if degree is not None and len(req.options) == 1:
        answer = "No degree needed" if degree.level == "high-school" else "Yes"
        return f"{answer}: {role.name} requires a {roles.item_text(graph, degree)}."
    if len(req.options) > 1:
        choice = roles.requirement_line(graph, req).split(": ", 1)[-1]
        return f"Not necessarily: {role.name} requires one of these — {choice}."
    item = next(i for o in req.options for i in o.items if asked.matches(i))
    if item.kind == "experience":  # "is 5 years enough?": the years it asks for
        return f"{role.name} requires {roles.item_text(graph, item)}."
    return f"Yes: {role.name} requires {asked.what}."


def role_requirements(ask: Ask) -> Answer:
    """The role's requirements; a yes/no question about one of them is answered first."""
    named = {e.type for e in ask.parsed.entities} & {"skill", "concept", "certification"}
    # "do I need HL7?", or "what about DICOM?" right after the list: that item first
    asked = asked_items(ask.graph, ask.parsed, ask.role) if is_need_question(ask.parsed) or named else []
    if not asked:
        return roles.role_requirements(ask)
    if not ask.role:
        return _which_roles(ask.graph, asked)
    role = ask.graph.nodes[ask.role]
    lines = [verdict(ask.graph, role, a) for a in asked]
    full = roles.role_requirements(ask)
    return Answer(lines + full.lines, full.sources)


def _which_roles(graph: Graph, asked: list[Asked]) -> Answer:
    out = Answer()
    for a in asked:
        listed = []
        for role in graph.career_roles():
            req = strongest(role, a)
            if req is not None:
                listed.append(f"{role.name} ({roles.LEVEL_WORD[req.level]})")
                out.cite(req.source)
        if listed:
            out.add(f"Roles that list {a.what}: {listing(listed)}.")
        else:
            out.add(f"None of the roles I know lists {a.what} among its requirements.")
    out.add('Tell me your goal ("I want to become a RIS analyst") and I\'ll answer for that role.')
    return out
