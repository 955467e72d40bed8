"""Synthetic non-role nodes for `synth.py`: sources, places, skills, organisations,
certifications, concepts and resources, with unique ids and alias keys."""

from __future__ import annotations

import itertools
import random
import re
from typing import Any

from synth_words import (
    CERT_STYLES,
    CITIES,
    CONCEPT_NOUNS,
    CONCEPT_QUALS,
    HEADS,
    ORG_KINDS,
    RESOURCE_WORDS,
    SCOPES,
    SKILL_STYLE,
    SKILL_TOPICS,
    SPECIALTIES,
    STATES,
)

from advisor.knowledge.checks import NODE_KINDS, alias_key


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


class Names:
    """Global registries: every id and every alias key is handed out once."""

    def __init__(self, shipped: dict[str, Any]) -> None:
        self.ids: set[str] = set()
        self.keys: set[tuple[str, ...]] = set()
        for file, key, _ in NODE_KINDS:
            for node in shipped[file][key]:
                self.ids.add(node["id"])
                for text in (node["name"], node.get("abbr", ""), *node.get("aliases", ())):
                    self.keys.add(alias_key(text))

    def new_id(self, base: str) -> str:
        base = slug(base)[:70]
        for n in itertools.count(1):
            candidate = base if n == 1 else f"{base}-{n}"
            if candidate not in self.ids:
                self.ids.add(candidate)
                return candidate
        raise AssertionError("unreachable")

    def claim(self, text: str) -> bool:
        """Reserve an alias (or name); False when another node already uses it."""
        key = alias_key(text)
        if not key or key in self.keys:
            return False
        self.keys.add(key)
        return True

    def aliases(self, candidates: list[str], limit: int) -> list[str]:
        out: list[str] = []
        for text in dict.fromkeys(c.lower() for c in candidates):
            if len(out) < limit and len(text) <= 80 and self.claim(text):
                out.append(text)
        return out


