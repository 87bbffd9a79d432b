"""Opening a database brings its schema up to date, or refuses with a reason."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from store_corpus import Batch

from bilat.errors import StoreError
from bilat.store import migrations
from bilat.store.duckdb import DuckDBStore
from bilat.store.migrations import LATEST_VERSION, MIGRATIONS, Migration


def _versions(path: Path) -> list[int]:
    with duckdb.connect(str(path), read_only=True) as conn:
        return [
            v for (v,) in conn.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()
        ]


def test_fresh_database_gets_every_version(tmp_path: Path) -> None:
    path = tmp_path / "bilat.duckdb"
    DuckDBStore(path).close()
    assert _versions(path) == [m.version for m in MIGRATIONS]
    assert _versions(path)[-1] == LATEST_VERSION
    DuckDBStore(path).close()  # reopening applies nothing twice
    assert _versions(path) == [m.version for m in MIGRATIONS]


def test_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bilat.duckdb"
    DuckDBStore(path).close()
    with duckdb.connect(str(path)) as conn:
        conn.execute("INSERT INTO schema_version VALUES (?, now())", [LATEST_VERSION + 1])
    for read_only in (False, True):
        with pytest.raises(StoreError, match=f"schema version {LATEST_VERSION + 1}.*upgrade bilat"):
            DuckDBStore(path, read_only=read_only)


def test_older_database_is_upgraded_in_place(
    tmp_path: Path, sample: Batch, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bilat.duckdb"
    with DuckDBStore(path) as store:
        store.write_batch(sample)
    step = Migration(
        LATEST_VERSION + 1, "a note per article", "ALTER TABLE articles ADD COLUMN note VARCHAR;"
    )
    monkeypatch.setattr(migrations, "MIGRATIONS", (*MIGRATIONS, step))
    with pytest.raises(StoreError, match="open it once without read-only"):
        DuckDBStore(path, read_only=True)
    with DuckDBStore(path) as store:
        assert store.articles() == [a for a, _ in sample]  # data survives the upgrade
    assert _versions(path)[-1] == LATEST_VERSION + 1
    with duckdb.connect(str(path), read_only=True) as conn:
        assert conn.execute("SELECT COUNT(note) FROM articles").fetchall() == [(0,)]


def test_failed_migration_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "bilat.duckdb"
    DuckDBStore(path).close()
    broken = Migration(
        LATEST_VERSION + 1, "broken", "ALTER TABLE articles ADD COLUMN x INTEGER; NONSENSE"
    )
    monkeypatch.setattr(migrations, "MIGRATIONS", (*MIGRATIONS, broken))
    with pytest.raises(StoreError, match="could not upgrade"):
        DuckDBStore(path)
    assert _versions(path)[-1] == LATEST_VERSION
    with duckdb.connect(str(path), read_only=True) as conn:
        columns = conn.execute("SELECT * FROM articles LIMIT 0").description
    assert "x" not in {c[0] for c in columns or []}


def test_foreign_duckdb_file_is_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as conn:
        conn.execute("CREATE TABLE prices (day DATE, close DOUBLE)")
    with pytest.raises(StoreError, match="not a bilat store"):
        DuckDBStore(path)


def test_pending_lists_only_missing_steps() -> None:
    assert migrations.pending(0, "db") == list(MIGRATIONS)
    assert migrations.pending(LATEST_VERSION, "db") == []
    with pytest.raises(StoreError, match="db has schema version"):
        migrations.pending(LATEST_VERSION + 1, "db")


def test_statements_drop_comments_and_split() -> None:
    sql = (
        "-- a note; with a semicolon\nCREATE TABLE a (x INTEGER);\n\nCREATE TABLE b (y INTEGER);\n"
    )
    assert migrations.statements(sql) == [
        "CREATE TABLE a (x INTEGER)",
        "CREATE TABLE b (y INTEGER)",
    ]


def test_versions_are_consecutive_from_one() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
