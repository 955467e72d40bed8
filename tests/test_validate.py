"""Broken data files are rejected with one plain line per problem, word for word.

Each case copies knowledge/ and intents/ to a temp dir, breaks one thing (or two) and
pins the complete list of lines `advisor validate` prints: file, JSON path, message, hint.
"""

from __future__ import annotations

import copy
import io
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pytest

from advisor import Advisor, DataError
from advisor.config import MAX_DATA_FILE_BYTES
from advisor.knowledge.dataset import DEFAULT_INTENTS, DEFAULT_KNOWLEDGE, validate
from advisor.terminal.cli import run


@dataclass(frozen=True)
class DataCopy:
    """A scratch copy of the shipped data; names are "roles" or "intents/thanks"."""

    knowledge: Path
    intents: Path

    def path(self, name: str) -> Path:
        if name.startswith("intents/"):
            return self.intents / f"{name.removeprefix('intents/')}.json"
        return self.knowledge / f"{name}.json"

    def edit(self, name: str, change: Callable[[Any], None]) -> None:
        path = self.path(name)
        data = json.loads(path.read_text("utf-8"))
        change(data)
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False), "utf-8")

    def problems(self) -> list[str]:
        return [p.line() for p in validate(self.knowledge, self.intents)]


Mutation = Callable[[DataCopy], None]


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


def put(name: str, path: tuple[Any, ...], value: Any) -> Mutation:
    """Set the value at `path` (a missing last key is added)."""

    def change(data: Any) -> None:
        _at(data, path[:-1])[path[-1]] = copy.deepcopy(value)

    return lambda d: d.edit(name, change)


def drop(name: str, *paths: tuple[Any, ...]) -> Mutation:
    def change(data: Any) -> None:
        for path in paths:
            del _at(data, path[:-1])[path[-1]]

    return lambda d: d.edit(name, change)


def insert(name: str, path: tuple[Any, ...], value: Any, index: int = 0) -> Mutation:
    """Insert into the list at `path`."""
    return lambda d: d.edit(name, lambda data: _at(data, path).insert(index, copy.deepcopy(value)))


def clone(name: str, path: tuple[Any, ...], index: int, **changes: Any) -> Mutation:
    """Copy the list entry `path[-1]` to position `index` of the same list, with changes."""

    def change(data: Any) -> None:
        entry = {**copy.deepcopy(_at(data, path)), **changes}
        _at(data, path[:-1]).insert(index, entry)

    return lambda d: d.edit(name, change)


def write(name: str, content: str | bytes) -> Mutation:
    raw = content.encode("utf-8") if isinstance(content, str) else content

    def apply(d: DataCopy) -> None:
        d.path(name).write_bytes(raw)

    return apply


def delete(name: str) -> Mutation:
    return lambda d: d.path(name).unlink()


def both(*mutations: Mutation) -> Mutation:
    def apply(d: DataCopy) -> None:
        for mutation in mutations:
            mutation(d)

    return apply


def prepend_bom(name: str) -> Mutation:
    def apply(d: DataCopy) -> None:
        d.path(name).write_bytes(b"\xef\xbb\xbf" + d.path(name).read_bytes())

    return apply


def make_directory(name: str) -> Mutation:
    def apply(d: DataCopy) -> None:
        d.path(name).unlink()
        d.path(name).mkdir()

    return apply


def delete_schema(name: str) -> Mutation:
    return lambda d: (d.knowledge / "schema" / f"{name}.schema.json").unlink()


def huge(name: str) -> Mutation:
    """A file just over the size limit (sparse: no 64 MiB are written)."""

    def mutate(d: Any) -> None:
        with open(d.knowledge / f"{name}.json", "r+b") as handle:
            handle.truncate(MAX_DATA_FILE_BYTES + 32)

    return mutate


RANGE = "use a value within range"
SAME_INTENT = "keep each example under one intent"

