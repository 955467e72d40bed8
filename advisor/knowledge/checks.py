"""Second validation pass, for meaning: references, duplicates, alias clashes, cycles.

Runs on data that passed the schema. Each check returns Problems; none raises.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from advisor.errors import Problem
from advisor.knowledge.explain import NearMiss
from advisor.knowledge.unlisted import problems as unlisted_problems
from advisor.text import normalize, tokenize

Data = dict[str, Any]
# (file, collection key, entity type) for every node kind with ids and aliases
NODE_KINDS = (
    ("roles", "roles", "role"),
    ("skills", "skills", "skill"),
    ("concepts", "concepts", "concept"),
    ("concepts", "organisations", "organisation"),
    ("certifications", "certifications", "certification"),
    ("places", "places", "place"),
    ("resources", "resources", "resource"),
)
# where the ids of each referenced kind are defined: (files that must have loaded, in words)
HOMES = {
    "source": (("sources",), "sources.json"),
    "role": (("roles",), "roles.json"),
    "skill": (("skills",), "skills.json"),
    "certification": (("certifications",), "certifications.json"),
    "place": (("places",), "places.json"),
    "organisation": (("concepts",), "the organisations of concepts.json"),
    "area": (("roles",), "the experience_areas of roles.json"),
    "degreefield": (("roles",), "the degree_fields of roles.json"),
    "paykind": (("pay",), "the kinds of pay.json"),
    "certtopic": (("certifications",), "the topics of certifications.json"),
    "facttopic": (("facts",), "the topics of facts.json"),
    "pay": (("pay",), "the facts of pay.json"),
    "node": (
        tuple(dict.fromkeys(f for f, _, _ in NODE_KINDS)),
        "roles, skills, concepts, certifications, places or resources",
    ),
}
WORDS = {
    "node": "id",
    "paykind": "pay kind",
    "certtopic": "certification topic",
    "facttopic": "topic",
    "area": "experience area",
    "pay": "pay fact",
    "degreefield": "degree field",
}


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
            node_id, where = node["id"], f"{file}.json $.{key}[{index}]"
            if node_id in seen:
                problems.append(
                    Problem(
                        f"{file}.json",
                        f"$.{key}[{index}].id",
                        f"duplicate id '{node_id}', already used by {seen[node_id]}",
                        "give each node its own id; ids are shared by all files",
                    )
                )
            seen.setdefault(node_id, where)
            ids.setdefault(kind, set()).add(node_id)
    for file, key, kind in (
        ("sources", "sources", "source"),
        ("roles", "experience_areas", "area"),
        ("roles", "degree_fields", "degreefield"),
        ("pay", "facts", "pay"),
        ("pay", "kinds", "paykind"),
        ("pay", "rankings", "ranking"),
        ("certifications", "topics", "certtopic"),
        ("facts", "topics", "facttopic"),
        ("facts", "facts", "fact"),
    ):
        local: dict[str, int] = {}
        for index, node in _nodes(data, file, key):
            if node["id"] in local:
                problems.append(
                    Problem(
                        f"{file}.json",
                        f"$.{key}[{index}].id",
                        f"duplicate id '{node['id']}', already used by $.{key}[{local[node['id']]}]",
                        "give each entry its own id",
                    )
                )
            local.setdefault(node["id"], index)
        ids[kind] = set(local)
    return ids, problems


def check_semantics(data: dict[str, Data]) -> list[Problem]:
    """All meaning checks over the files present in `data` (those that passed the schema)."""
    ids, problems = collect_ids(data)
    any_node = set().union(*(ids.get(k, set()) for _, _, k in NODE_KINDS))
    guessers: dict[str, NearMiss] = {}

    def ref(file: str, path: str, value: str | None, kind: str) -> None:
        needed, home = HOMES[kind]
        if value is None or not set(needed) <= set(data):
            return  # a file it points into did not load: its own problem is reported
        pool = any_node if kind == "node" else ids.get(kind, set())
        if value not in pool:
            if kind not in guessers:
                guessers[kind] = NearMiss(pool)
            guess = guessers[kind](value)
            hint = (
                f"{guess} Ids are defined in {home}"
                if guess
                else (f"use an id defined in {home}, or add it there")
            )
            problems.append(Problem(f"{file}.json", path, f"unknown {WORDS.get(kind, kind)} '{value}'", hint))

    _check_refs(data, ref)
    problems.extend(_alias_clashes(data))
    unlisted = data.get("facts", {}).get("places_without_figures", [])
    for i, place in enumerate(unlisted):
        ref("facts", f"$.places_without_figures[{i}].within", place["within"], "place")
    nodes = (n for file, key, _ in NODE_KINDS for _, n in _nodes(data, file, key))
    taken = (" ".join(alias_key(a)) for n in nodes for a in n.get("aliases", []))
    problems.extend(unlisted_problems(unlisted, taken))
    problems.extend(_unsourced_covers(data))
    problems.extend(_cycles(data))
    problems.extend(_pay_meaning(data))
    return problems


RefFn = Callable[[str, str, "str | None", str], None]


def _check_refs(data: dict[str, Data], ref: RefFn) -> None:
    for file, key, _kind in NODE_KINDS:
        for i, node in _nodes(data, file, key):
            base = f"$.{key}[{i}]"
            for j, src in enumerate(node.get("sources", [])):
                ref(file, f"{base}.sources[{j}]", src, "source")
            if "source" in node:
                ref(file, f"{base}.source", node["source"], "source")
    for i, role in _nodes(data, "roles", "roles"):
        base = f"$.roles[{i}]"
        for j, other in enumerate(role.get("equivalent_titles", [])):
            ref("roles", f"{base}.equivalent_titles[{j}]", other, "role")
        if "provides" in role:
            _check_covers("roles", f"{base}.provides", role["provides"], ref)
        for j, trait in enumerate(role.get("traits", [])):
            ref("roles", f"{base}.traits[{j}]", trait, "skill")
        for r, req in enumerate(role["requirements"]):
            ref("roles", f"{base}.requirements[{r}].source", req["source"], "source")
            for o, option in enumerate(req["options"]):
                for t, item in enumerate(option["items"]):
                    path = f"{base}.requirements[{r}].options[{o}].items[{t}]"
                    if item["kind"] in ("skill", "certification"):
                        ref("roles", f"{path}.ref", item["ref"], item["kind"])
                    elif item["kind"] == "experience":
                        ref("roles", f"{path}.area", item.get("area"), "area")
                        ref("roles", f"{path}.role", item.get("role"), "role")
    for i, skill in _nodes(data, "skills", "skills"):
        for j, other in enumerate(skill["builds_on"]):
            ref("skills", f"$.skills[{i}].builds_on[{j}]", other, "skill")
        if "why" in skill:
            ref("skills", f"$.skills[{i}].why.source", skill["why"]["source"], "source")
        for j, way in enumerate(skill.get("learn", [])):
            ref("skills", f"$.skills[{i}].learn[{j}].source", way["source"], "source")
    _check_degrees(data, ref)
    for i, concept in _nodes(data, "concepts", "concepts"):
        for j, other in enumerate(concept.get("related", [])):
            ref("concepts", f"$.concepts[{i}].related[{j}]", other, "node")
        ref("concepts", f"$.concepts[{i}].role", concept.get("role"), "role")
        if "covers" in concept:
            _check_covers("concepts", f"$.concepts[{i}].covers", concept["covers"], ref)
    for i, cert in _nodes(data, "certifications", "certifications"):
        base = f"$.certifications[{i}]"
        ref("certifications", f"{base}.issuer", cert["issuer"], "organisation")
        if "covers" in cert:
            _check_covers("certifications", f"{base}.covers", cert["covers"], ref)
        for field, kind in (
            ("builds_on", "certification"),
            ("alternative_to", "certification"),
            ("helps_roles", "role"),
        ):
            for j, other in enumerate(cert[field]):
                ref("certifications", f"{base}.{field}[{j}]", other, kind)
        _check_cert_facts(data, cert, base, ref)
    for i, place in _nodes(data, "places", "places"):
        ref("places", f"$.places[{i}].within", place["within"], "place")
    for i, fact in _nodes(data, "pay", "facts"):
        base = f"$.facts[{i}]"
        ref("pay", f"{base}.role", fact["role"], "role")
        ref("pay", f"{base}.kind", fact["kind"], "paykind")
        ref("pay", f"{base}.place", fact["place"], "place")
        ref("pay", f"{base}.source", fact["source"], "source")
        ref("pay", f"{base}.relative_to", fact.get("relative_to"), "pay")
        for j, other in enumerate(fact.get("applies_to", [])):
            ref("pay", f"{base}.applies_to[{j}]", other, "role")
    for i, ranking in _nodes(data, "pay", "rankings"):
        ref("pay", f"$.rankings[{i}].role", ranking["role"], "role")
        ref("pay", f"$.rankings[{i}].source", ranking["source"], "source")
        for j, place in enumerate(ranking["places"]):
            ref("pay", f"$.rankings[{i}].places[{j}]", place, "place")
    for i, move in _nodes(data, "progression", "transitions"):
        for field in ("from", "to"):
            ref("progression", f"$.transitions[{i}].{field}", move[field], "role")
        ref("progression", f"$.transitions[{i}].source", move["source"], "source")
    for i, span in _nodes(data, "progression", "durations"):
        ref("progression", f"$.durations[{i}].source", span["source"], "source")
        for j, step in enumerate(span["steps"]):
            kind, _, node = step.partition(":")
            if kind in ("skill", "certification"):
                ref("progression", f"$.durations[{i}].steps[{j}]", node, kind)
    for i, res in _nodes(data, "resources", "resources"):
        for j, other in enumerate(res["covers"]):
            ref("resources", f"$.resources[{i}].covers[{j}]", other, "node")
    for i, fact in _nodes(data, "facts", "facts"):
        ref("facts", f"$.facts[{i}].source", fact["source"], "source")
        ref("facts", f"$.facts[{i}].topic", fact["topic"], "facttopic")
        for j, role in enumerate(fact.get("occupation_roles", [])):
            ref("facts", f"$.facts[{i}].occupation_roles[{j}]", role, "role")
        other = fact.get("compare_with") or {}
        ref("facts", f"$.facts[{i}].compare_with.role", other.get("role"), "role")
        for j, pay_id in enumerate(other.get("facts", [])):
            ref("facts", f"$.facts[{i}].compare_with.facts[{j}]", pay_id, "pay")
    for i, topic in _nodes(data, "facts", "topics"):
        for j, other_topic in enumerate(topic.get("see_also", [])):
            ref("facts", f"$.topics[{i}].see_also[{j}]", other_topic, "facttopic")


def _check_cert_facts(data: dict[str, Data], cert: Data, base: str, ref: RefFn) -> None:
    """Sources and topics of a certification's facts, exam outline and eligibility rule."""
    for j, fact in enumerate(cert.get("facts", [])):
        ref("certifications", f"{base}.facts[{j}].source", fact["source"], "source")
        ref("certifications", f"{base}.facts[{j}].topic", fact["topic"], "certtopic")
    for field in ("exam", "eligibility"):
        if field in cert:
            ref("certifications", f"{base}.{field}.source", cert[field]["source"], "source")
    for j, cat in enumerate(cert.get("eligibility", {}).get("categories", [])):
        ref("certifications", f"{base}.eligibility.categories[{j}].source", cat["source"], "source")
    for j, other in enumerate(cert.get("replaces", [])):
        ref("certifications", f"{base}.replaces[{j}]", other, "certification")
    ref("certifications", f"{base}.replaced_by", cert.get("replaced_by"), "certification")


