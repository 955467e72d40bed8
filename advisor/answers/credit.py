"""What a profile already covers: skills and experience areas, from every thing the user stated.

A background role `provides`, a certification, a concept (work in a hospital or clinic) or a
degree's field of study `covers` skills and experience areas; each says so in the knowledge
with its source. The planner marks the matching steps done.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from advisor.knowledge.graph import Graph
from advisor.state import Profile

CLINICAL_AREAS = frozenset({"allied-health", "diagnostic-radiology"})


def _coverings(graph: Graph, profile: Profile) -> Iterator[Mapping[str, Any]]:
    current = graph.node(profile.current_role)
    if current is not None and current.get("provides"):
        yield current.get("provides")
    for node_id in (*profile.certifications, *profile.skills):
        node = graph.node(node_id)
        if node is not None and node.get("covers") and node.type != "resource":
            yield node.get("covers")
    if profile.degree not in (None, "none"):
        field = graph.degree_field(profile.degree_field)
        if field is not None:
            yield field["covers"]


def credited(graph: Graph, profile: Profile) -> tuple[set[str], set[str]]:
    """(skill ids, experience area ids) the profile covers."""
    skills, areas = set(profile.skills), set()
    for covers in _coverings(graph, profile):
        skills.update(covers.get("skills", ()))
        areas.update(covers.get("experience_areas", ()))
    return skills, areas


def sides(graph: Graph, skills: set[str], areas: set[str]) -> set[str]:
    """Which side the user comes from: 'clinical', 'it', both or neither."""
    found = set()
    if areas & CLINICAL_AREAS or any(
        (n := graph.node(s)) is not None and n.type == "skill" and n.get("kind") == "clinical" for s in skills
    ):
        found.add("clinical")
    if "it" in areas or "it-fundamentals" in skills:
        found.add("it")
    return found
