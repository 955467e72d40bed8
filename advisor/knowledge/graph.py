"""The loaded knowledge: immutable nodes and indexes, built once, shared by conversations."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from advisor.knowledge.checks import NODE_KINDS, alias_key
from advisor.knowledge.frozen import FrozenDict
from advisor.knowledge.unlisted import PlaceLexicon

Mapping = FrozenDict


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    publisher: str
    url: str | None
    date: str | None
    note: str = ""

    def cite(self) -> str:
        """One-line citation."""
        where = f" <{self.url}>" if self.url else ""
        return f"{self.title} — {self.publisher}{where}"


@dataclass(frozen=True, slots=True)
class Item:
    """One thing a requirement option asks for."""

    kind: str  # skill | certification | degree | experience
    ref: str | None = None
    level: str | None = None  # degree level
    fields: tuple[str, ...] = ()
    area: str | None = None
    role: str | None = None
    years: float | None = None


@dataclass(frozen=True, slots=True)
class Option:
    items: tuple[Item, ...]
    label: str = ""


@dataclass(frozen=True, slots=True)
class Requirement:
    id: str
    level: str  # required | preferred | plus
    label: str
    source: str
    options: tuple[Option, ...]
    quote: str = ""


@dataclass(frozen=True, slots=True)
class Node:
    """A role, skill, concept, organisation, certification, place or resource."""

    type: str
    id: str
    name: str
    aliases: tuple[str, ...]
    description: str
    sources: tuple[str, ...]
    attrs: Mapping[str, Any] = field(default_factory=lambda: Mapping({}))
    requirements: tuple[Requirement, ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        return self.attrs.get(key, default)


@dataclass(frozen=True, slots=True)
class PayFact:
    id: str
    role: str | None
    kind: str
    level: str
    amount: float | None
    place: str
    source: str
    quote: str
    percent: float | None = None
    percent_to: float | None = None
    delta: float | None = None
    relative_to: str | None = None
    qualifier: str = ""
    years_max: float | None = None
    note: str = ""
    applies_to: tuple[str, ...] = ()
    basis: str = ""  # "total": the source calls it total pay


@dataclass(frozen=True, slots=True)
class Ranking:
    id: str
    role: str
    places: tuple[str, ...]
    basis: str
    source: str
    quote: str = ""


@dataclass(frozen=True, slots=True)
class Topic:
    """What a question can be about (a certification's fee, on call…) and the words that mark it."""

    id: str
    label: str
    cues: tuple[str, ...]
    intent: str = ""
    hides: tuple[str, ...] = ()  # topics this one supersedes when both match
    overview: bool = True  # false: left out of an overview (repeats another topic)
    see_also: tuple[str, ...] = ()  # topics whose facts bear on this one when it has none


@dataclass(frozen=True, slots=True)
class Fact:
    """One sourced statement (a certification's fee, an on-call survey, a BLS median)."""

    id: str
    topic: str
    text: str
    source: str
    quote: str
    year: int | None = None
    region: str = ""
    amount: float | None = None
    measure: str = ""
    occupation: str = ""
    date: str = ""
    compare_role: str | None = None  # the role whose pay figures this anchor is compared with
    compare_facts: tuple[str, ...] = ()  # those figures' ids in pay.json
    occupation_roles: tuple[str, ...] = ()  # graph roles this occupation's figures describe


@dataclass(frozen=True, slots=True)
class Transition:
    src: str
    dst: str
    years: float | None
    note: str
    source: str


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return Mapping({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _requirement(raw: dict[str, Any]) -> Requirement:
    options = tuple(
        Option(
            tuple(
                Item(
                    kind=i["kind"],
                    ref=i.get("ref"),
                    level=i.get("level"),
                    fields=tuple(i.get("fields", ())),
                    area=i.get("area"),
                    role=i.get("role"),
                    years=i.get("years"),
                )
                for i in o["items"]
            ),
            o.get("label", ""),
        )
        for o in raw["options"]
    )
    return Requirement(raw["id"], raw["level"], raw["label"], raw["source"], options, raw.get("quote", ""))


_NODE_TEXT = {"role": "summary"}
_OMIT = {"id", "name", "aliases", "description", "summary", "sources", "source", "requirements", "$schema"}


class Graph:
    """Nodes by id, aliases, types; edges both ways; pay facts by role. Read-only."""

    def __init__(self, data: dict[str, dict[str, Any]]) -> None:
        nodes: dict[str, Node] = {}
        for file, key, kind in NODE_KINDS:
            for raw in data[file][key]:
                sources = raw.get("sources") or ([raw["source"]] if raw.get("source") else [])
                nodes[raw["id"]] = Node(
                    type=kind,
                    id=raw["id"],
                    name=raw["name"],
                    aliases=tuple(raw.get("aliases", ())),
                    description=raw.get(_NODE_TEXT.get(kind, "description"), ""),
                    sources=tuple(sources),
                    attrs=_freeze({k: v for k, v in raw.items() if k not in _OMIT}),
                    requirements=tuple(_requirement(r) for r in raw.get("requirements", ())),
                )
        self.nodes: Mapping[str, Node] = Mapping(nodes)
        self.sources: Mapping[str, Source] = Mapping(
            {
                s["id"]: Source(
                    s["id"], s["title"], s["publisher"], s.get("url"), s.get("date"), s.get("note", "")
                )
                for s in data["sources"]["sources"]
            }
        )
        self.areas: Mapping[str, Mapping[str, str]] = Mapping(
            {a["id"]: Mapping(a) for a in data["roles"]["experience_areas"]}
        )
        roles = data["roles"]
        # fields of study by every name people type for them; degree titles ("bsn") by alias
        self.degree_fields: Mapping[tuple[str, ...], Mapping[str, Any]] = Mapping(
            {
                alias_key(a): _freeze(f)
                for f in roles.get("degree_fields", ())
                for a in (f["name"], *f["aliases"])
            }
        )
        self.degree_titles: Mapping[tuple[str, ...], Mapping[str, Any]] = Mapping(
            {alias_key(t["alias"]): _freeze(t) for t in roles.get("degree_titles", ())}
        )
        by_type: dict[str, list[str]] = defaultdict(list)
        aliases: dict[tuple[str, ...], str] = {}
        for node in nodes.values():
            by_type[node.type].append(node.id)
            for alias in (node.name.lower(), node.get("abbr", "").lower(), *node.aliases):
                words = alias_key(alias)
                if words and words not in aliases:
                    aliases[words] = node.id
        self.ambiguous: Mapping[tuple[str, ...], tuple[str, ...]] = Mapping(
            {alias_key(a["alias"]): tuple(a["nodes"]) for a in data["roles"].get("ambiguous_aliases", ())}
        )
        self.by_type: Mapping[str, tuple[str, ...]] = Mapping({k: tuple(v) for k, v in by_type.items()})
        self.aliases: Mapping[tuple[str, ...], str] = Mapping(aliases)
        self.max_alias_len = max((len(k) for k in aliases), default=1)
        self.pay_kinds: Mapping[str, str] = Mapping({k["id"]: k["label"] for k in data["pay"]["kinds"]})
        self.pay_cues: Mapping[str, tuple[str, ...]] = Mapping(
            {k["id"]: tuple(k["cues"]) for k in data["pay"]["kinds"] if k.get("cues")}
        )
        raw_by_role: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
        for raw in data["pay"]["facts"]:
            raw_by_role[raw["role"]].append(raw)
        self.pay_by_role = PayIndex({k: json.dumps(v).encode() for k, v in raw_by_role.items()})
        self.pay_count = len(data["pay"]["facts"])
        self.rankings: Mapping[str, tuple[Ranking, ...]] = Mapping(
            _group(
                (
                    r["role"],
                    Ranking(
                        r["id"], r["role"], tuple(r["places"]), r["basis"], r["source"], r.get("quote", "")
                    ),
                )
                for r in data["pay"]["rankings"]
            )
        )
        moves = [
            Transition(t["from"], t["to"], t["years"], t["note"], t["source"])
            for t in data["progression"]["transitions"]
        ]
        # sourced durations by the plan step they time ("certification:ciip", "skill:vendor-training")
        durations: dict[str, list[Any]] = defaultdict(list)
        for span in data["progression"].get("durations", ()):
            for step in span["steps"]:
                durations[step].append(_freeze(span))
        self.durations: Mapping[str, tuple[Mapping[str, Any], ...]] = Mapping(
            {k: tuple(v) for k, v in durations.items()}
        )
        self.leads_to: Mapping[str, tuple[Transition, ...]] = Mapping(_group((t.src, t) for t in moves))
        self.comes_from: Mapping[str, tuple[Transition, ...]] = Mapping(_group((t.dst, t) for t in moves))
        self.helped_by: Mapping[str, tuple[str, ...]] = Mapping(
            _group(
                (role, node.id)
                for node in nodes.values()
                if node.type == "certification"
                for role in node.get("helps_roles", ())
            )
        )
        self.covered_by: Mapping[str, tuple[str, ...]] = Mapping(
            _group(
                (target, node.id)
                for node in nodes.values()
                if node.type == "resource"
                for target in node.get("covers", ())
            )
        )
        self.asked_by: Mapping[str, tuple[str, ...]] = Mapping(
            _group(
                (item.ref, node.id)
                for node in nodes.values()
                if node.get("track") == "imaging-informatics"
                for req in node.requirements
                for option in req.options
                for item in option.items
                if item.ref
            )
        )
        self.alternatives_of: Mapping[str, tuple[str, ...]] = Mapping(
            _group((other, node.id) for node in nodes.values() for other in node.get("alternative_to", ()))
        )
        self._backgrounds = tuple(
            n for n in nodes.values() if n.type == "role" and n.get("track") == "background"
        )
        self._careers = tuple(
            n for n in nodes.values() if n.type == "role" and n.get("track") == "imaging-informatics"
        )
        self.career_ids: frozenset[str] = frozenset(n.id for n in self._careers)
        # certificates with an eligibility rule (ABII's seven points for the CIIP)
        self.ruled_certs: frozenset[str] = frozenset(
            n.id for n in nodes.values() if n.type == "certification" and n.get("eligibility")
        )
        self.required_by: Mapping[str, tuple[str, ...]] = Mapping(
            _group((dep, node.id) for node in nodes.values() for dep in node.get("builds_on", ()))
        )
        self._add_facts(data)

    def _add_facts(self, data: dict[str, dict[str, Any]]) -> None:
        """Question topics and sourced facts (certifications.json topics, facts.json)."""
        self.cert_topics: tuple[Topic, ...] = tuple(
            Topic(
                t["id"], t["label"], tuple(t["cues"]), "", tuple(t.get("hides", ())), t.get("overview", True)
            )
            for t in data["certifications"].get("topics", ())
        )
        extra = data.get("facts", {})
        self.fact_topics: tuple[Topic, ...] = tuple(
            Topic(t["id"], t["label"], tuple(t["cues"]), t["intent"], see_also=tuple(t.get("see_also", ())))
            for t in extra.get("topics", ())
        )
        self.facts_by_topic: Mapping[str, tuple[Fact, ...]] = Mapping(
            _group((f["topic"], _fact(f)) for f in extra.get("facts", ()))
        )
        self.anchors_by_role: Mapping[str, tuple[Fact, ...]] = Mapping(
            _group(
                (role, fact)
                for facts in self.facts_by_topic.values()
                for fact in facts
                if fact.amount is not None  # a BLS figure for the occupation
                for role in fact.occupation_roles
            )
        )
        self.pay_changes: Mapping[str, tuple[Fact, ...]] = Mapping(
            _group(
                (role, fact)
                for fact in self.facts_by_topic.get("pay-change", ())
                for role in fact.occupation_roles
            )
        )
        self.unlisted = PlaceLexicon.build(extra.get("places_without_figures", ()))
        self.places_without_figures: tuple[str, ...] = self.unlisted.aliases
        self.cert_facts: Mapping[str, tuple[Fact, ...]] = Mapping(
            {
                c["id"]: tuple(Fact(id=f"{c['id']}-{i}", **f) for i, f in enumerate(c["facts"]))
                for c in data["certifications"]["certifications"]
                if c.get("facts")
            }
        )

    @property
    def pay(self) -> dict[str, PayFact]:
        """Every pay fact by id (builds them all: for tools and tests, not the reply path)."""
        return {f.id: f for role in self.pay_by_role for f in self.pay_by_role.get(role)}

    def pay_fact(self, fact_id: str | None, role: str | None) -> PayFact | None:
        """A fact of `role` by id (a figure is only ever compared to its own role's)."""
        return next((f for f in self.pay_by_role.get(role) if f.id == fact_id), None)

    def area_name(self, area_id: str | None) -> str:
        """The plain name of an experience area ('healthcare experience')."""
        area = self.areas.get(area_id or "")
        return area["name"] if area else (area_id or "experience")

    def degree_field(self, text: str | None) -> Mapping[str, Any] | None:
        """The degree field a stated field of study names ('information systems' → computing)."""
        return self.degree_fields.get(alias_key(text)) if text else None

    def node(self, node_id: str | None) -> Node | None:
        return self.nodes.get(node_id) if node_id else None

    def name(self, node_id: str | None) -> str:
        node = self.node(node_id)
        return node.name if node else (node_id or "")

    def of_type(self, kind: str) -> list[Node]:
        return [self.nodes[i] for i in self.by_type.get(kind, ())]

    def background_roles(self) -> tuple[Node, ...]:
        """Roles people come from (rad tech, help desk…), in file order."""
        return self._backgrounds

    def career_roles(self) -> tuple[Node, ...]:
        """Roles in the imaging-informatics track (not background roles), in file order."""
        return self._careers


class PayIndex:
    """Pay facts by role, kept as compact JSON and built into PayFacts on first use.

    A graph with 100,000 figures then loads (and unpickles) fast; a reply builds only the
    figures of the roles it talks about. The memo is not pickled.
    """

    def __init__(self, raw: dict[str | None, bytes]) -> None:
        self._raw = FrozenDict(raw)
        self._built: dict[str | None, tuple[PayFact, ...]] = {}

    def get(self, role: str | None, default: tuple[PayFact, ...] = ()) -> tuple[PayFact, ...]:
        facts = self._built.get(role)
        if facts is None:
            blob = self._raw.get(role)
            if blob is None:
                return default
            facts = self._built[role] = tuple(_pay_fact(f) for f in json.loads(blob))
        return facts

    def __getitem__(self, role: str | None) -> tuple[PayFact, ...]:
        if role not in self._raw:
            raise KeyError(role)
        return self.get(role)

    def __contains__(self, role: object) -> bool:
        return role in self._raw

    def __iter__(self) -> Iterator[str | None]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __getstate__(self) -> dict[str, Any]:
        return {"_raw": self._raw}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._raw = state["_raw"]
        self._built = {}


def _pay_fact(raw: dict[str, Any]) -> PayFact:
    values: dict[str, Any] = {
        k: tuple(v) if isinstance(v, list) else v for k, v in raw.items() if k not in ("currency", "period")
    }
    return PayFact(**values)


def _fact(raw: dict[str, Any]) -> Fact:
    values: dict[str, Any] = {
        k: tuple(v) if isinstance(v, list) else v for k, v in raw.items() if k != "compare_with"
    }
    other = raw.get("compare_with") or {}
    return Fact(**values, compare_role=other.get("role"), compare_facts=tuple(other.get("facts", ())))


def _group(pairs: Any) -> dict[Any, tuple[Any, ...]]:
    """Values by key, each value once, in first-seen order."""
    grouped: dict[Any, dict[Any, None]] = defaultdict(dict)
    for key, value in pairs:
        grouped[key][value] = None
    return {k: tuple(v) for k, v in grouped.items()}
