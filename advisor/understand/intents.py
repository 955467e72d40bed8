"""Intent stage: score every intent for a parsed utterance.

Each example is parsed like user text and delexicalised ("how much does a <role> make"),
then turned into a TF-IDF vector of unigrams and bigrams. The hand-weighted score of an
intent is its nearest example (plus a little of the second nearest), adjusted by keyword
and entity evidence; an inverted index means only examples sharing a feature are touched.
A linear model learned from the same examples at build time (understand/linear.py) then
reorders the intents, while the hand-weighted score still decides how sure we are that
the message is in scope at all (see `IntentClassifier.rank`)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from advisor.config import (
    ENTITY_ACCEPT_BONUS,
    ENTITY_MISSING_PENALTY,
    KEYWORD_BONUS,
    KEYWORD_BONUS_CAP,
    LINEAR_BLEND,
    LINEAR_ENTITY_VALUE,
    LINEAR_EPOCHS,
    LINEAR_KEYWORD_VALUE,
    LINEAR_MARGIN,
    LINEAR_SEED,
    LINEAR_SETTLED,
    LINEAR_TEMPERATURE,
    MAX_POSTING_SHARE,
    NGRAM_WEIGHT_BIGRAM,
    SECOND_NEIGHBOUR_WEIGHT,
)
from advisor.knowledge.catalog import Intent
from advisor.text import normalize, tokenize
from advisor.understand.entities import EntityExtractor, Parsed
from advisor.understand.linear import train

OUT_OF_SCOPE = "out_of_scope"


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
    """Built once from the catalog; `rank` is pure and cheap.

    `parsed` may map example texts to their parses (cross-validation parses once and
    builds many classifiers); missing examples are parsed with `extractor`.
    """

    def __init__(
        self,
        intents: Iterable[Intent],
        extractor: EntityExtractor,
        career_roles: frozenset[str] = frozenset(),
        parsed: Mapping[str, Parsed] | None = None,
    ) -> None:
        self.intents = {i.name: i for i in intents}
        self.career_roles = career_roles
        known = parsed or {}
        docs: list[tuple[str, str, Parsed]] = []
        for intent in self.intents.values():
            for example in intent.examples:
                parse = known.get(example) or extractor.parse(tokenize(normalize(example)))
                docs.append((intent.name, example, parse))
        vectors = self._index([(name, text, features(p.delex)) for name, text, p in docs])
        exact: dict[str, set[str]] = defaultdict(set)
        for name, _, parse in docs:
            exact[" ".join(parse.delex)].add(name)
        # delexicalised example -> its intents (strings and tuples: quick to unpickle)
        self.exact = {delex: tuple(sorted(names)) for delex, names in exact.items()}
        self.keywords = {}
        for name, intent in self.intents.items():
            words = [" ".join(stem(t) for t in tokenize(normalize(k))) for k in intent.keywords]
            self.keywords[name] = (
                frozenset(w for w in words if w and " " not in w),
                tuple(f" {w} " for w in words if " " in w),
            )
        self.keyword_index = _keyword_index(self.keywords)
        samples = [(self._linear_features(p, v), n) for (n, _, p), v in zip(docs, vectors, strict=True)]
        self.linear = train(samples, LINEAR_EPOCHS, LINEAR_SEED, LINEAR_MARGIN, LINEAR_SETTLED)

    def _index(self, docs: list[tuple[str, str, dict[str, float]]]) -> list[dict[str, float]]:
        """IDF weights and the inverted index of the examples' TF-IDF vectors (returned)."""
        df: dict[str, int] = defaultdict(int)
        for _, _, feats in docs:
            for feat in feats:
                df[feat] += 1
        total = len(docs)
        self.idf = {f: math.log((total + 1) / (n + 1)) + 1.0 for f, n in df.items()}
        self.default_idf = math.log(total + 1) + 1.0
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        vectors = []
        self.doc_intent: list[str] = []
        self.doc_text: list[str] = []
        for index, (name, text, feats) in enumerate(docs):
            vector = self._weigh(feats)
            vectors.append(vector)
            for feat, weight in vector.items():
                postings[feat].append((index, weight))
            self.doc_intent.append(name)
            self.doc_text.append(text)
        # like max_df in TF-IDF: a feature in most examples ("what", "<role>") tells little,
        # and skipping its long posting list keeps a reply fast; it still counts in the norms
        limit = MAX_POSTING_SHARE * total
        self.postings = {f: tuple(p) for f, p in postings.items() if len(p) <= limit}
        # each intent's examples are consecutive docs (__init__ adds them intent by intent)
        starts = [i for i in range(total) if i == 0 or self.doc_intent[i] != self.doc_intent[i - 1]]
        self.doc_spans = tuple(
            (self.doc_intent[a], a, b) for a, b in zip(starts, [*starts[1:], total], strict=True)
        )
        # per example, the first example indexed under exactly the same features: of such
        # twins any query reaches the first one first (a posting lists examples in order)
        first_with: dict[frozenset[str], int] = {}
        self.doc_twin = tuple(
            first_with.setdefault(frozenset(f for f in vector if f in self.postings), index)
            for index, vector in enumerate(vectors)
        )
        return vectors

    def _weigh(self, counts: dict[str, float]) -> dict[str, float]:
        vector = {f: (1.0 + math.log(c)) * self.idf.get(f, self.default_idf) for f, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        return {f: w / norm for f, w in vector.items()}

    def _keyword_hits(self, parsed: Parsed) -> dict[str, int]:
        """Per intent (in catalog order), how many of its keywords the message contains: a
        single word if it is a token, a phrase if its words are consecutive tokens. Only the
        keywords a token of the message begins are looked at (`keyword_index`)."""
        stems = [stem(t) for t in parsed.tokens]
        joined = f" {' '.join(stems)} "
        counts: dict[str, int] = {}
        for token in set(stems):
            singles, phrases = self.keyword_index.get(token, ((), ()))
            for name in singles:
                counts[name] = counts.get(name, 0) + 1
            for phrase, name in phrases:
                if phrase in joined:
                    counts[name] = counts.get(name, 0) + 1
        return {name: counts[name] for name in self.keywords if name in counts}

    def _linear_features(
        self, parsed: Parsed, vector: dict[str, float], hits: dict[str, int] | None = None
    ) -> dict[str, float]:
        """The TF-IDF vector plus entity-type and keyword-hit features."""
        feats = dict(vector)
        for entity in parsed.entities:
            feats[f"@{entity.type}"] = LINEAR_ENTITY_VALUE
            if entity.type == "role":  # where one starts: a career role or a background job
                kind = "career" if entity.id in self.career_roles else "background"
                feats[f"@{kind}-role"] = LINEAR_ENTITY_VALUE
        if len({e.id for e in parsed.entities if e.type == "role"}) > 1:
            feats["@roles"] = LINEAR_ENTITY_VALUE
        for name, count in (self._keyword_hits(parsed) if hits is None else hits).items():
            feats[f"kw:{name}"] = LINEAR_KEYWORD_VALUE * count
        return feats

    def similarities(self, delex: Sequence[str]) -> dict[str, tuple[float, float, int]]:
        """Per intent: (best cosine, second best, index of best example)."""
        return self._nearest(self._weigh(features(delex)))

    def _nearest(self, query: dict[str, float]) -> dict[str, tuple[float, float, int]]:
        """Per intent the query reaches: (best cosine, second best, index of the best example;
        of equally near ones, the example the query's features reached first).

        Dots add up in a list; each intent's best two are then taken from its span of
        examples with C-level max (a long message reaches most examples)."""
        dots = [0.0] * len(self.doc_intent)
        for feat, weight in query.items():
            for index, doc_weight in self.postings.get(feat, ()):
                dots[index] += weight * doc_weight
        best: dict[str, tuple[float, float, int]] = {}
        for name, start, end in self.doc_spans:
            span = dots[start:end]
            first = max(span)
            if first > 0.0:  # every weight is positive: an example reached has a positive dot
                at = span.index(first)
                second = max(span[:at] + span[at + 1 :], default=0.0)
                if second == first:  # equally near: the example the query reached first
                    ties = [start + i for i, dot in enumerate(span) if dot == first]
                    twins = len({self.doc_twin[i] for i in ties}) == 1
                    at = (ties[0] if twins else self._first_reached(query, set(ties))) - start
                best[name] = (first, second, start + at)
        return best

    def _first_reached(self, query: dict[str, float], docs: set[int]) -> int:
        """Of these examples, the one the query's features reach first."""
        return next(i for feat in query for i, _ in self.postings.get(feat, ()) if i in docs)

    def rank(
        self, parsed: Parsed, context_types: frozenset[str] = frozenset(), blend: float = LINEAR_BLEND
    ) -> list[Score]:
        """All intents, best first; ties broken by intent name (deterministic).

        Two questions, two scorers. Whether the message is in scope at all stays with the
        hand-weighted scores (nearest examples, keywords, entities), whose gate was tuned
        on its own; which intent it is, is ranked by hand score + `blend` x the learned
        model's probability. Every intent's score is the in-scope confidence (the best
        hand-weighted in-scope score) minus how far it trails the top of that ranking;
        the out-of-scope intent keeps its own hand-weighted score the same way.
        `blend=0` is the hand-weighted scorer alone.
        """
        query = self._weigh(features(parsed.delex))
        hits = self._keyword_hits(parsed)
        sims = self._nearest(query)
        final = hand = self._hand_scores(parsed, context_types, sims, hits)
        if blend:
            feats = self._linear_features(parsed, query, hits)
            probs = self.linear.probabilities(feats, LINEAR_TEMPERATURE)
            # a message that is one of an intent's examples (as delexicalised) keeps it first
            exact = self.exact.get(" ".join(parsed.delex), ())
            ranked = {
                name: score + blend * (probs.get(name, 0.0) + (1.0 if name in exact else 0.0))
                for name, score in hand.items()
            }
            lead = max(ranked.values(), default=0.0)
            confidence = max((s for n, s in hand.items() if n != OUT_OF_SCOPE), default=0.0)
            final = {
                name: (score if name == OUT_OF_SCOPE else confidence) - (lead - ranked[name])
                for name, score in hand.items()
            }
        scores = []
        for name, score in final.items():
            first, _, at = sims.get(name, (0.0, 0.0, -1))
            scores.append(Score(name, max(0.0, score), first, self.doc_text[at] if at >= 0 else ""))
        scores.sort(key=lambda s: (-s.score, s.intent))
        return scores

    def _hand_scores(
        self,
        parsed: Parsed,
        context_types: frozenset[str],
        sims: dict[str, tuple[float, float, int]],
        hits: dict[str, int],
    ) -> dict[str, float]:
        """The hand-weighted score of every intent (may be negative)."""
        present = {"role" if e.type == "ambiguous" else e.type for e in parsed.entities}
        role_ids = {e.id for e in parsed.entities if e.type == "role"}
        roles = len(role_ids)
        career = len(role_ids & self.career_roles)
        scores = {}
        for name, intent in self.intents.items():
            first, second, _ = sims.get(name, (0.0, 0.0, -1))
            score = (first + SECOND_NEIGHBOUR_WEIGHT * second) / (1 + SECOND_NEIGHBOUR_WEIGHT)
            score += min(KEYWORD_BONUS * hits.get(name, 0), KEYWORD_BONUS_CAP)
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
            scores[name] = score
        return scores


def _keyword_index(
    keywords: Mapping[str, tuple[frozenset[str], tuple[str, ...]]],
) -> dict[str, tuple[tuple[str, ...], tuple[tuple[str, str], ...]]]:
    """First word → the intents with it as a single keyword, and the (" padded phrase ",
    intent) pairs it begins: a message's keywords are found from its own few tokens."""
    singles: dict[str, list[str]] = defaultdict(list)
    phrases: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for name, (words, padded) in keywords.items():
        for word in words:
            singles[word].append(name)
        for phrase in padded:
            phrases[phrase.split()[0]].append((phrase, name))
    return {w: (tuple(singles.get(w, ())), tuple(phrases.get(w, ()))) for w in {*singles, *phrases}}