CASES = [
    # --- the file itself ---------------------------------------------------------------
    pytest.param(
        write("skills", ""),
        [
            "skills.json: $: file is empty (hint: it must hold a JSON object { ... })",
        ],
        id="empty-file",
    ),
    pytest.param(
        write("skills", " \n\t\n"),
        [
            "skills.json: $: file is empty (hint: it must hold a JSON object { ... })",
        ],
        id="whitespace-only",
    ),
    pytest.param(
        prepend_bom("roles"),
        [
            "roles.json: $: file starts with a byte order mark (BOM) (hint: save it as UTF-8 without BOM)",
        ],
        id="bom",
    ),
    pytest.param(
        write("places", '{\n  "places": [\n    {"id": "s\u00e3o-paulo"}\n  ]\n}\n'.encode("latin-1")),
        [
            "places.json: $: file is not valid UTF-8: byte 0xe3 at line 3, column 14 "
            "(hint: save it as UTF-8, not Latin-1 or Windows-1252)",
        ],
        id="latin-1",
    ),
    pytest.param(
        huge("resources"),
        [
            f"resources.json: $: file is too large: {MAX_DATA_FILE_BYTES + 32} bytes, over the limit of "
            f"{MAX_DATA_FILE_BYTES} "
            "(hint: keep only what the advisor needs; a data file is a few kB)",
        ],
        id="too-large",
    ),
    pytest.param(
        delete("places"),
        [
            "places.json: $: file is missing (hint: restore places.json "
            "(its format is in knowledge/schema/))",
        ],
        id="missing-file",
    ),
    pytest.param(
        make_directory("places"),
        [
            "places.json: $: this is a directory, not a file "
            "(hint: replace it with the JSON file places.json)",
        ],
        id="directory",
    ),
    pytest.param(
        delete_schema("places"),
        [
            "knowledge/schema/places.schema.json: $: file is missing "
            "(hint: restore places.schema.json from the project)",
        ],
        id="schema-file-missing",
    ),
    # --- JSON syntax -------------------------------------------------------------------
    pytest.param(
        write("roles", '{\n  "roles": [\n    {"id": "pacs-analyst",'),
        [
            "roles.json: $: invalid JSON: the file ends too early, at line 3, column 27 "
            "(hint: the end looks cut off; restore the missing part and the closing brackets)",
        ],
        id="truncated",
    ),
    pytest.param(
        write("sources", '{\n  "sources": [\n    {"id": "seed",}\n  ]\n}\n'),
        [
            "sources.json: $: invalid JSON at line 3, column 19: expected a field name in double "
            "quotes (hint: remove the comma before } or use double quotes instead of single quotes)",
        ],
        id="trailing-comma",
    ),
    pytest.param(
        write("sources", '{\n  "sources": [\n    {"id": "seed" "title": "x"}\n  ]\n}\n'),
        [
            "sources.json: $: invalid JSON at line 3, column 19: a comma is missing between two "
            "entries (hint: add the comma)",
        ],
        id="missing-comma",
    ),
    pytest.param(
        write("sources", '{"sources": []}\n{"sources": []}\n'),
        [
            "sources.json: $: invalid JSON at line 2, column 1: there is more text after the end of "
            "the JSON data (hint: remove it or move it inside the top-level object)",
        ],
        id="two-objects",
    ),
    pytest.param(
        write("sources", '{"sources": [], "sources": []}'),
        [
            "sources.json: $: field 'sources' appears twice in one object; only the last would "
            "count (hint: keep one of the two)",
        ],
        id="duplicate-key",
    ),
    pytest.param(
        write("sources", '{"sources": [{"id": "x", "n": NaN}]}'),
        [
            "sources.json: $: NaN is not a number JSON data may hold (hint: write a number or null)",
        ],
        id="nan",
    ),
    pytest.param(
        write("places", "[]"),
        [
            "places.json: $: top level must be an object, not a list (hint: wrap the data in { ... })",
        ],
        id="top-level-list",
    ),
    # --- schema: types, fields, values -------------------------------------------------
    pytest.param(
        put("roles", ("roles", 0, "aliases"), "pacs analyst"),
        [
            "roles.json: $.roles[0].aliases: expected a list, got a string (hint: write a list [ ... ])",
        ],
        id="aliases-a-string",
    ),
    pytest.param(
        drop("pay", ("facts", 0, "source")),
        [
            "pay.json: $.facts[0]: missing required field 'source' (hint: add \"source\")",
        ],
        id="pay-source-missing",
    ),
    pytest.param(
        drop("pay", ("facts", 0, "source"), ("facts", 0, "quote")),
        [
            "pay.json: $.facts[0]: missing required field 'source' (hint: add \"source\")",
            "pay.json: $.facts[0]: missing required field 'quote' (hint: add \"quote\")",
        ],
        id="pay-source-and-quote-missing",
    ),
    pytest.param(
        put("pay", ("facts", 0, "amount"), "73334"),
        [
            "pay.json: $.facts[0].amount: expected a number or null, got a string "
            "(hint: write a number without quotes, or null)",
        ],
        id="amount-a-string",
    ),
    pytest.param(
        put("pay", ("facts", 0, "amount"), -5),
        [
            f"pay.json: $.facts[0].amount: -5 is out of range: it must be at least 0 (hint: {RANGE})",
        ],
        id="amount-negative",
    ),
    pytest.param(
        put("pay", ("facts", 0, "amount"), None),
        [
            "pay.json: $.facts[0]: needs a value for 'amount', 'percent' or 'delta' "
            "(hint: give one of them a value)",
        ],
        id="amount-null-without-percent",
    ),
    pytest.param(
        both(put("pay", ("facts", 0, "amount"), None), put("pay", ("facts", 0, "place"), "US")),
        [
            "pay.json: $.facts[0]: needs a value for 'amount', 'percent' or 'delta' "
            "(hint: give one of them a value)",
            "pay.json: $.facts[0].place: 'US' is not a valid id "
            "(hint: use lowercase letters, digits and single dashes, e.g. pacs-analyst)",
        ],
        id="amount-null-and-bad-place",
    ),
    pytest.param(
        put("progression", ("transitions", 0, "years"), 0),
        [
            "progression.json: $.transitions[0].years: 0 is out of range: it must be greater than 0 "
            f"(hint: {RANGE})",
        ],
        id="years-zero",
    ),
    pytest.param(
        put("roles", ("roles", 0, "level"), "expert"),
        [
            "roles.json: $.roles[0].level: 'expert' is not allowed here "
            "(hint: use one of: entry, mid, senior, leadership)",
        ],
        id="unknown-level",
    ),
    pytest.param(
        both(put("roles", ("roles", 10, "level"), "x"), put("roles", ("roles", 2, "level"), "y")),
        [
            "roles.json: $.roles[2].level: 'y' is not allowed here "
            "(hint: use one of: entry, mid, senior, leadership)",
            "roles.json: $.roles[10].level: 'x' is not allowed here "
            "(hint: use one of: entry, mid, senior, leadership)",
        ],
        id="problems-in-file-order",
    ),
    pytest.param(
        put("skills", ("skills", 0, "id"), "DICOM_Basics"),
        [
            "skills.json: $.skills[0].id: 'DICOM_Basics' is not a valid id "
            "(hint: use lowercase letters, digits and single dashes, e.g. pacs-analyst)",
        ],
        id="bad-id",
    ),
    pytest.param(
        insert("skills", ("skills", 0, "aliases"), "DICOM Standard"),
        [
            "skills.json: $.skills[0].aliases[0]: 'DICOM Standard' must be lowercase "
            "(hint: write aliases in lowercase)",
        ],
        id="alias-uppercase",
    ),
    pytest.param(
        insert("skills", ("skills", 0, "aliases"), "dicom"),
        [
            "skills.json: $.skills[0].aliases[1]: 'dicom' is listed twice (hint: remove the repeated entry)",
        ],
        id="alias-twice",
    ),
    pytest.param(
        insert("skills", ("skills", 0, "aliases"), ""),
        [
            "skills.json: $.skills[0].aliases[0]: text is empty (hint: write the text or remove the entry)",
        ],
        id="alias-empty",
    ),
    pytest.param(
        insert("skills", ("skills", 0, "aliases"), "!!!"),
        [
            "skills.json: $.skills[0].aliases[0]: alias '!!!' has no letters or digits (hint: remove it)",
        ],
        id="alias-punctuation",
    ),
    pytest.param(
        put("roles", ("roles", 0, "salary"), 90000),
        [
            "roles.json: $.roles[0].salary: unknown field 'salary' (hint: remove it or fix its spelling)",
        ],
        id="unknown-field",
    ),
    pytest.param(
        both(put("roles", ("roles", 0, "sumary"), "x"), drop("roles", ("roles", 0, "summary"))),
        [
            "roles.json: $.roles[0]: missing required field 'summary' (hint: add \"summary\")",
            "roles.json: $.roles[0].sumary: unknown field 'sumary' (hint: did you mean 'summary'?)",
        ],
        id="misspelled-field",
    ),
    pytest.param(
        put("sources", ("sources", 0, "url"), "pacsbootcamp.com"),
        [
            "sources.json: $.sources[0].url: 'pacsbootcamp.com' is not a web address "
            "(hint: start it with https:// or use null)",
        ],
        id="url-without-scheme",
    ),
    pytest.param(
        put("sources", ("sources", 0, "date"), "12/2021"),
        [
            "sources.json: $.sources[0].date: '12/2021' is not a date "
            "(hint: write it as YYYY, YYYY-MM or YYYY-MM-DD, or use null)",
        ],
        id="date-format",
    ),
    pytest.param(
        put("roles", ("roles", 0, "onet", 0), "15-1211"),
        [
            "roles.json: $.roles[0].onet[0]: '15-1211' is not an O*NET code (hint: write it like 15-1211.01)",
        ],
        id="onet-code",
    ),
    # --- requirement items: the schema picks the branch by "kind" ----------------------
    pytest.param(
        put(
            "roles",
            ("roles", 0, "requirements", 1, "options", 0, "items", 0),
            {"kind": "course", "ref": "dicom"},
        ),
        [
            "roles.json: $.roles[0].requirements[1].options[0].items[0].kind: 'course' is not a "
            "known kind (hint: use one of: skill, certification, degree, experience)",
        ],
        id="item-unknown-kind",
    ),
    pytest.param(
        put("roles", ("roles", 0, "requirements", 1, "options", 0, "items", 0), {"ref": "dicom"}),
        [
            "roles.json: $.roles[0].requirements[1].options[0].items[0]: missing required field "
            "'kind' (hint: add \"kind\": one of skill, certification, degree, experience)",
        ],
        id="item-without-kind",
    ),
    pytest.param(
        put(
            "roles",
            ("roles", 0, "requirements", 0, "options", 0, "items", 0),
            {"kind": "degree", "level": "phd", "major": "physics"},
        ),
        [
            "roles.json: $.roles[0].requirements[0].options[0].items[0].level: 'phd' is not allowed "
            "here (hint: use one of: high-school, associate, bachelor, master)",
            "roles.json: $.roles[0].requirements[0].options[0].items[0].major: unknown field "
            "'major' (hint: remove it or fix its spelling)",
        ],
        id="item-degree-two-errors",
    ),
    pytest.param(
        put(
            "roles",
            ("roles", 0, "requirements", 0, "options", 1, "items", 0),
            {"kind": "experience", "area": "it", "role": "it-support"},
        ),
        [
            "roles.json: $.roles[0].requirements[0].options[1].items[0]: has 'area' and 'role', "
            "but only one of them is allowed (hint: remove the others)",
        ],
        id="item-experience-area-and-role",
    ),
    pytest.param(
        put(
            "roles",
            ("roles", 0, "requirements", 0, "options", 1, "items", 0),
            {"kind": "experience", "years": 2},
        ),
        [
            "roles.json: $.roles[0].requirements[0].options[1].items[0]: needs a value for 'area' "
            "or 'role' (hint: give one of them a value)",
        ],
        id="item-experience-neither",
    ),
    pytest.param(
        put("roles", ("roles", 0, "requirements", 1, "options"), []),
        [
            "roles.json: $.roles[0].requirements[1].options: list is empty; it needs at least 1 "
            "(hint: add 1 more)",
        ],
        id="requirement-without-options",
    ),
    # --- meaning: references ------------------------------------------------------------
    pytest.param(
        put("roles", ("roles", 0, "requirements", 1, "options", 0, "items", 0, "ref"), "dicomm"),
        [
            "roles.json: $.roles[0].requirements[1].options[0].items[0].ref: unknown skill "
            "'dicomm' (hint: did you mean 'dicom'? Ids are defined in skills.json)",
        ],
        id="requirement-unknown-skill",
    ),
    pytest.param(
        put("roles", ("roles", 0, "requirements", 2, "options", 0, "items", 0, "ref"), "cpxx"),
        [
            "roles.json: $.roles[0].requirements[2].options[0].items[0].ref: unknown certification "
            "'cpxx' (hint: use an id defined in certifications.json, or add it there)",
        ],
        id="requirement-unknown-certification",
    ),
    pytest.param(
        put("roles", ("roles", 0, "requirements", 0, "options", 1, "items", 0, "area"), "allied-healthcare"),
        [
            "roles.json: $.roles[0].requirements[0].options[1].items[0].area: unknown experience "
            "area 'allied-healthcare' (hint: did you mean 'allied-health'? Ids are defined in the "
            "experience_areas of roles.json)",
        ],
        id="requirement-unknown-area",
    ),
    pytest.param(
        put("pay", ("facts", 0, "role"), "pacs-analyts"),
        [
            "pay.json: $.facts[0].role: unknown role 'pacs-analyts' "
            "(hint: did you mean 'pacs-analyst'? Ids are defined in roles.json)",
        ],
        id="pay-unknown-role",
    ),
    pytest.param(
        put("pay", ("facts", 0, "place"), "atlantis"),
        [
            "pay.json: $.facts[0].place: unknown place 'atlantis' "
            "(hint: use an id defined in places.json, or add it there)",
        ],
        id="pay-unknown-place",
    ),
    pytest.param(
        put("pay", ("facts", 0, "kind"), "median"),
        [
            "pay.json: $.facts[0].kind: unknown pay kind 'median' "
            "(hint: use an id defined in the kinds of pay.json, or add it there)",
        ],
        id="pay-unknown-kind",
    ),
    pytest.param(
        put("certifications", ("certifications", 0, "issuer"), "abiii"),
        [
            "certifications.json: $.certifications[0].issuer: unknown organisation 'abiii' "
            "(hint: did you mean 'abii'? Ids are defined in the organisations of concepts.json)",
        ],
        id="certification-unknown-issuer",
    ),
    pytest.param(
        put("skills", ("skills", 0, "sources", 0), "wikipedia"),
        [
            "skills.json: $.skills[0].sources[0]: unknown source 'wikipedia' "
            "(hint: use an id defined in sources.json, or add it there)",
        ],
        id="skill-unknown-source",
    ),
    pytest.param(
        put("concepts", ("concepts", 0, "related", 0), "dicomweb-rs"),
        [
            "concepts.json: $.concepts[0].related[0]: unknown id 'dicomweb-rs' (hint: did you mean "
            "'dicomweb'? Ids are defined in roles, skills, concepts, certifications, places or "
            "resources)",
        ],
        id="concept-related-unknown",
    ),
    pytest.param(
        put("resources", ("resources", 0, "covers", 0), "imaging-informatix"),
        [
            "resources.json: $.resources[0].covers[0]: unknown id 'imaging-informatix' (hint: did "
            "you mean 'imaging-informatics'? Ids are defined in roles, skills, concepts, "
            "certifications, places or resources)",
        ],
        id="resource-covers-unknown",
    ),
    pytest.param(
        put("progression", ("transitions", 0, "to"), "pacs-boss"),
        [
            "progression.json: $.transitions[0].to: unknown role 'pacs-boss' "
            "(hint: use an id defined in roles.json, or add it there)",
        ],
        id="progression-unknown-role",
    ),
    # --- meaning: duplicates, aliases, cycles, pay --------------------------------------
    pytest.param(
        clone("roles", ("roles", 0), 1, aliases=["pacs analyst two"]),
        [
            "roles.json: $.roles[1].id: duplicate id 'pacs-analyst', already used by roles.json "
            "$.roles[0] (hint: give each node its own id; ids are shared by all files)",
        ],
        id="duplicate-role-id",
    ),
    pytest.param(
        clone("skills", ("skills", 0), 1, id="cpsa", aliases=[]),
        [
            "certifications.json: $.certifications[2].id: duplicate id 'cpsa', already used by "
            "skills.json $.skills[1] (hint: give each node its own id; ids are shared by all files)",
        ],
        id="duplicate-id-across-files",
    ),
    pytest.param(
        clone("pay", ("facts", 0), 1),
        [
            "pay.json: $.facts[1].id: duplicate id 'pa-range-low', already used by $.facts[0] "
            "(hint: give each entry its own id)",
        ],
        id="duplicate-pay-fact-id",
    ),
    pytest.param(
        insert("roles", ("roles", 1, "aliases"), "pacs analyst"),
        [
            "roles.json: $.roles[1].aliases[0]: alias 'pacs analyst' names both 'pacs-analyst' and "
            "'pacs-administrator' (hint: keep the alias on one node only)",
        ],
        id="alias-of-another-role",
    ),
    pytest.param(
        put("certifications", ("certifications", 2, "builds_on"), ["cpsm"]),
        [
            "certifications.json: $.certifications[2].builds_on[0]: builds_on links form a cycle: "
            "cpsa -> cpsm -> cpsa (hint: remove one of these links)",
        ],
        id="cpsa-builds-on-cpsm",
    ),
    pytest.param(
        put("skills", ("skills", 3, "builds_on"), ["dicom"]),
        [
            "skills.json: $.skills[0].builds_on[0]: builds_on links form a cycle: "
            "dicom -> networking -> dicom (hint: remove one of these links)",
        ],
        id="skill-cycle",
    ),
    pytest.param(
        put("skills", ("skills", 2, "builds_on"), ["it-fundamentals"]),
        [
            "skills.json: $.skills[2].builds_on[0]: 'it-fundamentals' builds on itself "
            "(hint: remove this link)",
        ],
        id="skill-builds-on-itself",
    ),
    pytest.param(
        put("places", ("places", 1, "within"), "california"),
        [
            "places.json: $.places[1].within: 'california' is within itself "
            "(hint: point it at another entry)",
        ],
        id="place-within-itself",
    ),
    pytest.param(
        insert(
            "progression",
            ("transitions",),
            {
                "from": "imaging-director",
                "to": "pacs-administrator",
                "years": None,
                "note": "Back to the bench.",
                "source": "seed",
            },
        ),
        [
            "progression.json: $.transitions[1]: transitions form a cycle: pacs-administrator -> "
            "pacs-manager -> imaging-director -> pacs-administrator "
            "(hint: remove one of these links)",
        ],
        id="leads-to-cycle",
    ),
    pytest.param(
        put("pay", ("facts", 19, "relative_to"), "padm-avg"),
        [
            "pay.json: $.facts[19].relative_to: compares to 'padm-avg', a figure for "
            "pacs-administrator, not ris-analyst (hint: compare with a figure of the same role)",
        ],
        id="relative-to-another-role",
    ),
    pytest.param(
        put("pay", ("facts", 19, "relative_to"), "ris-tn"),
        [
            "pay.json: $.facts[19].relative_to: a pay fact cannot be relative to itself "
            "(hint: point it at the figure it compares to)",
        ],
        id="relative-to-itself",
    ),
    pytest.param(
        put("pay", ("facts", 19, "relative_to"), "ris-nationl"),
        [
            "pay.json: $.facts[19].relative_to: unknown pay fact 'ris-nationl' "
            "(hint: did you mean 'ris-national'? Ids are defined in the facts of pay.json)",
        ],
        id="relative-to-unknown",
    ),
    # --- intents and slots ---------------------------------------------------------------
    pytest.param(
        insert("intents/thanks", ("examples",), "hello"),
        [
            f"intents/thanks.json: $.examples[0]: example 'hello' is also listed under intent 'greeting' "
            f"(hint: {SAME_INTENT})",
        ],
        id="example-under-two-intents",
    ),
    pytest.param(
        insert("intents/thanks", ("examples",), "thanks"),
        [
            "intents/thanks.json: $.examples[2]: 'thanks' is listed twice (hint: remove the repeated entry)",
        ],
        id="example-twice-in-one-intent",
    ),
    pytest.param(
        put("intents/thanks", ("name",), "thank_you"),
        [
            "intents/thanks.json: $.name: name 'thank_you' does not match the file name "
            "(hint: rename the file to thank_you.json or fix the name)",
        ],
        id="intent-name-not-file-name",
    ),
    pytest.param(
        put("intents/thanks", ("examples",), ["thanks", "thank you", "cheers"]),
        [
            "intents/thanks.json: $.examples: has 3 entries; it needs at least 15 (hint: add 12 more)",
        ],
        id="intent-with-three-examples",
    ),
    pytest.param(
        delete("intents/thanks"),
        [
            "intents/thanks.json: $: required intent is missing (hint: add intents/thanks.json)",
        ],
        id="required-intent-missing",
    ),
    pytest.param(
        put("intents/greeting", ("replies", "text"), 5),
        [
            "intents/greeting.json: $.replies.text: expected a string or a list, got a number "
            "(hint: write text in double quotes, or a list [ ... ])",
        ],
        id="reply-a-number",
    ),
    pytest.param(
        put("intents/salary", ("entities", "accepts", 0), "salary"),
        [
            "intents/salary.json: $.entities.accepts[0]: 'salary' is not allowed here (hint: use one "
            "of: role, certification, skill, concept, organisation, place, resource, years, degree, "
            "seniority, field)",
        ],
        id="intent-unknown-entity-type",
    ),
    pytest.param(
        put("intents/thanks", ("keywords", 0), "x" * 61),
        [
            "intents/thanks.json: $.keywords[0]: text is 61 characters long; the limit is 60 "
            "(hint: shorten it)",
        ],
        id="keyword-too-long",
    ),
    pytest.param(
        write("intents/slots", '{"degree": {'),
        [
            "intents/slots.json: $: invalid JSON: the file ends too early, at line 1, column 13 "
            "(hint: the end looks cut off; restore the missing part and the closing brackets)",
        ],
        id="slots-cut-off",
    ),
    pytest.param(
        put("intents/slots", ("fields",), "radiology"),
        [
            "intents/slots.json: $.fields: expected a list, got a string (hint: write a list [ ... ])",
        ],
        id="slots-fields-a-string",
    ),
    pytest.param(
        put("intents/slots", ("seniority", "expert"), ["expert"]),
        [
            "intents/slots.json: $.seniority.expert: field name 'expert' is not allowed here "
            "(hint: use one of: entry, mid, senior)",
        ],
        id="slots-unknown-seniority",
    ),
    pytest.param(
        insert("intents/slots", ("known_words",), "two words"),
        [
            "intents/slots.json: $.known_words[0]: 'two words' must be one lowercase word "
            "(hint: use lowercase letters and digits, no spaces)",
        ],
        id="slots-known-word-with-space",
    ),
    # --- what backgrounds, degrees and durations cover (issue 10) ----------------------
    pytest.param(
        put("roles", ("degree_titles", 0, "field"), "nursin"),
        [
            "roles.json: $.degree_titles[0].field: unknown degree field 'nursin' "
            "(hint: did you mean 'nursing'? Ids are defined in the degree_fields of roles.json)",
        ],
        id="degree-title-unknown-field",
    ),
    pytest.param(
        put("roles", ("degree_fields", 0, "covers", "skills", 0), "it-fundamental"),
        [
            "roles.json: $.degree_fields[0].covers.skills[0]: unknown skill 'it-fundamental' "
            "(hint: did you mean 'it-fundamentals'? Ids are defined in skills.json)",
        ],
        id="degree-field-covers-unknown-skill",
    ),
    pytest.param(
        drop("roles", ("roles", 25, "provides", "source")),
        [
            "roles.json: $.roles[25].provides: a background's provides has no source "
            '(hint: add "source" (an id from sources.json) and the "quote" it says it with)',
        ],
        id="background-provides-unsourced",
    ),
    pytest.param(
        put("progression", ("durations", 0, "steps", 0), "certification:ciipp"),
        [
            "progression.json: $.durations[0].steps[0]: unknown certification 'ciipp' "
            "(hint: did you mean 'ciip'? Ids are defined in certifications.json)",
        ],
        id="duration-unknown-step",
    ),
    pytest.param(
        delete("intents/slots"),
        [
            "intents/slots.json: $: file is missing (hint: restore slots.json "
            "(its format is in intents/schema/))",
        ],
        id="slots-missing",
    ),
]
CASE_BY_ID = {case.id: cast(tuple[Mutation, list[str]], case.values) for case in CASES}


