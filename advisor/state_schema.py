"""Check conversation state against advisor/schema/state.schema.json, fast.

The JSON Schema file is the one definition of valid state. jsonschema itself costs ~150 ms
to import, too much for every start, so this module checks the small subset of keywords the
state schema uses (type, enum, min/max, maxLength, maxItems, maxProperties, propertyNames,
properties, required, additionalProperties, items, $ref into $defs). tests/test_state_schema.py
holds it to jsonschema's verdicts. One addition: numbers must be finite (no NaN, Infinity).

>>> check_state({"version": 2, "profile": {"years": 3}})
>>> check_state({"profile": {"years": 75}})
Traceback (most recent call last):
...
advisor.errors.ProfileError: $.profile.years: 75 is more than the maximum of 60
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path
from typing import Any

from advisor.errors import ProfileError
from advisor.text import sanitize

SCHEMA_PATH = Path(__file__).parent / "schema" / "state.schema.json"
_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "number": (int, float),
    "integer": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}

_WORDS = {
    "object": "an object",
    "array": "a list",
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "null": "null",
}


@functools.cache
def state_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text("utf-8"))
    return schema


def check_state(data: Any) -> None:
    """Raise ProfileError naming the first place where `data` breaks the state schema."""
    schema = state_schema()
    problem = _check(data, schema, schema, "$")
    if problem:
        raise ProfileError(problem)


def _is(value: Any, name: str) -> bool:
    if isinstance(value, bool):
        return name == "boolean"
    if not isinstance(value, _TYPES[name]):
        return False
    if isinstance(value, float):  # the one addition to JSON Schema: numbers are finite
        return math.isfinite(value) and (name != "integer" or value.is_integer())
    return True


def _check(value: Any, schema: dict[str, Any], root: dict[str, Any], where: str) -> str | None:
    ref = schema.get("$ref")
    if ref:
        schema = root["$defs"][ref.removeprefix("#/$defs/")]
    types = schema.get("type")
    if types is not None:
        names = [types] if isinstance(types, str) else types
        if not any(_is(value, n) for n in names):
            wanted = " or ".join(_WORDS[n] for n in names if n != "null" or len(names) == 1)
            return f"{where}: {_show(value)} is not {wanted}"
    if "enum" in schema and not any(_same(value, e) for e in schema["enum"]):
        return f"{where}: {_show(value)} is not one of {schema['enum']}"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _number(value, schema, where)
    if isinstance(value, str) and len(value) > schema.get("maxLength", math.inf):
        return f"{where}: text is longer than {schema['maxLength']} characters"
    if isinstance(value, list):
        return _array(value, schema, root, where)
    if isinstance(value, dict):
        return _object(value, schema, root, where)
    return None


def _number(value: float, schema: dict[str, Any], where: str) -> str | None:
    if not math.isfinite(value):
        return f"{where}: {_show(value)} is not a finite number"
    if value < schema.get("minimum", -math.inf):
        return f"{where}: {_show(value)} is less than the minimum of {schema['minimum']}"
    if value > schema.get("maximum", math.inf):
        return f"{where}: {_show(value)} is more than the maximum of {schema['maximum']}"
    return None


def _array(value: list[Any], schema: dict[str, Any], root: dict[str, Any], where: str) -> str | None:
    if len(value) > schema.get("maxItems", math.inf):
        return f"{where}: more than {schema['maxItems']} items"
    items = schema.get("items")
    if items is None:
        return None
    for n, item in enumerate(value):
        problem = _check(item, items, root, f"{where}[{n}]")
        if problem:
            return problem
    return None


def _object(value: dict[str, Any], schema: dict[str, Any], root: dict[str, Any], where: str) -> str | None:
    if len(value) > schema.get("maxProperties", math.inf):
        return f"{where}: more than {schema['maxProperties']} fields"
    names = schema.get("propertyNames", {}).get("maxLength", math.inf)
    for name in schema.get("required", ()):
        if name not in value:
            return f"{where}: '{name}' is a required field"
    properties = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    for name, item in value.items():
        if len(name) > names:
            return f"{where}: a field name is longer than {names} characters"
        sub = properties.get(name, extra)
        if sub is False:
            return f"{where}: unknown field '{sanitize(name)[:40]}'"
        problem = _check(item, sub, root, f"{where}.{sanitize(name)[:40]}") if isinstance(sub, dict) else None
        if problem:
            return problem
    return None


def _same(value: Any, choice: Any) -> bool:
    return type(value) is type(choice) and value == choice


def _show(value: Any) -> str:
    text = (
        json.dumps(value)[:40] if isinstance(value, str | int | float | bool | None) else type(value).__name__
    )
    return {"dict": "an object", "list": "a list"}.get(text, text)
