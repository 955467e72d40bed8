"""Load and validate the knowledge and intent directories as one data set."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from advisor.errors import DataError, Problem
from advisor.knowledge.catalog import Intent, build_intent, check_catalog
from advisor.knowledge.checks import NODE_KINDS, check_semantics
from advisor.knowledge.graph import Graph
from advisor.knowledge.loading import (
    KNOWLEDGE_FILES,
    cache_add,
    cache_has,
    files_digest,
    read_json,
    schema_problems,
)

PACKAGE_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_KNOWLEDGE = PACKAGE_ROOT / "knowledge"
DEFAULT_INTENTS = PACKAGE_ROOT / "intents"
# in intents/ but not intents: word lists, each with its schema
LEXICON_FILES = ("slots.json", "posting.json", "lexicon.json")


@dataclass(frozen=True)
class DataSet:
    graph: Graph
    intents: tuple[Intent, ...]
    slots: dict[str, Any]
    posting: dict[str, Any]  # intents/posting.json: the job-posting lexicon


def _intent_files(intents_dir: Path) -> list[Path]:
    return sorted(p for p in intents_dir.glob("*.json") if p.name not in LEXICON_FILES)


def _read_all(
    kdir: Path, idir: Path, use_schema: bool
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any], list[Problem]]:
    problems: list[Problem] = []
    knowledge: dict[str, Any] = {}
    if not kdir.is_dir():
        raise DataError(
            [
                Problem(
                    str(kdir),
                    "$",
                    "knowledge directory not found",
                    "pass an existing directory with --knowledge",
                )
            ]
        )
    if not idir.is_dir():
        raise DataError(
            [
                Problem(
                    str(idir), "$", "intents directory not found", "pass an existing directory with --intents"
                )
            ]
        )
    for name in KNOWLEDGE_FILES:
        data, found = read_json(kdir / f"{name}.json", f"{name}.json")
        if data is not None and use_schema:
            found = schema_problems(data, name, kdir / "schema", f"{name}.json")
        problems += found
        if data is not None and not found:
            knowledge[name] = data
    intents: dict[str, Any] = {}
    for path in _intent_files(idir):
        data, found = read_json(path, f"intents/{path.name}")
        if data is not None and use_schema:
            found = schema_problems(data, "intent", idir / "schema", f"intents/{path.name}")
        problems += found
        if data is not None and not found:
            intents[path.stem] = data
    lexicons: dict[str, Any] = {}
    for name in LEXICON_FILES:
        stem = name.removesuffix(".json")
        data, found = read_json(idir / name, f"intents/{name}")
        if data is not None and use_schema:
            found = schema_problems(data, stem, idir / "schema", f"intents/{name}")
        problems += found
        lexicons[stem] = data
    return knowledge, intents, lexicons, problems


def _posting_problems(knowledge: dict[str, Any], lexicons: dict[str, Any]) -> list[Problem]:
    """Meaning checks of the posting lexicon against the graph's ids (once the files it
    points into loaded cleanly: otherwise their own problems are reported)."""
    from advisor.posting.lexicon import check  # the posting package imports the graph

    posting = lexicons.get("posting")
    if posting is None or not {"roles", "skills", "concepts", "certifications"} <= set(knowledge):
        return []
    types = {
        node["id"]: kind for file, key, kind in NODE_KINDS for node in knowledge.get(file, {}).get(key, [])
    }
    return check(posting, types)


def validate(knowledge_dir: Path | None = None, intents_dir: Path | None = None) -> list[Problem]:
    """Every problem in the data set (parse, schema, meaning); [] when clean."""
    kdir, idir = knowledge_dir or DEFAULT_KNOWLEDGE, intents_dir or DEFAULT_INTENTS
    try:
        knowledge, intents, lexicons, problems = _read_all(kdir, idir, use_schema=True)
    except DataError as err:
        return err.problems
    problems += check_semantics(knowledge) + _posting_problems(knowledge, lexicons)
    present = {p.stem for p in _intent_files(idir)}
    return list(dict.fromkeys(problems + check_catalog(intents, present)))  # each problem once


def data_paths(kdir: Path, idir: Path) -> list[Path]:
    """Every file the data set is read from (data and schemas)."""
    if not (kdir.is_dir() and idir.is_dir()):
        return []
    return (
        [kdir / f"{n}.json" for n in KNOWLEDGE_FILES]
        + _intent_files(idir)
        + [
            *(idir / name for name in LEXICON_FILES),
            *sorted((kdir / "schema").glob("*.json")),
            *sorted((idir / "schema").glob("*.json")),
        ]
    )


def load(
    knowledge_dir: Path | None = None, intents_dir: Path | None = None, digest: str | None = None
) -> DataSet:
    """Read, check and build the data set; raise DataError listing every problem.

    The JSON Schema pass is skipped when the files' digest was validated clean before.
    `digest`: the files' digest when the caller has it already (saves reading them twice).
    """
    kdir, idir = knowledge_dir or DEFAULT_KNOWLEDGE, intents_dir or DEFAULT_INTENTS
    if digest is None:
        paths = data_paths(kdir, idir)
        digest = files_digest(paths) if paths else ""
    cached = bool(digest) and cache_has(digest)
    knowledge, intents, lexicons, problems = _read_all(kdir, idir, use_schema=not cached)
    if not problems and not cached:  # a digest in the cache passed every check before
        problems = check_semantics(knowledge) + check_catalog(intents, set(intents))
        problems += _posting_problems(knowledge, lexicons)
    if problems:
        raise DataError(problems)
    if not cached:
        cache_add(digest)
    intent_list = tuple(build_intent(intents[k]) for k in sorted(intents))
    slots = {**lexicons["slots"], "lexicon": lexicons["lexicon"]}  # chat-speak and act cues
    return DataSet(Graph(knowledge), intent_list, slots, lexicons["posting"])


def load_graph(knowledge_dir: Path | None = None) -> Graph:
    """Only the knowledge graph (validated in full), e.g. for tools and tests."""
    kdir = knowledge_dir or DEFAULT_KNOWLEDGE
    problems: list[Problem] = []
    knowledge: dict[str, Any] = {}
    for name in KNOWLEDGE_FILES:
        data, found = read_json(kdir / f"{name}.json", f"{name}.json")
        if data is not None:
            found = schema_problems(data, name, kdir / "schema", f"{name}.json")
        problems += found
        if data is not None and not found:
            knowledge[name] = data
    problems = problems or check_semantics(knowledge)
    if problems:
        raise DataError(problems)
    return Graph(knowledge)
