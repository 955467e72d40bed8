"""Where the merged branches meet: backgrounds vs careers, pay anchors, wording, wrapping."""

from __future__ import annotations

import re

import pytest

from advisor import Advisor
from advisor.terminal.layout import wrap
from advisor.text import normalize, tokenize


def parse(engine: Advisor, text: str) -> tuple[str, ...]:
    return engine.extractor.parse(tokenize(normalize(text))).delex


def test_a_background_and_a_career_role_delexicalise_apart(engine: Advisor) -> None:
    """'can a rad tech become a PACS analyst' (a path) and 'can a PACS admin become a
    director' (a progression) must not look the same to the intent ranker."""
    assert parse(engine, "can a rad tech become a pacs analyst") == (
        "can",
        "a",
        "<background>",
        "become",
        "a",
        "<role>",
    )
    assert parse(engine, "can a pacs admin become a director")[2] == "<role>"


def test_a_background_named_as_another_career_stays_words(engine: Advisor) -> None:
    """'nurses' is a background when stated, another career when asked about: its words decide."""
    entities = engine.extractor.parse(tokenize(normalize("how much do nurses make"))).entities
    assert [e.id for e in entities] == ["registered-nurse"]
    assert "nurses" in parse(engine, "how much do nurses make")


@pytest.mark.parametrize(
    ("question", "name", "figure"),
    [
        ("what do network administrators make a year", "Network Administrator", "$90,520"),
        ("how much does a sys admin earn?", "Systems Administrator", "$90,520"),
        ("what's the pay for a health information technologist", "Health Information Technician", "$58,250"),
    ],
)
def test_backgrounds_bls_measures_get_their_anchor(
    engine: Advisor, question: str, name: str, figure: str
) -> None:
    reply = engine.conversation().reply(question)
    assert reply.intent == "salary", reply.text
    assert f"no PACS pay figures for {name}" in reply.text
    assert figure in reply.text and "[BLS]" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "how much do registered nurses make",
        "what does a dentist earn",
        "how much does a software engineer at a bank make",
        "nurse practitioner salary",
    ],
)
def test_careers_outside_the_field_stay_out_of_scope(engine: Advisor, question: str) -> None:
    reply = engine.conversation().reply(question)
    assert reply.intent == "out_of_scope", reply.text
    assert "$" not in reply.text


@pytest.mark.parametrize(
    ("question", "skill"), [("how do I learn linux?", "Linux"), ("how can I learn SQL", "SQL")]
)
def test_how_to_learn_a_skill_is_a_study_question(engine: Advisor, question: str, skill: str) -> None:
    reply = engine.conversation().reply(question)
    assert reply.intent == "study_resources"
    assert skill in reply.text.splitlines()[0]


@pytest.mark.parametrize(
    ("question", "intent"),
    [("what are interface engines", "concept_info"), ("where do I take the CIIP", "certification_info")],
)
def test_routing_gaps_seen_after_the_merge(engine: Advisor, question: str, intent: str) -> None:
    assert engine.conversation().reply(question).intent == intent


def test_one_year_is_singular(engine: Advisor) -> None:
    conv = engine.conversation()
    text = conv.reply("I have 1 year of experience, can I sit for the CIIP?").text
    assert "1 year of experience" in text and "1 years" not in text
    assert "1 year →" in text
    assert not re.search(r"\b1 (years|skills|steps|points|hours|months)\b", text)


def test_help_names_the_new_abilities(engine: Advisor) -> None:
    text = engine.conversation().reply("help").text
    for ability in ("CIIP", "how long", "on-call", "outlook", "/match"):
        assert ability in text, ability


@pytest.mark.parametrize("width", [40, 56, 64, 80])
def test_wrapping_never_splits_a_source_tag(engine: Advisor, width: int) -> None:
    conv = engine.conversation()
    for question in ("PACS admin salary in Boston", "what is the CIIP?", "do PACS admins work on call?"):
        for line in wrap(conv.reply(question).text, width).splitlines():
            assert line.count("[") == line.count("]"), f"{width}: {line!r}"


def test_docstring_examples_of_the_wording_and_layout_helpers_run() -> None:
    import doctest

    from advisor import text
    from advisor.answers import timeline
    from advisor.terminal import layout

    for module in (text, layout, timeline):
        failed, tried = doctest.testmod(module)
        assert failed == 0 and tried > 0, module.__name__