def _check_covers(file: str, path: str, covers: Data, ref: RefFn) -> None:
    """What a background, certification, concept or degree field covers: ids and its source."""
    for j, skill in enumerate(covers.get("skills", [])):
        ref(file, f"{path}.skills[{j}]", skill, "skill")
    for j, area in enumerate(covers.get("experience_areas", [])):
        ref(file, f"{path}.experience_areas[{j}]", area, "area")
    ref(file, f"{path}.source", covers.get("source"), "source")


def _check_degrees(data: dict[str, Data], ref: RefFn) -> None:
    roles = data.get("roles", {})
    for i, field in enumerate(roles.get("degree_fields", [])):
        _check_covers("roles", f"$.degree_fields[{i}].covers", field["covers"], ref)
    for i, title in enumerate(roles.get("degree_titles", [])):
        ref("roles", f"$.degree_titles[{i}].role", title.get("role"), "role")
        ref("roles", f"$.degree_titles[{i}].field", title["field"], "degreefield")


def _unsourced_covers(data: dict[str, Data]) -> Iterator[Problem]:
    """Whatever credits a user with skills must say who says so."""
    hint = 'add "source" (an id from sources.json) and the "quote" it says it with'
    for i, role in _nodes(data, "roles", "roles"):
        if role.get("track") == "background" and "source" not in role.get("provides", {"source": ""}):
            yield Problem(
                "roles.json", f"$.roles[{i}].provides", "a background's provides has no source", hint
            )
    for file, key, field in (
        ("certifications", "certifications", "covers"),
        ("concepts", "concepts", "covers"),
    ):
        for i, node in _nodes(data, file, key):
            if field in node and "source" not in node[field]:
                yield Problem(f"{file}.json", f"$.{key}[{i}].{field}", f"{field} has no source", hint)
    for i, field_ in enumerate(data.get("roles", {}).get("degree_fields", [])):
        if "source" not in field_["covers"]:
            yield Problem("roles.json", f"$.degree_fields[{i}].covers", "covers has no source", hint)


