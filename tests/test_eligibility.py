"""The CIIP seven-point check: arithmetic from the rule in the knowledge, verdicts, what is missing."""

from __future__ import annotations

from typing import Any

import pytest

from advisor import Advisor
from advisor.answers.eligibility import Inputs, score

# (question, fragments the reply must hold, fragments it must not)
CASES = [
    (
        "can I sit for the CIIP with an associate's and 3 years?",
        [
            "3 + 2 + 0 + 0 = 5",
            "Verdict: not yet",
            "2 more years of qualifying work",
            "36 hours",
            "bachelor's degree (4 points instead of 2)",
            "PARCA",
        ],
        ["Verdict: eligible"],
    ),
    (
        "am I eligible for the CIIP with a bachelor's and 3 years of work?",
        ["= 7", "Verdict: eligible"],
        ["not yet"],
    ),
    (
        "can I take the CIIP with an associate degree and 5 years?",
        ["5 + 2 + 0 + 0 = 7", "Verdict: eligible"],
        [],
    ),
    ("can I take the ciip with a master's and 2 years?", ["2 + 5 + 0 + 0 = 7", "Verdict: eligible"], []),
    (
        "can I sit for the ciip with a bachelor's and 18 months?",
        ["1.5 years → 1", "Verdict: not yet", "24 months", "6 more months", "Nobody qualifies"],
        ["Verdict: eligible"],
    ),
    (
        "am I eligible for the ciip with a master's, 1 year and 100 hours of CE?",
        ["100 hours → 5", "Verdict: not yet", "12 more months"],
        ["Verdict: eligible"],
    ),
    (
        "I have no degree and 5 years, can I sit for the ciip?",
        ["5 + 0 + 0 + 0 = 5", "Verdict: not yet", "36 hours", "an associate degree (2 points instead of 0)"],
        ["more years of qualifying work"],  # experience already counts its maximum
    ),
    (
        "no degree and 5 years and 36 hours of CE, am I eligible for the ciip?",
        ["5 + 0 + 0 + 2 = 7", "eligible"],
        [],
    ),
    ("can I sit for the ciip with 12 years and a bachelor's?", ["12 years → 5", "Verdict: eligible"], []),
    (
        "can I take the ciip with a bachelor's in imaging informatics and 2 years?",
        ["+ 1 for a degree in imaging informatics = 5", "2 + 5 + 0 + 0 = 7", "Verdict: eligible"],
        [],
    ),
]


@pytest.mark.parametrize(("question", "has", "lacks"), CASES, ids=[c[0] for c in CASES])
def test_eligibility_arithmetic(engine: Advisor, question: str, has: list[str], lacks: list[str]) -> None:
    conv = engine.conversation()
    reply = conv.reply(question)
    assert reply.intent == "ciip_eligibility", reply.text
    for part in has:
        assert part in reply.text, f"missing {part!r}:\n{reply.text}"
    for part in lacks:
        assert part not in reply.text, f"unexpected {part!r}:\n{reply.text}"
    assert "Certificates  0 counted: which certificates count is not in my sources" in reply.text
    assert {s["id"] for s in reply.sources} >= {"abii-seven-point"}
    assert "ciip" not in conv.state_dict()["profile"]["certifications"]  # asking is not holding


def test_unknown_inputs_are_asked_for_not_guessed(engine: Advisor) -> None:
    reply = engine.conversation().reply("am I eligible for the CIIP?")
    assert "Experience    unknown" in reply.text and "Education     unknown" in reply.text
    assert "I can't tell yet — tell me your years of qualifying work and your highest degree" in reply.text
    assert "Verdict: eligible" not in reply.text and "Verdict: not yet" not in reply.text


def test_profile_is_used_when_the_question_has_no_numbers(engine: Advisor) -> None:
    conv = engine.conversation()
    conv.reply("I have an associate degree and 4 years as a rad tech")
    reply = conv.reply("am I eligible for the CIIP?")
    assert "4 + 2 + 0 + 0 = 6" in reply.text and "1 more years" not in reply.text
    assert "18 hours of continuing education" in reply.text and "1 more year" in reply.text


def test_a_degree_length_is_not_work_experience(engine: Advisor) -> None:
    conv = engine.conversation()
    reply = conv.reply("am I allowed to take the CIIP exam with a 2-year degree?")
    assert "associate degree → 2" in reply.text and "Experience    unknown" in reply.text
    assert conv.state_dict()["profile"]["years"] is None


def _rule(engine: Advisor) -> Any:
    return engine.graph.nodes["ciip"].get("eligibility")


def test_points_follow_the_rule_in_the_data(engine: Advisor) -> None:
    rule = _rule(engine)
    got = score(rule, Inputs(months=47, degree="bachelor", ce_hours=35))
    assert [(s.category, s.points) for s in got] == [
        ("experience", 3),  # 47 months: 3 whole periods of 12
        ("education", 4),
        ("certifications", 0),
        ("ce", 1),  # 35 hours: 1 whole period of 18
    ]
    assert not next(s for s in got if s.category == "certifications").known


def test_changing_the_rule_data_changes_the_points(engine: Advisor) -> None:
    rule = {
        **_rule(engine),
        "categories": [
            {**c, "per": 6} if c["id"] == "experience" else c for c in _rule(engine)["categories"]
        ],
    }
    got = score(rule, Inputs(months=47, degree="associate"))
    assert got[0].points == 5  # 47 months at 1 point per 6 months = 7, capped at the maximum of 5


def test_ce_hours_from_the_profile_count(engine: Advisor) -> None:
    conv = engine.conversation()
    conv.reply("I have a bachelor's degree and 2 years as a PACS analyst")
    conv.state.profile.ce_hours = 18  # type: ignore[attr-defined]  # the field "harden" adds
    reply = conv.reply("am I eligible for the CIIP?")
    assert "18 hours → 1" in reply.text and "2 + 4 + 0 + 1 = 7" in reply.text
    assert "Verdict: eligible" in reply.text


def test_years_outside_healthcare_are_flagged(engine: Advisor) -> None:
    conv = engine.conversation()
    conv.reply("I've been a Linux sysadmin at a logistics company for 8 years")
    reply = conv.reply("would my years count toward the CIIP?")
    assert reply.intent == "ciip_eligibility"
    assert "(Systems Administrator) count only if that work was in healthcare" in reply.text
    hospital = engine.conversation()
    hospital.reply("I do help desk at a hospital, 3 years")
    assert "count only if" not in hospital.reply("am I eligible for the CIIP?").text


@pytest.mark.parametrize(
    "text", ["can I take the CIIP right out of school?", "could a new grad sit for the CIIP?"]
)
def test_no_work_yet_is_zero_experience_for_the_check(engine: Advisor, text: str) -> None:
    reply = engine.conversation().reply(text)
    assert reply.intent == "ciip_eligibility" and "0 years → 0" in reply.text and "not yet" in reply.text


def test_what_if_after_a_check_checks_again_and_saves_nothing(engine: Advisor) -> None:
    conv = engine.conversation()
    conv.reply("I'm a sonographer with 7 years and no degree")
    first = conv.reply("can I sit for the CIIP?")
    before = conv.state_dict()["profile"]
    again = conv.reply("what if I finished an associate's?")
    assert again.intent == "ciip_eligibility" and "associate degree → 2" in again.text
    assert "associate degree → 2" not in first.text
    assert conv.state_dict()["profile"] == before


def test_eligibility_of_another_certificate_is_about_that_certificate(engine: Advisor) -> None:
    reply = engine.conversation().reply("Can I get the CPAS without a degree?")
    assert reply.intent == "certification_info" and "CPAS" in reply.text
