"""The posting lexicon (intents/posting.json) compiled into lookup tables, once per engine.

Phrases name graph ids; a phrase whose id the graph does not have is skipped (and listed in
`skipped`) so the reader never reports an id the rest of the advisor cannot explain.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from advisor.errors import Problem
from advisor.knowledge.graph import Graph
from advisor.text import normalize, tokenize
from advisor.understand.spelling import Speller

Key = tuple[str, ...]
FILE = "intents/posting.json"
CONNECTORS = frozenset(
    {"and", "or", "of", "the", "for", "to", "a", "an", "in", "with", "additional", "other"}
)
ITEM_TYPES = {"skill": "skill", "concept": "skill", "certification": "certification"}


def key(phrase: str) -> Key:
    """Words of a phrase as the tokenizer sees them ('R.T.(R)' → ('r', 't', 'r'))."""
    return tuple(tokenize(normalize(phrase)))


@dataclass(frozen=True)
class Lexicon:
    headings: dict[Key, str]  # heading words → required | preferred | duty | ignore
    cues: dict[Key, str]  # cue words → required | preferred
    terms: dict[Key, tuple[str, str]]  # words → (type, id): skill / certification / role / none
    degrees: dict[Key, str]  # words → degree level
    fields: dict[Key, str]  # words → field of study
    on_call_yes: tuple[str, ...]
    on_call_no: tuple[str, ...]
    on_call_negations: frozenset[str]  # 'not', 'no'… just before a call phrase
    qualification_words: frozenset[str]
    experience_words: frozenset[str]
    years_blockers: tuple[str, ...]
    duration_words: frozenset[str]  # 'a 24-month course', '6-month contract': not experience
    knowledge_words: frozenset[str]  # 'knowledge of PACS' asks for PACS as such
    coordinators: frozenset[str]  # 'PACS and RIS', 'PACS or RIS': items listed together
    abbreviations: frozenset[str]  # 'Comp.', 'Sci.', 'Assoc.': their full stop ends no sentence
    credential_suffixes: dict[str, dict[str, str]]  # 'ARRT (R)(CT)': cert id → suffix → cert id
    scope_ids: frozenset[str]
    field_ids: frozenset[str]  # 'PACS' of 'PACS Manager': the job's field, not a skill it asks
    english_words: frozenset[str]
    protected: frozenset[str]  # words the speller must leave alone (mirth, rhapsody…)
    prefixes: frozenset[Key]
    role_aliases: tuple[tuple[Key, str], ...]  # every role's name, aliases, title aliases
    title_words: dict[str, str]  # 'cardiovascular' → 'cardiology' (titles and role names)
    skipped: tuple[str, ...]  # phrase ids the graph does not (yet) have
    heading_words: frozenset[str]  # words a heading is made of (and, of, the, &…)
    speller: Speller  # typos of heading, cue and role words ('REQUIRMENTS', 'adminstrator')

    def fix(self, tokens: list[str] | tuple[str, ...]) -> list[str]:
        """Tokens with typos of the posting's structure words corrected (terms are left to
        the engine's speller, which knows every alias)."""
        return [_plausible(t, self.speller.correct(t)) for t in tokens]

    def longest(self, table: dict[Key, Any], tokens: list[str], i: int) -> tuple[int, Any] | None:
        """The longest entry of `table` starting at token i: (end, value), or None."""
        found = self.entries(table, tokens, i)
        return found[-1] if found else None

    def entries(self, table: dict[Key, Any], tokens: list[str], i: int) -> list[tuple[int, Any]]:
        """Every entry of `table` starting at token i, shortest first: (end, value)."""
        found = []
        gram: Key = ()
        for n in range(i, len(tokens)):
            gram += (tokens[n],)
            if gram in table:
                found.append((n + 1, table[gram]))
            if gram not in self.prefixes:
                break
        return found

    def term_at(self, tokens: list[str], i: int) -> tuple[int, Any] | None:
        """The term at token i that lets the next term reach furthest, else the longest:
        'ARRT R.T.(R)' is 'ARRT' + 'R.T.(R)', not the role 'ARRT R.T.' and a stray 'R'."""
        found = self.entries(self.terms, tokens, i)
        if len(found) < 2:
            return found[-1] if found else None

        def reach(hit: tuple[int, Any]) -> tuple[int, int]:
            after = self.longest(self.terms, tokens, hit[0])
            return (after[0] if after else hit[0]), hit[0]

        return max(found, key=reach)


def _plausible(token: str, fix: str | None) -> str:
    """The correction when it reads as a typo of it: same first two letters and last letter
    ('requirments', 'prefered', 'skils'); not another form of a word ('interfaces' →
    'interface', 'computer' → 'computed', 'license' → 'licenses', 'references')."""
    if fix and fix[:2] == token[:2] and fix[-1] == token[-1]:
        return fix
    return token


