"""Rule 3: PLOVER GSR records, label map, type and country-code accuracy."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bilat.errors import ResourceInvalid
from bilat.evaluation.plover import (
    PloverRecord,
    country_code,
    load_plover,
    score_plover,
    score_record,
)
from bilat.records import Event, EventType

MakeEvent = Callable[..., Event]

GSR: list[dict[str, Any]] = [
    {"id": "DOC-1", "event": "DOCUMENT", "eventText": "internal documentation"},
    {
        "id": "R1",
        "event": "DEMAND",
        "text": "Russia demanded that Ukraine withdraw.",
        "source": [{"actorText": "Russia", "code": "RUS", "sector": "GOV"}],
        "target": [{"actorText": "Ukraine", "code": "UKR"}],
        "textInfo": {"markup": "(SRC: Russia) (EVT: demanded) that (TAR: Ukraine) withdraw."},
    },
    {
        "id": "R2",
        "event": "DISAPPROVE",
        "text": "The UN criticised Japan.",
        "source": [{"actorText": "UN", "code": "IGO"}],
        "target": [{"actorText": "Japan", "code": "JAP"}],
    },
    {
        "id": "R3",
        "event": "AGREE",
        "text": "Hungary and Romania agreed.",
        "source": [
            {"actorText": "Hungary", "code": "HUN"},
            {"actorText": "Romania", "code": "ROU"},
        ],
        "target": "",
        "context": "refugees",
        "textInfo": {"markup": "(SRC/TAR: Hungary) and (SRC/TAR: Romania) (EVT: agreed)."},
    },
    {
        "id": "R4",
        "event": "FIGHT",
        "text": "Rebels fought troops.",
        "source": [{"actorText": "Rebels", "code": "REB"}],
        "target": None,
    },
    {
        "id": "R5",
        "event": "INVESTIGATE",
        "text": "France probed the deal.",
        "source": [{"actorText": "France", "code": "FRA"}],
        "target": "diplomatic",
    },
]


@pytest.fixture
def records(tmp_path: Path) -> list[PloverRecord]:
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(GSR), encoding="utf-8")
    return load_plover(path)


def test_load_drops_document_and_maps_labels(records: list[PloverRecord]) -> None:
    assert [r.id for r in records] == ["R1", "R2", "R3", "R4", "R5"]
    assert [r.type for r in records] == [
        EventType.REQUEST,
        EventType.ACCUSE,
        EventType.AGREE,
        EventType.ASSAULT,
        EventType.ACCUSE,
    ]
    assert records[1].mode == "disapprove" and records[4].mode == "investigate"
    assert records[2].reciprocal and not records[0].reciprocal
    assert records[2].target == () and records[4].target == ()
    assert records[0].source[0].sector == "GOV"


def test_load_rejects_an_unknown_label(tmp_path: Path) -> None:
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps([{"id": "X", "event": "DANCE", "text": "t"}]), encoding="utf-8")
    with pytest.raises(ResourceInvalid, match="record X"):
        load_plover(path)


def test_country_codes() -> None:
    assert country_code("PAK") == "PAK"
    assert country_code("JAP") == "JPN" and country_code("ITL") == "ITA"
    assert country_code("VTN") == "VNM"
    assert country_code("SUN") == "SUN"
    for not_a_country in ("IGO", "NGO", "IMG", "ISM", "REB", "", None):
        assert country_code(not_a_country) is None


def _perfect(make_event: MakeEvent) -> dict[str, list[Event]]:
    return {
        "Russia demanded that Ukraine withdraw.": [make_event(EventType.REQUEST, "RUS", "UKR")],
        "The UN criticised Japan.": [make_event(EventType.ACCUSE, "UN", "JPN")],
        "Hungary and Romania agreed.": [make_event(EventType.AGREE, "HUN", "ROU")],
        "Rebels fought troops.": [make_event(EventType.ASSAULT, "REB", None)],
        "France probed the deal.": [make_event(EventType.ACCUSE, "FRA", None)],
    }


def test_plover_perfect_predictor_scores_one(
    records: list[PloverRecord], make_event: MakeEvent
) -> None:
    answers = _perfect(make_event)
    out = score_plover(records, lambda texts: [answers[t] for t in texts]).as_dict()
    assert out["n"] == 5
    assert out["type_accuracy"] == 1.0
    # Slots: RUS, UKR, JPN (from JAP), HUN, ROU, FRA; IGO and REB are not countries.
    assert out["country_slots"] == 6
    assert out["country_accuracy"] == 1.0
    assert out["per_type"]["ACCUSE"] == {"n": 2, "accuracy": 1.0}


def test_plover_empty_predictor_scores_zero(records: list[PloverRecord]) -> None:
    out = score_plover(records, lambda texts: [[] for _ in texts]).as_dict()
    assert out["type_accuracy"] == 0.0
    assert out["country_accuracy"] == 0.0


def test_plover_partial_predictor_by_hand(
    records: list[PloverRecord], make_event: MakeEvent
) -> None:
    answers = _perfect(make_event)
    # Roles swapped: type right, both country slots wrong.
    answers["Russia demanded that Ukraine withdraw."] = [
        make_event(EventType.REQUEST, "UKR", "RUS")
    ]
    # Wrong type, but its actor codes still count for the country slot.
    answers["France probed the deal."] = [make_event(EventType.REJECT, "FRA", None)]
    out = score_plover(records, lambda texts: [answers[t] for t in texts]).as_dict()
    assert out["type_accuracy"] == pytest.approx(4 / 5)
    assert out["country_accuracy"] == pytest.approx(4 / 6)


def test_country_codes_come_from_events_of_the_lead_type(
    records: list[PloverRecord], make_event: MakeEvent
) -> None:
    demand = records[0]
    events = [
        make_event(EventType.ASSAULT, "RUS", "USA", intensity=-9),
        make_event(EventType.REQUEST, "RUS", "UKR", intensity=-1),
    ]
    # Lead type ASSAULT: RUS is its source, UKR is a target only of the REQUEST event.
    outcome = score_record(demand, events)
    assert outcome.predicted is EventType.ASSAULT
    assert (outcome.countries_right, outcome.countries_total) == (1, 2)


def test_symmetric_events_count_either_role(
    records: list[PloverRecord], make_event: MakeEvent
) -> None:
    demand = records[0]
    swapped = make_event(EventType.REQUEST, "UKR", "RUS")
    assert score_record(demand, [swapped]).countries_right == 0
    symmetric = make_event(EventType.REQUEST, "UKR", "RUS", symmetric=True)
    assert score_record(demand, [symmetric]).countries_right == 2


def test_compound_source_split_into_events(
    records: list[PloverRecord], make_event: MakeEvent
) -> None:
    agree = records[2]  # reciprocal HUN + ROU, both in the gold source
    split = [make_event(EventType.AGREE, "HUN", None), make_event(EventType.AGREE, "ROU", None)]
    assert score_record(agree, split).countries_right == 2


def test_real_gsr_loads() -> None:
    path = Path(__file__).resolve().parents[4] / "shared" / "eval" / "plover"
    if not path.is_dir():
        pytest.skip("../shared/eval is absent")
    records = load_plover(path / "PLOVER_GSR_CAMEO.txt")
    assert len(records) == 322
    assert all(isinstance(r.type, EventType) for r in records)
