"""A linear intent model learned from the examples: an averaged multi-class perceptron.

Pure Python, sparse: weights are kept per feature as {label: weight}, so scoring a
message touches only the message's own few features. Training visits the examples in
an order set by a hash of each example and a fixed seed and updates on every example whose true label does not
lead the best wrong one by a margin (a hinge loss); the weights are averaged over all
steps, which steadies them like regularisation. Deterministic: the same examples give
the same weights, and ties are broken by label name.

>>> model = train([({"pay": 1.0}, "salary"), ({"hello": 1.0}, "greeting")], epochs=3, seed=1)
>>> model.best({"pay": 1.0}), model.best({"hello": 1.0})
('salary', 'greeting')
"""

from __future__ import annotations

import math
import zlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from advisor.config import LINEAR_MARGIN, LINEAR_SETTLED

Features = Mapping[str, float]


class LinearModel(NamedTuple):
    """Labels (sorted) and sparse weights; immutable (a NamedTuple imports faster than a
    frozen dataclass, and the engine cache unpickles it on every start)."""

    labels: tuple[str, ...]
    weights: Mapping[str, Mapping[str, float]]  # feature -> label -> weight

    def scores(self, feats: Features) -> dict[str, float]:
        """Raw score of every label (0.0 for labels no feature speaks for)."""
        totals = dict.fromkeys(self.labels, 0.0)
        for feat, value in feats.items():
            for label, weight in self.weights.get(feat, {}).items():
                totals[label] += value * weight
        return totals

    def best(self, feats: Features) -> str:
        """The top label; ties go to the alphabetically first label."""
        totals = self.scores(feats)
        return min(totals, key=lambda label: (-totals[label], label))

    def probabilities(self, feats: Features, temperature: float) -> dict[str, float]:
        """Softmax of the scores divided by `temperature` (higher: flatter)."""
        totals = self.scores(feats)
        top = max(totals.values(), default=0.0)
        scale = 1.0 / temperature
        exps = {label: math.exp((s - top) * scale) for label, s in totals.items()}
        norm = sum(exps.values()) or 1.0
        return {label: e / norm for label, e in exps.items()}


def train(
    samples: Sequence[tuple[Features, str]],
    epochs: int,
    seed: int,
    margin: float = LINEAR_MARGIN,
    settled: float = LINEAR_SETTLED,
) -> LinearModel:
    """Learn weights from (features, label) samples; see the module docstring.

    After the first pass, an example whose true label led by `settled` x `margin` when
    last seen is skipped: it would not update, and skipping makes every later pass cost
    a few per cent of the first.
    """
    labels = tuple(sorted({label for _, label in samples}))
    weights: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    # averaging trick: avg = w - stamped / step, where stamped sums step * each update
    stamped: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    keys = [example_key(feats, label) for feats, label in samples]
    leads = [0.0] * len(samples)
    step = 1
    for epoch in range(epochs):
        order = visit_order(keys, seed, epoch)
        skip = settled * margin if epoch > 0 else math.inf
        for index in order:
            if leads[index] < skip:
                feats, gold = samples[index]
                wrong, leads[index] = _worst_rival(weights, feats, gold, labels)
                if wrong and leads[index] < margin:
                    _update(weights, stamped, feats, gold, wrong, step)
            step += 1
    averaged: dict[str, dict[str, float]] = {}
    for feat, row in weights.items():
        mark = stamped[feat]
        kept = {label: w - mark[label] / step for label, w in row.items()}
        kept = {label: w for label, w in sorted(kept.items()) if abs(w) > 1e-9}
        if kept:
            averaged[feat] = kept
    return LinearModel(labels, averaged)


def example_key(feats: Features, label: str) -> bytes:
    """What an example is, independent of where it stands in the list."""
    return "\x1f".join([label, *sorted(feats)]).encode()


def visit_order(keys: Sequence[bytes], seed: int, epoch: int) -> list[int]:
    """The order one pass visits the examples in: by a hash of each example's key, the seed
    and the pass. One example more or less leaves the order of all the others as it was
    (a shuffle of the list would deal a new order), so a small change to the examples
    moves few decisions."""
    salt = f"{seed}:{epoch}:".encode()
    return sorted(range(len(keys)), key=lambda i: (zlib.crc32(salt + keys[i]), i))


def _update(
    weights: dict[str, dict[str, float]],
    stamped: dict[str, dict[str, float]],
    feats: Features,
    gold: str,
    wrong: str,
    step: int,
) -> None:
    """Move the weights toward the gold label and away from the rival."""
    for feat, value in feats.items():
        row, mark = weights[feat], stamped[feat]
        row[gold] += value
        row[wrong] -= value
        mark[gold] += step * value
        mark[wrong] -= step * value


def _worst_rival(
    weights: Mapping[str, Mapping[str, float]], feats: Features, gold: str, labels: tuple[str, ...]
) -> tuple[str, float]:
    """The best-scoring wrong label and how far the gold label leads it (labels no
    feature speaks for score 0.0; among equal rivals the first one met wins)."""
    totals: dict[str, float] = {}
    get = totals.get
    for feat, value in feats.items():
        row = weights.get(feat)
        if row:
            for label, weight in row.items():
                totals[label] = get(label, 0.0) + value * weight
    gold_score = totals.pop(gold, 0.0)
    rival, rival_score = "", -math.inf
    if totals:
        rival = max(totals, key=totals.__getitem__)
        rival_score = totals[rival]
    if rival_score < 0.0 and len(totals) < len(labels) - 1:
        rival = next(label for label in labels if label != gold and label not in totals)
        rival_score = 0.0
    return rival, gold_score - rival_score
