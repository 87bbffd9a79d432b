"""Filtered and paged reads agree with the same filter applied in Python, on every backend;
and a DuckDB file written one connection per operation (``hold=False``, as `bilat ingest`
writes) reads back equal from another connection."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_corpus import NewStore

from bilat.records import Article, Event, EventType, Status
from bilat.store import EventQuery, open_store
from strategies import CODES, batches

Batch = list[tuple[Article, list[Event]]]
_slow = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

queries = st.builds(
    EventQuery,
    dyad=st.none() | st.tuples(st.sampled_from(CODES), st.sampled_from(CODES)),
    actor=st.none() | st.sampled_from(CODES),
    type=st.none() | st.sampled_from(EventType),
    since=st.none() | st.just(date(1950, 1, 1)),
    status=st.none() | st.sampled_from(Status),
    min_confidence=st.sampled_from([0.0, 0.25, 0.5, 0.9]),
)


def matches(e: Event, q: EventQuery) -> bool:
    """EventQuery's documented meaning, in Python."""
    source, target = e.source.code, e.target.code if e.target else None
    if q.dyad is not None and (source, target) not in (q.dyad, q.dyad[::-1]):
        return False
    if q.actor is not None and q.actor not in (source, target):
        return False
    if q.since is not None and (e.date is None or e.date.end < q.since):
        return False
    return (
        (q.type is None or e.type is q.type)
        and (q.status is None or e.status is q.status)
        and e.confidence >= q.min_confidence
    )


def _sorted(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.date is None, e.date.start if e.date else None, e.id))


@_slow
@given(batches(max_size=5), st.lists(queries, min_size=1, max_size=4))
def test_queries_answer_as_the_filter_says(
    new_store: NewStore, batch: Batch, asked: list[EventQuery]
) -> None:
    everything = [e for _, events in batch for e in events]
    with new_store() as store:
        store.write_batch(batch)
        for query in asked:
            expected = _sorted([e for e in everything if matches(e, query)])
            assert store.events(query) == expected
            assert store.count_events(query) == len(expected)


@_slow
@given(batches(max_size=5), st.integers(min_value=1, max_value=4))
def test_pages_partition_the_result(new_store: NewStore, batch: Batch, size: int) -> None:
    with new_store() as store:
        store.write_batch(batch)
        whole = store.events(EventQuery())
        pages = [
            store.events(EventQuery(limit=size, offset=start))
            for start in range(0, len(whole) + size, size)
        ]
        assert [e for page in pages for e in page] == whole
        assert all(len(page) <= size for page in pages)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(batches(max_size=3), max_size=3))
def test_a_store_opened_per_operation_reads_back_equal(batches_: list[Batch]) -> None:
    # tmp_path is one folder for every hypothesis example: a folder per example instead.
    with tempfile.TemporaryDirectory(prefix="bilat-hold-") as folder:
        path = str(Path(folder) / "store.duckdb")
        articles: dict[str, Article] = {}
        events: list[Event] = []
        with open_store(path, hold=False) as store:
            for batch in batches_:
                new = {a.id: (a, es) for a, es in batch if a.id not in articles}
                assert store.write_batch(batch) == len(new)
                for article, article_events in new.values():
                    articles[article.id] = article
                    events.extend(article_events)  # a repeat keeps its first events
        with open_store(path, read_only=True) as reader:
            assert reader.articles() == list(articles.values())
            assert reader.events(EventQuery()) == _sorted(events)
