"""Yes/no questions about what a role asks for are answered from the goal role's
requirements (required / preferred / a plus / not listed), or, with no goal, which roles
list it (issue 9)."""

from __future__ import annotations

import pytest

from advisor import Advisor

GOAL_CASES = [
    ("I want to become a PACS analyst", "do I need DICOM?", "Yes: PACS Analyst requires"),
    ("I want to become a PACS analyst", "do I need SQL?", "don't list Databases and SQL"),
    ("I want to become a PACS analyst", "would I need clinical experience for that?", "Not necessarily"),
    ("I want to become a PACS analyst", "must I be a rad tech first?", "Radiologic Technologist"),
    ("I want to become a PACS administrator", "would I need SQL for that?", "prefers Databases and SQL"),
    ("I want to become a RIS analyst", "do I have to go back to school?", "high school diploma"),
    ("I want to become a RIS analyst", "do I need a bachelor's?", "No degree needed"),
    ("I want to become a PACS administrator", "do VA PACS jobs need my ARRT?", "ARRT"),
    (
        "I want to become a PACS analyst",
        "would I need healthcare experience?",
        "prefers healthcare experience",
    ),
    (
        "I want to become a PACS analyst",
        "is 5 years enough to become a manager?",
        "PACS Manager requires 5 years",
    ),
]


@pytest.mark.parametrize(("goal", "question", "says"), GOAL_CASES, ids=[c[1] for c in GOAL_CASES])
def test_a_need_question_is_answered_for_the_goal(
    engine: Advisor, goal: str, question: str, says: str
) -> None:
    conv = engine.conversation()
    conv.reply(goal)
    before = conv.state_dict()["profile"]
    reply = conv.reply(question)
    assert reply.intent == "role_requirements", reply.text
    assert says in reply.text and "What the" in reply.text, reply.text
    assert conv.state_dict()["profile"] == before


def test_without_a_goal_it_says_which_roles_list_it(engine: Advisor) -> None:
    reply = engine.conversation().reply("do I need SQL?")
    assert reply.intent == "role_requirements"
    assert "Roles that list Databases and SQL: PACS Administrator (preferred)" in reply.text, reply.text


def test_a_named_target_role_wins_over_the_goal(engine: Advisor) -> None:
    conv = engine.conversation()
    conv.reply("I want to become a RIS analyst")
    reply = conv.reply("would I need clinical experience to get hired as a PACS analyst?")
    assert "PACS Analyst requires one of these" in reply.text, reply.text
