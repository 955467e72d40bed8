"""Read data files safely and validate them against their JSON Schemas.

Every problem is collected (never just the first), each with file, JSON path, a plain
message and a hint. jsonschema is imported only when validation actually runs: a cache
keyed by the files' hashes lets an unchanged data set skip it (fast start-up).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from advisor.config import MAX_DATA_FILE_BYTES
from advisor.errors import Problem
from advisor.knowledge.explain import json_syntax, json_type, schema_error
from advisor.userdirs import cache_dir, private_dir

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
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):  # a FIFO would hang, /dev/zero never ends
            return fail(
                "this is not a regular file (a pipe or a device?)",
                f"replace it with the JSON file {path.name}",
            )
        size = info.st_size
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
            if not stat.S_ISREG(path.stat().st_mode):
                raise OSError("not a regular file")  # never read a FIFO or a device
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
        digest.update(b"\0")
    return digest.hexdigest()


def _cache_file() -> Path | None:
    folder = cache_dir()
    return folder / "validated.json" if folder is not None else None


def _clean_mac(keys: list[str]) -> str | None:
    """MAC of the clean-digest list under the user's secret key (see model_cache)."""
    from advisor.knowledge.model_cache import secret_key

    secret = secret_key()
    if secret is None:
        return None
    return hmac.new(secret, json.dumps(keys).encode(), hashlib.sha256).hexdigest()


def _clean_keys(path: Path) -> list[str]:
    """The digests validated clean before, if the file is authentic; else none."""
    try:
        if path.stat().st_size > 64 * 1024:  # twenty digests and a MAC: anything bigger is not ours
            return []
        data = json.loads(path.read_text("utf-8"))
        keys = data["clean"]
        mac = data["mac"]
    except (OSError, ValueError, TypeError, KeyError):
        return []
    if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
        return []
    expected = _clean_mac(keys)
    ok = isinstance(mac, str) and expected is not None and hmac.compare_digest(mac, expected)
    return keys if ok else []


def cache_has(key: str) -> bool:
    """True when data with this digest was validated clean before."""
    path = _cache_file()
    return path is not None and path.is_file() and key in _clean_keys(path)


def cache_add(key: str) -> None:
    """Remember a clean digest (best effort: a read-only cache dir is not an error)."""
    path = _cache_file()
    if path is None:
        return
    keys = ([k for k in (_clean_keys(path) if path.is_file() else []) if k != key] + [key])[-20:]
    mac = _clean_mac(keys)
    if mac is None:
        return
    try:
        private_dir(path.parent)
        import tempfile  # only when writing: not imported at a cached start

        fd, tmp = tempfile.mkstemp(prefix=f"validated.{os.getpid()}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(json.dumps({"clean": keys, "mac": mac}))
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
