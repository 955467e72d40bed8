"""The sourced facts of certifications.json and facts.json are checked for meaning too."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from advisor.knowledge.dataset import DEFAULT_INTENTS, DEFAULT_KNOWLEDGE, validate


@pytest.fixture
def kdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ADVISOR_NO_CACHE", "1")
    shutil.copytree(DEFAULT_KNOWLEDGE, tmp_path / "knowledge")
    return tmp_path / "knowledge"


def _edit(kdir: Path, name: str, change: Any) -> list[str]:
    path = kdir / f"{name}.json"
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data), "utf-8")
    return [p.line() for p in validate(kdir, DEFAULT_INTENTS)]


def _cert(data: Any, cert_id: str) -> Any:
    return next(c for c in data["certifications"] if c["id"] == cert_id)


def test_shipped_facts_validate() -> None:
    assert validate() == []


def test_a_certification_fact_needs_a_known_source_and_topic(kdir: Path) -> None:
    def change(data: Any) -> None:
        _cert(data, "ciip")["facts"][0]["source"] = "abii-exams"
        _cert(data, "cpas")["facts"][0]["topic"] = "fees"

    problems = _edit(kdir, "certifications", change)
    assert any("$.certifications[0].facts[0].source: unknown source 'abii-exams'" in p for p in problems)
    assert any(
        "$.certifications[1].facts[0].topic: unknown certification topic 'fees'" in p for p in problems
    )


def test_a_fact_without_a_quote_is_rejected(kdir: Path) -> None:
    problems = _edit(kdir, "facts", lambda d: d["facts"][0].pop("quote"))
    assert any(p.startswith("facts.json: $.facts[0]") and "quote" in p for p in problems), problems


def test_a_bls_anchor_compares_with_existing_pay_figures(kdir: Path) -> None:
    def change(data: Any) -> None:
        anchor = next(f for f in data["facts"] if f.get("compare_with"))
        anchor["compare_with"]["facts"] = ["padm-average"]

    problems = _edit(kdir, "facts", change)
    assert any("compare_with.facts[0]: unknown pay fact 'padm-average'" in p for p in problems), problems


def test_a_replaced_certificate_points_at_an_existing_one(kdir: Path) -> None:
    problems = _edit(kdir, "certifications", lambda d: _cert(d, "cpia").update(replaced_by="parca-dicm"))
    assert any("$.certifications[3].replaced_by: unknown certification 'parca-dicm'" in p for p in problems)


def test_every_certification_fact_and_rule_has_a_quote() -> None:
    data = json.loads((DEFAULT_KNOWLEDGE / "certifications.json").read_text("utf-8"))
    for cert in data["certifications"]:
        blocks = [*cert.get("facts", []), *([cert["exam"]] if "exam" in cert else [])]
        rule = cert.get("eligibility")
        if rule:
            blocks += [rule, *rule["categories"]]
        for block in blocks:
            assert block["quote"].strip() and block["source"], (cert["id"], block)
