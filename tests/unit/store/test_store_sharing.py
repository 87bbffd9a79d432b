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
