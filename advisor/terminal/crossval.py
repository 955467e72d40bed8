"""`advisor eval --cv K`: stratified K-fold cross-validation of the intent ranker.

Each intent's examples are spread over K folds; a classifier is built from K-1 folds and
ranks the held-out one. Fold membership comes from a hash of the example's text, not from
its position in the file or a random draw: the same catalog always gives the same folds,
and adding one example moves no other. Every held-out example is scored three ways:
the hand-weighted score alone (today's scorer before the learned model), the learned
linear model alone, and the blend the engine uses. Only the ranker's top intent counts;
the out-of-scope gate and the dialogue rules are not part of this measure. (The speller's
vocabulary still knows every example's words: a small leak in favour of all three.)
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TextIO

from advisor.config import CV_FOLDS, LINEAR_BLEND
from advisor.errors import UsageError
from advisor.knowledge.catalog import Intent
from advisor.text import normalize, tokenize
from advisor.understand.entities import EntityExtractor, Parsed
from advisor.understand.intents import IntentClassifier

if TYPE_CHECKING:
    from advisor.engine import Advisor

# scorer name -> blend weight of the learned probability: 0 is the hand-weighted score
# alone; a huge weight ranks by the learned model alone (hand scores only break its ties)
SCORERS: tuple[tuple[str, float], ...] = (("hand", 0.0), ("learned", 1e6), ("blend", LINEAR_BLEND))


@dataclass(frozen=True)
class CVResult:
    folds: int
    cases: int
    accuracy: dict[str, float]  # scorer -> share of held-out examples ranked right
    per_intent: dict[str, dict[str, float]]  # intent -> scorer -> accuracy
    support: dict[str, int]  # intent -> held-out examples

    def to_dict(self) -> dict[str, object]:
        return {
            "folds": self.folds,
            "cases": self.cases,
            "accuracy": self.accuracy,
            "per_intent": {n: {**a, "n": self.support[n]} for n, a in self.per_intent.items()},
        }


def assign_folds(intents: Iterable[Intent], k: int) -> dict[tuple[str, str], int]:
    """(intent, example) → fold: within an intent, examples sorted by a hash of their
    text are dealt round-robin; each intent starts where the last one stopped, so the
    folds stay the same size.

    >>> from advisor.knowledge.catalog import Intent
    >>> a = Intent("a", "", ("x", "y", "z"), ())
    >>> sorted(assign_folds([a], 3).values())
    [0, 1, 2]
    """
    folds: dict[tuple[str, str], int] = {}
    start = 0
    for intent in sorted(intents, key=lambda i: i.name):
        ordered = sorted(set(intent.examples), key=lambda e: (_digest(e), e))
        for offset, example in enumerate(ordered):
            folds[(intent.name, example)] = (start + offset) % k
        start += len(ordered)
    return folds


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cross_validate(
    intents: Iterable[Intent],
    extractor: EntityExtractor,
    k: int = CV_FOLDS,
    career_roles: frozenset[str] = frozenset(),
) -> CVResult:
    """Train on K-1 folds, rank the held-out fold, for every fold; see the module docstring."""
    catalog = sorted(intents, key=lambda i: i.name)
    if k < 2:
        raise UsageError(f"--cv needs at least 2 folds, not {k}")
    fold_of = assign_folds(catalog, k)
    parsed = {e: extractor.parse(tokenize(normalize(e)), repair=False) for i in catalog for e in i.examples}
    right: dict[str, dict[str, int]] = {i.name: dict.fromkeys(_names(), 0) for i in catalog}
    support = {i.name: 0 for i in catalog}
    for fold in range(k):
        train = [
            replace(i, examples=tuple(e for e in i.examples if fold_of[(i.name, e)] != fold)) for i in catalog
        ]
        classifier = IntentClassifier(train, extractor, career_roles, parsed)
        for intent in catalog:
            held = sorted({e for e in intent.examples if fold_of[(intent.name, e)] == fold})
            for example in held:
                support[intent.name] += 1
                for scorer, got in _predict(classifier, parsed[example]).items():
                    right[intent.name][scorer] += got == intent.name
    cases = sum(support.values())
    total = {s: sum(r[s] for r in right.values()) for s in _names()}
    return CVResult(
        folds=k,
        cases=cases,
        accuracy={s: total[s] / cases if cases else 0.0 for s in _names()},
        per_intent={
            n: {s: r[s] / support[n] if support[n] else 0.0 for s in _names()} for n, r in right.items()
        },
        support=support,
    )


def _names() -> list[str]:
    return [name for name, _ in SCORERS]


def _predict(classifier: IntentClassifier, parsed: Parsed) -> Mapping[str, str]:
    return {name: classifier.rank(parsed, blend=blend)[0].intent for name, blend in SCORERS}


def cross_validate_engine(engine: Advisor, k: int = CV_FOLDS) -> CVResult:
    """Cross-validate over the engine's own intent catalog."""
    careers = engine.classifier.career_roles
    return cross_validate(engine.catalog.values(), engine.extractor, k, careers)


def cv_command(engine: Advisor, k: int, as_json: bool, out: TextIO) -> int:
    """`advisor eval --cv [K]`: print the report (JSON with --json); exit code 0."""
    result = cross_validate_engine(engine, k)
    out.write(json.dumps(result.to_dict(), indent=2) + "\n" if as_json else format_cv(result))
    return 0


def format_cv(result: CVResult) -> str:
    """The report: overall accuracy of each scorer, then per intent (fits 80 columns)."""
    head = "   ".join(f"{name} {result.accuracy[name]:.1%}" for name in _names())
    out = [
        f"{result.folds}-fold cross-validation over {result.cases} intent examples",
        f"top intent right: {head}",
        "(hand: nearest example + keyword / entity bonuses; learned: the linear model;",
        " blend: what the engine ranks by)",
        "",
        f"{'intent':26} {'n':>4} " + " ".join(f"{name:>8}" for name in _names()),
    ]
    for name, accuracy in result.per_intent.items():
        cells = " ".join(f"{accuracy[s]:8.1%}" for s in _names())
        out.append(f"{name:26} {result.support[name]:4} {cells}")
    return "\n".join(out) + "\n"
