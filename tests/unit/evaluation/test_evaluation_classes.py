"""Rule 1: sentence class from the lead event's quad."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from bilat.errors import ResourceInvalid
from bilat.evaluation.classes import (
    ClassItem,
    lead_event,
    load_classes,
    predicted_class,
    score_classes,
)
from bilat.records import Event, EventType

MakeEvent = Callable[..., Event]

# One event type per quad 1-4.
QUAD_TYPE = {1: EventType.CONSULT, 2: EventType.AID, 3: EventType.ACCUSE, 4: EventType.ASSAULT}


def _gold(tmp_path: Path, rows: Sequence[tuple[str, int]]) -> list[ClassItem]:
    path = tmp_path / "class.tsv"
    path.write_text("".join(f"{t}\t{c}\n" for t, c in rows) + "\n", encoding="utf-8")
    return load_classes(path)


ROWS = [("a said", 0), ("b met c", 1), ("b aided c", 2), ("b blamed c", 3), ("b hit c", 4)]


def test_load_classes_reads_text_and_label(tmp_path: Path) -> None:
    items = _gold(tmp_path, [("tabs\tinside", 3), *ROWS])
    assert items[0] == ClassItem("tabs\tinside", 3)
    assert len(items) == 6


def test_load_classes_rejects_a_bad_label(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("a sentence\t7\n", encoding="utf-8")
    with pytest.raises(ResourceInvalid, match=r"bad\.tsv:1"):
        load_classes(path)


def test_lead_event_is_highest_absolute_intensity_first_on_tie(make_event: MakeEvent) -> None:
    calm = make_event(EventType.CONSULT, intensity=2.5)
    war = make_event(EventType.ASSAULT, intensity=-9.0)
    aid = make_event(EventType.AID, intensity=9.0)
    assert lead_event([calm, war]) is war
    assert lead_event([war, aid]) is war
    assert lead_event([aid, war]) is aid
    assert lead_event([]) is None
    assert predicted_class([]) == 0
    assert predicted_class([calm, war]) == 4


def test_classes_perfect_predictor_scores_one(tmp_path: Path, make_event: MakeEvent) -> None:
    items = _gold(tmp_path, ROWS)
    by_text = {t: c for t, c in ROWS}

    def predict(texts: Sequence[str]) -> list[list[Event]]:
        return [[make_event(QUAD_TYPE[by_text[t]])] if by_text[t] else [] for t in texts]

    result = score_classes(items, predict)
    assert result.accuracy == 1.0
    assert result.macro_f1 == 1.0
    assert result.as_dict()["per_class"]["3"] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "support": 1,
    }


def test_empty_predictor_predicts_class_zero(tmp_path: Path) -> None:
    items = _gold(tmp_path, ROWS)
    result = score_classes(items, lambda texts: [[] for _ in texts])
    assert result.accuracy == pytest.approx(0.2)
    # Class 0: P 1/5, R 1, F1 1/3; classes 1-4 all zero -> macro (1/3)/5.
    assert result.macro_f1 == pytest.approx(1 / 15)
    assert result.confusion[3] == (1, 0, 0, 0, 0)


def test_classes_partial_predictor_by_hand(tmp_path: Path, make_event: MakeEvent) -> None:
    items = _gold(tmp_path, [("x", 1), ("y", 1), ("z", 2), ("w", 0)])
    answers = {"x": [EventType.CONSULT], "y": [EventType.AID], "z": [EventType.AID], "w": []}

    def predict(texts: Sequence[str]) -> list[list[Event]]:
        return [[make_event(t) for t in answers[s]] for s in texts]

    result = score_classes(items, predict)
    out = result.as_dict()
    assert out["n"] == 4
    assert out["accuracy"] == pytest.approx(0.75)
    # class 0: 1/1/1; class 1: P 1, R .5, F1 2/3; class 2: P .5, R 1, F1 2/3.
    assert out["macro_f1"] == pytest.approx((1 + 2 / 3 + 2 / 3) / 3)
    assert out["confusion"][1] == [0, 1, 1, 0, 0]


def test_predictor_answering_for_the_wrong_number_of_sentences_fails(tmp_path: Path) -> None:
    items = _gold(tmp_path, ROWS)
    with pytest.raises(ValueError, match="5 sentences"):
        score_classes(items, lambda texts: [])
