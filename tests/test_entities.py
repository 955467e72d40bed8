"""Entity stage: exact aliases, typo tolerance, and short names that never match fuzzily."""

from __future__ import annotations

import pytest

from advisor import Advisor
from advisor.text import normalize, tokenize


def _entities(engine: Advisor, text: str) -> list[tuple[str, str]]:
    parsed = engine.extractor.parse(tokenize(normalize(text)))
    return [(e.type, e.id) for e in parsed.entities]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pacs anlyst salry", ("role", "pacs-analyst")),
        ("prereqs for pacs administartor", ("role", "pacs-administrator")),
        ("radiology informaton systems analyst", ("role", "ris-analyst")),
        ("what is the ciip", ("certification", "ciip")),
        ("explain dicom", ("skill", "dicom")),
        ("hl7 interfaces", ("skill", "hl7")),
        ("pay in san fransisco", ("place", "san-francisco")),
        ("RIS analysts in Tennessee", ("role", "ris-analyst")),
        ("i'm a rad tech", ("role", "radiologic-technologist")),
        ("vendor neutral archive", ("concept", "vna")),
    ],
)
def test_finds_entity(engine: Advisor, text: str, expected: tuple[str, str]) -> None:
    assert expected in _entities(engine, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # typos people make often enough that the intent examples repeat them (so the speller
        # knows them as words): one edit from one alias word, and no English word
        ("how do i become a pacs adminstrator", ("role", "pacs-administrator")),
        ("im goin 4 pacs anaylst fr", ("role", "pacs-analyst")),
        ("radiolgic technologist for 3 years", ("role", "radiologic-technologist")),
    ],
)
def test_repairs_an_alias_typo_examples_repeat(engine: Advisor, text: str, expected: tuple[str, str]) -> None:
    assert expected in _entities(engine, text)
    tokens = tokenize(normalize(text))
    assert expected not in [(e.type, e.id) for e in engine.extractor.parse(tokens, repair=False).entities]


@pytest.mark.parametrize("word", ["directory", "managed", "professionals", "analysts", "architecture"])
def test_a_word_near_an_alias_word_is_not_repaired(engine: Advisor, word: str) -> None:
    assert engine.extractor._alias_typo(word) is None


@pytest.mark.parametrize(
    "text",
    [
        "this is his job",
        "is it worth it",
        "her hl salary",
        "rust programming",
        "i like ct scans",
        "the cat sat",
        "pass the bar",
        "caps lock",
        "pack my bags",
        "paces and races",
    ],
)
def test_short_names_never_match_ordinary_words(engine: Advisor, text: str) -> None:
    found = _entities(engine, text)
    assert not [e for e in found if e[0] in ("role", "certification", "skill", "concept")], found


def test_years_degree_and_level_slots(engine: Advisor) -> None:
    found = _entities(engine, "entry level, with 3+ yrs and a bachelors in computer science")
    assert ("seniority", "entry") in found and ("years", "3.0") in found
    assert ("degree", "bachelor") in found and ("field", "computer science") in found


def test_corrections_are_reported(engine: Advisor) -> None:
    reply = engine.conversation().reply("pacs administartor salry")
    assert ("administartor", "administrator") in reply.corrections
    assert reply.intent == "salary"
