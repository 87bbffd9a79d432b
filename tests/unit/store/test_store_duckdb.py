"""DuckDB specifics: atomic batches, read-only use, locks and closed stores."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from store_corpus import EVENTS, Batch

from bilat.errors import StoreError
from bilat.records import Article, Status
from bilat.store import EventQuery
from bilat.store import duckdb as store_duckdb
from bilat.store.duckdb import DuckDBStore


def _nothing_stored(store: DuckDBStore) -> bool:
    # Ask the child tables too: a partial write would show there first.
    counts = [
        store._one(f"SELECT COUNT(*) FROM {table}")
        for table in ("articles", "events", "event_contexts", "event_amounts")
    ]
    return counts == [0, 0, 0, 0]


def _with_contexts(sample: Batch) -> Batch:
    return [(a, [dataclasses.replace(e, contexts=("energy",)) for e in es]) for a, es in sample]


def test_constraint_violation_stores_nothing_of_the_batch(
    store: DuckDBStore, sample: Batch
) -> None:
    good, bad, other = _with_contexts(sample)
    article, events = bad
    broken = (article, [*events[:-1], dataclasses.replace(events[-1], confidence=1.5)])
    with pytest.raises(StoreError, match=f"could not store article {article.id[:12]}"):
        store.write_batch([good, broken, other])
    assert _nothing_stored(store)
    # The store is still usable, and the good articles go in on their own.
    assert store.write_batch([good, other]) == 2
    assert not store.has_article(article.id)


def test_failure_after_some_rows_leaves_no_partial_article(
    store: DuckDBStore, sample: Batch, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = store_duckdb._bulk

    def bulk_then_fail(conn: duckdb.DuckDBPyConnection, statement: str, table: list[Any]) -> None:
        real(conn, statement, table)
        if "INTO event_contexts" in statement:
            raise duckdb.IOException("disk full")

    monkeypatch.setattr(store_duckdb, "_bulk", bulk_then_fail)
    with pytest.raises(StoreError, match="disk full"):
        store.write_batch(_with_contexts(sample))
    assert _nothing_stored(store)


def test_event_of_another_article_is_refused(store: DuckDBStore, sample: Batch) -> None:
    (a1, events), (a2, _), _ = sample
    with pytest.raises(StoreError, match="cites article"):
        store.write_batch([(a2, events)])
    assert store.write_batch([(a1, events)]) == 1


def test_duplicate_event_ids_are_refused(store: DuckDBStore, sample: Batch) -> None:
    article, events = sample[0]
    with pytest.raises(StoreError, match="occurs twice"):
        store.write_batch([(article, [*events, events[0]])])
    assert _nothing_stored(store)


def test_empty_batch_and_article_without_events(store: DuckDBStore) -> None:
    assert store.write_batch([]) == 0
    lone = Article("x" * 64, "lone.txt", "nothing happened")
    assert store.write_batch([(lone, [])]) == 1
    assert store.article(lone.id) == lone
    assert store.events(EventQuery(article_id=lone.id)) == []


def test_read_only_store_reads_but_refuses_writes(tmp_path: Path, sample: Batch) -> None:
    path = tmp_path / "bilat.duckdb"
    with DuckDBStore(path) as store:
        store.write_batch(sample[:1])
    with DuckDBStore(path, read_only=True) as store:
        assert store.count_events(EventQuery()) == len(sample[0][1])
        with pytest.raises(StoreError, match="read-only"):
            store.write_batch(sample[1:])
        with pytest.raises(StoreError, match="read-only"):
            store.start_run()


def test_read_only_needs_an_existing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no bilat store there yet"):
        DuckDBStore(tmp_path / "missing.duckdb", read_only=True)
    assert not (tmp_path / "missing.duckdb").exists()


def test_same_file_in_two_modes_in_one_process(tmp_path: Path) -> None:
    path = tmp_path / "bilat.duckdb"
    with DuckDBStore(path), pytest.raises(StoreError, match="already open in this process"):
        DuckDBStore(path, read_only=True)


def test_garbage_file_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("not a database\n" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        DuckDBStore(path)


@pytest.fixture
def held(tmp_path: Path) -> Iterator[Path]:
    """A store file another process holds open for writing."""
    path = tmp_path / "held.duckdb"
    DuckDBStore(path).close()
    hold = (
        "import duckdb, sys; c = duckdb.connect(sys.argv[1]);"
        " print('ready', flush=True); sys.stdin.read()"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", hold, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    yield path
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait(timeout=30)


@pytest.mark.parametrize("read_only", [False, True])
def test_file_locked_by_another_process(held: Path, read_only: bool) -> None:
    with pytest.raises(StoreError, match="is locked by another bilat process"):
        DuckDBStore(held, read_only=read_only)


def test_closed_store_says_so(store: DuckDBStore) -> None:
    store.close()
    store.close()  # closing twice is harmless
    with pytest.raises(StoreError, match="closed"):
        store.count_articles()


def test_context_manager_closes(tmp_path: Path) -> None:
    path = tmp_path / "bilat.duckdb"
    with DuckDBStore(path) as store:
        store.write_batch([])
    with pytest.raises(StoreError, match="closed"):
        store.events(EventQuery())
    # Closed for real: another connection with other settings may open the file.
    duckdb.connect(str(path), read_only=True).close()


def test_events_fixture_covers_every_status() -> None:
    # Guard for the query tests: the corpus must keep exercising every status.
    assert {e.status for e in EVENTS} == set(Status)


def test_repr_names_the_file(tmp_path: Path) -> None:
    with DuckDBStore(tmp_path / "a.duckdb") as store:
        assert "a.duckdb" in repr(store)
