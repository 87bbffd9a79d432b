"""Rule 6: document events against a gold JSONL."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bilat.errors import ResourceInvalid
from bilat.evaluation.events import GoldEvent, load_gold, normalise_text, score_events
from bilat.records import Event, EventType, Granularity, Status

MakeEvent = Callable[..., Event]

S1 = "In late September 2021, the Pakistan-Russia JMCC met for the third time."
S2 = "Diplomatic relations were established in the fifties,  after   talks."
S3 = "Moscow came to Islamabad’s rescue by sending 50,000 doses."

GOLD: list[dict[str, Any]] = [
    {
        "doc": "a.txt",
        "type": "CONSULT",
        "actors": ["RUS", "PAK"],
        "date": "2021-09",
        "status": "occurred",
        "quote": "met for the third time",
    },
    {
        "doc": "a.txt",
        "type": "SUPPORT",
        "actors": ["PAK", "SUN"],
        "date": "195",
        "status": "occurred",
        "quote": "established in the fifties, after talks",
    },
    {
        "doc": "b.txt",
        "type": "AID",
        "actors": ["RUS", "PAK"],
        "date": None,
        "status": "occurred",
        "quote": "came to Islamabad's rescue",
    },
]


def _write(tmp_path: Path, rows: list[dict[str, Any]]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n\n" for r in rows), "utf-8")
    return path


@pytest.fixture
def gold(tmp_path: Path) -> list[GoldEvent]:
    return load_gold(_write(tmp_path, GOLD))


def _perfect(make_event: MakeEvent) -> dict[str, list[Event]]:
    return {
        "a.txt": [
            make_event("CONSULT", "PAK", "RUS", sentence=S1, when=(2021, 9, 28)),
            make_event(
                "SUPPORT",
                "SUN",
                "PAK",
                sentence=S2,
                when=(1950, 1, 1),
                granularity=Granularity.DECADE,
            ),
        ],
        "b.txt": [make_event("AID", "RUS", "PAK", sentence=S3)],
    }


def test_load_gold_sorts_actors_and_reads_fields(gold: list[GoldEvent]) -> None:
    assert gold[0].actors == ("PAK", "RUS")
    assert gold[0].type is EventType.CONSULT and gold[0].status is Status.OCCURRED
    assert gold[1].date == "195" and gold[2].date is None
    assert [g.line for g in gold] == [1, 3, 5]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("type", "HUG", "HUG"),
        ("actors", ["PAK"], "actors"),
        ("actors", ["PAK", "PAK"], "actors"),
        ("date", "Sept 2021", "date"),
        ("status", "rumoured", "rumoured"),
        ("quote", "", "quote"),
    ],
)
def test_load_gold_rejects_bad_lines(
    tmp_path: Path, field: str, value: object, message: str
) -> None:
    path = _write(tmp_path, [{**GOLD[0], field: value}])
    with pytest.raises(ResourceInvalid, match=f"gold.jsonl:1: .*{message}"):
        load_gold(path)


def test_events_perfect_predictor_scores_one(gold: list[GoldEvent], make_event: MakeEvent) -> None:
    result = score_events(gold, _perfect(make_event))
    assert result.as_dict() == {
        "n_gold": 3,
        "n_pred": 3,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "untyped": {"precision": 1.0, "recall": 1.0, "f1": 1.0},
    }
    assert not result.missed and not result.spurious


def test_events_empty_predictor_scores_zero(gold: list[GoldEvent]) -> None:
    result = score_events(gold, {})
    assert result.as_dict()["f1"] == 0.0 and result.as_dict()["n_pred"] == 0
    assert result.missed == tuple(gold)


def test_each_condition_can_fail_a_match(gold: list[GoldEvent], make_event: MakeEvent) -> None:
    consult = gold[0]
    ok = {"sentence": S1, "when": (2021, 9, 28)}
    cases = {
        "other doc": ("b.txt", make_event("CONSULT", "PAK", "RUS", **ok)),
        "other pair": ("a.txt", make_event("CONSULT", "PAK", "CHN", **ok)),
        "one side unresolved": ("a.txt", make_event("CONSULT", "PAK", (None, 0, 3), **ok)),
        "wrong month": (
            "a.txt",
            make_event("CONSULT", "PAK", "RUS", sentence=S1, when=(2021, 10, 1)),
        ),
        "no date": ("a.txt", make_event("CONSULT", "PAK", "RUS", sentence=S1)),
        "coarser date": (
            "a.txt",
            make_event(
                "CONSULT",
                "PAK",
                "RUS",
                sentence=S1,
                when=(2021, 1, 1),
                granularity=Granularity.YEAR,
            ),
        ),
        "quote elsewhere": (
            "a.txt",
            make_event("CONSULT", "PAK", "RUS", sentence=S3, when=(2021, 9, 28)),
        ),
    }
    for name, (doc, event) in cases.items():
        result = score_events([consult], {doc: [event]})
        assert result.typed.tp == 0, name
        assert result.untyped.tp == 0, name


def test_type_is_ignored_only_in_untyped(gold: list[GoldEvent], make_event: MakeEvent) -> None:
    wrong_type = make_event("AGREE", "PAK", "RUS", sentence=S1, when=(2021, 9, 28))
    result = score_events(gold[:1], {"a.txt": [wrong_type]})
    assert result.typed.tp == 0
    assert result.untyped.tp == 1


def test_decade_and_null_dates(gold: list[GoldEvent], make_event: MakeEvent) -> None:
    fifties = gold[1]
    in_1957 = make_event("SUPPORT", "PAK", "SUN", sentence=S2, when=(1957, 3, 1))
    in_1960 = make_event("SUPPORT", "PAK", "SUN", sentence=S2, when=(1960, 3, 1))
    assert score_events([fifties], {"a.txt": [in_1957]}).typed.tp == 1
    assert score_events([fifties], {"a.txt": [in_1960]}).typed.tp == 0
    undated_gold = gold[2]
    for when in (None, (1999, 1, 1)):
        aid = make_event("AID", "PAK", "RUS", sentence=S3, when=when)
        assert score_events([undated_gold], {"b.txt": [aid]}).typed.tp == 1


def test_quote_comparison_folds_case_space_and_typography() -> None:
    assert normalise_text("Came  to\nIslamabad’s RESCUE") == "came to islamabad's rescue"
    assert normalise_text("India–Soviet") == "india-soviet"


def test_matching_is_one_to_one_and_maximum(make_event: MakeEvent) -> None:
    row = {
        "doc": "a.txt",
        "type": "CONSULT",
        "actors": ["PAK", "RUS"],
        "status": "occurred",
        "quote": "met for the third time",
    }
    from bilat.evaluation.events import gold_from_json

    month = gold_from_json({**row, "date": "2021-09"})
    anytime = gold_from_json({**row, "date": None})
    september = make_event("CONSULT", "PAK", "RUS", sentence=S1, when=(2021, 9, 28))
    may = make_event("CONSULT", "PAK", "RUS", sentence=S1, when=(2021, 5, 2))
    # Greedy would give `september` to `anytime` first and leave `month` unmatched.
    result = score_events([anytime, month], {"a.txt": [september, may]})
    assert result.typed.tp == 2
    # Two identical predictions for one gold: one match, one spurious.
    result = score_events([month], {"a.txt": [september, september]})
    assert (result.typed.tp, result.typed.fp, result.typed.fn) == (1, 1, 0)
    assert result.spurious == (("a.txt", september),)


def test_events_partial_predictor_by_hand(gold: list[GoldEvent], make_event: MakeEvent) -> None:
    predicted = _perfect(make_event)
    predicted["a.txt"][1] = make_event("AGREE", "SUN", "PAK", sentence=S2, when=(1955, 1, 1))
    predicted["c.txt"] = [make_event("ASSAULT", "IND", "PAK", sentence="India attacked.")]
    result = score_events(gold, predicted)
    # Typed: 2 of 3 gold found, 2 of 4 predictions right.
    assert result.typed.precision == pytest.approx(0.5)
    assert result.typed.recall == pytest.approx(2 / 3)
    # Untyped: the AGREE now matches the SUPPORT gold.
    assert result.untyped.precision == pytest.approx(0.75)
    assert result.untyped.recall == pytest.approx(1.0)
    details = result.details()
    assert [m["quote"] for m in details["missed"]] == [gold[1].quote]
    assert {s["doc"] for s in details["spurious"]} == {"a.txt", "c.txt"}
    assert len(details["matched"]) == 2
