"""Entity stage: find graph nodes (by alias, typo-tolerant) and slot values in the tokens.

Exact alias n-grams first (longest match wins), then the same lookup on spelling-corrected
tokens, then a plural fallback. Short names (RIS, HL7) are never fuzzy-matched: the
speller only corrects tokens of SPELL_MIN_LEN letters or more.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from advisor.config import ALIAS_TYPO_MIN_LEN, GENERIC_HEADS, PARSE_MEMO_SIZE, RE
from advisor.knowledge.graph import Graph
from advisor.text import count
from advisor.understand.numbers import find_years
from advisor.understand.spelling import Speller, _deletes

PLACEHOLDER = {
    "role": "<role>",
    "certification": "<cert>",
    "skill": "<topic>",
    "concept": "<topic>",
    "organisation": "<topic>",
    "resource": "<resource>",
    "place": "<place>",
    "years": "<years>",
    "degree": "<degree>",
    "seniority": "<level>",
    "field": "<field>",
    "ambiguous": "<role>",
}
# where one starts, not where one goes: "can a rad tech become a pacs analyst" is a path,
# "can a pacs admin become a director" a progression; their delexicalisations must differ
BACKGROUND = "<background>"


@dataclass(frozen=True)
class Entity:
    type: str
    id: str
    name: str
    text: str
    start: int
    end: int
    fuzzy: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "id": self.id, "name": self.name, "text": self.text}


@dataclass(frozen=True)
class Parsed:
    tokens: tuple[str, ...]  # spelling-corrected tokens
    entities: tuple[Entity, ...]
    delex: tuple[str, ...]  # tokens with entity spans replaced by placeholders
    unknown: tuple[str, ...]  # tokens neither known nor correctable
    corrections: tuple[tuple[str, str], ...]

    def of(self, kind: str) -> list[Entity]:
        return [e for e in self.entities if e.type == kind]

    def first(self, kind: str) -> Entity | None:
        return next((e for e in self.entities if e.type == kind), None)


class EntityExtractor:
    """Matches graph aliases and slot lexicons (degree, seniority, field) in token lists.

    A background role is delexicalised as `<background>`, a career role as `<role>`.
    A background named by one of `other_careers` ("nurse", "software engineer": phrases
    the out-of-scope intent lists) stays words in the delexicalisation: asked about, it is
    another career, and its words (not a slot every background shares) must say so.
    """

    def __init__(
        self,
        graph: Graph,
        slots: dict[str, Any],
        speller: Speller,
        other_careers: frozenset[str] = frozenset(),
    ) -> None:
        self.graph = graph
        self.speller = speller
        self.backgrounds = frozenset(r.id for r in graph.background_roles())
        self.other_careers = other_careers
        table: dict[tuple[str, ...], tuple[str, str, str]] = {}
        for key, node_id in graph.aliases.items():
            node = graph.nodes[node_id]
            table[key] = (node.type, node_id, node.name)
        for key, ids in graph.ambiguous.items():
            table.setdefault(key, ("ambiguous", "|".join(ids), " or ".join(graph.name(i) for i in ids)))
        for kind in ("degree", "seniority"):
            for value, phrases in slots.get(kind, {}).items():
                for phrase in phrases:
                    table.setdefault(tuple(phrase.split()), (kind, value, value))
        for key, title in graph.degree_titles.items():  # "bsn": a degree whose field the title says
            table.setdefault(key, ("degree", title["degree"], title["degree"]))
        for phrase in slots.get("fields", []):
            table.setdefault(tuple(phrase.split()), ("field", phrase, phrase))
        self.table = table
        self.elsewhere = frozenset(slots.get("other_job_modifiers", ()))
        context = slots.get("degree_context", {})
        self.short_degrees = frozenset(tuple(p.split()) for p in context.get("short_forms", ()))
        self.degree_before = frozenset(context.get("before", ()))
        self.degree_after = frozenset(context.get("after", ()))
        # every proper prefix of an alias: a match grows only while it can still become one
        self.prefixes = frozenset(key[:n] for key in table for n in range(1, len(key)))
        # words an alias begins with (and plurals of one-word aliases), and those a longer one does
        self.first_words = frozenset(
            [key[0] for key in table if key] + [key[0] + "s" for key in table if len(key) == 1]
        )
        self.longer_first = frozenset(key[0] for key in table if len(key) > 1)
        self.near_alias = _near_index({w for key in table for w in key})
        self._recent: dict[tuple[bool | str, ...], Parsed] = {}

    def parse(self, tokens: list[str], repair: bool = True) -> Parsed:
        """The entities, corrections and delexicalisation of the tokens.

        `repair=False` reads words as written: no alias-typo repair (see _alias_typo) and
        no other field's job heads ('retail manager' stays a role). Intent examples are
        parsed so, and the learned ranker's weights do not move when these readings do:
        applied to the examples, each cost 1-3 points on several sets through the
        perceptron's cascade of updates, none of them about the words changed.
        One reply parses the same words several times (the question, the whole message, its
        facts); the last few parses are remembered (a Parsed is immutable, so it is shared)."""
        key: tuple[bool | str, ...] = (repair, *tokens)
        recent = self._recent
        hit = recent.get(key)
        if hit is not None:
            return hit
        parsed = self._parse(tokens, repair)
        if len(recent) >= PARSE_MEMO_SIZE:
            with suppress(KeyError, RuntimeError, StopIteration):  # another thread was first
                del recent[next(iter(recent))]  # the oldest
        recent[key] = parsed
        return parsed

    def _parse(self, tokens: list[str], repair: bool = True) -> Parsed:
        corrections = []
        fixed: list[str] = []
        unknown: list[str] = []
        correct, is_word, number = self.speller.correct, self.speller.is_word, RE.NUMBER_WORDS.match
        for token in tokens:
            better = correct(token) or (repair and self._alias_typo(token))
            if better:
                corrections.append((token, better))
                fixed.append(better)
            else:
                fixed.append(token)
                if not is_word(token) and not number(token):
                    unknown.append(token)
        entities: list[Entity] = []
        delex: list[str] = []
        i = 0
        years = find_years(fixed)
        table, firsts, longer = self.table, self.first_words, self.longer_first
        while i < len(fixed):
            if i in years:
                span = years[i]
                if span.usable:  # out of range: no entity; the reply asks (numbers.years_notes)
                    name = count(span.value, "year")
                    entities.append(
                        Entity("years", str(span.value), name, " ".join(tokens[i : span.end]), i, span.end)
                    )
                delex.append(PLACEHOLDER["years"])
                i = span.end
                continue
            word = fixed[i]
            if word not in firsts:  # no alias, nor a one-word alias's plural, begins with it
                hit = None
            elif word in longer:
                hit = self._match(fixed, i)
            else:  # only a one-word alias (or its plural) can start here: _match's first step
                found = table.get((word,))
                if found is None and len(word) > 3 and word.endswith("s"):
                    found = table.get((word[:-1],))
                hit = None if found is None else (i + 1, found)
            if hit is None:
                delex.append("<num>" if (word[:1] == "-" or word[:1].isdecimal()) and number(word) else word)
                i += 1
                continue
            end, (kind, node_id, name) = hit
            if repair and kind == "role" and self._elsewhere(fixed, i, end):
                delex.append(word)  # "retail manager", "sales director": another field's job
                i += 1
                continue
            if kind == "degree" and not self._degree_in_context(fixed, i, end):
                delex.append(fixed[i])
                i += 1
                continue
            fuzzy = fixed[i:end] != tokens[i:end]
            entities.append(Entity(kind, node_id, name, " ".join(tokens[i:end]), i, end, fuzzy))
            delex.extend(self._placeholder(kind, node_id, fixed[i:end]))
            i = end
        return Parsed(tuple(fixed), tuple(entities), tuple(delex), tuple(unknown), tuple(corrections))

    def _alias_typo(self, token: str) -> str | None:
        """The one alias word a long word is a typo of ('adminstrator', 'anaylst'), where the
        speller keeps it because people type it often enough to be in the intent examples.

        Intent examples are parsed without this repair: repairing the five example words it
        touches moved 2-3 points on three conversation sets through the perceptron's
        cascade of updates, none of them about those words."""
        speller = self.speller
        if (
            len(token) < ALIAS_TYPO_MIN_LEN
            or token in self.first_words
            or token in speller.trusted
            or token in speller.english
            or not token.isalpha()
        ):
            return None
        near = self.near_alias
        found = {w for key in (token, *_deletes(token)) for w in near.get(key, ())}
        found = {w for w in found if _one_edit(token, w) and token != w + "s"}
        return found.pop() if len(found) == 1 else None

    def _elsewhere(self, tokens: list[str], start: int, end: int) -> bool:
        """A bare job head after a word of another field ('retail manager')."""
        if end != start + 1 or start == 0:
            return False
        return tokens[start] in GENERIC_HEADS and tokens[start - 1] in self.elsewhere

    def _placeholder(self, kind: str, node_id: str, words: list[str]) -> list[str]:
        """What an entity span becomes in the delexicalisation (see the class docstring)."""
        if kind != "role" or node_id not in self.backgrounds:
            return [PLACEHOLDER[kind]]
        return words if " ".join(words) in self.other_careers else [BACKGROUND]

    def _degree_in_context(self, tokens: list[str], start: int, end: int) -> bool:
        """'ba' / 'bs' are a degree only next to degree words ('a BS in IT')."""
        if tuple(tokens[start:end]) not in self.short_degrees:
            return True
        before = tokens[start - 1] if start else ""
        after = tokens[end] if end < len(tokens) else ""
        return before in self.degree_before or after in self.degree_after

    def _match(self, tokens: list[str], i: int) -> tuple[int, tuple[str, str, str]] | None:
        """The longest alias starting at token i (a trailing plural 's' may be dropped)."""
        best = None
        gram: tuple[str, ...] = ()
        table, prefixes = self.table, self.prefixes
        for n in range(1, len(tokens) - i + 1):
            last = tokens[i + n - 1]
            gram += (last,)
            hit = table.get(gram)
            if hit is None and len(last) > 3 and last.endswith("s"):
                hit = table.get(gram[:-1] + (last[:-1],))
            if hit is not None:
                best = (i + n, hit)
            if gram not in prefixes:
                break
        return best


def _near_index(words: set[str]) -> dict[str, tuple[str, ...]]:
    """Each long alias word under itself and its one-letter deletions."""
    index: dict[str, set[str]] = {}
    for word in words:
        if len(word) >= ALIAS_TYPO_MIN_LEN and word.isalpha():
            for key in (word, *_deletes(word)):
                index.setdefault(key, set()).add(word)
    return {key: tuple(sorted(found)) for key, found in index.items()}


def _one_edit(a: str, b: str) -> bool:
    from rapidfuzz.distance import DamerauLevenshtein

    return a != b and DamerauLevenshtein.distance(a, b, score_cutoff=1) <= 1
