"""The store-wide monthly tally behind the home page's chart, on every backend."""

from __future__ import annotations

from datetime import date

from bilat.analysis.dyads import monthly_series
from bilat.records import (
    Actor,
    Article,
    DateSpan,
    Event,
    EventType,
    Evidence,
    Granularity,
    Mention,
    Status,
    article_id,
)
from bilat.store.common import SQLStore

BODY = "Pakistan and Russia met. Russia accused Pakistan. They met again."


def _event(n: int, type_: EventType, span: DateSpan | None, **kw: object) -> Event:
    return Event(
        id=f"m{n}",
        type=type_,
        source=Mention("Pakistan", 0, 8, Actor("PAK", "Pakistan")),
        target=Mention("Russia", 13, 19, Actor("RUS", "Russia")),
        evidence=Evidence(article_id(BODY), BODY[:24], 0, 24),
        date=span,
        **kw,  # type: ignore[arg-type]
    )


def _span(start: date, end: date, granularity: Granularity) -> DateSpan:
    return DateSpan(start, end, granularity)


def test_occurred_events_dated_to_a_month_are_tallied_by_month_and_type(
    store: SQLStore,
) -> None:
    day = _span(date(2021, 9, 3), date(2021, 9, 3), Granularity.DAY)
    month = _span(date(2021, 11, 1), date(2021, 11, 30), Granularity.MONTH)
    year = _span(date(2021, 1, 1), date(2021, 12, 31), Granularity.YEAR)
    events = [
        _event(1, EventType.CONSULT, day, intensity=1.0),
        _event(2, EventType.CONSULT, day),  # unscored: weighs 1
        _event(3, EventType.ACCUSE, month, intensity=-2.0),
        _event(4, EventType.ACCUSE, year, intensity=-2.0),  # a year is no month
        _event(5, EventType.ACCUSE, day, status=Status.PLANNED),  # not occurred
        _event(6, EventType.ACCUSE, None),  # undated
        _event(7, EventType.AID, day, intensity=7.0, confidence=0.1),
    ]
    store.write_batch([(Article(article_id(BODY), "m.txt", BODY), events)])
    assert store.monthly_types(0.0) == [
        ("2021-09", "AID", 1, 7.0),
        ("2021-09", "CONSULT", 2, 2.0),
        ("2021-11", "ACCUSE", 1, 2.0),
    ]
    assert [row[1] for row in store.monthly_types(0.5)] == ["CONSULT", "ACCUSE"]
    points = monthly_series((m, EventType(t), n, w) for m, t, n, w in store.monthly_types(0.0))
    assert [(p.period, p.quads) for p in points] == [
        ("2021-09", (2, 1, 0, 0)),
        ("2021-10", (0, 0, 0, 0)),
        ("2021-11", (0, 0, 1, 0)),
    ]
    assert points[0].cooperation == 1.0 and points[2].cooperation == -1.0
