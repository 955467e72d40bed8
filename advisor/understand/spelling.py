"""Typo tolerance: correct unknown words to known ones.

Candidates come from a symmetric-delete index (one deletion on either side covers an
insertion, deletion, substitution or swap of neighbours), so a lookup never scans the
vocabulary; rapidfuzz scores only those candidates, with an explicit cut-off.

>>> s = Speller({"salary": 3, "administrator": 3, "analyst": 3})
>>> s.correct("salry"), s.correct("administartor"), s.correct("anlyst"), s.correct("zebra")
('salary', 'administrator', 'analyst', None)
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping

from advisor.config import (
    ENGLISH_WORDS,
    SPELL_CUTOFF,
    SPELL_MEMO_SIZE,
    SPELL_MIN_LEN,
    SUSPECT_MAX_COUNT,
)
from advisor.understand.wordlist import top_words


class Memo:
    """A fixed-size least-recently-used memo: a shared engine's memory stays bounded however
    many unknown words its clients send. Safe under threads (a lost race only costs a miss).

    >>> m = Memo(2); m.put("a", 1); m.put("b", 2); m.get("a"); m.put("c", 3)
    (1,)
    >>> m.get("b"), m.get("a"), len(m)
    (None, (1,), 2)
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[str, str | None] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: str) -> tuple[str | None] | None:
        """(value,) when remembered, else None."""
        try:
            value = self._items[key]
            self._items.move_to_end(key)
        except KeyError:
            return None
        return (value,)

    def put(self, key: str, value: str | None) -> None:
        self._items[key] = value
        while len(self._items) > self.size:
            try:
                self._items.popitem(last=False)
            except KeyError:
                break


def _fold_doubles(word: str) -> list[str]:
    """Words with one letter of a doubled pair dropped, in order of position."""
    return [word[:i] + word[i + 1 :] for i in range(len(word) - 1) if word[i] == word[i + 1]]


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _reachable(word: str, index: dict[str, list[str]]) -> bool:
    """Does the word share a key (itself or one deletion) with the index? Checked key by key,
    without building the set of deletes: an engine build asks this of ~24,000 English words."""
    if word in index:
        return True
    for i in range(len(word)):  # noqa: SIM110 - a plain loop is ~20% faster than any() here
        if word[:i] + word[i + 1 :] in index:
            return True
    return False


class Speller:
    """Vocabulary with frequencies and a delete index over words of SPELL_MIN_LEN or more."""

    def __init__(
        self,
        vocab: Mapping[str, int],
        trusted: frozenset[str] = frozenset(),
        english: frozenset[str] = frozenset(),
    ) -> None:
        self.vocab = dict(vocab)
        # words seen once or twice and not in a curated list may be typos themselves (intent examples
        # carry realistic typos); they can still be corrected to a frequent or trusted word
        self.suspect = frozenset(
            w for w, n in self.vocab.items() if n <= SUSPECT_MAX_COUNT and w not in trusted
        )
        self.trusted = trusted
        index: dict[str, list[str]] = {}
        for word in sorted(self.vocab):
            if len(word) < SPELL_MIN_LEN or not word.isalpha():
                continue
            for key in _deletes(word) | {word}:
                index.setdefault(key, []).append(word)
        self._index = index
        # common English words are never "typos" of a domain word (never → fever, hours → yours);
        # only those the index could wrongly correct are kept (a small set in the engine cache)
        self.english = frozenset(
            w
            for w in english - trusted
            if (w not in self.vocab or w in self.suspect) and len(w) >= SPELL_MIN_LEN and _reachable(w, index)
        )
        self._cache = Memo(SPELL_MEMO_SIZE)

    def known(self, token: str) -> bool:
        return token in self.vocab

    def is_word(self, token: str) -> bool:
        """Known and not merely a once-seen possible typo."""
        return token in self.vocab and token not in self.suspect

    def correct(self, token: str) -> str | None:
        """The best known word for an unknown token, or None (known, too short, or no match)."""
        if token in self.vocab and token not in self.suspect or token in self.english:
            return None
        for folded in _fold_doubles(token):
            if self.is_word(folded):
                return folded  # 'heyy' → 'hey', 'helloo' → 'hello'
        if len(token) < SPELL_MIN_LEN or not token.isalpha():
            return None
        hit = self._cache.get(token)
        if hit is not None:
            return hit[0]
        from rapidfuzz.distance import DamerauLevenshtein  # imported when first needed: ~5 ms at start

        candidates: set[str] = set(self._index.get(token, ()))
        for key in _deletes(token):
            candidates.update(self._index.get(key, ()))
        best: tuple[float, int, str] | None = None
        for word in candidates:
            seen = self.vocab.get(token, 0)
            if word == token or word in self.suspect or (seen and self.vocab[word] < max(4, 3 * seen)):
                continue  # a once-seen word gives way only to a clearly more common one
            score = DamerauLevenshtein.normalized_similarity(token, word) * 100
            if score < SPELL_CUTOFF:
                continue
            # highest similarity, then most frequent, then alphabetical: deterministic
            rank = (score, self.vocab[word], word)
            if best is None or rank[:2] > best[:2] or (rank[:2] == best[:2] and word < best[2]):
                best = rank
        result = best[2] if best else None
        self._cache.put(token, result)
        return result


def english_words() -> frozenset[str]:
    """The most common English words (built once, at engine build; kept in the engine cache,
    so wordfreq's list is read only when the cache is rebuilt)."""
    return frozenset(w for w in top_words(ENGLISH_WORDS) if w.isalpha())


def everyday_words(count: int) -> frozenset[str]:
    """The `count` most common English words: unknown to the domain, they are no evidence
    that a message is about something else ('where is the gap', 'what else')."""
    return frozenset(top_words(count))
