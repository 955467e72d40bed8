"""Plain sentences for JSON syntax errors and JSON Schema errors.

jsonschema's own messages ("'x' is not valid under any of the given schemas") name the
schema, not the fix; these name the field, what is wrong in words a data editor uses, and
what to write instead.
"""

from __future__ import annotations

import difflib
import itertools
import json
import re
from collections.abc import Iterable
from typing import Any

from advisor.config import GUESS_BUDGET, GUESS_CANDIDATES

_TYPE_NAMES = {
    "object": "an object",
    "array": "a list",
    "string": "a string",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "null": "null",
}
_TYPE_HINTS = {
    "object": "an object { ... }",
    "array": "a list [ ... ]",
    "string": "text in double quotes",
    "number": "a number without quotes",
    "integer": "a whole number without quotes",
    "boolean": "true or false without quotes",
    "null": "null",
}
# json's own messages (they differ between Python versions) -> a plain sentence and a hint
_JSON_SYNTAX = (
    (
        "Expecting value",
        "a value is missing or is not valid JSON",
        "look for a stray comma, or text that is not in double quotes",
    ),
    ("Expecting ',' delimiter", "a comma is missing between two entries", "add the comma"),
    ("Expecting ':' delimiter", "a colon is missing after a field name", 'write "field": value'),
    (
        "Expecting property name",
        "expected a field name in double quotes",
        "remove the comma before } or use double quotes instead of single quotes",
    ),
    ("Illegal trailing comma", "there is a comma before a closing bracket", "remove the comma"),
    ("Unterminated string", "a text value is not closed with a double quote", "add the closing quote"),
    ("Invalid control character", "a text value holds a raw line break or tab", "write it as \\n or \\t"),
    ("Invalid \\escape", "a text value holds an invalid backslash escape", "write a backslash as \\\\"),
    (
        "Extra data",
        "there is more text after the end of the JSON data",
        "remove it or move it inside the top-level object",
    ),
)
# every pattern the schemas use -> what a value must look like, and how to write it
_PATTERNS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": (
        "is not a valid id",
        "use lowercase letters, digits and single dashes, e.g. pacs-analyst",
    ),
    "^[^A-Z]*$": ("must be lowercase", "write aliases in lowercase"),
    "^https?://": ("is not a web address", "start it with https:// or use null"),
    "^\\d{4}(-\\d{2}(-\\d{2})?)?$": ("is not a date", "write it as YYYY, YYYY-MM or YYYY-MM-DD, or use null"),
    "^\\d{2}-\\d{4}\\.\\d{2}$": ("is not an O*NET code", "write it like 15-1211.01"),
    "^[a-z0-9 ]+$": ("may hold only lowercase letters, digits and spaces", "remove capitals and punctuation"),
    "^[a-z0-9]+$": ("must be one lowercase word", "use lowercase letters and digits, no spaces"),
    "^[a-z]+(_[a-z]+)*$": (
        "is not a valid intent name",
        "use lowercase words joined by _, e.g. role_overview",
    ),
}
_KEY = re.compile(r"^[a-zA-Z][a-zA-Z0-9_]*$")  # keys jsonschema writes as .key in a JSON path
Found = tuple[str, str, str, tuple[str, ...]]  # JSON path, message, hint, paths it stands for


def json_type(value: Any) -> str:
    """How a data editor calls the JSON type of `value`."""
    if isinstance(value, bool):
        return "true or false"
    if value is None:
        return "null"
    return {dict: "an object", list: "a list", str: "a string", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )


def json_syntax(err: json.JSONDecodeError, text: str) -> tuple[str, str]:
    """Where and what, for a JSON syntax error; 'ends too early' when the file is cut off."""
    where = f"line {err.lineno}, column {err.colno}"
    if err.pos >= len(text.rstrip()) and not err.msg.startswith("Extra data"):
        return (
            f"invalid JSON: the file ends too early, at {where}",
            "the end looks cut off; restore the missing part and the closing brackets",
        )
    for prefix, message, hint in _JSON_SYNTAX:
        if err.msg.startswith(prefix):
            return f"invalid JSON at {where}: {message}", hint
    return f"invalid JSON at {where}: {err.msg}", "fix the syntax"


def _child(path: str, key: str) -> str:
    return f"{path}.{key}" if _KEY.match(key) else f"{path}[{json.dumps(key)}]"


def schema_error(error: Any) -> list[Found]:
    """One jsonschema error as (path, message, hint, covers) items; covers: see _choice."""
    path, value = error.json_path, error.instance
    if error.validator in ("anyOf", "oneOf"):
        return _choice(error)
    if error.validator == "required":
        return [
            (path, f"missing required field '{name}'", f'add "{name}"', ())
            for name in error.validator_value
            if name not in value
        ]
    if error.validator == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        return [
            (
                _child(path, key),
                f"unknown field '{key}'",
                did_you_mean(key, known) or "remove it or fix its spelling",
                (),
            )
            for key in value
            if key not in known
        ]
    if "propertyNames" in error.absolute_schema_path:
        return [
            (_child(path, value), f"field name {_show(value)} is not allowed here", _explain(error)[1], ())
        ]
    if error.validator == "uniqueItems":
        index = next(i for i, item in enumerate(value) if item in value[:i])
        return [
            (f"{path}[{index}]", f"{_show(value[index])} is listed twice", "remove the repeated entry", ())
        ]
    return [(path, *_explain(error), ())]


