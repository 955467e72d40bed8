"""Places the sources give no pay figure for: a lexicon of names (knowledge/facts.json
`places_without_figures`), never a figure. Each name knows the place with figures it lies
within, if any (Sacramento: California), so a pay answer can say which figures stand in."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from advisor.errors import Problem
from advisor.knowledge.frozen import FrozenDict
from advisor.text import normalize, tokenize

# before a name that is also a person's: it names the place ("a job in Tyler")
PLACE_WORDS = tuple(
    (w,) for w in ("in", "near", "to", "from", "at", "around", "outside", "about", "and", "or")
)


@dataclass(frozen=True)
class UnlistedPlace:
    name: str  # as shown: "Sacramento, California"
    kind: str  # country | state | city
    within: str | None  # a place id with figures, or None
    also_a_name: bool = False  # "Tyler", "Madison": a place only after "in" / "near" / "to" …


@dataclass(frozen=True)
class PlaceLexicon:
    """Alias → place, indexed by an alias's first word (a lookup costs one pass over the
    message's words, not one per name)."""

    by_alias: FrozenDict[str, UnlistedPlace]
    starts: FrozenDict[str, tuple[tuple[str, ...], ...]]  # first word → aliases' words, longest first

    @classmethod
    def build(cls, entries: Iterable[dict[str, Any]]) -> PlaceLexicon:
        by_alias: dict[str, UnlistedPlace] = {}
        for entry in entries:
            place = UnlistedPlace(
                entry["name"], entry["kind"], entry["within"], bool(entry.get("also_a_name"))
            )
            for alias in entry["aliases"]:
                by_alias.setdefault(alias, place)
        starts: dict[str, list[tuple[str, ...]]] = {}
        for alias in by_alias:
            words = tuple(alias.split())
            starts.setdefault(words[0], []).append(words)
        longest = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in starts.items()}
        return cls(FrozenDict(by_alias), FrozenDict(longest))

    @property
    def aliases(self) -> tuple[str, ...]:
        return tuple(self.by_alias)

    def named_at(self, tokens: Sequence[str], i: int) -> str | None:
        """The longest alias that starts at word `i`, or None."""
        for words in self.starts.get(tokens[i] if i < len(tokens) else "", ()):
            if tuple(tokens[i : i + len(words)]) == words and self._as_place(tokens, i, words):
                return " ".join(words)
        return None

    def _as_place(self, tokens: Sequence[str], i: int, words: tuple[str, ...]) -> bool:
        """A name that is also a person's ('Tyler') is the place only after a place word
        ('in Tyler', 'and Austin?') or alone ('Austin?')."""
        if not self.by_alias[" ".join(words)].also_a_name or len(tokens) == len(words):
            return True
        return tuple(tokens[i - 1 : i]) in PLACE_WORDS

    def named_in(self, tokens: Sequence[str]) -> tuple[str, UnlistedPlace] | None:
        """The longest place without figures the tokens name, as (alias, place), or None.

        >>> lex = PlaceLexicon.build([
        ...     {"name": "Kansas", "kind": "state", "within": "us", "aliases": ["kansas"]},
        ...     {"name": "Kansas City", "kind": "city", "within": "us", "aliases": ["kansas city"]}])
        >>> lex.named_in(["pay", "in", "kansas", "city"])
        ('kansas city', UnlistedPlace(name='Kansas City', kind='city', within='us', also_a_name=False))
        >>> lex.named_in(["pay", "in", "ohio"]) is None
        True
        """
        best: tuple[str, ...] = ()
        for i, token in enumerate(tokens):
            for words in self.starts.get(token, ()):
                if len(words) > len(best) and tuple(tokens[i : i + len(words)]) == words:
                    if not self._as_place(tokens, i, words):
                        continue  # "my friend Tyler makes 95k": a person
                    best = words
                    break
        if not best:
            return None
        alias = " ".join(best)
        return alias, self.by_alias[alias]


def problems(entries: Sequence[dict[str, Any]], taken: Iterable[str]) -> Iterator[Problem]:
    """Meaning checks of the lexicon: an alias in the form messages are matched in (lowercase
    words split as the reader splits them), on one place only, and not a name of a place the
    sources have figures for (`taken`: the graph's aliases, words joined by spaces)."""
    owner = dict.fromkeys(taken, "a place or node of the graph")
    for i, entry in enumerate(entries):
        for j, alias in enumerate(entry["aliases"]):
            path = f"$.places_without_figures[{i}].aliases[{j}]"
            words = " ".join(tokenize(normalize(alias)))
            previous = owner.setdefault(words, entry["name"])
            if words != alias:
                yield Problem("facts.json", path, f"alias '{alias}' is read as '{words}'", f"write '{words}'")
            elif previous != entry["name"]:
                yield Problem(
                    "facts.json", path, f"alias '{alias}' also names {previous}", "keep it on one place only"
                )
