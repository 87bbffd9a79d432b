"""The store-wide monthly tally behind the home page's chart, on every backend."""

from __future__ import annotations

from typing import Any

from bilat.analysis.dyads import monthly_series
from bilat.records import DateSpan, Event, EventType, Status
from bilat.store.common import SQLStore
from factories import article, day, event, mention, month, year

BODY = "Pakistan and Russia met. Russia accused Pakistan. They met again."
ARTICLE = article(BODY, source="m.txt")


def _event(n: int, type_: EventType, span: DateSpan | None, **kw: Any) -> Event:
    target = mention("RUS", start=13)
    return event(
        type_, "PAK", target, id_=f"m{n}", article=ARTICLE.id, sentence=BODY[:24], when=span, **kw
    )


def test_occurred_events_dated_to_a_month_are_tallied_by_month_and_type(
    store: SQLStore,
) -> None:
    on_day, in_month, in_year = day(2021, 9, 3), month(2021, 11), year(2021)
    events = [
        _event(1, EventType.CONSULT, on_day, intensity=1.0),
        _event(2, EventType.CONSULT, on_day),  # unscored: weighs 1
        _event(3, EventType.ACCUSE, in_month, intensity=-2.0),
        _event(4, EventType.ACCUSE, in_year, intensity=-2.0),  # a year is no month
        _event(5, EventType.ACCUSE, on_day, status=Status.PLANNED),  # not occurred
        _event(6, EventType.ACCUSE, None),  # undated
        _event(7, EventType.AID, on_day, intensity=7.0, confidence=0.1),
    ]
    store.write_batch([(ARTICLE, events)])
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