def _alias_clashes(data: dict[str, Data]) -> Iterator[Problem]:
    owner: dict[tuple[str, ...], str] = {}
    roles = {n["id"] for _, n in _nodes(data, "roles", "roles")}
    for i, amb in enumerate(data.get("roles", {}).get("ambiguous_aliases", [])):
        owner[alias_key(amb["alias"])] = "|".join(amb["nodes"])
        for j, node in enumerate(amb["nodes"]):
            if node not in roles:
                yield Problem(
                    "roles.json",
                    f"$.ambiguous_aliases[{i}].nodes[{j}]",
                    f"unknown role '{node}'",
                    "use an id defined in roles.json",
                )
    for file, key, _kind in NODE_KINDS:
        for i, node in _nodes(data, file, key):
            names = [("aliases", j, a) for j, a in enumerate(node.get("aliases", []))]
            for field, j, alias in names:
                token_key = alias_key(alias)
                path = f"$.{key}[{i}].{field}[{j}]"
                if not token_key:
                    yield Problem(
                        f"{file}.json", path, f"alias '{alias}' has no letters or digits", "remove it"
                    )
                    continue
                previous = owner.setdefault(token_key, node["id"])
                if "|" in previous:
                    nodes = previous.replace("|", ", ")
                    yield Problem(
                        f"{file}.json",
                        path,
                        f"alias '{alias}' is also listed as ambiguous ({nodes})",
                        "remove it from ambiguous_aliases or from this node",
                    )
                elif previous != node["id"]:
                    yield Problem(
                        f"{file}.json",
                        path,
                        f"alias '{alias}' names both '{previous}' and '{node['id']}'",
                        "keep the alias on one node only",
                    )


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
                return path[path.index(child) :] + [child]
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(edges.get(child, []))))
    return None


