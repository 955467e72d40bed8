"""Adding a role is a data-only change: JSON in, answers out, no code touched.

A temporary copy of knowledge/ gets one new role (with a new source and a pay fact);
the advisor loaded from that copy describes it, quotes its pay and plans a path to it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from advisor import Advisor
from advisor.knowledge.dataset import DEFAULT_INTENTS, DEFAULT_KNOWLEDGE, validate

SUMMARY = (
    "Builds and maintains the interfaces that carry orders, images and reports between "
    "the RIS, the PACS, the modalities and the EHR."
)
ROLE = {
    "id": "imaging-integration-engineer",
    "name": "Imaging Integration Engineer",
    "track": "imaging-informatics",
    "level": "mid",
    "aliases": [
        "imaging integration engineer",
        "imaging integration engineers",
        "imaging interface engineer",
    ],
    "summary": SUMMARY,
    "duties": ["Build and test HL7 and DICOM interfaces", "Trace lost orders and images across systems"],
    "requirements": [
        {
            "id": "standards",
            "level": "required",
            "label": "Interface standards",
            "source": "test-advert",
            "quote": "You need HL7 skills or the CPIA certification.",
            "options": [
                {"items": [{"kind": "skill", "ref": "hl7"}]},
                {"items": [{"kind": "certification", "ref": "cpia"}]},
            ],
        },
        {
            "id": "dicom",
            "level": "required",
            "label": "DICOM",
            "source": "test-advert",
            "quote": "Working knowledge of DICOM is a must.",
            "options": [{"items": [{"kind": "skill", "ref": "dicom"}]}],
        },
    ],
    "sources": ["test-advert"],
}
SOURCE = {
    "id": "test-advert",
    "title": "An imaging integration engineer job advert",
    "publisher": "pacs-advisor tests",
    "url": None,
    "date": "2024-05",
}
PAY = {
    "id": "iie-average",
    "role": "imaging-integration-engineer",
    "kind": "average",
    "level": "any",
    "amount": 98765,
    "currency": "USD",
    "period": "year",
    "place": "us",
    "source": "test-advert",
    "quote": "The average salary is $98,765 a year.",
}


def _append(path: Path, key: str, entry: dict[str, Any]) -> None:
    data = json.loads(path.read_text("utf-8"))
    data[key].append(entry)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), "utf-8")


@pytest.fixture(scope="module")
def dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """knowledge/ and intents/ copied, with the new role added through JSON only."""
    base = tmp_path_factory.mktemp("data-only-role")
    knowledge, intents = base / "knowledge", base / "intents"
    shutil.copytree(DEFAULT_KNOWLEDGE, knowledge)
    shutil.copytree(DEFAULT_INTENTS, intents)
    _append(knowledge / "roles.json", "roles", ROLE)
    _append(knowledge / "sources.json", "sources", SOURCE)
    _append(knowledge / "pay.json", "facts", PAY)
    return knowledge, intents


@pytest.fixture(scope="module")
def advisor(dirs: tuple[Path, Path]) -> Iterator[Advisor]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ADVISOR_NO_CACHE", "1")
        yield Advisor.load(knowledge_dir=dirs[0], intents_dir=dirs[1])


@pytest.fixture
def ask(advisor: Advisor, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Any]:
    monkeypatch.setenv("ADVISOR_NO_CACHE", "1")
    return advisor.conversation().reply


def test_the_extended_copy_is_valid(dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADVISOR_NO_CACHE", "1")
    assert validate(*dirs) == []


def test_the_shipped_data_does_not_know_the_role(engine: Advisor) -> None:
    reply = engine.conversation().reply("what does an imaging integration engineer do?")
    assert SUMMARY not in reply.text


@pytest.mark.parametrize("alias", ["imaging integration engineer", "imaging interface engineer"])
def test_overview_of_the_new_role(ask: Callable[[str], Any], alias: str) -> None:
    reply = ask(f"what does an {alias} do?")
    assert reply.intent == "role_overview"
    assert f"Imaging Integration Engineer: {SUMMARY}" in reply.text
    assert "  • Build and test HL7 and DICOM interfaces" in reply.text


def test_pay_of_the_new_role(ask: Callable[[str], Any]) -> None:
    reply = ask("how much does an imaging integration engineer make?")
    assert reply.intent == "salary"
    assert "$98,765" in reply.text
    assert "test-advert" in {source["id"] for source in reply.sources}


def test_path_to_the_new_role(ask: Callable[[str], Any]) -> None:
    reply = ask("how do I become an imaging integration engineer?")
    assert reply.intent == "career_path"
    steps = {step["id"]: step for step in reply.steps}
    # the DICOM group has one option; the standards group's first option (HL7) is chosen
    assert {"skill:dicom", "skill:hl7"} <= set(steps)
    assert "Imaging Integration Engineer requires it" in steps["skill:dicom"]["why"]
    assert "Earn the Certified PACS Interface Analyst (CPIA)" in reply.text  # the other option
