"""Bad input of any kind gets a calm reply and never an exception (naughty strings + hypothesis)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor import Advisor
from advisor.answers.common import fill
from advisor.text import sanitize

NAUGHTY = [
    "",
    " ",
    "\t\n\r",
    "?",
    "!!!",
    "...",
    "¿¿¿",
    "-- ; DROP TABLE roles; --",
    "' OR 1=1 --",
    "{0}",
    "{role}",
    "%s%s%s%n",
    "{__class__.__mro__}",
    "${HOME}",
    "$(rm -rf /)",
    "`id`",
    "\x1b[31mred\x1b[0m how much does a pacs admin make",
    "\x1b]0;title\x07hi",
    "\x1b[2J\x1b[H",
    "\x00\x01\x02\x03",
    "\x7f\x9b31m",
    "\u202e\u202dreversed",
    "\u200b\u200b\u200b",
    "😀😀😀",
    "🔥 pacs admin salary 🔥",
    "👩‍⚕️➡️🖥️",
    "ＰＡＣＳ　ａｄｍｉｎ　ｓａｌａｒｙ",
    "الراتب",
    "工资是多少",
    "Сколько зарабатывает администратор PACS?",
    "नमस्ते",
    "ｶﾀｶﾅ",
    "a" * 100_000,
    "pacs " * 20_000,
    "how much " * 5000 + "does a pacs admin make",
    "\ud800" if False else "\udcff",
    "null",
    "None",
    "undefined",
    "NaN",
    "-1",
    "1e309",
    "0x41",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "C:\\Windows\\System32",
    "\\x00",
    "the first one",
    "1",
    "and?",
    "what about?",
    "and in",
    "vs",
    "bye bye bye",
    "I am a I am a I am a",
    "I have 999 years of experience",
    "I have -5 years",
    "I have 1e9 years",
    "I want to become a",
    "how do I become",
    "compare",
    "what is",
    "what is a",
    "salary salary salary",
]


@pytest.mark.parametrize("text", NAUGHTY, ids=range(len(NAUGHTY)))
def test_naughty_string_gets_calm_reply(engine: Advisor, text: str) -> None:
    conv = engine.conversation()
    reply = conv.reply(text)
    assert reply.text.strip()
    assert "Traceback" not in reply.text
    assert "\x1b" not in reply.text and "\x07" not in reply.text
    assert 0.0 <= reply.confidence <= 1.0
    json.dumps(reply.to_dict())
    json.dumps(conv.state_dict())


def test_escape_sequences_never_echoed(engine: Advisor) -> None:
    reply = engine.conversation().reply("how much does a \x1b[31mnurse\x1b[0m practitioner make?")
    assert reply.intent == "out_of_scope"
    assert "\x1b" not in reply.text


def test_long_message_is_read_and_said_so(engine: Advisor) -> None:
    reply = engine.conversation().reply("how much does a pacs admin make? " + "x " * 5000)
    assert "long message" in reply.text


def test_user_text_is_never_a_format_string(engine: Advisor) -> None:
    """Braces and % in user text are inert; values put into templates are not re-expanded."""
    reply = engine.conversation().reply("how much does a {__class__} {0} %s make?")
    assert "<class" not in reply.text and "Conversation" not in reply.text
    assert fill("You said: {said}", said="{0} {said} {__class__}") == "You said: {0} {said} {__class__}"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_any_text_any_reply(engine: Advisor, text: str) -> None:
    reply = engine.conversation().reply(text)
    assert isinstance(reply.text, str) and reply.text
    for line in reply.text.split("\n"):
        assert sanitize(line) == line, repr(line)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=80), min_size=1, max_size=6))
def test_any_conversation_keeps_a_serialisable_state(engine: Advisor, turns: list[str]) -> None:
    conv = engine.conversation()
    for text in turns:
        conv.reply(text)
        state = json.loads(json.dumps(conv.state_dict()))
        conv = engine.conversation(state)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "how much does a pacs admin make",
                "and in boston?",
                "and a ris analyst?",
                "what are its prerequisites",
                "I'm a rad tech",
                "I know HL7",
                "what should I learn next",
                "the first one",
                "2",
                "compare them",
                "how do I become a cardiology pacs analyst",
                "bye",
                "???",
            ]
        ),
        min_size=1,
        max_size=8,
    )
)
def test_plausible_dialogues_never_fail(engine: Advisor, turns: list[str]) -> None:
    conv = engine.conversation()
    for text in turns:
        reply = conv.reply(text)
        assert reply.text
