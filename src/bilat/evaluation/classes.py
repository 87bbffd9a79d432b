"""Rule 1: the CAMEO pentaclass of a sentence, from the events bilat finds in it.

The predicted class of a sentence is the quad (1-4) of its event with the
highest absolute PLOVER intensity (the first such event on a tie), or 0 when
bilat finds no event. Reported: accuracy, macro-F1 over the classes that occur
in the gold labels or the predictions (all five on any real set), per-class
precision/recall/F1/support, and the confusion matrix.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilat.errors import ResourceInvalid
from bilat.evaluation.metrics import PRF, macro_f1, ratio
from bilat.records import Event

CLASSES = (0, 1, 2, 3, 4)

SentencePredictor = Callable[[Sequence[str]], Sequence[Sequence[Event]]]
"""Takes a batch of sentences, returns the events found in each, in order."""


@dataclass(frozen=True, slots=True)
class ClassItem:
    """One gold sentence and its class 0-4."""

    text: str
    label: int


def load_classes(path: Path) -> list[ClassItem]:
    """Read ``sentence<TAB>class`` lines; blank lines are skipped."""
    items: list[ClassItem] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        text, sep, label = line.rpartition("\t")
        if not sep or label.strip() not in {str(c) for c in CLASSES}:
            raise ResourceInvalid(f"{path}:{number}: expected sentence<TAB>class 0-4")
        items.append(ClassItem(text, int(label)))
    return items


def lead_event(events: Sequence[Event]) -> Event | None:
    """The event with the highest absolute intensity; the first one on a tie."""
    best: Event | None = None
    for event in events:
        if best is None or abs(event.intensity) > abs(best.intensity):
            best = event
    return best


def predicted_class(events: Sequence[Event]) -> int:
    """The quad of the lead event, 0 when there is none."""
    lead = lead_event(events)
    return lead.type.quad if lead else 0


def predict_all(predict: SentencePredictor, texts: Sequence[str]) -> Sequence[Sequence[Event]]:
    """Run ``predict`` once over all texts and check it answered for each."""
    found = predict(texts)
    if len(found) != len(texts):
        raise ValueError(f"predictor returned {len(found)} results for {len(texts)} sentences")
    return found


@dataclass(frozen=True, slots=True)
class ClassesResult:
    """Figures of rule 1. ``confusion[gold][predicted]`` counts sentences."""

    n: int
    correct: int
    per_class: tuple[tuple[int, PRF], ...]
    confusion: tuple[tuple[int, ...], ...]

    @property
    def accuracy(self) -> float:
        return ratio(self.correct, self.n)

    @property
    def macro_f1(self) -> float:
        used = [prf for _, prf in self.per_class if prf.tp + prf.fp + prf.fn]
        return macro_f1(used)

    def as_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "accuracy": self.accuracy,
            "macro_f1": self.macro_f1,
            "per_class": {
                str(label): {**prf.as_dict(), "support": prf.support}
                for label, prf in self.per_class
            },
            "confusion": [list(row) for row in self.confusion],
        }


def score_classes(items: Sequence[ClassItem], predict: SentencePredictor) -> ClassesResult:
    """Score ``predict`` on ``items`` (one call with every sentence)."""
    found = predict_all(predict, [item.text for item in items])
    confusion = [[0] * len(CLASSES) for _ in CLASSES]
    for item, events in zip(items, found, strict=True):
        confusion[item.label][predicted_class(events)] += 1
    per_class = []
    for label in CLASSES:
        tp = confusion[label][label]
        fp = sum(confusion[gold][label] for gold in CLASSES) - tp
        fn = sum(confusion[label]) - tp
        per_class.append((label, PRF(tp, fp, fn)))
    return ClassesResult(
        n=len(items),
        correct=sum(confusion[c][c] for c in CLASSES),
        per_class=tuple(per_class),
        confusion=tuple(tuple(row) for row in confusion),
    )
