"""Precision, recall, F1 and one-to-one matching, shared by the scorers.

Every ratio with a zero denominator is 0.0: a scorer that predicts nothing has
precision 0, not an undefined value that would poison an average.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

L = TypeVar("L")
R = TypeVar("R")


def ratio(part: int, whole: int) -> float:
    """``part / whole``, or 0.0 when ``whole`` is 0."""
    return part / whole if whole else 0.0


def precision(tp: int, fp: int) -> float:
    return ratio(tp, tp + fp)


def recall(tp: int, fn: int) -> float:
    return ratio(tp, tp + fn)


def f1(p: float, r: float) -> float:
    """Harmonic mean of precision and recall, 0.0 when both are 0."""
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class PRF:
    """Counts of true positives, false positives and false negatives, and their ratios."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return precision(self.tp, self.fp)

    @property
    def recall(self) -> float:
        return recall(self.tp, self.fn)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    @property
    def support(self) -> int:
        """How many gold items there were."""
        return self.tp + self.fn

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


def micro(scores: Iterable[PRF]) -> PRF:
    """Pool the counts of several scores."""
    total = PRF()
    for score in scores:
        total = total + score
    return total


def macro_f1(scores: Iterable[PRF]) -> float:
    """Unweighted mean of the F1 of each score; 0.0 for no scores."""
    values = [s.f1 for s in scores]
    return sum(values) / len(values) if values else 0.0


def max_matching(
    left: Sequence[L], right: Sequence[R], compatible: Callable[[L, R], bool]
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching between ``left`` and ``right`` (Kuhn's augmenting paths).

    Returns (left index, right index) pairs sorted by left index. Deterministic:
    left items are tried in order and each tries right items in order, so ties
    go to the earlier item.
    """
    edges = [[j for j, r in enumerate(right) if compatible(item, r)] for item in left]
    owner: list[int | None] = [None] * len(right)

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            current = owner[j]
            if current is None or augment(current, seen):
                owner[j] = i
                return True
        return False

    for i in range(len(left)):
        augment(i, set())
    return sorted((i, j) for j, i in enumerate(owner) if i is not None)
