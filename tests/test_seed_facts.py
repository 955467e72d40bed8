"""Every figure and qualification in the seed article is in the graph, with its source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from advisor.knowledge.dataset import load_graph

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "pacs-professionals-earnings.txt"
GRAPH = load_graph()

# every dollar figure and percentage the article states
SEED_MONEY = [
    73334,
    183259,
    119416,
    85504,
    1096,
    100081,
    80000,
    90000,
    100000,
    150000,
    73321,
    15075,
    404726,
    65544,
    75033,
    95000,
    125000,
    77441,
    7399,
    137500,
    27500,
    62500,
    103500,
    122000,
    17381,
    85173,
    38496,
]
SEED_PERCENT = [51, 1, 2, 3, 17, 5.8, 9.6]


def _all_amounts() -> dict[float, list[str]]:
    found: dict[float, list[str]] = {}
    for fact in GRAPH.pay.values():
        for value in (fact.amount, fact.delta, fact.percent, fact.percent_to):
            if value is not None:
                found.setdefault(float(value), []).append(fact.source)
    return found


def test_seed_list_matches_article() -> None:
    """The list above is complete: every $ figure in the article is in it."""
    if not SEED.exists():
        pytest.skip("shared/seed not beside the checkout")
    text = SEED.read_text("utf-8")
    dollars = {int(m.replace(",", "")) for m in re.findall(r"\$(\d[\d,]*)", text)}
    dollars |= {int(m.replace(",", "")) for m in re.findall(r"(\d[\d,]*) dollars", text)}
    assert dollars == set(SEED_MONEY)


@pytest.mark.parametrize("amount", SEED_MONEY)
def test_every_seed_figure_is_a_sourced_fact(amount: int) -> None:
    sources = _all_amounts().get(float(amount))
    assert sources, f"${amount:,} is not in knowledge/pay.json"
    assert "seed" in sources


@pytest.mark.parametrize("percent", SEED_PERCENT)
def test_every_seed_percentage_is_a_sourced_fact(percent: float) -> None:
    assert "seed" in _all_amounts().get(float(percent), [])


def test_every_pay_fact_has_a_known_source_and_quote() -> None:
    for fact in GRAPH.pay.values():
        assert fact.source in GRAPH.sources
        assert fact.quote


@pytest.mark.parametrize(
    "role",
    [
        "pacs-analyst",
        "pacs-administrator",
        "ris-analyst",
        "cardiology-pacs-analyst",
        "cardiology-pacs-administrator",
        "pacs-manager",
        "imaging-director",
        "pacs-associate",
        "junior-pacs-analyst",
        "system-architect",
        "pacs-contractor",
        "pacs-consultant",
    ],
)
def test_seed_roles_exist_with_sources(role: str) -> None:
    node = GRAPH.nodes[role]
    assert node.type == "role" and "seed" in node.sources


@pytest.mark.parametrize(
    "skill",
    [
        "dicom",
        "hl7",
        "clinical-workflow",
        "windows-server",
        "oracle-dba",
        "security",
        "quality-control",
        "medical-terminology",
        "radiological-procedures",
        "syngo-dynamics",
    ],
)
def test_seed_skills_are_required_somewhere(skill: str) -> None:
    users = [
        r.id
        for r in GRAPH.of_type("role")
        for q in r.requirements
        for o in q.options
        for i in o.items
        if i.ref == skill
    ]
    assert users, f"{skill} is asked for by no role"
    assert "seed" in GRAPH.nodes[skill].sources


def test_networking_is_a_prerequisite_with_its_book() -> None:
    assert "networking" in GRAPH.nodes["dicom"].get("builds_on")
    assert "network-plus-exam-cram" in GRAPH.covered_by["networking"]


def test_qualification_alternatives_are_kept() -> None:
    analyst = {q.id: q for q in GRAPH.nodes["pacs-analyst"].requirements}
    kinds = [[i.kind for i in o.items] for o in analyst["education"].options]
    assert kinds == [["degree"], ["experience"]]
    cardio = {q.id: q for q in GRAPH.nodes["cardiology-pacs-analyst"].requirements}
    years = [i.years for o in cardio["education"].options for i in o.items if i.kind == "experience"]
    assert years == [5]


def test_certifications_as_in_seed() -> None:
    cpsm = GRAPH.nodes["cpsm"]
    assert set(cpsm.get("builds_on")) == {"cpia", "cpsa"} and cpsm.get("level") == "highest"
    assert GRAPH.nodes["cpas"].get("level") == "entry"
    assert set(GRAPH.nodes["ciip"].get("alternative_to")) == {"cpas", "cpsa", "cpia", "cpsm"}
    assert GRAPH.nodes["ciip"].get("issuer") == "abii"


def test_progression_and_resources() -> None:
    moves = {(t.src, t.dst): t for ts in GRAPH.leads_to.values() for t in ts}
    assert moves[("pacs-administrator", "pacs-manager")].years == 5
    assert ("pacs-manager", "imaging-director") in moves
    only = [r for r in GRAPH.of_type("resource") if r.get("only_one")]
    assert [r.id for r in only] == ["practical-imaging-informatics"]


def test_disagreeing_figures_are_both_kept() -> None:
    ris = {f.id: f.amount for f in GRAPH.pay_by_role["ris-analyst"]}
    assert ris["ris-avg"] == 65544 and ris["ris-entry"] == 75033 and ris["ris-national"] == 77441