def _cycles(data: dict[str, Data]) -> Iterator[Problem]:
    for file, key, field in (
        ("skills", "skills", "builds_on"),
        ("certifications", "certifications", "builds_on"),
        ("places", "places", "within"),
    ):
        nodes = list(_nodes(data, file, key))
        edges = {n["id"]: _listed(n[field]) for _, n in nodes}
        cycle = _find_cycle(edges)
        if cycle:
            index = next(i for i, n in nodes if n["id"] == cycle[0])
            path = f"$.{key}[{index}].{field}"
            if isinstance(nodes[index][1][field], list):
                path += f"[{edges[cycle[0]].index(cycle[1])}]"
            yield _cycle_problem(f"{file}.json", path, field, cycle)
    moves: dict[str, list[str]] = {}
    for _, move in _nodes(data, "progression", "transitions"):
        moves.setdefault(move["from"], []).append(move["to"])
    cycle = _find_cycle(moves)
    if cycle:
        index = next(
            i
            for i, m in _nodes(data, "progression", "transitions")
            if (m["from"], m["to"]) == (cycle[0], cycle[1])
        )
        yield _cycle_problem("progression.json", f"$.transitions[{index}]", "transitions", cycle)


def _listed(value: str | list[str] | None) -> list[str]:
    return value if isinstance(value, list) else [value] if value else []


def _cycle_problem(file: str, path: str, field: str, cycle: list[str]) -> Problem:
    if len(cycle) == 2:
        verb = {"within": "is within", "builds_on": "builds on"}.get(field, "leads to")
        return Problem(
            file,
            path,
            f"'{cycle[0]}' {verb} itself",
            "point it at another entry" if field == "within" else "remove this link",
        )
    label = "transitions" if field == "transitions" else f"{field} links"
    return Problem(file, path, f"{label} form a cycle: {' -> '.join(cycle)}", "remove one of these links")


def _pay_meaning(data: dict[str, Data]) -> Iterator[Problem]:
    facts = {f["id"]: f for _, f in _nodes(data, "pay", "facts")}
    for i, fact in _nodes(data, "pay", "facts"):
        target = facts.get(fact.get("relative_to", ""))
        if target is not None and target["id"] == fact["id"]:
            yield Problem(
                "pay.json",
                f"$.facts[{i}].relative_to",
                "a pay fact cannot be relative to itself",
                "point it at the figure it compares to",
            )
        elif target is not None and target["role"] != fact["role"]:
            yield Problem(
                "pay.json",
                f"$.facts[{i}].relative_to",
                f"compares to '{target['id']}', a figure for "
                f"{target['role'] or 'all roles'}, not {fact['role'] or 'all roles'}",
                "compare with a figure of the same role",
            )
