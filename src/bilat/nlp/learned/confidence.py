"""An event's confidence: how likely it is right, fitted on the dev sets.

A logistic model over a few things known of a finished event (``FEATURES``), fitted on
the predicted events of every rule 6 dev set, each labelled right when it matches a gold
event (typed). Features are chosen by forward selection on out-of-fold log loss, folds
fixed by a hash of the document's name, so no event is scored by a fit that saw it
(``scripts/fit_confidence.py``; the fitted weights ship in
``resources/models/confidence.json``, described in its MODEL_CARD.md). Neither the event
model's belief in the class nor the side rules' confidence separated right events from
wrong ones on the dev sets; whether the act is told as having happened and whether its
date was read in the text did (and, less, whether only the plain subject-object rule
found its sides).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from bilat.records import Event, Status

MODEL_FILE = Path(__file__).resolve().parents[2] / "resources" / "models" / "confidence.json"

# What may predict that an event is right; each reads the finished event only.
FEATURES: Mapping[str, Callable[[Event], float]] = {
    "occurred": lambda e: float(e.status is Status.OCCURRED),
    "date_read": lambda e: float(e.date is not None and not e.date.inferred),
    "undated": lambda e: float(e.date is None),
    "symmetric": lambda e: float(e.symmetric),
    "amount": lambda e: float(bool(e.amounts)),
    "default_rule": lambda e: float(e.rule == "subject-object"),
}
FOLDS = 5
L2 = 1.0
# A feature joins the model only when it lowers out-of-fold log loss by this much (nats).
MIN_GAIN = 0.005


def feature_values(event: Event) -> dict[str, float]:
    """Every candidate feature of ``event``, by name."""
    return {name: read(event) for name, read in FEATURES.items()}


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    """P(right) = logistic(intercept + sum of weight x feature)."""

    intercept: float
    weights: tuple[tuple[str, float], ...]

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> ConfidenceModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        unknown = set(data["weights"]) - set(FEATURES)
        if unknown:
            raise ValueError(f"{path}: unknown confidence features {sorted(unknown)}")
        return cls(float(data["intercept"]), tuple(data["weights"].items()))

    def probability(self, values: Mapping[str, float]) -> float:
        z = self.intercept + sum(w * values[name] for name, w in self.weights)
        return 1 / (1 + math.exp(-z))

    def weighed(self, event: Event) -> Event:
        """``event`` with its confidence set to the model's probability that it is right."""
        return replace(event, confidence=round(self.probability(feature_values(event)), 3))


Row = tuple[Mapping[str, float], bool]  # (feature values, right)


def fit(rows: Sequence[Row], features: Sequence[str]) -> ConfidenceModel:
    """L2-regularised logistic regression by Newton's method (the intercept unpenalised)."""
    x = np.array([[1.0, *(values[f] for f in features)] for values, _ in rows])
    y = np.array([float(ok) for _, ok in rows])
    penalty = np.diag([0.0, *([L2] * len(features))])
    w = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-x @ w))
        step = np.linalg.solve((x.T * (p * (1 - p))) @ x + penalty, x.T @ (p - y) + penalty @ w)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return ConfidenceModel(float(w[0]), tuple(zip(features, map(float, w[1:]), strict=True)))


def fold_of(doc: str) -> int:
    """The cross-validation fold of a document, fixed by its name."""
    return int(hashlib.sha256(doc.encode("utf-8")).hexdigest(), 16) % FOLDS


Sample = tuple[str, Mapping[str, float], bool]  # (document, feature values, right)


def out_of_fold(samples: Sequence[Sample], features: Sequence[str]) -> list[tuple[float, bool]]:
    """Each sample's probability from a fit on the other folds' documents, with its label."""
    out: list[tuple[float, bool]] = []
    folds = [fold_of(doc) for doc, _, _ in samples]
    models = {
        k: fit([(v, ok) for (_, v, ok), f in zip(samples, folds, strict=True) if f != k], features)
        for k in set(folds)
    }
    for (_, values, ok), k in zip(samples, folds, strict=True):
        out.append((models[k].probability(values), ok))
    return out


def log_loss(scored: Sequence[tuple[float, bool]]) -> float:
    eps = 1e-9
    return -sum(math.log(max(eps, p if ok else 1 - p)) for p, ok in scored) / max(1, len(scored))


def select_features(samples: Sequence[Sample]) -> list[tuple[str, float]]:
    """Forward selection on out-of-fold log loss: the chosen features in order, each with
    the log loss after it joined (the first entry is ``("", loss of the intercept)``)."""
    chosen: list[str] = []
    path = [("", log_loss(out_of_fold(samples, [])))]
    while len(chosen) < len(FEATURES):
        tried = [
            (log_loss(out_of_fold(samples, [*chosen, name])), name)
            for name in FEATURES
            if name not in chosen
        ]
        loss, name = min(tried)
        if path[-1][1] - loss < MIN_GAIN:
            break
        chosen.append(name)
        path.append((name, loss))
    return path
