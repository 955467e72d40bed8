"""Places people name after a pay answer, with figures or without: the pay there for the same
role, never a decline; 'where else' is the ranking of places. The names are a lexicon
(knowledge/facts.json `places_without_figures`), never a figure."""

from __future__ import annotations

import doctest
import json
import shutil
from pathlib import Path

import pytest

from advisor import Advisor
from advisor.knowledge import unlisted
from advisor.knowledge.dataset import DEFAULT_INTENTS, DEFAULT_KNOWLEDGE, validate
from advisor.knowledge.unlisted import PlaceLexicon
from advisor.text import normalize, tokenize
from tests.conftest import Bot

FIRST = {  # a first pay question per role
    "pacs-administrator": "how much does a pacs administrator earn",
    "ris-analyst": "ris analyst salary?",
    "pacs-analyst": "what's the pay for a pacs analyst",
}

# (role asked about first, the follow-up, what the reply must say)
PLACE_FOLLOW_UPS = [
    ("pacs-administrator", "and what about in arizona?", "no figure for Arizona; the US figures are"),
    ("pacs-administrator", "how about boise", "no figure for Boise, Idaho"),
    ("pacs-administrator", "nj?", "no figure for New Jersey"),
    ("pacs-administrator", "what about DC", "no figure for Washington, DC"),
    ("pacs-administrator", "and in washington dc?", "no figure for Washington, DC"),
    ("pacs-administrator", "what about the philippines, my family is there", "no figure for the Philippines"),
    ("pacs-administrator", "ontario? I might move back home", "no figure for Ontario, Canada"),
    ("pacs-administrator", "how about kansas city", "no figure for Kansas City;"),
    ("pacs-administrator", "miami, that's where my kids live", "no figure for Miami, Florida"),
    ("pacs-administrator", "what about albany", "no figure for Albany, New York; the US figures are"),
    ("pacs-administrator", "and brooklyn, ny?", "no figure for Brooklyn, New York;"),
    ("ris-analyst", "what about knoxville", "Knoxville, Tennessee; the nearest I have are for Tennessee"),
    ("ris-analyst", "duluth?", "no figure for Duluth, Minnesota"),
    ("ris-analyst", "how about in nashville", "Tennessee"),
    ("pacs-analyst", "and in boston?", "no figure for Boston, Massachusetts for PACS Analyst"),
    ("pacs-analyst", "and if we relocated to utah?", "no figure for Utah;"),
    ("pacs-analyst", "would it be different down in alabama", "no figure for Alabama;"),
    ("pacs-analyst", "what about the pacific northwest", "no figure for the Pacific Northwest;"),
    ("pacs-analyst", "new mexico pays more, right?", "no figure for New Mexico;"),
    ("pacs-analyst", "somewhere like tulsa maybe", "no figure for Tulsa, Oklahoma;"),
    ("pacs-analyst", "what about sf, is it better there", "San Francisco"),
]


@pytest.mark.parametrize(
    ("role", "follow_up", "says"), PLACE_FOLLOW_UPS, ids=[f for _, f, _ in PLACE_FOLLOW_UPS]
)
def test_a_place_after_pay_is_the_pay_there(bot: Bot, role: str, follow_up: str, says: str) -> None:
    bot.says(FIRST[role], expect="salary")
    reply = bot.says(follow_up, expect="salary", contains=says, lacks="career advisor")
    assert reply.text.count("$") >= 1  # the figures that stand in are given, each with its source
    assert bot.conv.state.profile.place is None  # a question never changes the profile


@pytest.mark.parametrize(
    "first",
    ["where do cardiology pacs admins earn the most", "compare a pacs analyst with a ris analyst"],
)
def test_a_place_after_a_ranking_or_a_comparison_is_pay_too(bot: Bot, first: str) -> None:
    bot.says(first)
    bot.says("what about in georgia, thinking of moving", expect="salary", contains="no figure for Georgia")


def test_a_ranked_place_asked_about_gives_its_figure(bot: Bot) -> None:
    bot.says("where do cardiology pacs admins earn the most", expect="best_locations", contains="Atkinson")
    reply = bot.says("atkinson?? never heard of it", expect="salary", contains="Atkinson, Nebraska")
    assert "$38,496" in reply.text and "Deer Park" not in reply.text.split("\n")[1]


def test_that_after_a_place_in_the_same_message_is_the_place(bot: Bot) -> None:
    bot.says("where do cardiology pacs admins earn the most", expect="best_locations")
    reply = bot.says("deer park?? where's that", expect="salary", contains="Deer Park, California")
    bullets = [line for line in reply.text.splitlines() if line.lstrip().startswith("•")]
    assert bullets and not any("Atkinson" in line for line in bullets)  # not the ranking's first


@pytest.mark.parametrize(
    "follow_up",
    ["where else do they pay well?", "anywhere else?", "any other states that pay more", "somewhere else"],
)
def test_where_else_after_pay_is_the_ranking(bot: Bot, follow_up: str) -> None:
    bot.says("pacs admin pay in new york", expect="salary")
    bot.says(follow_up, expect="best_locations", contains="Best-paying places for PACS Administrator")