@pytest.fixture(autouse=True)
def _no_validation_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADVISOR_NO_CACHE", "1")


@pytest.fixture
def data(tmp_path: Path) -> DataCopy:
    """A fresh copy of the shipped knowledge and intents."""
    copied = DataCopy(tmp_path / "knowledge", tmp_path / "intents")
    shutil.copytree(DEFAULT_KNOWLEDGE, copied.knowledge)
    shutil.copytree(DEFAULT_INTENTS, copied.intents)
    return copied


def cli(*argv: str | Path) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = run([str(a) for a in argv], io.StringIO(), stdout, stderr)
    return code, stdout.getvalue(), stderr.getvalue()


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 35


def test_the_copy_is_clean(data: DataCopy) -> None:
    assert data.problems() == []


@pytest.mark.parametrize(("mutate", "expected"), CASES)
def test_broken_data_is_reported_word_for_word(data: DataCopy, mutate: Mutation, expected: list[str]) -> None:
    mutate(data)
    assert data.problems() == expected


@pytest.mark.parametrize(
    "case", ["bom", "amount-a-string", "cpsa-builds-on-cpsm", "example-under-two-intents", "slots-missing"]
)
def test_validate_command_prints_each_problem_and_exits_2(data: DataCopy, case: str) -> None:
    mutate, expected = CASE_BY_ID[case]
    mutate(data)
    code, out, err = cli("validate", "--knowledge", data.knowledge, "--intents", data.intents)
    assert (code, out, err) == (
        2,
        "".join(f"{line}\n" for line in expected),
        f"{len(expected)} problem(s) found.\n",
    )


