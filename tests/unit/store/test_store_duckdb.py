"""DuckDB specifics: files, locks and modes (test_store_common.py has what all backends share)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from store_corpus import Batch, nothing_stored, with_contexts

from bilat.errors import StoreError
from bilat.store import duckdb as store_duckdb
from bilat.store.duckdb import DuckDBStore


@pytest.fixture
def duck() -> Iterator[DuckDBStore]:
    with DuckDBStore(":memory:") as store:
        yield store


def test_failure_after_some_rows_leaves_no_partial_article(
    duck: DuckDBStore, sample: Batch, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = store_duckdb._bulk

    def bulk_then_fail(conn: duckdb.DuckDBPyConnection, statement: str, table: list[Any]) -> None:
        real(conn, statement, table)
        if "INTO event_contexts" in statement:
            raise duckdb.IOException("disk full")

    monkeypatch.setattr(store_duckdb, "_bulk", bulk_then_fail)
    with pytest.raises(StoreError, match="disk full"):
        duck.write_batch(with_contexts(sample))
    assert nothing_stored(duck)


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


def test_closing_releases_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bilat.duckdb"
    with DuckDBStore(path) as store:
        store.write_batch([])
    # Closed for real: another connection with other settings may open the file.
    duckdb.connect(str(path), read_only=True).close()


def test_repr_names_the_file(tmp_path: Path) -> None:
    with DuckDBStore(tmp_path / "a.duckdb") as store:
        assert "a.duckdb" in repr(store)
