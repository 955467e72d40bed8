"""Read data files safely and validate them against their JSON Schemas.

Every problem is collected (never just the first), each with file, JSON path, a plain
message and a hint. jsonschema is imported only when validation actually runs: a cache
keyed by the files' hashes lets an unchanged data set skip it (fast start-up).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from advisor.config import MAX_DATA_FILE_BYTES
from advisor.errors import Problem
from advisor.knowledge.explain import json_syntax, json_type, schema_error

KNOWLEDGE_FILES = (
    "sources",
    "roles",
    "skills",
    "concepts",
    "certifications",
    "places",
    "pay",
    "progression",
    "resources",
    "facts",
)
CACHE_VERSION = "2"


class _BadJson(ValueError):
    """Valid JSON syntax the data must not use (NaN, a field given twice)."""


def read_json(path: Path, display: str) -> tuple[Any, list[Problem]]:
    """Parse one JSON file; on failure return (None, [the problem])."""

    def fail(message: str, hint: str) -> tuple[Any, list[Problem]]:
        return None, [Problem(display, "$", message, hint)]

    try:
        size = path.stat().st_size
        if size > MAX_DATA_FILE_BYTES:
            return fail(
                f"file is too large: {size} bytes, over the limit of {MAX_DATA_FILE_BYTES}",
                "keep only what the advisor needs; a data file is a few kB",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        where = (
            "from the project"
            if path.parent.name == "schema"
            else (f"(its format is in {path.parent.name}/schema/)")
        )
        return fail("file is missing", f"restore {path.name} {where}")
    except IsADirectoryError:
        return fail("this is a directory, not a file", f"replace it with the JSON file {path.name}")
    except OSError as err:
        return fail(f"file cannot be read ({err.strerror or err})", "check the file's permissions")
    if not raw.strip():
        return fail("file is empty", "it must hold a JSON object { ... }")
    if raw.startswith(b"\xef\xbb\xbf"):
        return fail("file starts with a byte order mark (BOM)", "save it as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line, column = _position(raw, err.start)
        return fail(
            f"file is not valid UTF-8: byte 0x{raw[err.start]:02x} at line {line}, column {column}",
            "save it as UTF-8, not Latin-1 or Windows-1252",
        )
    try:
        data = json.loads(text, parse_constant=_no_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as err:
        return fail(*json_syntax(err, text))
    except _BadJson as err:
        return fail(*err.args)
    except RecursionError:
        return fail("JSON is nested too deeply", "flatten the structure")
    if not isinstance(data, dict):
        return fail(f"top level must be an object, not {json_type(data)}", "wrap the data in { ... }")
    return data, []


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte offset."""
    return raw.count(b"\n", 0, offset) + 1, offset - (raw.rfind(b"\n", 0, offset) + 1) + 1


def _no_constant(name: str) -> Any:
    raise _BadJson(f"{name} is not a number JSON data may hold", "write a number or null")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _BadJson(
                f"field '{key}' appears twice in one object; only the last would count", "keep one of the two"
            )
        data[key] = value
    return data


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
    home = os.environ.get("ADVISOR_HOME")  # everything of the advisor's in one folder
    if home:
        return Path(home) / "cache" / "validated.json"
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
    from referencing.exceptions import Unresolvable

    validator, problems = _validator(schema_name, schema_dir)
    if validator is None:
        return problems
    try:
        errors = sorted(validator.iter_errors(data), key=lambda e: _sort_key(e.absolute_path))
    except Unresolvable as err:
        return [_broken_schema(schema_name, schema_dir, f"reference '{err.ref}' points nowhere")]
    found = [item for error in errors for item in schema_error(error)]
    for path, message, hint, covers in found:
        if any(other.startswith(covers) for other, *_ in found if covers):
            continue  # "needs amount or percent": a precise error about `amount` says more
        problem = Problem(display, path, message, hint)
        if problem not in problems:
            problems.append(problem)
    return problems


def _validator(schema_name: str, schema_dir: Path) -> tuple[Any, list[Problem]]:
    """A validator with every schema of the directory registered, or the schemas' problems."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.exceptions import CannotDetermineSpecification

    main = schema_dir / f"{schema_name}.schema.json"
    contents, problems = {}, []
    for path in sorted({main, *schema_dir.glob("*.schema.json")}):
        schema, found = read_json(path, f"{schema_dir.parent.name}/schema/{path.name}")
        problems += found
        contents[path] = schema
    if problems:
        return None, problems
    try:
        registry: Registry[Any] = Registry().with_resources(
            (schema.get("$id", path.name), Resource.from_contents(schema))
            for path, schema in contents.items()
        )
    except CannotDetermineSpecification:
        return None, [_broken_schema(schema_name, schema_dir, "a schema has no $schema")]
    broken = _schema_error(json.dumps(contents[main], sort_keys=True))
    if broken:
        return None, [_broken_schema(schema_name, schema_dir, broken)]
    return Draft202012Validator(contents[main], registry=registry), []


@functools.lru_cache(maxsize=64)
def _schema_error(schema_text: str) -> str | None:
    """What is wrong with a schema itself, or None (cached: checking a schema is slow)."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(json.loads(schema_text))
    except SchemaError as err:
        return f"{err.json_path}: {err.message}"
    return None


def _broken_schema(schema_name: str, schema_dir: Path, why: str) -> Problem:
    return Problem(
        f"{schema_dir.parent.name}/schema/{schema_name}.schema.json",
        "$",
        f"schema is broken: {why[:200]}",
        "restore the schema file from the project",
    )


def _sort_key(path: Iterable[Any]) -> tuple[tuple[int, int, str], ...]:
    """Sort $.roles[2] before $.roles[10]."""
    return tuple((0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in path)
