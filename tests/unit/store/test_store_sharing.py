"""Sharing a DuckDB file between processes: held per operation, and waited for when locked."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from store_corpus import sample_batch

from bilat.errors import StoreLocked
from bilat.store import EventQuery, open_store
from bilat.store.duckdb import DuckDBStore

# Holds the file for writing until told to let go (a line on stdin), then exits.
_HOLDER = (
    "import duckdb, sys; c = duckdb.connect(sys.argv[1]);"
    " print('ready', flush=True); sys.stdin.readline(); c.close()"
)


@contextmanager
def held(path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding ``path`` for writing until the block sends it a line."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        yield proc
    finally:
        assert proc.stdin is not None
        if not proc.stdin.closed:
            proc.stdin.close()
        proc.wait(timeout=30)


def opens_read_only_elsewhere(path: Path) -> bool:
    """Whether another process can open the file right now."""
    probe = "import duckdb, sys; duckdb.connect(sys.argv[1], read_only=True).close()"
    done = subprocess.run(
        [sys.executable, "-c", probe, str(path)], capture_output=True, timeout=60, check=False
    )
    return done.returncode == 0


def test_a_store_not_holding_its_file_lets_other_processes_in(tmp_path: Path) -> None:
    path = tmp_path / "shared.duckdb"
    batch = sample_batch()
    with open_store(str(path), hold=False) as store:
        assert opens_read_only_elsewhere(path)
        store.write_batch(batch)
        assert opens_read_only_elsewhere(path)
        assert store.count_articles() == len(batch)
    with DuckDBStore(path) as holding:
        assert not opens_read_only_elsewhere(path)
        assert holding.count_events(EventQuery()) == sum(len(es) for _, es in batch)


def test_a_locked_file_is_waited_for_until_it_is_free(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    DuckDBStore(path).close()
    with held(path) as holder:
        with pytest.raises(StoreLocked, match=r"locked by another bilat process \(waited"):
            DuckDBStore(path, read_only=True, lock_wait=0.3)
        assert holder.stdin is not None
        holder.stdin.write("let go\n")
        holder.stdin.flush()
        # Retried with backoff until the holder has let go.
        with DuckDBStore(path, read_only=True, lock_wait=60) as store:
            assert store.count_articles() == 0


def test_without_lock_wait_a_locked_file_fails_at_once(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    DuckDBStore(path).close()
    with held(path), pytest.raises(StoreLocked) as failure:
        open_store(str(path), hold=False)
    assert "waited" not in str(failure.value)


def test_a_reader_waits_at_the_turnstile_while_a_writer_holds_it(tmp_path: Path) -> None:
    import time

    from bilat.store.turnstile import writer_turn

    path = tmp_path / "s.duckdb"
    open_store(str(path)).close()
    busy = pytest.raises(StoreLocked, match="being written by another bilat process")
    with writer_turn(str(path), time.monotonic() + 5), busy:
        DuckDBStore(path, read_only=True, lock_wait=0.3)
    with DuckDBStore(path, read_only=True, lock_wait=0.3) as store:  # free again
        assert store.count_articles() == 0


def test_a_writer_gets_its_turn_among_readers_that_never_pause(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "s.duckdb"
    open_store(str(path)).close()
    stop = threading.Event()
    reads: list[int] = []

    def reader() -> None:  # open, read, close, again: some reader always holds the file
        while not stop.is_set():
            with DuckDBStore(path, read_only=True, lock_wait=60) as store:
                reads.append(store.count_articles())

    readers = [threading.Thread(target=reader) for _ in range(6)]
    for thread in readers:
        thread.start()
    try:
        writer = DuckDBStore(path, hold=False, lock_wait=20)
        for article, events in sample_batch()[:3]:
            writer.write_batch([(article, events)])
        writer.close()
    finally:
        stop.set()
        for thread in readers:
            thread.join()
    assert reads and max(reads) <= 3
    with DuckDBStore(path, read_only=True) as store:
        assert store.count_articles() == 3
