"""How people type: chat-speak expansion ("wat r the reqs 4 ris" → "what are the requirements
for ris") and the cue words of dialogue acts, both read from intents/lexicon.json.

>>> lex = Lexicon.from_data({"chat": {"4": {"means": "for", "not_before": ["years"]},
...     "r": {"means": "are"}}, "acts": {}})
>>> lex.expand(["wat", "r", "the", "reqs", "4", "ris"])
['wat', 'are', 'the', 'reqs', 'for', 'ris']
>>> lex.expand(["4", "years"])
['4', 'years']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ACT_LISTS = (
    "choice_phrases",
    "rank_phrases",
    "hello_words",
    "return_phrases",
    "thrift_words",
    "asked_not_stated",
    "entry_phrases",
    "hedge_starts",
    "wish_cues",
    "plan_cues",
    "takes_phrases",
    "in_progress_phrases",
    "count_words",
    "recheck_phrases",
    "continue_phrases",
    "done_words",
    "learn_phrases",
    "outlook_phrases",
    "overall_phrases",
    "standing_phrases",
    "transition_phrases",
    "need_words",
    "cert_words",
    "it_occupation_phrases",
    "path_words",
    "pay_extent_words",
    "hypothetical_starts",
    "timeline_phrases",
    "eligibility_phrases",
    "progression_words",
    "work_condition_phrases",
    "next_phrases",
    "goal_after",
    "where_words",
    "question_starts",
    "question_pairs",
    "question_phrases",
    "correction_cues",
    "subjectless_statements",
    "not_fact_cues",
    "small_talk",
    "goodbye_words",
    "lead_fillers",
    "yes_words",
    "no_words",
    "statement_markers",
    "question_leads",
    "cost_words",
    "premise_starts",
    "third_persons",
)
# cue lists kept at the file's top level, read like ACT_LISTS
TOP_LISTS = ("elsewhere_phrases", "place_pay_cues")


@dataclass(frozen=True)
class Shorthand:
    means: tuple[str, ...]
    not_before: tuple[tuple[str, ...], ...] = ()
    not_after: frozenset[str] = frozenset()
    between_words: bool = False
    only_after: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    chat: dict[str, Shorthand] = field(default_factory=dict)
    acts: dict[str, frozenset[str]] = field(default_factory=dict)
    # multi-word cues by list, indexed by their first word (longest first)
    phrases: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = field(default_factory=dict)
    references: dict[str, tuple[str, ...]] = field(default_factory=dict)  # kind → phrases
    reference_idioms: frozenset[str] = frozenset()
    role_heads: dict[str, str] = field(default_factory=dict)  # "admins" → "administrator"

    @classmethod
    def from_data(cls, data: Any) -> Lexicon:
        data = data if isinstance(data, dict) else {}
        chat = {
            word: Shorthand(
                tuple(entry["means"].split()),
                tuple(tuple(p.split()) for p in entry.get("not_before", ())),
                frozenset(entry.get("not_after", ())),
                bool(entry.get("between_words", False)),
                frozenset(entry.get("only_after", ())),
            )
            for word, entry in data.get("chat", {}).items()
        }
        raw = {**data.get("acts", {}), **{name: data.get(name, ()) for name in TOP_LISTS}}
        acts = {name: frozenset(raw.get(name, ())) for name in ACT_LISTS + TOP_LISTS}
        phrases: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
        for name in ACT_LISTS + TOP_LISTS:
            by_first: dict[str, list[tuple[str, ...]]] = {}
            for phrase in raw.get(name, ()):
                words = tuple(phrase.split())
                by_first.setdefault(words[0], []).append(words)
            phrases[name] = {w: tuple(sorted(v, key=len, reverse=True)) for w, v in by_first.items()}
        references = {k: tuple(v) for k, v in data.get("references", {}).items()}
        idioms = frozenset(data.get("reference_idioms", ()))
        return cls(chat, acts, phrases, references, idioms, dict(data.get("role_heads", {})))

    def expand(self, tokens: list[str]) -> list[str]:
        """Chat-speak tokens replaced by what they mean, unless the neighbours say otherwise."""
        if self.chat.keys().isdisjoint(tokens):
            return list(tokens)  # most clauses: no shorthand at all
        out: list[str] = []
        for i, token in enumerate(tokens):
            entry = self.chat.get(token)
            if entry is None or self._kept(entry, tokens, i):
                out.append(token)
            else:
                out.extend(entry.means)
        return out

    @staticmethod
    def _kept(entry: Shorthand, tokens: list[str], i: int) -> bool:
        if i and tokens[i - 1] in entry.not_after:
            return True
        if entry.between_words and not (0 < i < len(tokens) - 1):
            return True
        if entry.only_after and not (i and tokens[i - 1] in entry.only_after):
            return True
        after = tuple(tokens[i + 1 :])
        return any(after[: len(p)] == p for p in entry.not_before)

    def has(self, name: str, tokens: tuple[str, ...] | list[str]) -> bool:
        """Does any cue phrase of list `name` occur in the tokens (whole words)?"""
        return self.find(name, tokens) is not None

    def find(self, name: str, tokens: tuple[str, ...] | list[str], start: int = 0) -> int | None:
        """The first index from `start` where a cue phrase of list `name` begins, or None.

        Looks only where a phrase's first word is, and never copies the rest of the message
        at every word (for a long message that was quadratic)."""
        table = self.phrases.get(name, {})
        if table.keys().isdisjoint(tokens):
            return None  # no phrase's first word anywhere (most clauses, for most lists)
        for i in range(start, len(tokens)):
            for words in table.get(tokens[i], ()):
                if tuple(tokens[i : i + len(words)]) == words:
                    return i
        return None

    def starts(self, name: str, tokens: tuple[str, ...] | list[str]) -> bool:
        """Do the tokens begin with a cue phrase of list `name`?"""
        return self.leading(name, tokens) is not None

    def leading(self, name: str, tokens: tuple[str, ...] | list[str]) -> tuple[str, ...] | None:
        """The longest cue phrase of list `name` the tokens begin with, or None."""
        if not tokens:
            return None
        for words in self.phrases.get(name, {}).get(tokens[0], ()):
            if tuple(tokens[: len(words)]) == words:
                return words
        return None

    def without(self, name: str, tokens: tuple[str, ...] | list[str]) -> list[str]:
        """The tokens less every word of list `name`, wherever it stands ('ok so now what'
        less the lead fillers is 'now what')."""
        drop = self.words(name)
        return [t for t in tokens if t not in drop]

    def words(self, name: str) -> frozenset[str]:
        return self.acts.get(name, frozenset())
