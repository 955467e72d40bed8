"""Years of experience as people say them; out-of-range values are asked about, never stored."""

from __future__ import annotations

import pytest

from advisor import Advisor
from advisor.config import MAX_YEARS


@pytest.mark.parametrize(
    ("said", "years"),
    [
        ("I have 2.5 years of experience", 2.5),
        ("I have 3-5 years of experience", 3),
        ("I have 3 to 5 years of experience", 3),
        ("I have two and a half years of experience", 2.5),
        ("I have a year and a half of experience", 1.5),
        ("I have twenty five years of experience", 25),
        ("I have 3+ yrs of experience", 3),
        (f"I have {MAX_YEARS} years of experience", MAX_YEARS),
        ("I have 0 years of experience", 0),
    ],
)
def test_years_as_people_say_them(engine: Advisor, said: str, years: float) -> None:
    conv = engine.conversation()
    conv.reply(said)
    assert conv.state_dict()["profile"]["years"] == years


@pytest.mark.parametrize(
    "said",
    [
        "I have -5 years of experience",
        "I have 0.0000000001 years of experience",
        "I have 75 years of experience",
        f"I have {MAX_YEARS + 1} years of experience",
        "I have 1000000 years of experience",
    ],
)
def test_out_of_range_years_are_asked_about_not_stored(engine: Advisor, said: str) -> None:
    conv = engine.conversation(state={"version": 2, "profile": {"years": 4}})
    reply = conv.reply(said)
    assert conv.state_dict()["profile"]["years"] == 4
    assert f"0 to {MAX_YEARS} years" in reply.text and "How many years" in reply.text
    assert "didn't catch" not in reply.text  # one calm question, not two messages


def test_a_range_says_which_end_was_kept(engine: Advisor) -> None:
    reply = engine.conversation().reply("I have 3-5 years of experience")
    assert "lower end of 3–5" in reply.text


@pytest.mark.parametrize("said", ["I am 45 years old", "I'm 45 years of age, I know DICOM"])
def test_age_is_not_experience(engine: Advisor, said: str) -> None:
    conv = engine.conversation()
    conv.reply(said)
    assert conv.state_dict()["profile"]["years"] is None


@pytest.mark.parametrize(
    "question", ["what does a PACS analyst with 3-5 years make?", "what does an admin with 75 years make?"]
)
def test_questions_with_years_get_no_note(engine: Advisor, question: str) -> None:
    conv = engine.conversation()
    reply = conv.reply(question)
    assert "I noted" not in reply.text and "did not store" not in reply.text
    assert conv.state_dict()["profile"]["years"] is None