def _choice(error: Any) -> list[Found]:
    """A failed anyOf/oneOf: explain the branch that was meant, not jsonschema's summary."""
    branches, value, path = error.validator_value, error.instance, error.json_path
    kinds = [branch.get("properties", {}).get("kind", {}).get("const") for branch in branches]
    if all(kinds) and isinstance(value, dict):  # requirement items, told apart by "kind"
        if value.get("kind") not in kinds:
            listed = ", ".join(kinds)
            if "kind" not in value:
                return [(path, "missing required field 'kind'", f'add "kind": one of {listed}', ())]
            return [
                (
                    _child(path, "kind"),
                    f"{_show(value['kind'])} is not a known kind",
                    f"use one of: {listed}",
                    (),
                )
            ]
        chosen = kinds.index(value["kind"])
        return [
            item for e in error.context if e.relative_schema_path[0] == chosen for item in schema_error(e)
        ]
    names = [b["required"][0] for b in branches if len(b.get("required", ())) == 1]
    if len(names) == len(branches) and isinstance(value, dict):  # "one of these fields"
        given = [name for name in names if name in value]
        if error.validator == "oneOf" and len(given) > 1:
            return [
                (path, f"has {_join(given, 'and')}, but only one of them is allowed", "remove the others", ())
            ]
        covers = tuple(_child(path, name) for name in names)
        return [(path, f"needs a value for {_join(names, 'or')}", "give one of them a value", covers)]
    wrong_type = {
        e.relative_schema_path[0] for e in error.context if e.validator == "type" and not e.relative_path
    }
    fitting = [e for e in error.context if e.relative_schema_path[0] not in wrong_type]
    if not fitting:  # the value has none of the allowed types
        types = [t for e in error.context for t in _listed(e.validator_value)]
        types = list(dict.fromkeys(types))
        wanted = " or ".join(_TYPE_NAMES.get(t, t) for t in types)
        return [
            (
                path,
                f"expected {wanted}, got {json_type(value)}",
                "write " + ", or ".join(_TYPE_HINTS.get(t, t) for t in types),
                (),
            )
        ]
    if len({e.relative_schema_path[0] for e in fitting}) == 1:
        return [item for e in fitting for item in schema_error(e)]
    from jsonschema.exceptions import best_match

    return schema_error(best_match(fitting))


def _listed(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _show(value: Any) -> str:
    return f"'{value}'" if isinstance(value, str) else json.dumps(value)


def _join(names: list[str], word: str) -> str:
    quoted = [f"'{name}'" for name in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} {word} {quoted[-1]}"


class NearMiss:
    """'did you mean …?' over a fixed set of ids with bounded work, so `validate` stays linear
    in the number of problems: candidates share the first letter and a similar length (at most
    GUESS_CANDIDATES compared), and only the first GUESS_BUDGET questions get a guess."""

    def __init__(self, options: Iterable[str]) -> None:
        self._by_letter: dict[str, list[str]] = {}
        for option in sorted(options):
            self._by_letter.setdefault(option[:1], []).append(option)
        self.budget = GUESS_BUDGET

    def __call__(self, word: str) -> str:
        if self.budget <= 0:
            return ""
        self.budget -= 1
        slack = max(2, len(word) // 3)
        near = (o for o in self._by_letter.get(word[:1], ()) if abs(len(o) - len(word)) <= slack)
        return did_you_mean(word, itertools.islice(near, GUESS_CANDIDATES))


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """'did you mean 'x'?' for a near miss among `options`, else ''."""
    close = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.8)
    return f"did you mean '{close[0]}'?" if close else ""


def _explain(error: Any) -> tuple[str, str]:
    """A plain sentence and a hint for one simple jsonschema error."""
    kind, expected, value = error.validator, error.validator_value, error.instance
    if kind == "type":
        types = _listed(expected)
        wanted = " or ".join(_TYPE_NAMES.get(t, t) for t in types)
        return (
            f"expected {wanted}, got {json_type(value)}",
            "write " + ", or ".join(_TYPE_HINTS.get(t, t) for t in types),
        )
    if kind == "pattern":
        what, hint = _PATTERNS.get(
            expected, ("does not have the expected form", f"match the pattern {expected}")
        )
        return f"{_show(value)} {what}", hint
    if kind in ("enum", "const"):
        options = expected if kind == "enum" else [expected]
        return (f"{_show(value)} is not allowed here", "use one of: " + ", ".join(str(o) for o in options))
    if kind == "minItems":
        count = len(value)
        have = f"has {count} entr{'y' if count == 1 else 'ies'}" if count else "list is empty"
        return f"{have}; it needs at least {expected}", f"add {expected - count} more"
    if kind in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        word = {
            "minimum": "must be at least",
            "exclusiveMinimum": "must be greater than",
            "maximum": "must be at most",
            "exclusiveMaximum": "must be less than",
        }[kind]
        return f"{value} is out of range: it {word} {expected}", "use a value within range"
    if kind == "minLength":
        return "text is empty", "write the text or remove the entry"
    if kind == "maxLength":
        return (f"text is {len(value)} characters long; the limit is {expected}", "shorten it")
    return error.message[:200], "see the schema in the schema/ folder"
