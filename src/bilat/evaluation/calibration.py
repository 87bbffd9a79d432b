"""Is confidence a probability? Precision of predicted events by confidence band.

Built from rule 6 results (an event is right when it matches a gold event, typed).
``calibration_table`` lists, for each band, how many predicted events fall in it and
how many of them are right; ``threshold_for`` finds the lowest confidence from which
the events at or above it reach a wanted precision. ``calibration_samples`` keeps each
predicted event's confidence features and whether it is right, so that ``out_of_fold``
can score the fitted confidence model (``bilat.nlp.learned.confidence``) on events no
fit of it saw.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from bilat.evaluation.events import EventsResult
from bilat.evaluation.metrics import ratio
from bilat.nlp.learned.confidence import ConfidenceModel, Sample, feature_values, out_of_fold

BANDS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9)


def _pairs(result: EventsResult) -> list[tuple[float, bool]]:
    right = [(e.confidence, True) for _, _, e in result.matched]
    wrong = [(e.confidence, False) for _, e in result.spurious]
    return right + wrong


def calibration_table(result: EventsResult) -> list[dict[str, Any]]:
    """One row per band: ``from``, ``n`` events, ``right``, and ``precision`` of the
    events at or above the band's lower bound (``precision_at_or_above``)."""
    return bands(_pairs(result))


def calibration_samples(result: EventsResult) -> list[list[Any]]:
    """[document, feature values, right] for every predicted event (JSON-friendly)."""
    right = [[doc, feature_values(e), True] for _, doc, e in result.matched]
    wrong = [[doc, feature_values(e), False] for doc, e in result.spurious]
    return right + wrong


def out_of_fold_pairs(samples: Iterable[Sequence[Any]]) -> list[tuple[float, bool]]:
    """(confidence, right) for every sample, the confidence from the shipped model's
    features fitted on the other folds' documents only."""
    features = [name for name, _ in ConfidenceModel.load().weights]
    rows: list[Sample] = [(str(doc), values, bool(ok)) for doc, values, ok in samples]
    return out_of_fold(rows, features)


def bands(pairs: Sequence[tuple[float, bool]]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for low, high in zip(BANDS, (*BANDS[1:], 1.01), strict=True):
        inside = [ok for c, ok in pairs if low <= c < high]
        above = [ok for c, ok in pairs if c >= low]
        rows.append(
            {
                "from": low,
                "n": len(inside),
                "right": sum(inside),
                "precision": ratio(sum(inside), len(inside)),
                "precision_at_or_above": ratio(sum(above), len(above)),
            }
        )
    return rows


def merged(tables: Iterable[Sequence[dict[str, Any]]]) -> list[tuple[float, int, int]]:
    """(band lower bound, n, right) summed over several tables of the same bands."""
    totals: dict[float, list[int]] = {}
    for table in tables:
        for row in table:
            n_right = totals.setdefault(float(row["from"]), [0, 0])
            n_right[0] += int(row["n"])
            n_right[1] += int(row["right"])
    return [(low, n, right) for low, (n, right) in sorted(totals.items())]


def threshold_for(rows: Sequence[tuple[float, int, int]], wanted: float) -> float | None:
    """The lowest band bound whose events at or above it are at least ``wanted`` right."""
    for i, (low, _, _) in enumerate(rows):
        n = sum(r[1] for r in rows[i:])
        right = sum(r[2] for r in rows[i:])
        if n and right / n >= wanted:
            return low
    return None