@pytest.mark.parametrize(
    ("follow_up", "expect"),
    [
        ("what about georgia, do they need the CPAS there?", "certification_info"),
        ("denver weather this weekend?", "out_of_scope"),
        ("where else can I learn HL7?", None),
        ("do clinics in vermont require a degree?", None),
        ("any work from home jobs in iowa?", "work_conditions"),
        ("my cousin just bought a house in omaha", None),
        ("we drove through kentucky last summer", None),
    ],
)
def test_another_topic_beside_a_place_keeps_its_reading(bot: Bot, follow_up: str, expect: str | None) -> None:
    bot.says(FIRST["pacs-administrator"], expect="salary")
    reply = bot.conv.reply(follow_up)
    assert reply.intent not in ("salary", "best_locations"), reply.text
    assert expect is None or reply.intent == expect, reply.intent


def test_lexicon_reads_the_longest_name() -> None:
    lex = PlaceLexicon.build(
        [
            {"name": "Kansas", "kind": "state", "within": "us", "aliases": ["kansas"]},
            {"name": "Kansas City", "kind": "city", "within": "us", "aliases": ["kansas city"]},
        ]
    )
    assert lex.named_in(["is", "kansas", "good"])[1].name == "Kansas"
    assert lex.named_in(["and", "kansas", "city", "ks"])[1].name == "Kansas City"
    assert lex.named_at(["kansas", "city"], 0) == "kansas city" and lex.named_at(["ohio"], 0) is None
    failed, tried = doctest.testmod(unlisted)
    assert failed == 0 and tried > 0


def test_shipped_lexicon_covers_the_states_and_names_no_figure(engine: Advisor) -> None:
    data = json.loads((DEFAULT_KNOWLEDGE / "facts.json").read_text("utf-8"))["places_without_figures"]
    states = [p for p in data if p["kind"] == "state"]
    known = [n for n in engine.graph.of_type("place") if n.get("kind") == "state"]
    assert len(states) + len(known) == 50  # every state: with figures (places.json) or without
    assert len([p for p in data if p["kind"] == "city"]) >= 150
    assert not any(set(p) - {"name", "kind", "within", "aliases", "also_a_name"} for p in data)  # no figures
    for place in data:
        for alias in place["aliases"]:
            assert " ".join(tokenize(normalize(alias))) == alias, alias
    everyday = {"in", "me", "or", "ok", "hi", "pa", "tx", "md", "ms", "va", "ct", "nm", "mi", "mo"}
    assert everyday.isdisjoint(engine.graph.places_without_figures)  # words, not state codes


def _broken_copy(tmp_path: Path, entry: dict[str, object]) -> tuple[list[str], int]:
    knowledge, intents = tmp_path / "knowledge", tmp_path / "intents"
    shutil.copytree(DEFAULT_KNOWLEDGE, knowledge)
    shutil.copytree(DEFAULT_INTENTS, intents)
    path = knowledge / "facts.json"
    data = json.loads(path.read_text("utf-8"))
    data["places_without_figures"].append(entry)
    path.write_text(json.dumps(data), "utf-8")
    return [p.line() for p in validate(knowledge, intents)], len(data["places_without_figures"]) - 1


@pytest.mark.parametrize(
    ("entry", "line"),
    [
        (
            {"name": "Bostonia", "kind": "city", "within": "us", "aliases": ["boston"]},
            "facts.json: $.places_without_figures[{i}].aliases[0]: alias 'boston' also names a place",
        ),
        (
            {"name": "Fargo", "kind": "city", "within": "north-dakota", "aliases": ["fargo nd"]},
            "facts.json: $.places_without_figures[{i}].within: unknown place 'north-dakota'",
        ),
        (
            {"name": "St. Cloud", "kind": "city", "within": "minnesota", "aliases": ["st. cloud"]},
            "facts.json: $.places_without_figures[{i}].aliases[0]: alias 'st. cloud' is read as 'st cloud'",
        ),
    ],
    ids=["clash", "within", "form"],
)
def test_lexicon_meaning_checks(tmp_path: Path, entry: dict[str, object], line: str) -> None:
    problems, index = _broken_copy(tmp_path, entry)
    assert any(p.startswith(line.format(i=index)) for p in problems), problems


def test_a_ranking_asked_for_a_place_without_figures_says_so(bot: Bot) -> None:
    reply = bot.says("which city in oregon pays pacs analysts the most?", expect="best_locations")
    assert reply.text.startswith("My sources give no figure for Oregon; the places they rank:")
    assert "San Francisco" in reply.text


@pytest.mark.parametrize(
    ("said", "place"),
    [
        ("my friend tyler makes 95k", None),
        ("a job in tyler", "Tyler, Texas"),
        ("and austin", "Austin, Texas"),
    ],
)
def test_a_place_that_is_also_a_first_name_needs_a_place_word(
    engine: Advisor, said: str, place: str | None
) -> None:
    found = engine.graph.unlisted.named_in(said.split())
    assert (found[1].name if found else None) == place
