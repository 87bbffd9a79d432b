"""EventQuery filters and the summary counts, on the hand-made corpus of conftest.py."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from store_corpus import ARTICLES, EVENTS

from bilat.records import Actor, Article, EventType, Mention, Status
from bilat.store import EventQuery
from bilat.store.common import SQLStore

# Every event by date start, then the undated ones by id.
ALL = ["e06", "e03", "e08", "e09", "e01", "e07", "e05", "e02", "e04", "e10"]


def _ids(store: SQLStore, query: EventQuery) -> list[str]:
    return [e.id for e in store.events(query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EventQuery(), ALL),
        (EventQuery(dyad=("PAK", "RUS")), ["e01", "e05", "e02"]),
        (EventQuery(dyad=("RUS", "PAK")), ["e01", "e05", "e02"]),
        (EventQuery(dyad=("IND", "USA")), ["e03", "e08"]),
        (EventQuery(actor="PAK"), ["e01", "e07", "e05", "e02"]),
        (EventQuery(actor="RUS", status=Status.OCCURRED), ["e01", "e05"]),
        (EventQuery(type=EventType.AGREE), ["e01", "e10"]),
        (EventQuery(since=date(2021, 9, 26)), ["e01", "e05", "e02"]),
        (EventQuery(until=date(2019, 12, 31)), ["e06", "e03"]),
        (
            EventQuery(since=date(2021, 1, 1), until=date(2021, 12, 31)),
            ["e09", "e01", "e07", "e05"],
        ),
        (EventQuery(status=Status.OCCURRED), ["e03", "e08", "e01", "e07", "e05", "e10"]),
        (EventQuery(min_confidence=0.6), ["e03", "e01", "e07", "e05", "e04"]),
        (EventQuery(article_id=ARTICLES["A2"].id), ["e03", "e04"]),
        (EventQuery(actor="XXX"), []),
        (EventQuery(limit=3, offset=2), ALL[2:5]),
        (EventQuery(offset=8), ALL[8:]),
        (EventQuery(limit=0), []),
        (EventQuery(status=Status.OCCURRED, limit=2, offset=1), ["e08", "e01"]),
    ],
)
def test_event_query_finds_known_events(
    filled: SQLStore, query: EventQuery, expected: list[str]
) -> None:
    assert _ids(filled, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EventQuery(), 10),
        (EventQuery(limit=3, offset=2), 10),
        (EventQuery(dyad=("RUS", "PAK"), limit=1), 3),
        (EventQuery(min_confidence=0.6), 5),
        (EventQuery(since=date(2030, 1, 1)), 0),
    ],
)
def test_count_events_ignores_paging(filled: SQLStore, query: EventQuery, expected: int) -> None:
    assert filled.count_events(query) == expected


def test_actor_counts_count_each_event_once(filled: SQLStore) -> None:
    # e07 is PAK on both sides and counts once; e06's unresolved target counts for nobody.
    assert filled.actor_counts() == [
        ("IND", "India", 5),
        ("PAK", "Pakistan", 4),
        ("RUS", "Russia", 4),
        ("CHN", "China", 2),
        ("USA", "United States", 2),
    ]


def test_dyad_counts_rank_by_events_then_articles(filled: SQLStore) -> None:
    # IND-USA and CHN-IND have two events each; IND-USA spans two articles, so it leads.
    # PAK-PAK (e07) is no dyad, as in Event.dyad.
    assert filled.dyad_counts() == [("PAK", "RUS", 3), ("IND", "USA", 2), ("CHN", "IND", 2)]


def test_empty_store_has_no_counts(store: SQLStore) -> None:
    assert store.actor_counts() == []
    assert store.dyad_counts() == []
    assert store.events(EventQuery()) == []
    assert store.count_articles() == 0


def test_articles_page_in_stored_order(filled: SQLStore) -> None:
    names = [a.body for a in filled.articles()]
    assert names == ["A1", "A2", "A3"]
    assert [a.body for a in filled.articles(limit=1, offset=1)] == ["A2"]
    assert [a.body for a in filled.articles(offset=2)] == ["A3"]
    assert filled.article("missing") is None


def test_text_sorts_by_code_point(store: SQLStore) -> None:
    # As Python and DuckDB sort, whatever the PostgreSQL server's locale: "B" < "_" < "a".
    article = Article("f" * 64, "case.txt", "case")
    events = [
        dataclasses.replace(
            EVENTS[3],  # undated, so only ids order them
            id=id_,
            evidence=dataclasses.replace(EVENTS[3].evidence, article_id=article.id),
            source=Mention(code, 0, 1, Actor(code, code)),
            target=Mention(other, 0, 1, Actor(other, other)),
        )
        for id_, code, other in [("e-a", "a", "B"), ("e_B", "B", "a"), ("eZ", "_x", "a")]
    ]
    store.write_batch([(article, events)])
    assert _ids(store, EventQuery()) == sorted(e.id for e in events)
    assert store.dyad_counts() == [("B", "a", 2), ("_x", "a", 1)]
    assert [code for code, _, _ in store.actor_counts()] == ["a", "B", "_x"]
