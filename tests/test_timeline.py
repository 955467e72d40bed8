"""'How long will that take?': sourced durations from the user's path, the rest listed."""

from __future__ import annotations

import pytest

from advisor import Advisor


@pytest.mark.parametrize("goal", ["PACS analyst", "PACS administrator", "PACS manager", "RIS analyst"])
def test_timeline_never_invents_study_time(engine: Advisor, goal: str) -> None:
    conv = engine.conversation()
    reply = conv.reply(f"how long does it take to become a {goal}?")
    assert reply.intent == "timeline"
    assert "hour" not in reply.text.lower()
    assert "My sources give no time for these steps:" in reply.text


def test_work_time_is_the_longest_work_step_not_a_sum(engine: Advisor) -> None:
    conv = engine.conversation()
    conv.reply("I'm a rad tech with 1 year of experience")
    conv.reply("I want to become a PACS manager")
    reply = conv.reply("how long will that take?")
    assert reply.intent == "timeline"
    assert "Work time: at least 5 years" in reply.text  # not 5 + 2 years
    assert "about 12 more months" in reply.text  # the CIIP's 24 months less the year worked
    assert "abii-seven-point" in {s["id"] for s in reply.sources}


def test_timeline_without_a_goal_asks_for_one(engine: Advisor) -> None:
    reply = engine.conversation().reply("how long will that take?")
    assert reply.intent == "timeline"
    assert "Which role are you aiming for?" in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "how long until I could land a PACS analyst job?",
        "how long would it take me to become a PACS manager?",
        "so how many years before I'm a PACS admin",
    ],
)
def test_how_long_until_a_role_is_the_timeline(engine: Advisor, text: str) -> None:
    conv = engine.conversation()
    conv.reply("I'm a rad tech with 4 years")
    assert conv.reply(text).intent == "timeline"


def test_how_long_until_a_role_without_i_gives_the_way_in_and_its_time(engine: Advisor) -> None:
    reply = engine.conversation().reply("how long until pacs manager")
    assert reply.intent == "career_progression"
    assert reply.text.startswith("How people get to PACS Manager:") and "after about 5 years" in reply.text
