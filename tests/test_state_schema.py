"""The conversation-state schema: one JSON Schema, checked wherever state enters."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from advisor import Advisor
from advisor.config import MAX_YEARS
from advisor.errors import ProfileError
from advisor.state import State
from advisor.state_schema import check_state, state_schema

VALIDATOR = Draft202012Validator(state_schema())

scalars = st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.text(max_size=30)
floats = st.floats(allow_nan=False, allow_infinity=False)
json_values = st.recursive(
    scalars | floats,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
FIELD_VALUES = {
    "degree": st.sampled_from(["associate", "bachelor", "none", "phd"]) | json_values,
    "years": st.sampled_from([0, 2.5, 60, 61, -1, 1e308]) | json_values,
    "skills": st.lists(st.sampled_from(["dicom", "hl7", "nope"]), max_size=3) | json_values,
    "goal": st.sampled_from(["pacs-analyst", "x"]) | json_values,
    "ce_hours": st.sampled_from([0, 20, -5]) | json_values,
}
profiles = st.fixed_dictionaries({}, optional=FIELD_VALUES)
pendings = st.fixed_dictionaries(
    {},
    optional={
        "kind": st.sampled_from(["entity", "intent"]) | json_values,
        "options": st.lists(st.sampled_from(["pacs-analyst", "salary", "ciip"]), max_size=3) | json_values,
        "text": st.text(max_size=20) | json_values,
    },
)
states = st.fixed_dictionaries(
    {},
    optional={
        "version": st.sampled_from([1, 2, 3, "2"]),
        "turns": st.integers(-5, 10**10) | json_values,
        "profile": profiles | json_values,
        "context": st.fixed_dictionaries({}, optional={"pending": pendings | st.none(), "role": json_values}),
        "undo": st.lists(profiles, max_size=3) | json_values,
    },
)


def test_the_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(state_schema())


def test_the_schema_and_config_agree_on_years() -> None:
    assert state_schema()["$defs"]["profile"]["properties"]["years"]["maximum"] == MAX_YEARS


@settings(max_examples=400, deadline=None)
@given(states | json_values)
def test_the_fast_checker_agrees_with_jsonschema(data: Any) -> None:
    try:
        check_state(data)
        ours = True
    except ProfileError:
        ours = False
    assert ours == VALIDATOR.is_valid(data), json.dumps(data)[:300]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(states | json_values)
@example({"turns": 999_999_998})  # three replies would pass the schema's maximum turn count
def test_any_json_state_is_accepted_or_a_clear_error(engine: Advisor, data: Any) -> None:
    try:
        conv = engine.conversation(state=data)
    except ProfileError as err:
        assert str(err) and "\x1b" not in str(err)
        return
    for text in ("what should I learn next?", "I know DICOM", "the first one"):
        conv.reply(text)
    State.from_dict(conv.state_dict())  # what it saves is valid again


@pytest.mark.parametrize(
    "data",
    [
        {"version": 2, "turns": math.inf},
        {"version": 2, "turns": 1e999},
        {"version": 2, "turns": -1},
        {"version": 2, "turns": 10**10},
        {"version": 2, "profile": {"years": math.nan}},
        {"version": 2, "profile": {"years": 75}},
        {"version": 2, "profile": {"degree": "\x1b]0;PWNED\x07\x1b[2J"}},
        {"version": 2, "profile": {"skills": ["x" * 300]}},
        {"version": 1, "profile": "a string"},
        {"version": 1, "profile": 3},
        {"version": 1, "profile": []},
        {"version": 1, "experience_years": 99},
        {"version": 2, "context": {"pending": {"kind": "entity", "options": [["a"], {"b": 1}]}}},
        {"version": 2, "context": {"pending": {"kind": "entity", "options": "ab"}}},
        {"version": 2, "undo": [{"years": 3}] * 11},
    ],
)
def test_broken_states_are_a_profile_error(engine: Advisor, data: Any) -> None:
    with pytest.raises(ProfileError):
        engine.conversation(state=data)


def test_version_1_still_migrates(engine: Advisor) -> None:
    conv = engine.conversation(state={"experience_years": 3, "certs": ["ciip"], "goal": "pacs-analyst"})
    profile = conv.state_dict()["profile"]
    assert profile["years"] == 3 and profile["certifications"] == ["ciip"]
