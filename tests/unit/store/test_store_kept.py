"""A server's read-only database kept open across requests, let go for writers
(``bilat.store.kept``)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from store_corpus import sample_batch

from bilat.client import Client
from bilat.config import Settings
from bilat.store import EventQuery, kept_reads, open_store
from bilat.store.duckdb import DuckDBStore
from bilat.store.kept import KeptReads

# Another bilat process writing the sample's first three articles through the turnstile,
# as `bilat ingest` does (held per batch, waiting up to 30 s for the file).
_WRITER = """
import sys
sys.path[:0] = sys.argv[2:]
from store_corpus import sample_batch
from bilat.store.duckdb import DuckDBStore
with DuckDBStore(sys.argv[1], hold=False, lock_wait=30) as store:
    print(store.write_batch(sample_batch()[:3]))
"""


def _until(done: Callable[[], bool], within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while not done():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


@pytest.fixture
def path(tmp_path: Path) -> Path:
    where = tmp_path / "kept.duckdb"
    open_store(str(where)).close()
    return where


def test_the_kept_database_sees_what_another_process_writes(path: Path) -> None:
    reads = KeptReads(str(path), lock_wait=5)
    try:
        with reads.store() as store:
            assert store.count_articles() == 0
        assert reads.kept  # still open between requests
        here = Path(__file__).parent
        done = subprocess.run(
            [sys.executable, "-c", _WRITER, str(path), str(here), str(here.parents[1])],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == "3"
        with reads.store() as store:
            assert store.count_articles() == 3
            assert store.count_events(EventQuery()) == sum(len(e) for _, e in sample_batch()[:3])
        assert reads.kept  # opened again after the write
    finally:
        reads.close()


def test_a_writer_in_the_same_process_waits_only_for_the_readers_at_work(path: Path) -> None:
    reads = KeptReads(str(path), lock_wait=5)
    try:
        wrote = threading.Event()

        def write() -> None:
            with DuckDBStore(path, hold=False, lock_wait=30) as writer:
                writer.write_batch(sample_batch()[:2])
            wrote.set()

        with reads.store() as store:
            thread = threading.Thread(target=write)
            thread.start()
            assert _until(lambda: not reads.kept)  # no new cursors once the writer waits
            assert not wrote.is_set()  # this request still reads the kept database
            assert store.count_articles() == 0
        thread.join(timeout=30)
        assert wrote.is_set()
        with reads.store() as store:
            assert store.count_articles() == 2
    finally:
        reads.close()


def test_requests_in_threads_share_one_database(path: Path) -> None:
    with DuckDBStore(path) as store:
        store.write_batch(sample_batch())
    reads = KeptReads(str(path))
    counts: list[int] = []

    def read() -> None:
        for _ in range(20):
            with reads.store() as store:
                counts.append(store.count_articles())

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert counts == [len(sample_batch())] * 80
    assert reads.kept
    reads.close()
    assert not reads.kept
    with reads.store() as store:  # after close: a store of its own each time
        assert store.count_articles() == len(sample_batch())
    assert not reads.kept


def test_an_unused_database_is_let_go(path: Path) -> None:
    reads = KeptReads(str(path), idle=0.05, poll=0.01)
    with reads.store():
        pass
    assert _until(lambda: not reads.kept)
    with DuckDBStore(path) as holding:  # the file is free: a writer opens it at once
        assert holding.count_articles() == 0
    reads.close()


def test_a_client_borrows_the_kept_store_and_gives_it_back(path: Path) -> None:
    reads = kept_reads(str(path))
    assert isinstance(reads, KeptReads)
    with Client(Settings(db=str(path)), reads=reads) as client:
        assert client.articles(5) == ([], 0)
        assert reads.kept
    # Given back: a writer in this process is let in within a look at the turnstile.
    with DuckDBStore(path, hold=False, lock_wait=10) as writer:
        assert writer.write_batch(sample_batch()[:1]) == 1
    with Client(Settings(db=str(path)), reads=reads) as client:
        assert client.articles(5)[1] == 1
    reads.close()


@pytest.mark.parametrize("url", [":memory:", "postgresql://u@h/db", "duckdb://", ""])
def test_only_a_duckdb_file_is_kept_open(url: str) -> None:
    assert kept_reads(url) is None


def test_a_duckdb_url_names_its_file(tmp_path: Path) -> None:
    reads = kept_reads(f"duckdb:///{tmp_path}/x.duckdb")
    assert isinstance(reads, KeptReads)