def build(raw: dict[str, Any], slots: dict[str, Any], graph: Graph) -> Lexicon:
    """Compile the lexicon; graph aliases of skills, concepts, certifications and roles are
    the base, the posting phrases override them (a posting's 'databases' is SQL)."""
    terms: dict[Key, tuple[str, str]] = {}
    for words, node_id in graph.aliases.items():
        kind = graph.nodes[node_id].type
        if kind in ITEM_TYPES:
            terms[words] = (ITEM_TYPES[kind], node_id)
        elif kind == "role":
            terms[words] = ("role", node_id)
    skipped = []
    for node_id, phrases in raw["phrases"].items():
        node = graph.node(node_id)
        if node is None or node.type not in ITEM_TYPES:
            skipped.append(node_id)
            continue
        for phrase in phrases:
            terms[key(phrase)] = (ITEM_TYPES[node.type], node_id)
    for words, value in list(terms.items()):  # 'workflows', 'DICOM headers', 'backups'
        if value[0] != "role" and words[-1][-1:].isalpha() and words[-1][-1] != "s":
            terms.setdefault((*words[:-1], f"{words[-1]}s"), value)
    terms.update({key(p): ("none", "") for p in raw["not_items"]})
    degrees = {key(p): level for level, ps in slots["degree"].items() for p in ps}
    degrees.update({key(p): level for level, ps in raw["degrees"].items() for p in ps})
    fields = {key(p): p for p in slots["fields"]}
    headings = {key(p): status for status, ps in raw["headings"].items() for p in ps}
    cues = {key(p): status for status, ps in raw["cues"].items() for p in ps}
    for words in set(terms) & (set(cues) | set(headings)):
        del terms[words]  # in a posting, "a plus" is a cue, not CompTIA A+
    tables: list[dict[Key, Any]] = [terms, degrees, fields, headings, cues]
    prefixes = frozenset(k[:n] for table in tables for k in table for n in range(1, len(k)))
    structure = {w for table in (headings, cues) for k in table for w in k}
    structure |= {w for k, v in terms.items() if v[0] == "role" for w in k}
    protected = frozenset(w for ps in raw["phrases"].values() for p in ps for w in key(p))
    return Lexicon(
        headings=headings,
        cues=cues,
        terms=terms,
        degrees=degrees,
        fields=fields,
        on_call_yes=tuple(" ".join(key(p)) for p in raw["on_call"]["yes"]),
        on_call_no=tuple(" ".join(key(p)) for p in raw["on_call"]["no"]),
        on_call_negations=frozenset(raw["on_call"]["negations"]),
        qualification_words=frozenset(w for p in raw["qualification_words"] for w in key(p)),
        experience_words=frozenset(w for p in raw["experience_words"] for w in key(p)),
        years_blockers=tuple(" ".join(key(p)) for p in raw["years_blockers"]),
        duration_words=frozenset(w for p in raw["duration_words"] for w in key(p)),
        knowledge_words=frozenset(w for p in raw["knowledge_words"] for w in key(p)),
        coordinators=frozenset(w for p in raw["coordinators"] for w in key(p)),
        abbreviations=frozenset(raw["abbreviations"]),
        credential_suffixes={c: dict(v) for c, v in raw.get("credential_suffixes", {}).items()},
        scope_ids=frozenset(raw["scope_ids"]),
        field_ids=frozenset(raw["field_ids"]),
        english_words=frozenset(raw["english_words"]),
        protected=protected,
        prefixes=prefixes,
        role_aliases=_role_aliases(raw, terms),
        title_words=dict(raw["title_words"]),
        skipped=tuple(skipped),
        heading_words=frozenset({w for table in (headings, cues) for k in table for w in k} | CONNECTORS),
        speller=Speller(dict.fromkeys(structure, 5), frozenset(structure)),
    )


def _role_aliases(raw: dict[str, Any], terms: dict[Key, tuple[str, str]]) -> tuple[tuple[Key, str], ...]:
    """Every role's name and aliases and the posting title aliases, in title words."""
    words: dict[str, str] = raw["title_words"]
    pairs = [(k, v[1]) for k, v in terms.items() if v[0] == "role"]
    pairs += [(key(p), role) for role, ps in raw["title_aliases"].items() for p in ps]
    return tuple(dict.fromkeys((tuple(words.get(w, w) for w in k), role) for k, role in pairs))


def check(raw: dict[str, Any], node_types: dict[str, str]) -> list[Problem]:
    """Meaning checks of intents/posting.json against the graph (`node_types`: id → type):
    every phrase id names a skill, concept or certification; no phrase names two ids."""
    problems = []
    seen: dict[Key, str] = {}
    for node_id, phrases in raw["phrases"].items():
        if node_types.get(node_id) not in ITEM_TYPES:
            problems.append(
                Problem(
                    FILE,
                    f"$.phrases.{node_id}",
                    f"'{node_id}' is not a skill, concept or certification of the knowledge",
                    "add it to knowledge/ or remove its phrases",
                )
            )
        for index, phrase in enumerate(phrases):
            other = seen.setdefault(key(phrase), node_id)
            if other != node_id:
                problems.append(
                    Problem(
                        FILE,
                        f"$.phrases.{node_id}[{index}]",
                        f"'{phrase}' is also a phrase of '{other}'",
                        "keep it under one id",
                    )
                )
    for role in raw.get("title_aliases", {}):
        if node_types.get(role) != "role":
            problems.append(
                Problem(FILE, f"$.title_aliases.{role}", f"'{role}' is not a role", "use a role id")
            )
    for index, node_id in enumerate(raw.get("field_ids", [])):
        if node_id not in node_types:
            problems.append(
                Problem(FILE, f"$.field_ids[{index}]", f"unknown id '{node_id}'", "use a graph id")
            )
    for base, suffixes in raw.get("credential_suffixes", {}).items():
        for node_id in (base, *suffixes.values()):
            if node_types.get(node_id) != "certification":
                problems.append(
                    Problem(
                        FILE,
                        f"$.credential_suffixes.{base}",
                        f"'{node_id}' is not a certification",
                        "use a certification id",
                    )
                )
    for index, node_id in enumerate(raw["scope_ids"]):
        if node_id not in node_types:
            problems.append(
                Problem(FILE, f"$.scope_ids[{index}]", f"unknown id '{node_id}'", "use a graph id")
            )
    return problems
