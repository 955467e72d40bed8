"""A posting against a profile: met / missing / unknown per item, the questions that would
settle the unknowns, a plan for the rest (the path planner), and the closest role in the
graph with how the posting differs from it. Reads the profile; never changes it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from advisor.answers.planner import Planner, Step
from advisor.knowledge.graph import Graph, Node, Option, Requirement
from advisor.knowledge.graph import Item as Need
from advisor.posting.extract import Posting
from advisor.posting.items import Item
from advisor.state import DEGREE_RANK, Profile
from advisor.text import count

if TYPE_CHECKING:
    from advisor.engine import Advisor

DEGREE_NAMES = {
    "high-school": "High school diploma",
    "associate": "Associate degree",
    "bachelor": "Bachelor's degree",
    "master": "Master's degree",
}
MAX_QUESTIONS = 5
COUNTED = ("required", "preferred")


@dataclass(frozen=True)
class Verdict:
    item: Item
    name: str  # what the item is, for people: 'HL7', "Bachelor's degree (nursing)"
    state: str  # met | missing | unknown


@dataclass(frozen=True)
class RoleDiff:
    role: str  # role id
    also_asks: tuple[str, ...]  # ids the posting asks for that the role's requirements do not
    does_not_ask: tuple[str, ...]  # ids the role requires that the posting does not mention


@dataclass(frozen=True)
class Match:
    posting: Posting
    verdicts: tuple[Verdict, ...]
    questions: tuple[str, ...]
    plan: tuple[Step, ...]
    closest: RoleDiff | None

    def count(self, status: str, state: str | None = None) -> int:
        return sum(
            1 for v in self.verdicts if v.item.status == status and (state is None or v.state == state)
        )


def item_name(graph: Graph, item: Item) -> str:
    if item.type == "degree":
        return DEGREE_NAMES.get(item.id, item.id) + (f" ({item.field})" if item.field else "")
    if item.type == "experience":
        years = count(item.years, "year")
        return f"{years} of experience" + (f" ({item.area})" if item.area else "")
    return graph.name(item.id)


def verdict(graph: Graph, profile: Profile, item: Item) -> str:
    """met, missing, or unknown (the profile does not say)."""
    if item.type == "skill":
        current = graph.node(profile.current_role)
        provided = current.get("provides", {}).get("skills", ()) if current else ()
        return "met" if item.id in profile.skills or item.id in provided else "unknown"
    if item.type == "certification":
        if item.id in profile.certifications:
            return "met"
        return "missing" if profile.certifications else "unknown"
    if item.type == "degree":
        if profile.degree is None:
            return "unknown"
        return "met" if DEGREE_RANK.get(profile.degree, 0) >= DEGREE_RANK.get(item.id, 9) else "missing"
    if profile.years is None:
        return "unknown"
    return "met" if profile.years >= item.years else "missing"


def _question(graph: Graph, item: Item) -> str:
    if item.type == "skill":
        node = graph.nodes[item.id]
        if node.get("kind") == "trait":  # 'Communication' → 'Do you have communication skills?'
            name = node.name.lower()
            return f"Do you have {name if name.endswith('skills') else name + ' skills'}?"
        return f"Do you know {node.name}?"
    if item.type == "certification":
        node = graph.nodes[item.id]
        return f"Do you hold the {node.get('abbr') or node.name}?"
    if item.type == "degree":
        return "What is your highest degree?"
    return "How many years of work experience do you have?"


class _WithPosting:
    """The graph plus the posting as one more role, for the planner (read-only view)."""

    def __init__(self, graph: Graph, role: Node) -> None:
        self._graph = graph
        self.nodes = {**graph.nodes, role.id: role}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._graph, name)


def _need(item: Item) -> Need:
    if item.type == "degree":
        return Need("degree", level=item.id, fields=(item.field,) if item.field else ())
    if item.type == "experience":
        return Need("experience", area="relevant-work", years=item.years)
    return Need(item.type, ref=item.id)


def _plan(graph: Graph, profile: Profile, verdicts: list[Verdict], title: str) -> tuple[Step, ...]:
    open_items = [v for v in verdicts if v.state != "met" and v.item.status in COUNTED]
    if not open_items:
        return ()
    requirements = tuple(
        Requirement(f"posting-{n}", v.item.status, v.name, "", (Option((_need(v.item),)),))
        for n, v in enumerate(open_items)
    )
    node = Node("role", "job-posting", title or "this job", (), "", (), requirements=requirements)
    plan = Planner(cast(Graph, _WithPosting(graph, node)), profile).plan(node.id)
    return tuple(plan.todo())


def _closest(graph: Graph, posting: Posting) -> RoleDiff | None:
    asked = {i.id for i in posting.items if i.type in ("skill", "certification") and i.status in COUNTED}

    def refs(role: Node, levels: tuple[str, ...]) -> set[str]:
        return {
            t.ref for q in role.requirements if q.level in levels for o in q.options for t in o.items if t.ref
        }

    role = graph.node(posting.role)
    if role is None or role.get("track") == "background":
        careers = graph.career_roles()
        if not careers or not asked:
            return None
        role = max(careers, key=lambda r: len(asked & refs(r, ("required", "preferred", "plus"))))
    known = refs(role, ("required", "preferred", "plus"))
    return RoleDiff(
        role.id,
        tuple(sorted(asked - known)),
        tuple(sorted(refs(role, ("required",)) - asked - {i.id for i in posting.items})),
    )


def _alternatives(verdicts: list[Verdict]) -> list[Verdict]:
    """Degrees named in one piece are alternatives ('associate's or bachelor's'), one
    requirement: the one the profile meets stands for it, else the lowest."""
    groups: dict[tuple[str, int, str], list[Verdict]] = {}
    for v in verdicts:
        if v.item.type == "degree":
            groups.setdefault((v.item.status, v.item.line, v.item.text), []).append(v)
    keep = set()
    for group in groups.values():
        met = [v for v in group if v.state == "met"]
        keep.add(id(met[0] if met else min(group, key=lambda v: DEGREE_RANK.get(v.item.id, 9))))
    return [v for v in verdicts if v.item.type != "degree" or id(v) in keep]


def match(engine: Advisor, profile: Profile, posting: Posting) -> Match:
    """Compare `posting` with `profile` (which is only read)."""
    graph = engine.graph
    verdicts = _alternatives(
        [Verdict(i, item_name(graph, i), verdict(graph, profile, i)) for i in posting.items]
    )
    questions = list(
        dict.fromkeys(
            _question(graph, v.item) for v in verdicts if v.state == "unknown" and v.item.status in COUNTED
        )
    )[:MAX_QUESTIONS]
    return Match(
        posting,
        tuple(verdicts),
        tuple(questions),
        _plan(graph, profile, verdicts, posting.title),
        _closest(graph, posting) if posting.in_scope else None,
    )
