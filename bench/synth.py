"""Write a valid synthetic knowledge directory with N times the content, for scale runs.

Per unit of scale: 100 roles (4 aliases each besides the name), 20 certifications, 1,000 pay
facts (10 per role), 20 skills, 5 concepts, 3 places, 2 sources, 1 organisation, 5 resources,
4 pay rankings and one promotion per role. At 100x that is 10,000 roles, 2,000
certifications and 100,000 pay facts, about 50,000 aliases in all. The shipped knowledge is
kept, so the turn script still makes sense. Names combine realistic prefixes and heads
("Regional Cardiology PACS Analyst"); ids are unique, aliases are typo-free and never name
two nodes; promotions only go up a level, so there are no cycles. Seeded: the same scale
always gives the same files.

    python bench/synth.py 100 /tmp/k100 && advisor validate --knowledge /tmp/k100
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import synth_nodes as nodes
from synth_nodes import Names
from synth_words import (
    BASE_PAY,
    FIELDS,
    HEADS,
    KINDS,
    LEVEL_OF_HEAD,
    LEVEL_ORDER,
    RANKS,
    SCOPES,
    SHORT,
    SPECIALTIES,
)

from advisor.knowledge.checks import NODE_KINDS, alias_key

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "knowledge"
SEED = 7
PER_UNIT = {
    "roles": 100,
    "certifications": 20,
    "skills": 20,
    "concepts": 5,
    "places": 3,
    "sources": 2,
    "organisations": 1,
    "resources": 5,
    "rankings": 4,
}
ALIASES_PER_ROLE = 4


def _role_names(rng: random.Random) -> Iterator[tuple[str, str, str, str]]:
    """(name, head, rank, specialty) in a seeded order, each combination once."""
    combos = list(itertools.product(RANKS, SCOPES, SPECIALTIES, HEADS))
    rng.shuffle(combos)
    for rank, scope, specialty, head in combos:
        yield " ".join(p for p in (rank, scope, specialty, head) if p), head, rank, specialty


def _level(head: str, rank: str) -> str:
    level = next((v for k, v in LEVEL_OF_HEAD.items() if k in head), "mid")
    if rank in ("Junior", "Associate") and level == "mid":
        return "entry"
    if rank in ("Senior", "Lead", "Principal", "Staff") and level == "mid":
        return "senior"
    return level


def _role_aliases(names: Names, name: str, head: str, rank: str) -> list[str]:
    low = name.lower()
    short = " ".join(SHORT.get(w, w) for w in low.split())
    unranked = low.split(" ", 1)[1] if rank else low
    candidates = [
        low,
        short,
        f"{low}s",
        f"{short}s",
        f"{low} job",
        f"{unranked} role",
        f"{low} position",
        f"{short} job",
    ]
    names.claim(name)  # the name itself is matched too; keep it out of other nodes' aliases
    return names.aliases(candidates, ALIASES_PER_ROLE)


def _requirements(
    rng: random.Random, level: str, pools: dict[str, list[str]], below: list[str], source: str
) -> list[dict[str, Any]]:
    def items(kind: str, refs: list[str]) -> dict[str, Any]:
        return {"items": [{"kind": kind, "ref": r} for r in refs]}

    reqs: list[dict[str, Any]] = [
        {
            "id": "education",
            "level": "required",
            "label": "Education or clinical background",
            "source": source,
            "options": [
                {
                    "items": [
                        {
                            "kind": "degree",
                            "level": rng.choice(("associate", "bachelor")),
                            "fields": rng.sample(FIELDS, 2),
                        }
                    ]
                },
                {
                    "label": "clinical experience",
                    "items": [{"kind": "experience", "area": rng.choice(pools["areas"])}],
                },
            ],
        },
        {
            "id": "core-skills",
            "level": "required",
            "label": "Core skills",
            "source": source,
            "options": [items("skill", rng.sample(pools["skills"], 2))],
        },
        {
            "id": "certification",
            "level": "plus",
            "label": "Certification",
            "source": source,
            "options": [items("certification", [c]) for c in rng.sample(pools["certs"], 2)],
        },
    ]
    if level != "entry" and below:
        reqs.append(
            {
                "id": "experience",
                "level": "preferred",
                "label": "Experience",
                "source": source,
                "options": [
                    {
                        "items": [
                            {"kind": "experience", "role": rng.choice(below), "years": rng.choice((2, 3, 5))}
                        ]
                    },
                    {"items": [{"kind": "experience", "area": "it", "years": 2}]},
                ],
            }
        )
    return reqs


def _roles(names: Names, count: int, rng: random.Random, pools: dict[str, list[str]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    by_level: dict[str, list[str]] = {level: [] for level in LEVEL_ORDER}
    for name, head, rank, specialty in _role_names(rng):
        if len(out) >= count:
            break
        if alias_key(name) in names.keys:
            continue
        level = _level(head, rank)
        below = [r for lv in LEVEL_ORDER[: LEVEL_ORDER.index(level)] for r in by_level[lv][-20:]]
        source = rng.choice(pools["sources"])
        role: dict[str, Any] = {
            "id": names.new_id(name),
            "name": name,
            "track": "imaging-informatics",
            "level": level,
            "aliases": _role_aliases(names, name, head, rank),
            "summary": f"Supports {specialty.lower()} imaging systems as a {head.lower()}: "
            "keeps images flowing, fixes interface problems and trains staff.",
            "duties": [
                f"Support the {specialty.lower()} imaging systems and their interfaces",
                "Work with clinical staff on workflow problems",
            ],
            "provides": {
                "skills": rng.sample(pools["skills"], 2),
                "experience_areas": rng.sample(pools["areas"], 2),
            },
            "traits": rng.sample(pools["traits"], 2),
            "requirements": _requirements(rng, level, pools, below, source),
            "sources": [source],
        }
        out.append(role)
        by_level[level].append(role["id"])
    return out


def _pay(
    rng: random.Random, roles: list[dict[str, Any]], cities: list[dict[str, Any]], sources: list[str]
) -> list[dict[str, Any]]:
    facts: list[dict[str, Any]] = []
    for r, role in enumerate(roles):
        base = BASE_PAY[role["level"]] * rng.uniform(0.9, 1.15)
        for k, (kind, level, where) in enumerate(KINDS):
            city = rng.choice(cities)
            place = {"us": "us", "city": city["id"], "state": city["within"]}[where]
            fact: dict[str, Any] = {
                "id": f"syn-{r}-{k}",
                "role": role["id"],
                "kind": kind,
                "level": level,
                "amount": 0,
                "currency": "USD",
                "period": "year",
                "place": place,
                "source": rng.choice(sources),
                "quote": "",
            }
            factor = {
                "range-low": 0.75,
                "range-high": 1.45,
                "starting": 0.85,
                "experienced": 1.05,
                "senior": 1.25,
                "bonus": 0.02,
            }.get(kind, 1.0)
            amount = round(base * factor * (rng.uniform(1.02, 1.3) if where != "us" else 1))
            fact["amount"] = amount
            if kind in ("bonus", "total-average"):
                fact["percent"] = 2 if kind == "bonus" else round(amount / base * 100 - 100)
            qualifier = {"starting": "up to", "senior": "upwards of", "experienced": "closer to"}
            if kind in qualifier:
                fact["qualifier"] = qualifier[kind]
            fact["quote"] = f"{role['name']}s earn ${amount:,} a year ({kind.replace('-', ' ')})."
            facts.append(fact)
    return facts


def _rankings(
    rng: random.Random, count: int, facts: list[dict[str, Any]], sources: list[str]
) -> list[dict[str, Any]]:
    by_role: dict[str, list[str]] = {}
    for fact in facts:
        if fact["kind"] == "total-average" and fact["place"] not in by_role.get(fact["role"], []):
            by_role.setdefault(fact["role"], []).append(fact["place"])
    roles = sorted(by_role)
    return [
        {
            "id": f"syn-rank-{i}",
            "role": role,
            "places": by_role[role],
            "basis": "highest average total salary",
            "source": rng.choice(sources),
        }
        for i, role in enumerate(rng.sample(roles, min(count, len(roles))))
    ]


def _transitions(rng: random.Random, roles: list[dict[str, Any]], sources: list[str]) -> list[dict[str, Any]]:
    """One promotion into each non-entry role, always from a lower level (no cycles)."""
    by_level: dict[str, list[str]] = {level: [] for level in LEVEL_ORDER}
    for role in roles:
        by_level[role["level"]].append(role["id"])
    moves = []
    for role in roles:
        lower = LEVEL_ORDER[: LEVEL_ORDER.index(role["level"])]
        pool = [r for lv in lower for r in by_level[lv]]
        if pool:
            moves.append(
                {
                    "from": rng.choice(pool),
                    "to": role["id"],
                    "years": rng.choice((2, 3, 5)),
                    "note": "A common promotion once the earlier role is mastered.",
                    "source": rng.choice(sources),
                }
            )
    return moves


def _reserved_words() -> set[str]:
    """Words people type to the advisor: a certification abbreviation must not be one."""
    words: set[str] = set()
    for path in (ROOT / "intents").glob("*.json"):
        data = json.loads(path.read_text("utf-8"))
        for field in ("examples", "keywords", "known_words"):
            for text in data.get(field, ()):
                words.update(alias_key(text))
    return words


def _load_shipped() -> dict[str, Any]:
    return {path.stem: json.loads(path.read_text("utf-8")) for path in SHIPPED.glob("*.json")}


def generate(scale: int, seed: int = SEED) -> dict[str, Any]:
    """The shipped knowledge plus `scale` units of synthetic content, as file name → data."""
    rng = random.Random(seed)
    data = _load_shipped()
    names = Names(data)
    n = {k: v * scale for k, v in PER_UNIT.items()}
    sources = nodes.sources(names, n["sources"], rng)
    src = [s["id"] for s in sources]
    places = nodes.places(names, n["places"], rng)
    skills = nodes.skills(names, n["skills"], rng, src)
    orgs = nodes.organisations(names, n["organisations"], rng, src)
    certs = nodes.certifications(
        names, n["certifications"], rng, [o["id"] for o in orgs], src, _reserved_words()
    )
    pools = {
        "skills": [s["id"] for s in skills] + ["dicom", "hl7", "networking"],
        "certs": [c["id"] for c in certs],
        "sources": src,
        "areas": [a["id"] for a in data["roles"]["experience_areas"]],
        "traits": [s["id"] for s in data["skills"]["skills"] if s["kind"] == "trait"],
    }
    roles = _roles(names, n["roles"], rng, pools)
    for cert in certs:
        cert["helps_roles"] = sorted(rng.sample([r["id"] for r in roles], 3))
    concepts = nodes.concepts(names, n["concepts"], rng, pools["skills"], src)
    resources = nodes.resources(names, n["resources"], rng, pools["certs"] + pools["skills"], src)
    facts = _pay(rng, roles, [p for p in places if p["kind"] == "city"], src)
    for file, key, extra in (
        ("sources", "sources", sources),
        ("places", "places", places),
        ("skills", "skills", skills),
        ("concepts", "organisations", orgs),
        ("certifications", "certifications", certs),
        ("roles", "roles", roles),
        ("concepts", "concepts", concepts),
        ("resources", "resources", resources),
        ("pay", "facts", facts),
        ("pay", "rankings", _rankings(rng, n["rankings"], facts, src)),
        ("progression", "transitions", _transitions(rng, roles, src)),
    ):
        data[file][key].extend(extra)
    return data


def write(scale: int, out_dir: Path, seed: int = SEED) -> dict[str, Any]:
    """Write the directory (with the shipped schemas); return counts and file sizes."""
    data = generate(scale, seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    shutil.copytree(SHIPPED / "schema", out_dir / "schema", dirs_exist_ok=True)
    sizes = {}
    for name, content in data.items():
        text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
        (out_dir / f"{name}.json").write_text(text, "utf-8")
        sizes[name] = len(text.encode())
    nodes = [n for f, k, _ in NODE_KINDS for n in data[f][k]]
    return {
        "roles": len(data["roles"]["roles"]),
        "certifications": len(data["certifications"]["certifications"]),
        "pay_facts": len(data["pay"]["facts"]),
        "aliases": sum(len(n["aliases"]) for n in nodes),
        "nodes": len(nodes),
        "bytes": sizes,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scale", type=int, help="how many units of content (1, 10, 100 ...)")
    parser.add_argument("out", type=Path, help="directory to write (created if missing)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    print(json.dumps(write(args.scale, args.out, args.seed)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
