"""Dyad timelines, series, cooperation index, sectors, drivers and change points."""

from __future__ import annotations

from typing import Any

import pytest

from bilat.analysis.dyads import (
    SeriesPoint,
    change_points,
    cooperation_index,
    drivers,
    sectors,
    series,
    timeline,
)
from bilat.fuse import fuse
from bilat.records import Event, EventType, Status
from factories import day, event, year


def _event(
    id_: str,
    type_: EventType = EventType.CONSULT,
    *,
    pair: tuple[str, str] = ("PAK", "RUS"),
    **fields: Any,
) -> Event:
    """An event of its own article, its sentence naming its id, so no two fuse by wording."""
    sentence = f"Sentence {id_} about {pair[0]} and {pair[1]}."
    return event(type_, *pair, id_=id_, article=f"art-{id_}", sentence=sentence, **fields)


def _point(period: str, cooperation: float) -> SeriesPoint:
    return SeriesPoint(period, (1, 0, 0, 0), 1, 0.0, cooperation)


def test_cooperation_index_on_a_known_mix() -> None:
    events = [
        _event("a", EventType.AGREE, intensity=2.5),
        _event("b", EventType.AID, intensity=7.5),
        _event("c", EventType.ACCUSE, intensity=-2.0),
        _event("d", EventType.ASSAULT, intensity=-8.0),
        _event("e", EventType.AGREE, intensity=5.0, status=Status.PLANNED),  # not counted
    ]
    # coop 2.5 + 7.5 = 10, conflict 2 + 8 = 10
    assert cooperation_index(events) == 0.0
    assert cooperation_index(events[:3]) == pytest.approx((10 - 2) / 12)
    assert cooperation_index(events[2:4]) == -1.0
    assert cooperation_index([]) == 0.0
    # unscored events weigh 1
    assert cooperation_index([_event("x"), _event("y", EventType.REJECT)]) == 0.0
    assert cooperation_index(events, statuses=set(Status)) == pytest.approx(5 / 25)


def test_series_counts_per_month_with_gaps_filled() -> None:
    events = [
        _event("a", EventType.CONSULT, when=day(2021, 9, 30), intensity=2.0),
        _event("b", EventType.AID, when=day(2021, 9, 2), intensity=7.0),
        _event("c", EventType.THREATEN, when=day(2021, 11, 5), intensity=-4.0),
        _event("d", EventType.ASSAULT, when=day(2021, 11, 6), intensity=-9.0),
        _event("e", EventType.AGREE),  # undated: left out
        _event(
            "f",
            EventType.AGREE,
            when=year(2021),
        ),  # too coarse for a monthly series
    ]
    points = series(events)
    assert [p.period for p in points] == ["2021-09", "2021-10", "2021-11"]
    assert [p.quads for p in points] == [(1, 1, 0, 0), (0, 0, 0, 0), (0, 0, 1, 1)]
    assert [p.total for p in points] == [2, 0, 2]
    assert points[0].mean_intensity == pytest.approx(4.5)
    assert points[2].mean_intensity == pytest.approx(-6.5)
    assert points[0].cooperation == 1.0 and points[2].cooperation == -1.0
    yearly = series(events, "year")
    assert [(p.period, p.total) for p in yearly] == [("2021", 5)]


def test_series_of_nothing_is_empty() -> None:
    assert series([]) == []


def test_series_crosses_year_boundaries() -> None:
    events = [_event("a", when=day(2021, 11, 1)), _event("b", when=day(2022, 2, 1))]
    periods = [p.period for p in series(events)]
    assert periods == ["2021-11", "2021-12", "2022-01", "2022-02"]


def test_change_point_found_at_a_known_step() -> None:
    values = [0.8] * 6 + [-0.6] * 6
    points = [_point(f"2020-{i + 1:02d}", v) for i, v in enumerate(values)]
    [cp] = change_points(points)
    assert cp.period == "2020-07"
    assert cp.before == pytest.approx(0.8)
    assert cp.after == pytest.approx(-0.6)
    assert cp.shift == pytest.approx(-1.4)


def test_no_change_point_in_a_flat_or_noisy_series() -> None:
    flat = [_point(f"2020-{i + 1:02d}", 0.5) for i in range(12)]
    noisy = [_point(f"2020-{i + 1:02d}", 0.5 + (0.1 if i % 2 else -0.1)) for i in range(12)]
    assert change_points(flat) == []
    assert change_points(noisy) == []
    assert change_points(flat[:4]) == []


def test_change_points_skip_empty_periods() -> None:
    values = [0.9, 0.9, 0.9, -0.9, -0.9, -0.9]
    points = [_point(f"2020-{i + 1:02d}", v) for i, v in enumerate(values)]
    empty = SeriesPoint("2020-03b", (0, 0, 0, 0), 0, 0.0, 0.0)
    [cp] = change_points([*points[:3], empty, *points[3:]])
    assert cp.period == "2020-04"


def test_two_steps_give_two_change_points() -> None:
    values = [1.0] * 4 + [-1.0] * 4 + [1.0] * 4
    points = [_point(f"p{i:02d}", v) for i, v in enumerate(values)]
    assert [cp.period for cp in change_points(points)] == ["p04", "p08"]


def test_sectors_count_events_per_context() -> None:
    events = [
        _event("a", contexts=("military", "economic")),
        _event("b", contexts=("military",)),
        _event("c", contexts=("economic", "military", "military")),
        _event("d", contexts=("health",), status=Status.PLANNED),
    ]
    assert sectors(events) == [("military", 3), ("economic", 2), ("health", 1)]
    assert sectors(events, statuses={Status.OCCURRED}) == [("military", 3), ("economic", 2)]


def test_drivers_ranking() -> None:
    dyad = [_event(f"d{i}") for i in range(4)]
    others = [_event(f"o{i}", pair=("IND", "USA")) for i in range(4)]
    mentions = {
        "d0": ("USA", "AFG", "PAK"),
        "d1": ("USA", "AFG"),
        "d2": ("AFG", "CHN"),
        "d3": ("USA",),
        "o0": ("CHN",),
        "o1": ("CHN",),
        "o2": ("CHN",),
    }
    ranked = drivers(dyad, dyad + others, "PAK", "RUS", mentions)
    codes = [code for code, _ in ranked]
    # AFG and USA each in 3 of 4 dyad events; USA is also an actor in all the others.
    assert codes == ["AFG", "USA", "CHN"]
    assert "PAK" not in codes
    scores = dict(ranked)
    assert scores["AFG"] > scores["USA"] > scores["CHN"] > 0
    # With the dyad as its own baseline, a score is the share of events naming the party.
    alone = dict(drivers(dyad, dyad, "PAK", "RUS", mentions))
    assert alone["AFG"] == pytest.approx(0.75)
    assert drivers([], others, "PAK", "RUS", mentions) == []


def test_timeline_is_date_ordered_with_undated_last() -> None:
    events = [
        _event("b", when=day(2022, 2, 24)),
        _event("u"),
        _event("a", when=day(2019, 3, 1)),
        _event("x", when=day(2020, 1, 1), pair=("IND", "USA")),
    ]
    items = timeline(fuse(events), "RUS", "PAK")
    assert [i.lead.id for i in items] == ["a", "b", "u"]
    assert items[0].date == day(2019, 3, 1)
    assert items[-1].date is None
    assert items[0].sources == 1 and items[0].source == "PAK" and items[0].target == "RUS"
