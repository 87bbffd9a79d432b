"""bilat.analysis.compare: dyad-month counts of two event sets."""

from __future__ import annotations

from datetime import date

from bilat.analysis.compare import compare, month_of
from bilat.records import Actor, DateSpan, Event, EventType, Evidence, Granularity, Mention


def _event(a: str, b: str | None, type_: EventType, span: DateSpan | None) -> Event:
    target = None if b is None else Mention(b, 0, 1, Actor(b, b))
    return Event(
        id=f"{a}{b}{type_}",
        type=type_,
        source=Mention(a, 0, 1, Actor(a, a)),
        target=target,
        evidence=Evidence("x", "s", 0, 1),
        date=span,
    )


def _day(y: int, m: int, d: int) -> DateSpan:
    return DateSpan(date(y, m, d), date(y, m, d), Granularity.DAY)


def test_month_of_needs_a_date_within_one_month() -> None:
    assert month_of(_event("PAK", "RUS", EventType.AGREE, _day(2021, 9, 30))) == "2021-09"
    year = DateSpan(date(2021, 1, 1), date(2021, 12, 31), Granularity.YEAR)
    assert month_of(_event("PAK", "RUS", EventType.AGREE, year)) is None
    assert month_of(_event("PAK", "RUS", EventType.AGREE, None)) is None


def test_compare_counts_each_side_by_sorted_dyad_and_month() -> None:
    left = [
        _event("RUS", "PAK", EventType.AGREE, _day(2021, 9, 1)),
        _event("PAK", "RUS", EventType.ACCUSE, _day(2021, 9, 20)),
        _event("PAK", None, EventType.PROTEST, _day(2021, 9, 20)),
    ]
    right = [
        _event("PAK", "RUS", EventType.CONSULT, _day(2021, 9, 3)),
        _event("USA", "RUS", EventType.SANCTION, _day(2021, 10, 3)),
        _event("RUS", "USA", EventType.ACCUSE, _day(2021, 10, 9)),
        _event("USA", "RUS", EventType.SANCTION, None),
    ]
    found = compare(left, right)
    assert [(r.a, r.b, r.month) for r in found.rows] == [
        ("PAK", "RUS", "2021-09"),
        ("RUS", "USA", "2021-10"),
    ]
    first = found.rows[0]
    assert (first.left.events, first.left.cooperation, first.left.conflict) == (2, 1, 1)
    assert (first.right.events, first.right.cooperation) == (1, 1)
    assert (found.both, found.only_left, found.only_right) == (1, 0, 1)
    assert found.unplaced == (1, 1)
    assert found.correlation is not None
    assert round(found.correlation, 6) == -1.0


def test_correlation_is_none_when_a_side_does_not_vary() -> None:
    one = [_event("PAK", "RUS", EventType.AGREE, _day(2021, 9, 1))]
    assert compare(one, one).correlation is None
