"""Writing records and reading them back gives the same records."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_corpus import NewStore, NewUrl

from bilat.records import Article, Event
from bilat.store import EventQuery, open_store
from strategies import articles_with_events, batches

Batch = list[tuple[Article, list[Event]]]
# new_store is a function-scoped factory; every example calls it for a store of its own.
_slow = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _sorted(events: list[Event]) -> list[Event]:
    # The order a store promises: by date start, undated last, then id.
    return sorted(events, key=lambda e: (e.date is None, e.date.start if e.date else None, e.id))


@_slow
@given(batches())
def test_batch_reads_back_equal(new_store: NewStore, batch: Batch) -> None:
    with new_store() as store:
        assert store.write_batch(batch) == len(batch)
        for article, events in batch:
            assert store.article(article.id) == article
            assert store.events(EventQuery(article_id=article.id)) == _sorted(events)
        everything = [e for _, events in batch for e in events]
        assert store.events(EventQuery()) == _sorted(everything)
        assert store.articles() == [a for a, _ in batch]
        assert store.count_articles() == len(batch)
        assert store.count_events(EventQuery()) == len(everything)


@_slow
@given(batches(), batches())
def test_writing_again_stores_nothing_new(new_store: NewStore, first: Batch, second: Batch) -> None:
    with new_store() as store:
        store.write_batch(first)
        known = {a.id for a, _ in first}
        new = [item for item in second if item[0].id not in known]
        assert store.write_batch(second) == len(new)
        assert store.write_batch(first) == 0
        assert store.write_batch(second) == 0
        expected = {a.id: a for a, _ in first} | {a.id: a for a, _ in new}
        assert store.count_articles() == len(expected)
        assert store.count_events(EventQuery()) == sum(len(events) for _, events in first + new)


@_slow
@given(articles_with_events())
def test_repeated_article_in_one_batch_is_stored_once(
    new_store: NewStore, item: tuple[Article, list[Event]]
) -> None:
    with new_store() as store:
        assert store.write_batch([item, item]) == 1
        assert store.count_events(EventQuery()) == len(item[1])


@_slow
@given(batches(), st.lists(st.text(max_size=8), max_size=3))
def test_article_ids_reports_only_stored_ones(
    new_store: NewStore, batch: Batch, others: list[str]
) -> None:
    with new_store() as store:
        store.write_batch(batch)
        stored = {a.id for a, _ in batch}
        # Generated ids are 64-hex digests; short texts can never collide with them.
        assert store.article_ids([*stored, *others]) == stored
        assert all(store.has_article(i) for i in stored)
        assert not any(store.has_article(o) for o in others)


def test_store_keeps_records_after_reopening(new_url: NewUrl, sample: Batch) -> None:
    url = new_url()
    with open_store(url) as store:
        store.write_batch(sample)
    with open_store(url, read_only=True) as store:
        assert store.articles() == [a for a, _ in sample]
        assert store.events(EventQuery()) == _sorted([e for _, es in sample for e in es])
