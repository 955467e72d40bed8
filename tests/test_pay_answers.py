"""Every pay figure in the seed article can be asked for in plain words, with its source."""

from __future__ import annotations

import pytest

from advisor import Advisor

CASES = [
    ("what's the average salary range for a PACS analyst", ["$73,334", "$183,259"]),
    ("how much do PACS analysts make in San Francisco", ["$119,416", "51%"]),
    ("average pacs admin salary", ["$85,504"]),
    ("what bonus does a pacs administrator get", ["$1,096", "1%"]),
    ("what raise can a pacs admin expect in New York", ["2–3%"]),
    ("pacs administrator pay in san francisco", ["$100,081", "17%"]),
    ("starting salary for a new grad pacs admin", ["$80,000"]),
    ("pacs admin salary with a few years of experience", ["$90,000"]),
    ("senior pacs administrator salary", ["$100,000"]),
    ("how much does an imaging director make", ["$150,000"]),
    ("what's the pay range for PACS professionals overall", ["$73,321", "$15,075", "$404,726"]),
    ("ris analyst salary", ["$65,544", "$77,441"]),
    ("entry level ris analyst pay", ["$75,033"]),
    ("ris analyst pay with 5 years of experience", ["$95,000", "$125,000"]),
    ("ris analyst salary in tennessee", ["$7,399", "9.6%", "$77,441"]),
    ("how much do ris analysts earn in minnesota", ["5.8%"]),
    ("cardiology pacs analyst salary", ["$137,500", "$27,500"]),
    ("cardiology pacs administrator salary", ["$62,500", "$103,500", "$122,000", "$85,173"]),
    ("cardiology pacs admin pay in deer park california", ["$17,381"]),
    ("cardiology pacs administrator salary in atkinson nebraska", ["$38,496"]),
    ("how much does a junior analyst make", ["$15,075"]),
    ("what do pacs consultants earn", ["$404,726"]),
]


@pytest.mark.parametrize(("question", "figures"), CASES, ids=[q for q, _ in CASES])
def test_seed_figure_in_plain_words(engine: Advisor, question: str, figures: list[str]) -> None:
    reply = engine.conversation().reply(question)
    assert reply.intent == "salary", reply.text
    for figure in figures:
        assert figure in reply.text, f"{figure} missing for {question!r}:\n{reply.text}"
    assert any(s["id"] == "seed" for s in reply.sources)
    assert "[PACS Boot Camp]" in reply.text and "seed" not in reply.text.lower()


def test_best_places_ranked_with_figures(engine: Advisor) -> None:
    reply = engine.conversation().reply("where do pacs analysts earn the most?")
    assert reply.intent == "best_locations"
    lines = reply.text.splitlines()
    assert lines[1].startswith("  1. San Francisco") and "$119,416" in lines[1]
    assert [ln.split(". ")[1].split(",")[0] for ln in lines[2:5]] == ["Boston", "Seattle", "Los Angeles"]


def test_no_figure_for_place_says_so_and_gives_nearest(engine: Advisor) -> None:
    reply = engine.conversation().reply("ris analyst salary in seattle")
    assert "no figure for Seattle, Washington for RIS Analyst" in reply.text
    assert "$65,544" in reply.text and "national figures" in reply.text


def test_compare_shows_bars_and_both_roles(engine: Advisor) -> None:
    reply = engine.conversation().reply("PACS analyst vs RIS analyst")
    assert reply.intent == "compare_roles"
    assert "█" in reply.text and "$183,259" in reply.text and "$65,544" in reply.text
    assert "leads to" in reply.text and "requires" in reply.text


def test_a_pay_change_from_ones_job_gives_what_the_sources_say_about_it(engine: Advisor) -> None:
    conv = engine.conversation()
    conv.reply("I'm a biomed tech, 5 years")
    reply = conv.reply("what kind of raise could I see going from biomed to PACS admin?")
    assert reply.intent == "salary" and "50–100 %" in reply.text and "85,504" in reply.text
    # the annual raise of a role is not a change of job
    raise_only = conv.reply("what's the typical raise for PACS admins?")
    assert "2–3%" in raise_only.text and "50–100 %" not in raise_only.text


@pytest.mark.parametrize(
    "text",
    [
        "How does director pay compare with IT managers in general?",
        "how does PACS pay compare with what sysadmins make?",
    ],
)
def test_pacs_pay_beside_an_it_occupation_is_the_bls_comparison(engine: Advisor, text: str) -> None:
    reply = engine.conversation().reply(text)
    assert reply.intent == "job_outlook" and "BLS" in reply.text


@pytest.mark.parametrize("text", ["what do architects make", "how much do architects make"])
def test_a_bare_job_word_of_the_field_is_not_another_domain(engine: Advisor, text: str) -> None:
    reply = engine.conversation().reply(text)
    assert reply.intent == "salary" and "System Architect" in reply.text


def test_pay_for_all_pacs_jobs_is_the_fields_not_the_last_roles(engine: Advisor) -> None:
    conv = engine.conversation()
    conv.reply("what does a PACS analyst make?")
    reply = conv.reply("whats the average salary for all pacs jobs")
    assert "PACS professionals overall" in reply.text and "73,321" in reply.text
