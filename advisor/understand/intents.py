"""Intent stage: score every intent for a parsed utterance.

Each example is parsed like user text and delexicalised ("how much does a <role> make"),
then turned into a TF-IDF vector of unigrams and bigrams. An utterance scores against an
intent by its nearest example (plus a little of the second nearest), then keyword and
entity evidence adjust the score. An inverted index means only examples sharing a feature
are touched.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from advisor.config import (
    ENTITY_ACCEPT_BONUS,
    ENTITY_MISSING_PENALTY,
    KEYWORD_BONUS,
    KEYWORD_BONUS_CAP,
    MAX_POSTING_SHARE,
    NGRAM_WEIGHT_BIGRAM,
    SECOND_NEIGHBOUR_WEIGHT,
)
from advisor.knowledge.catalog import Intent
from advisor.text import normalize, tokenize
from advisor.understand.entities import EntityExtractor, Parsed


def stem(token: str) -> str:
    """Fold a plain English plural: 'certifications' → 'certification' (not 'pacs', 'class').

    >>> stem("certifications"), stem("pacs"), stem("class"), stem("skills")
    ('certification', 'pacs', 'class', 'skill')
    """
    if len(token) > 4 and token.endswith("s") and not token.endswith(("ss", "us", "is", "cs")):
        return token[:-3] + "y" if token.endswith("ies") else token[:-1]
    return token


def features(delex: Sequence[str]) -> dict[str, float]:
    """Raw term counts: unigrams, and bigrams with sentence boundaries (stemmed)."""
    counts: dict[str, float] = defaultdict(float)
    delex = [stem(t) for t in delex]
    for token in delex:
        counts[token] += 1.0
    padded = ["^", *delex, "$"]
    for a, b in zip(padded, padded[1:], strict=False):
        counts[f"{a} {b}"] += NGRAM_WEIGHT_BIGRAM
    return counts


@dataclass(frozen=True)
class Score:
    intent: str
    score: float
    similarity: float
    example: str  # the nearest example, for /why


class IntentClassifier:
    """Built once from the catalog; `rank` is pure and cheap."""

    def __init__(
        self,
        intents: Iterable[Intent],
        extractor: EntityExtractor,
        career_roles: frozenset[str] = frozenset(),
    ) -> None:
        self.intents = {i.name: i for i in intents}
        self.career_roles = career_roles
        docs: list[tuple[str, str, dict[str, float]]] = []
        for intent in self.intents.values():
            for example in intent.examples:
                parsed = extractor.parse(tokenize(normalize(example)))
                docs.append((intent.name, example, features(parsed.delex)))
        df: dict[str, int] = defaultdict(int)
        for _, _, feats in docs:
            for feat in feats:
                df[feat] += 1
        total = len(docs)
        self.idf = {f: math.log((total + 1) / (n + 1)) + 1.0 for f, n in df.items()}
        self.default_idf = math.log(total + 1) + 1.0
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self.doc_intent: list[str] = []
        self.doc_text: list[str] = []
        for index, (name, text, feats) in enumerate(docs):
            vector = self._weigh(feats)
            for feat, weight in vector.items():
                postings[feat].append((index, weight))
            self.doc_intent.append(name)
            self.doc_text.append(text)
        # like max_df in TF-IDF: a feature in most examples ("what", "<role>") tells little,
        # and skipping its long posting list keeps a reply fast; it still counts in the norms
        limit = MAX_POSTING_SHARE * total
        self.postings = {f: tuple(p) for f, p in postings.items() if len(p) <= limit}
        self.keywords = {}
        for name, intent in self.intents.items():
            words = [" ".join(stem(t) for t in tokenize(normalize(k))) for k in intent.keywords]
            self.keywords[name] = (
                frozenset(w for w in words if w and " " not in w),
                tuple(f" {w} " for w in words if " " in w),
            )

    def _weigh(self, counts: dict[str, float]) -> dict[str, float]:
        vector = {f: (1.0 + math.log(c)) * self.idf.get(f, self.default_idf) for f, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        return {f: w / norm for f, w in vector.items()}

    def similarities(self, delex: Sequence[str]) -> dict[str, tuple[float, float, int]]:
        """Per intent: (best cosine, second best, index of best example)."""
        query = self._weigh(features(delex))
        dots: dict[int, float] = defaultdict(float)
        for feat, weight in query.items():
            for index, doc_weight in self.postings.get(feat, ()):
                dots[index] += weight * doc_weight
        best: dict[str, tuple[float, float, int]] = {}
        for index, dot in dots.items():
            name = self.doc_intent[index]
            first, second, at = best.get(name, (0.0, 0.0, -1))
            if dot > first:
                best[name] = (dot, first, index)
            elif dot > second:
                best[name] = (first, dot, at)
        return best

    def rank(self, parsed: Parsed, context_types: frozenset[str] = frozenset()) -> list[Score]:
        """All intents, best first; ties broken by intent name (deterministic)."""
        sims = self.similarities(parsed.delex)
        stems = [stem(t) for t in parsed.tokens]
        tokens = set(stems)
        joined = f" {' '.join(stems)} "
        present = {"role" if e.type == "ambiguous" else e.type for e in parsed.entities}
        role_ids = {e.id for e in parsed.entities if e.type == "role"}
        roles = len(role_ids)
        career = len(role_ids & self.career_roles)
        scores = []
        for name, intent in self.intents.items():
            first, second, at = sims.get(name, (0.0, 0.0, -1))
            score = (first + SECOND_NEIGHBOUR_WEIGHT * second) / (1 + SECOND_NEIGHBOUR_WEIGHT)
            singles, phrases = self.keywords[name]
            hits = len(singles & tokens) + sum(1 for p in phrases if p in joined)
            score += min(KEYWORD_BONUS * hits, KEYWORD_BONUS_CAP)
            if intent.accepts & present:
                score += ENTITY_ACCEPT_BONUS
            available = present | (context_types & intent.context)
            if intent.requires and not intent.requires & available:
                score -= ENTITY_MISSING_PENALTY
            context_role = 1 if "role" in context_types and "role" in intent.context else 0
            if intent.min_roles and roles + context_role < intent.min_roles:
                score -= ENTITY_MISSING_PENALTY
            if intent.max_career_roles and career > intent.max_career_roles:
                score -= ENTITY_MISSING_PENALTY
            example = self.doc_text[at] if at >= 0 else ""
            scores.append(Score(name, max(0.0, score), first, example))
        scores.sort(key=lambda s: (-s.score, s.intent))
        return scores
