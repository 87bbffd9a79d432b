"""Behaviour every backend shares: atomic batches, refusals, read-only use, closing."""

from __future__ import annotations

import dataclasses

import pytest
from store_corpus import EVENTS, Batch, NewUrl, nothing_stored, with_contexts

from bilat.errors import StoreError
from bilat.records import Article, Status
from bilat.store import EventQuery, open_store
from bilat.store.common import SQLStore


def test_constraint_violation_stores_nothing_of_the_batch(store: SQLStore, sample: Batch) -> None:
    good, bad, other = with_contexts(sample)
    article, events = bad
    broken = (article, [*events[:-1], dataclasses.replace(events[-1], confidence=1.5)])
    with pytest.raises(StoreError, match=f"could not store article {article.id[:12]}"):
        store.write_batch([good, broken, other])
    assert nothing_stored(store)
    # The store is still usable, and the good articles go in on their own.
    assert store.write_batch([good, other]) == 2
    assert not store.has_article(article.id)


def test_event_of_another_article_is_refused(store: SQLStore, sample: Batch) -> None:
    (a1, events), (a2, _), _ = sample
    with pytest.raises(StoreError, match="cites article"):
        store.write_batch([(a2, events)])
    assert store.write_batch([(a1, events)]) == 1


def test_duplicate_event_ids_are_refused(store: SQLStore, sample: Batch) -> None:
    article, events = sample[0]
    with pytest.raises(StoreError, match="occurs twice"):
        store.write_batch([(article, [*events, events[0]])])
    assert nothing_stored(store)


def test_empty_batch_and_article_without_events(store: SQLStore) -> None:
    assert store.write_batch([]) == 0
    lone = Article("x" * 64, "lone.txt", "nothing happened")
    assert store.write_batch([(lone, [])]) == 1
    assert store.article(lone.id) == lone
    assert store.events(EventQuery(article_id=lone.id)) == []


def test_read_only_store_reads_but_refuses_writes(new_url: NewUrl, sample: Batch) -> None:
    url = new_url()
    with open_store(url) as store:
        store.write_batch(sample[:1])
    with open_store(url, read_only=True) as store:
        assert store.count_events(EventQuery()) == len(sample[0][1])
        with pytest.raises(StoreError, match="read-only"):
            store.write_batch(sample[1:])
        with pytest.raises(StoreError, match="read-only"):
            store.start_run()


def test_read_only_needs_an_existing_store(new_url: NewUrl) -> None:
    url = new_url()
    with pytest.raises(StoreError, match="no bilat store there yet"):
        open_store(url, read_only=True)
    with open_store(url) as store:  # and refusing created nothing half-way
        assert store.count_articles() == 0


def test_closed_store_says_so(store: SQLStore) -> None:
    store.close()
    store.close()  # closing twice is harmless
    with pytest.raises(StoreError, match="closed"):
        store.count_articles()


def test_context_manager_closes(new_url: NewUrl) -> None:
    with open_store(new_url()) as store:
        store.write_batch([])
    with pytest.raises(StoreError, match="closed"):
        store.events(EventQuery())


def test_events_fixture_covers_every_status() -> None:
    # Guard for the query tests: the corpus must keep exercising every status.
    assert {e.status for e in EVENTS} == set(Status)
