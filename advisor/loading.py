"""Read data files safely and validate them against their JSON Schemas.

Every problem is collected (never just the first), each with file, JSON path, a plain
message and a hint. jsonschema is imported only when validation actually runs: a cache
keyed by the files' hashes lets an unchanged data set skip it (fast start-up).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .config import MAX_DATA_FILE_BYTES
from .errors import Problem

KNOWLEDGE_FILES = (
    "sources", "roles", "skills", "concepts", "certifications", "places", "pay", "progression",
    "resources",
)
_TYPE_NAMES = {
    "object": "an object", "array": "a list", "string": "a string", "number": "a number",
    "integer": "a whole number", "boolean": "true or false", "null": "null",
}
CACHE_VERSION = "1"


def read_json(path: Path, display: str) -> tuple[Any, list[Problem]]:
    """Parse one JSON file; on failure return (None, [the problem])."""
    def fail(message: str, hint: str) -> tuple[Any, list[Problem]]:
        return None, [Problem(display, "$", message, hint)]

    try:
        size = path.stat().st_size
        if size > MAX_DATA_FILE_BYTES:
            return fail(f"file is too large ({size} bytes; the limit is {MAX_DATA_FILE_BYTES})",
                        "split the data or remove what is not needed")
        raw = path.read_bytes()
    except FileNotFoundError:
        return fail("file is missing", f"create {path.name} (see knowledge/schema/)")
    except IsADirectoryError:
        return fail("is a directory, not a file", f"replace it with a JSON file {path.name}")
    except OSError as err:
        return fail(f"cannot be read ({err.strerror or err})", "check the file's permissions")
    if not raw.strip():
        return fail("file is empty", "it must hold a JSON object")
    if raw.startswith(b"\xef\xbb\xbf"):
        return fail("file starts with a byte order mark (BOM)", "save it as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = raw[err.start]
        return fail(f"is not valid UTF-8 (byte 0x{bad:02x} at offset {err.start})",
                    "save the file as UTF-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        return fail(f"invalid JSON at line {err.lineno}, column {err.colno}: {err.msg}",
                    "fix the syntax, e.g. a missing comma, quote or bracket")
    except RecursionError:
        return fail("JSON is nested too deeply", "flatten the structure")
    if not isinstance(data, dict):
        return fail(f"top level must be an object, not {_json_type(data)}",
                    "wrap the data in { ... }")
    return data, []


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if value is None:
        return "null"
    return {dict: "an object", list: "a list", str: "a string", int: "a number",
            float: "a number"}.get(type(value), type(value).__name__)


def files_digest(paths: Iterable[Path]) -> str:
    """Hash of the files' names and contents (missing files hash as absent)."""
    digest = hashlib.sha256(CACHE_VERSION.encode())
    for path in sorted(paths):
        digest.update(str(path.name).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
        digest.update(b"\0")
    return digest.hexdigest()


def _cache_file() -> Path | None:
    if os.environ.get("ADVISOR_NO_CACHE"):
        return None
    base = os.environ.get("ADVISOR_CACHE_DIR")
    if base:
        return Path(base) / "validated.json"
    try:
        from platformdirs import user_cache_dir
    except ImportError:  # pragma: no cover - platformdirs is a dependency
        return None
    return Path(user_cache_dir("pacs-advisor")) / "validated.json"


def cache_has(key: str) -> bool:
    """True when data with this digest was validated clean before."""
    path = _cache_file()
    try:
        return path is not None and key in json.loads(path.read_text("utf-8")).get("clean", [])
    except (OSError, ValueError, AttributeError):
        return False


def cache_add(key: str) -> None:
    """Remember a clean digest (best effort: a read-only cache dir is not an error)."""
    path = _cache_file()
    if path is None:
        return
    try:
        try:
            keys = list(json.loads(path.read_text("utf-8")).get("clean", []))
        except (OSError, ValueError, AttributeError):
            keys = []
        keys = ([k for k in keys if k != key] + [key])[-20:]
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"clean": keys}), "utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def schema_problems(data: Any, schema_name: str, schema_dir: Path, display: str) -> list[Problem]:
    """Validate `data` against `schema_dir/<schema_name>.schema.json`, every error a Problem."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match
    from referencing import Registry, Resource

    resources = []
    for path in sorted(schema_dir.glob("*.schema.json")):
        contents = json.loads(path.read_text("utf-8"))
        resources.append((contents["$id"], Resource.from_contents(contents)))
    registry: Registry[Any] = Registry().with_resources(resources)
    schema = json.loads((schema_dir / f"{schema_name}.schema.json").read_text("utf-8"))
    validator = Draft202012Validator(schema, registry=registry)
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        if error.validator in ("oneOf", "anyOf") and error.context:
            error = best_match(error.context)
        problems.append(Problem(display, error.json_path, *_explain(error)))
    return problems


def _explain(error: Any) -> tuple[str, str]:
    """A plain sentence and a hint for one jsonschema error."""
    kind, expected, value = error.validator, error.validator_value, error.instance
    if kind == "required":
        missing = [name for name in expected if isinstance(value, dict) and name not in value]
        name = missing[0] if missing else "?"
        return f"missing required field '{name}'", f"add \"{name}\""
    if kind == "additionalProperties":
        extra = sorted(set(value) - set(error.schema.get("properties", {})))
        return f"unknown field '{extra[0] if extra else '?'}'", "remove it or fix its spelling"
    if kind == "type":
        names = [expected] if isinstance(expected, str) else list(expected)
        wanted = " or ".join(_TYPE_NAMES.get(n, n) for n in names)
        return f"expected {wanted}, got {_json_type(value)}", f"use {wanted}"
    if kind == "pattern":
        if "a-z0-9" in str(expected):
            return (f"'{value}' is not a valid id",
                    "use lowercase letters, digits and single dashes, e.g. pacs-analyst")
        if "A-Z" in str(expected):
            return f"'{value}' must be lowercase", "write aliases in lowercase"
        return f"'{value}' does not have the expected form", f"match the pattern {expected}"
    if kind in ("enum", "const"):
        options = expected if kind == "enum" else [expected]
        listed = ", ".join(json.dumps(o) for o in options)
        return f"{json.dumps(value)} is not allowed here", f"use one of: {listed}"
    if kind == "minItems":
        return (f"needs at least {expected} item{'s' if expected != 1 else ''}, has {len(value)}",
                "add the missing entries")
    if kind == "uniqueItems":
        return "has duplicate entries", "remove the repeated entry"
    if kind in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        word = {"minimum": "less than", "exclusiveMinimum": "not greater than",
                "maximum": "greater than", "exclusiveMaximum": "not less than"}[kind]
        return f"{value} is {word} the limit of {expected}", "use a value within range"
    if kind in ("minLength", "maxLength"):
        word = "empty or too short" if kind == "minLength" else f"longer than {expected} characters"
        return f"text is {word}", "write a value of sensible length"
    return error.message[:200], "see the schema in knowledge/schema/"
