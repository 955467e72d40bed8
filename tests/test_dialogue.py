"""Decision rules: intent clarification and its short answers, follow-ups, statements."""

from __future__ import annotations

from advisor import Advisor
from advisor.converse.dialogue import decide, pick_choice
from advisor.state import Context
from advisor.understand.entities import Parsed
from advisor.understand.intents import Score


def _parsed(*tokens: str) -> Parsed:
    return Parsed(tuple(tokens), (), tuple(tokens), (), ())


def test_close_intents_ask_which(engine: Advisor) -> None:
    ranked = [
        Score("salary", 0.61, 0.5, ""),
        Score("role_overview", 0.60, 0.5, ""),
        Score("out_of_scope", 0.1, 0.1, ""),
    ]
    decision = decide(_parsed("ris", "money"), ranked, Context(), engine.catalog)
    assert decision.clarify == ["salary", "role_overview"]


def test_clear_winner_is_not_questioned(engine: Advisor) -> None:
    ranked = [Score("salary", 0.9, 0.8, ""), Score("role_overview", 0.5, 0.5, "")]
    assert decide(_parsed("pay"), ranked, Context(), engine.catalog).clarify == []


def test_low_confidence_is_out_of_scope(engine: Advisor) -> None:
    ranked = [Score("salary", 0.2, 0.2, ""), Score("role_overview", 0.1, 0.1, "")]
    assert decide(_parsed("blorp"), ranked, Context(), engine.catalog).intent == "out_of_scope"


def test_short_answers_pick_an_option() -> None:
    names = {"salary": ["pay", "salary"], "role_overview": ["duties", "role", "overview"]}
    options = ["salary", "role_overview"]
    assert pick_choice(("the", "first", "one"), options, names) == 0
    assert pick_choice(("2",), options, names) == 1
    assert pick_choice(("second",), options, names) == 1
    assert pick_choice(("pay",), options, names) == 0
    assert pick_choice(("duties",), options, names) == 1
    assert pick_choice(("fourth",), options, names) is None
    assert pick_choice(("banana",), options, names) is None


def test_pending_intent_choice_answers_the_earlier_question(engine: Advisor) -> None:
    state = {
        "version": 2,
        "context": {
            "pending": {"kind": "intent", "options": ["salary", "role_overview"], "text": "ris analyst money"}
        },
    }
    reply = engine.conversation(state).reply("the first one")
    assert reply.intent == "salary" and "$65,544" in reply.text
    reply = engine.conversation(state).reply("2")
    assert reply.intent == "role_overview" and "RIS Analyst:" in reply.text


def test_unrelated_answer_drops_the_pending_question(engine: Advisor) -> None:
    state = {
        "version": 2,
        "context": {
            "pending": {"kind": "intent", "options": ["salary", "role_overview"], "text": "ris analyst money"}
        },
    }
    conv = engine.conversation(state)
    reply = conv.reply("what is DICOM?")
    assert reply.intent == "concept_info"
    assert conv.state_dict()["context"]["pending"] is None


def test_statement_with_facts_is_a_profile_update(bot: object) -> None:
    bot.says("I work on the help desk at a hospital", expect="profile_update", contains="Hospital IT")  # type: ignore[attr-defined]
    bot.says("currently a BMET", expect="profile_update", contains="Biomedical")  # type: ignore[attr-defined]


def test_question_with_facts_is_answered_and_remembered(bot: object) -> None:
    reply = bot.says("I'm a rad tech, how do I become a PACS administrator?", expect="career_path")  # type: ignore[attr-defined]
    assert any(s["id"] == "skill:medical-terminology" and s["status"] == "done" for s in reply.steps)
    # the statement is remembered; the question ("how do I become …?") is not a goal
    bot.says(
        "what do you know about me",
        expect="profile_show",
        contains=["Radiologic Technologist"],
        lacks=["Goal:"],
    )  # type: ignore[attr-defined]
