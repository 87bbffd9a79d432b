"""PostgreSQL specifics: concurrent writers, URLs and failures mid-batch.

What every backend shares is tested on PostgreSQL too, through the parametrized
fixtures of conftest.py; these tests are about what only a server can do.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import pytest
from store_corpus import Batch, nothing_stored, with_contexts

import postgres_server
from bilat.errors import StoreError
from bilat.records import (
    Actor,
    Amount,
    Article,
    Event,
    EventType,
    Evidence,
    Mention,
    article_id,
    event_id,
)
from bilat.store import EventQuery, Store, open_store

psycopg = pytest.importorskip("psycopg")
from bilat.store import postgres as store_postgres  # noqa: E402  (needs psycopg)
from bilat.store.postgres import PostgresStore, redact  # noqa: E402


@pytest.fixture
def url(postgres: postgres_server.Server) -> str:
    return postgres.schema_url(postgres.new_schema())


def _corpus(n: int) -> Batch:
    """n articles with three events each, every event with a context and an amount."""
    batch: Batch = []
    for i in range(n):
        article = Article(article_id(f"article {i}"), f"{i}.txt", f"article {i}")
        events = []
        for k, (source, target) in enumerate([("PAK", "RUS"), ("RUS", "CHN"), ("IND", "PAK")]):
            start = 10 * k
            events.append(
                Event(
                    id=event_id(article.id, start, "AGREE", source, target),
                    type=EventType.AGREE,
                    source=Mention(source, 0, 3, Actor(source, source)),
                    target=Mention(target, 4, 7, Actor(target, target)),
                    evidence=Evidence(article.id, f"sentence {k} of {i}", start, start + 9),
                    contexts=("energy", f"c{k}"),
                    amounts=(Amount(Decimal("1.50E+3"), "USD", "1,500 dollars"),),
                )
            )
        batch.append((article, events))
    return batch


def _ingest(url: str, items: Batch, size: int, ready: Any, done: Any) -> None:
    """One ingest process: open the store, then write ``items`` in batches of ``size``."""
    ready.wait()  # both open (and so migrate) the fresh schema at once
    with open_store(url) as store:
        ready.wait()  # and then write at once
        done.put(sum(store.write_batch(items[i : i + size]) for i in range(0, len(items), size)))


def test_concurrent_ingests_store_each_article_once(url: str) -> None:
    corpus = _corpus(60)
    # Overlapping thirds, written in opposite orders, so the two meet on the same rows.
    first, second = corpus[:45], corpus[15:][::-1]
    spawn = multiprocessing.get_context("spawn")  # forking would share this process's sockets
    ready, done = spawn.Barrier(2), spawn.Queue()
    workers = [
        spawn.Process(target=_ingest, args=(url, items, 5, ready, done))
        for items in (first, second)
    ]
    for worker in workers:
        worker.start()
    try:
        for worker in workers:
            worker.join(timeout=120)
            assert worker.exitcode == 0
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.kill()
    stored = [done.get(timeout=5), done.get(timeout=5)]
    assert sum(stored) == len(corpus)  # each article counted new by exactly one process
    with open_store(url, read_only=True) as store:
        assert store.count_articles() == len(corpus)
        assert store.count_events(EventQuery()) == 3 * len(corpus)
        for article, events in corpus:
            assert store.article(article.id) == article
            found = store.events(EventQuery(article_id=article.id))
            assert sorted(found, key=lambda e: e.id) == sorted(events, key=lambda e: e.id)


def test_failure_after_some_rows_leaves_nothing(
    url: str, sample: Batch, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = store_postgres._Writer.execute

    def execute_then_fail(self: Any, query: str, params: Sequence[Any] = ()) -> object:
        result = real(self, query, params)
        if "INTO event_contexts" in query:
            raise psycopg.errors.DiskFull("disk full")
        return result

    monkeypatch.setattr(store_postgres._Writer, "execute", execute_then_fail)
    with PostgresStore(url) as store:
        with pytest.raises(StoreError, match="disk full"):
            store.write_batch(with_contexts(sample))
        assert nothing_stored(store)


def test_open_store_gives_a_postgres_store(url: str) -> None:
    store: Store = open_store(url)  # (mypy checks PostgresStore against Store in open_store)
    with store:
        assert isinstance(store, PostgresStore)
        assert "t_" in repr(store)
    with open_store(url.replace("postgresql://", "postgresql+psycopg://", 1)) as again:
        assert again.count_articles() == 0


def test_read_only_session_refuses_writes_behind_the_store(url: str) -> None:
    open_store(url).close()
    with PostgresStore(url, read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store._all("INSERT INTO runs (id, started) VALUES ('x', now()) RETURNING id")
        assert store.runs() == []


def test_redact_drops_only_the_password() -> None:
    assert redact("postgresql://u:p%40ss@h:5/db?sslmode=require") == (
        "postgresql://u@h:5/db?sslmode=require"
    )
    assert redact("postgresql://h/db?password=x&application_name=bilat") == (
        "postgresql://h/db?application_name=bilat"
    )
    assert redact("postgresql:///db") == "postgresql:///db"
