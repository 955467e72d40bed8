"""Second validation pass, for meaning: references, duplicates, alias clashes, cycles.

Runs on data that passed the schema. Each check returns Problems; none raises.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .errors import Problem
from .text import normalize, tokenize

Data = dict[str, Any]
# (file, collection key, entity type) for every node kind with ids and aliases
NODE_KINDS = (
    ("roles", "roles", "role"), ("skills", "skills", "skill"),
    ("concepts", "concepts", "concept"), ("concepts", "organisations", "organisation"),
    ("certifications", "certifications", "certification"), ("places", "places", "place"),
    ("resources", "resources", "resource"),
)


def alias_key(alias: str) -> tuple[str, ...]:
    """The token form an alias is matched by."""
    return tuple(tokenize(normalize(alias)))


def _nodes(data: dict[str, Data], file: str, key: str) -> Iterator[tuple[int, Data]]:
    yield from enumerate(data.get(file, {}).get(key, []))


def collect_ids(data: dict[str, Data]) -> tuple[dict[str, set[str]], list[Problem]]:
    """Ids by type, and a problem for each id used twice (in any node kind)."""
    ids: dict[str, set[str]] = {}
    seen: dict[str, str] = {}
    problems = []
    for file, key, kind in NODE_KINDS:
        for index, node in _nodes(data, file, key):
            node_id = node["id"]
            where = f"{file}.json"
            if node_id in seen:
                problems.append(Problem(where, f"$.{key}[{index}].id",
                                        f"duplicate id '{node_id}' (already used in {seen[node_id]})",
                                        "give each node its own id"))
            seen.setdefault(node_id, where)
            ids.setdefault(kind, set()).add(node_id)
    for file, key, kind in (("sources", "sources", "source"), ("roles", "experience_areas", "area"),
                            ("pay", "facts", "pay"), ("pay", "kinds", "paykind"),
                            ("pay", "rankings", "ranking")):
        local: set[str] = set()
        for index, node in _nodes(data, file, key):
            if node["id"] in local:
                problems.append(Problem(f"{file}.json", f"$.{key}[{index}].id",
                                        f"duplicate id '{node['id']}'", "give each entry its own id"))
            local.add(node["id"])
        ids[kind] = local
    return ids, problems


def check_semantics(data: dict[str, Data]) -> list[Problem]:
    """All meaning checks over the files present in `data` (those that passed the schema)."""
    ids, problems = collect_ids(data)
    present = set(data)
    any_node = set().union(*(ids.get(k, set()) for _, _, k in NODE_KINDS))

    def ref(file: str, path: str, value: str | None, kind: str, owner: str) -> None:
        if value is None or owner not in present:
            return
        pool = any_node if kind == "node" else ids.get(kind, set())
        if value not in pool:
            word = {"node": "node", "paykind": "pay kind", "area": "experience area"}.get(kind, kind)
            problems.append(Problem(f"{file}.json", path, f"unknown {word} '{value}'",
                                    f"use an id defined in {owner}.json or add it there"))

    _check_refs(data, ref)
    problems.extend(_alias_clashes(data))
    problems.extend(_cycles(data))
    problems.extend(_pay_meaning(data))
    return problems


RefFn = Callable[[str, str, "str | None", str, str], None]


def _check_refs(data: dict[str, Data], ref: RefFn) -> None:
    for file, key, _kind in NODE_KINDS:
        for i, node in _nodes(data, file, key):
            base = f"$.{key}[{i}]"
            for j, src in enumerate(node.get("sources", [])):
                ref(file, f"{base}.sources[{j}]", src, "source", "sources")
            if "source" in node:
                ref(file, f"{base}.source", node["source"], "source", "sources")
    for i, role in _nodes(data, "roles", "roles"):
        base = f"$.roles[{i}]"
        for j, other in enumerate(role.get("equivalent_titles", [])):
            ref("roles", f"{base}.equivalent_titles[{j}]", other, "role", "roles")
        provides = role.get("provides", {})
        for j, skill in enumerate(provides.get("skills", [])):
            ref("roles", f"{base}.provides.skills[{j}]", skill, "skill", "skills")
        for j, area in enumerate(provides.get("experience_areas", [])):
            ref("roles", f"{base}.provides.experience_areas[{j}]", area, "area", "roles")
        for j, trait in enumerate(role.get("traits", [])):
            ref("roles", f"{base}.traits[{j}]", trait, "skill", "skills")
        for r, req in enumerate(role["requirements"]):
            ref("roles", f"{base}.requirements[{r}].source", req["source"], "source", "sources")
            for o, option in enumerate(req["options"]):
                for t, item in enumerate(option["items"]):
                    path = f"{base}.requirements[{r}].options[{o}].items[{t}]"
                    if item["kind"] in ("skill", "certification"):
                        ref("roles", f"{path}.ref", item["ref"], item["kind"],
                            "skills" if item["kind"] == "skill" else "certifications")
                    elif item["kind"] == "experience":
                        ref("roles", f"{path}.area", item.get("area"), "area", "roles")
                        ref("roles", f"{path}.role", item.get("role"), "role", "roles")
    for i, skill in _nodes(data, "skills", "skills"):
        for j, other in enumerate(skill["builds_on"]):
            ref("skills", f"$.skills[{i}].builds_on[{j}]", other, "skill", "skills")
    for i, concept in _nodes(data, "concepts", "concepts"):
        for j, other in enumerate(concept.get("related", [])):
            ref("concepts", f"$.concepts[{i}].related[{j}]", other, "node", "the knowledge files")
        ref("concepts", f"$.concepts[{i}].role", concept.get("role"), "role", "roles")
    for i, cert in _nodes(data, "certifications", "certifications"):
        base = f"$.certifications[{i}]"
        ref("certifications", f"{base}.issuer", cert["issuer"], "organisation", "concepts")
        for field, kind, owner in (("builds_on", "certification", "certifications"),
                                   ("alternative_to", "certification", "certifications"),
                                   ("helps_roles", "role", "roles")):
            for j, other in enumerate(cert[field]):
                ref("certifications", f"{base}.{field}[{j}]", other, kind, owner)
    for i, place in _nodes(data, "places", "places"):
        ref("places", f"$.places[{i}].within", place["within"], "place", "places")
    for i, fact in _nodes(data, "pay", "facts"):
        base = f"$.facts[{i}]"
        ref("pay", f"{base}.role", fact["role"], "role", "roles")
        ref("pay", f"{base}.kind", fact["kind"], "paykind", "pay")
        ref("pay", f"{base}.place", fact["place"], "place", "places")
        ref("pay", f"{base}.source", fact["source"], "source", "sources")
        ref("pay", f"{base}.relative_to", fact.get("relative_to"), "pay", "pay")
        for j, other in enumerate(fact.get("applies_to", [])):
            ref("pay", f"{base}.applies_to[{j}]", other, "role", "roles")
    for i, ranking in _nodes(data, "pay", "rankings"):
        ref("pay", f"$.rankings[{i}].role", ranking["role"], "role", "roles")
        ref("pay", f"$.rankings[{i}].source", ranking["source"], "source", "sources")
        for j, place in enumerate(ranking["places"]):
            ref("pay", f"$.rankings[{i}].places[{j}]", place, "place", "places")
    for i, move in _nodes(data, "progression", "transitions"):
        for field in ("from", "to"):
            ref("progression", f"$.transitions[{i}].{field}", move[field], "role", "roles")
        ref("progression", f"$.transitions[{i}].source", move["source"], "source", "sources")
    for i, res in _nodes(data, "resources", "resources"):
        for j, other in enumerate(res["covers"]):
            ref("resources", f"$.resources[{i}].covers[{j}]", other, "node", "the knowledge files")


def _alias_clashes(data: dict[str, Data]) -> Iterator[Problem]:
    owner: dict[tuple[str, ...], str] = {}
    for file, key, _kind in NODE_KINDS:
        for i, node in _nodes(data, file, key):
            names = [("aliases", j, a) for j, a in enumerate(node.get("aliases", []))]
            for field, j, alias in names:
                token_key = alias_key(alias)
                path = f"$.{key}[{i}].{field}[{j}]"
                if not token_key:
                    yield Problem(f"{file}.json", path, f"alias '{alias}' has no letters or digits",
                                  "remove it")
                    continue
                previous = owner.setdefault(token_key, node["id"])
                if previous != node["id"]:
                    yield Problem(f"{file}.json", path,
                                  f"alias '{alias}' names both '{previous}' and '{node['id']}'",
                                  "keep the alias on one node only")


def _find_cycle(edges: dict[str, list[str]]) -> list[str] | None:
    """A cycle in a directed graph as a list of nodes, or None (iterative DFS, sorted order)."""
    state: dict[str, int] = {}
    for start in sorted(edges):
        if state.get(start):
            continue
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(edges.get(start, [])))]
        path = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif state.get(child) == 1:
                return path[path.index(child):] + [child]
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(edges.get(child, []))))
    return None


def _cycles(data: dict[str, Data]) -> Iterator[Problem]:
    graphs: Iterable[tuple[str, str, str, dict[str, list[str]]]] = (
        ("skills", "skills", "builds_on",
         {n["id"]: list(n["builds_on"]) for _, n in _nodes(data, "skills", "skills")}),
        ("certifications", "certifications", "builds_on",
         {n["id"]: list(n["builds_on"]) for _, n in _nodes(data, "certifications", "certifications")}),
        ("places", "places", "within",
         {n["id"]: [n["within"]] if n["within"] else [] for _, n in _nodes(data, "places", "places")}),
    )
    for file, key, field, edges in graphs:
        cycle = _find_cycle(edges)
        if cycle:
            index = next(i for i, n in _nodes(data, file, key) if n["id"] == cycle[0])
            yield Problem(f"{file}.json", f"$.{key}[{index}].{field}",
                          f"cycle in {field}: {' -> '.join(cycle)}", "remove one of these links")
    moves: dict[str, list[str]] = {}
    for _, move in _nodes(data, "progression", "transitions"):
        moves.setdefault(move["from"], []).append(move["to"])
    cycle = _find_cycle(moves)
    if cycle:
        yield Problem("progression.json", "$.transitions",
                      f"cycle in leads-to: {' -> '.join(cycle)}", "remove one of these transitions")


def _pay_meaning(data: dict[str, Data]) -> Iterator[Problem]:
    facts = {f["id"]: f for _, f in _nodes(data, "pay", "facts")}
    for i, fact in _nodes(data, "pay", "facts"):
        target = facts.get(fact.get("relative_to", ""))
        if target is not None and target["id"] == fact["id"]:
            yield Problem("pay.json", f"$.facts[{i}].relative_to",
                          "a pay fact cannot be relative to itself", "point it at the average it compares to")
        elif target is not None and target["role"] != fact["role"]:
            yield Problem("pay.json", f"$.facts[{i}].relative_to",
                          f"compares to '{target['id']}', a figure for another role",
                          "compare figures of the same role")
    for i, role in _nodes(data, "roles", "roles"):
        for r, req in enumerate(role["requirements"]):
            if not req["options"]:
                yield Problem("roles.json", f"$.roles[{i}].requirements[{r}].options",
                              "requirement group has no options", "add at least one option")
