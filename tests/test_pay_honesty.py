"""Pay at the edge of the sources: say what is missing, never relabel a figure."""

from __future__ import annotations

import re

import pytest

from advisor import Advisor


def ask(engine: Advisor, text: str) -> str:
    reply = engine.conversation().reply(text)
    assert reply.intent in ("salary", "concept_info"), f"{text!r} → {reply.intent}:\n{reply.text}"
    return reply.text


def test_role_without_figures_never_borrows_its_label(engine: Advisor) -> None:
    text = ask(engine, "PACS manager salary?")
    assert "My sources give no pay figures for PACS Manager." in text
    assert "Average across all PACS professionals: $73,321" in text
    assert "not PACS Manager's own figures" in text
    assert "Pay for PACS Manager" not in text


@pytest.mark.parametrize(
    "question", ["what do junior PACS analysts start at", "new grad PACS analyst starting salary"]
)
def test_starting_pay_is_entry_figures_not_a_floor(engine: Advisor, question: str) -> None:
    text = ask(engine, question)
    assert "no starting figure for" in text
    assert "PACS Administrator: up to $80,000" in text and "RIS Analyst: $75,033" in text
    assert "Lowest pay reported" not in text
    if "$15,075" in text:  # only ever named as what it is
        assert "floor of the whole PACS range" in text and "not a starting salary" in text


def test_a_role_with_a_starting_figure_gives_it(engine: Advisor) -> None:
    text = ask(engine, "what does a new PACS administrator start at?")
    assert "up to $80,000" in text and "$15,075" not in text


def test_best_paid_ranks_roles_by_their_figures(engine: Advisor) -> None:
    text = ask(engine, "highest paid job in PACS?")
    ranked = [ln for ln in text.splitlines() if re.match(r"\s+\d+\. ", ln)]
    amounts = [int(re.findall(r"\$([\d,]+)", ln)[-1].replace(",", "")) for ln in ranked]
    assert len(ranked) >= 5 and amounts == sorted(amounts, reverse=True)
    assert ranked[0].strip().startswith("1. PACS Analyst — high end of the average range")
    assert "$404,726 (the highest pay reported, not an average)" in text
    assert "Best-paying places" not in text


def test_place_without_figures_says_so_and_gives_us_figures(engine: Advisor) -> None:
    text = ask(engine, "pacs admin pay in Ohio")
    assert text.startswith("My sources give no figure for Ohio; the US figures are:")
    assert "$85,504" in text and "San Francisco" not in text and "New York" not in text


def test_total_pay_is_labelled_as_the_source_states_it(engine: Advisor) -> None:
    text = ask(engine, "entry level ris analyst pay: is that base or total?")
    assert "$75,033 a year (total pay)" in text
    assert "Total vs base:" in text


@pytest.mark.parametrize(
    ("question", "both"),
    [
        ("PACS vs RIS", ["Picture Archiving", "Radiology Information System", "work together"]),
        ("what's the difference between a VNA and a PACS?", ["Vendor", "Picture Archiving"]),
    ],
)
def test_x_vs_y_describes_both(engine: Advisor, question: str, both: list[str]) -> None:
    text = ask(engine, question)
    for part in both:
        assert part in text, f"missing {part!r}:\n{text}"


def test_a_background_role_gets_its_bls_anchor_labelled(engine: Advisor) -> None:
    text = ask(engine, "how much do network admins make?")
    assert "no PACS pay figures for Network Administrator" in text
    assert "median $90,520 a year (May 2022)" in text and "[BLS]" in text


@pytest.mark.parametrize(
    ("follow_up", "place"),
    [("and in ohio?", "Ohio"), ("n in texas??", "Texas"), ("what about new jersey", "New Jersey")],
)
def test_a_follow_up_to_a_place_without_figures_says_so(engine: Advisor, follow_up: str, place: str) -> None:
    conv = engine.conversation()
    conv.reply("how much does a pacs admin make in boston")
    reply = conv.reply(follow_up)
    assert reply.intent == "salary", reply.text
    assert f"no figure for {place}" in reply.text  # never Boston's answer again
    assert "Boston" not in reply.text


def test_a_place_without_figures_is_not_the_users_home(engine: Advisor) -> None:
    conv = engine.conversation()
    conv.reply("I live in Ohio")
    assert conv.state.profile.place is None  # only places the knowledge has are stored


def test_a_role_without_figures_names_the_place_asked(engine: Advisor) -> None:
    reply = engine.conversation().reply("what does a PACS manager earn in Seattle?")
    assert "no pay figures for PACS Manager (for Seattle, Washington or anywhere else)" in reply.text