def sources(names: Names, count: int, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for i in range(count):
        year = 2015 + i % 10
        title = f"{rng.choice(STATES)} Imaging Informatics Salary and Skills Survey {year}"
        out.append(
            {
                "id": names.new_id(f"synth-survey-{i}"),
                "title": title,
                "publisher": f"{rng.choice(SCOPES)} Health Workforce Council",
                "url": f"https://example.org/surveys/{i}",
                "date": f"{year}-0{1 + i % 9}",
            }
        )
    return out


def places(names: Names, count: int, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    state_ids: dict[str, str] = {}
    pairs = list(itertools.product(CITIES, STATES))
    rng.shuffle(pairs)
    for city, state in pairs:
        if len(out) >= count + len(state_ids):
            break
        if state not in state_ids:
            if not names.claim(state):
                continue
            state_ids[state] = names.new_id(state)
            out.append(
                {
                    "id": state_ids[state],
                    "name": state,
                    "kind": "state",
                    "within": "us",
                    "aliases": [state.lower()],
                }
            )
        name = f"{city}, {state}"
        alias = f"{city} {state}".lower()
        if names.claim(name) and names.claim(alias + " area"):
            out.append(
                {
                    "id": names.new_id(name),
                    "name": name,
                    "kind": "city",
                    "within": state_ids[state],
                    "aliases": [f"{alias} area"],
                }
            )
    return out


def skills(names: Names, count: int, rng: random.Random, sources: list[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    combos = [style.format(topic) for topic in SKILL_TOPICS for style in SKILL_STYLE]
    rng.shuffle(combos)
    for i in itertools.count():
        if len(out) >= count:
            break
        lap = i // len(combos)
        name = combos[i % len(combos)] + (f" Level {lap + 1}" if lap else "")
        if not names.claim(name):
            continue
        earlier = [s["id"] for s in out[-30:]]
        out.append(
            {
                "id": names.new_id(name),
                "name": name,
                "aliases": names.aliases([name, f"{name} skills"], 1),
                "kind": rng.choice(("technical", "technical", "clinical", "product")),
                "acquired": rng.choice(("study", "on-the-job", "course")),
                "description": f"Working knowledge of {name.lower()} in radiology.",
                "builds_on": rng.sample(earlier, min(len(earlier), rng.randrange(0, 3))),
                "sources": [rng.choice(sources)],
            }
        )
    return out


def organisations(names: Names, count: int, rng: random.Random, sources: list[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    combos = list(itertools.product(STATES, ORG_KINDS))
    rng.shuffle(combos)
    for state, kind in combos:
        name = f"{state} {kind}"
        if len(out) >= count or not names.claim(name):
            continue
        out.append(
            {
                "id": names.new_id(name),
                "name": name,
                "aliases": names.aliases([name], 1),
                "description": f"Runs imaging informatics credentials and meetings in {state}.",
                "sources": [rng.choice(sources)],
            }
        )
    return out


def _abbr(names: Names, name: str, reserved: set[str]) -> str:
    base = "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper())
    for n in itertools.count(1):
        abbr = base if n == 1 else f"{base}-{n}"
        if abbr.lower() not in reserved and names.claim(abbr):
            return abbr
    raise AssertionError("unreachable")


def certifications(
    names: Names, count: int, rng: random.Random, orgs: list[str], sources: list[str], reserved: set[str]
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    combos = list(itertools.product(CERT_STYLES, SPECIALTIES, HEADS))
    rng.shuffle(combos)
    for style, specialty, head in combos:
        name = style.format(f"{specialty} {head}")
        if len(out) >= count or not names.claim(name):
            continue
        abbr = _abbr(names, name, reserved)
        earlier = [c["id"] for c in out[-40:]]
        out.append(
            {
                "id": names.new_id(name),
                "name": f"{name} ({abbr})",
                "abbr": abbr,
                "aliases": [abbr.lower()] + names.aliases([f"{abbr} exam", f"{abbr} certification"], 2),
                "issuer": rng.choice(orgs),
                "level": rng.choice(("entry", "professional", "highest")),
                "builds_on": rng.sample(earlier, min(len(earlier), rng.randrange(0, 2))),
                "alternative_to": rng.sample(earlier, min(len(earlier), rng.randrange(0, 2))),
                "helps_roles": [],
                "needs_experience": rng.random() < 0.5,
                "description": f"A credential for {specialty.lower()} imaging staff working as "
                f"{head.lower()}s; the exam covers DICOM, HL7 and workflow.",
                "sources": [rng.choice(sources)],
            }
        )
    return out


def concepts(
    names: Names, count: int, rng: random.Random, related: list[str], sources: list[str]
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    combos = list(itertools.product(CONCEPT_QUALS, CONCEPT_NOUNS, ("", *SPECIALTIES)))
    rng.shuffle(combos)
    for qual, noun, specialty in combos:
        name = f"{qual} {noun}" + (f" for {specialty}" if specialty else "")
        if len(out) >= count or not names.claim(name):
            continue
        out.append(
            {
                "id": names.new_id(name),
                "name": name,
                "aliases": names.aliases([name], 1),
                "description": f"A {noun.lower()} set up the {qual.lower()} way.",
                "related": rng.sample(related, 2),
                "sources": [rng.choice(sources)],
            }
        )
    return out


def resources(
    names: Names, count: int, rng: random.Random, covers: list[str], sources: list[str]
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i in range(count):
        target = covers[i % len(covers)]
        kind = rng.choice(("book", "course", "practice-exam", "guide", "video"))
        name = f"{RESOURCE_WORDS[i % len(RESOURCE_WORDS)]} {kind.replace('-', ' ')} {i + 1}"
        if not names.claim(name):
            continue
        out.append(
            {
                "id": names.new_id(name),
                "name": name,
                "kind": kind,
                "cost": rng.choice(("free", "paid")),
                "aliases": [],
                "description": f"Study material for {target}.",
                "covers": [target],
                "only_one": False,
                "source": rng.choice(sources),
            }
        )
    return out