def test_validate_command_on_shipped_data_exits_0(data: DataCopy) -> None:
    code, out, err = cli("validate", "--knowledge", data.knowledge, "--intents", data.intents)
    assert (code, out, err) == (0, "ok: knowledge and intents are valid\n", "")


@pytest.mark.parametrize(
    "case",
    [
        "truncated",
        "pay-source-missing",
        "requirement-unknown-skill",
        "duplicate-role-id",
        "example-under-two-intents",
    ],
)
def test_loading_broken_data_raises_data_error(data: DataCopy, case: str) -> None:
    mutate, expected = CASE_BY_ID[case]
    mutate(data)
    with pytest.raises(DataError) as caught:
        Advisor.load(knowledge_dir=data.knowledge, intents_dir=data.intents)
    assert [p.line() for p in caught.value.problems] == expected


@pytest.mark.parametrize("case", ["latin-1", "place-within-itself", "relative-to-another-role"])
def test_ask_with_broken_knowledge_explains_and_exits_2(data: DataCopy, case: str) -> None:
    mutate, expected = CASE_BY_ID[case]
    mutate(data)
    code, out, err = cli("ask", "hi", "--knowledge", data.knowledge)
    assert (code, out) == (2, "")
    assert err == (
        f"advisor: the data has {len(expected)} problem(s); nothing was changed:\n"
        + "".join(f"  {line}\n" for line in expected)
        + "Run 'advisor validate' after fixing them.\n"
    )
    assert "Traceback" not in err
