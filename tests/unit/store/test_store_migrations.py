"""Opening a database brings its schema up to date, or refuses with a reason."""

from __future__ import annotations

import pytest
from store_corpus import Batch, NewUrl, raw_sql

import bilat
from bilat.codec import sql_rows as rows
from bilat.config import Settings
from bilat.errors import SchemaOutdated, StoreError
from bilat.store import EventQuery, migrations, open_store, sql
from bilat.store.migrations import LATEST_VERSION, MIGRATIONS, Migration


def _versions(url: str) -> list[int]:
    return [v for (v,) in raw_sql(url, "SELECT version FROM schema_version ORDER BY 1")]


def _columns(url: str, table: str) -> set[str]:
    found = raw_sql(
        url,
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_name = ? AND table_schema = current_schema()",
        [table],
    )
    return {name for (name,) in found}


def test_fresh_database_gets_every_version(new_url: NewUrl) -> None:
    url = new_url()
    open_store(url).close()
    assert _versions(url) == [m.version for m in MIGRATIONS]
    assert _versions(url)[-1] == LATEST_VERSION
    open_store(url).close()  # reopening applies nothing twice
    assert _versions(url) == [m.version for m in MIGRATIONS]


def test_newer_database_is_refused(new_url: NewUrl) -> None:
    url = new_url()
    open_store(url).close()
    raw_sql(url, "INSERT INTO schema_version VALUES (?, now())", [LATEST_VERSION + 1])
    for read_only in (False, True):
        with pytest.raises(StoreError, match=f"schema version {LATEST_VERSION + 1}.*upgrade bilat"):
            open_store(url, read_only=read_only)


def test_older_database_is_upgraded_in_place(
    new_url: NewUrl, sample: Batch, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = new_url()
    with open_store(url) as store:
        store.write_batch(sample)
    step = Migration(
        LATEST_VERSION + 1, "a note per article", "ALTER TABLE articles ADD COLUMN note VARCHAR;"
    )
    monkeypatch.setattr(migrations, "MIGRATIONS", (*MIGRATIONS, step))
    with pytest.raises(StoreError, match="open it once without read-only"):
        open_store(url, read_only=True)
    with open_store(url) as store:
        assert store.articles() == [a for a, _ in sample]  # data survives the upgrade
    assert _versions(url)[-1] == LATEST_VERSION + 1
    assert raw_sql(url, "SELECT COUNT(note) FROM articles") == [(0,)]


def test_failed_migration_changes_nothing(new_url: NewUrl, monkeypatch: pytest.MonkeyPatch) -> None:
    url = new_url()
    open_store(url).close()
    broken = Migration(
        LATEST_VERSION + 1, "broken", "ALTER TABLE articles ADD COLUMN x INTEGER; NONSENSE"
    )
    monkeypatch.setattr(migrations, "MIGRATIONS", (*MIGRATIONS, broken))
    with pytest.raises(StoreError, match="could not upgrade"):
        open_store(url)
    assert _versions(url)[-1] == LATEST_VERSION
    assert "x" not in _columns(url, "articles")


def test_foreign_database_is_not_taken_over(new_url: NewUrl) -> None:
    url = new_url()
    raw_sql(url, "CREATE TABLE prices (day DATE, close DOUBLE PRECISION)")
    with pytest.raises(StoreError, match=r"(DuckDB|PostgreSQL) database but not a bilat store"):
        open_store(url)
    assert _columns(url, "articles") == set()


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


def test_reading_commands_upgrade_an_older_store_once(
    new_url: NewUrl, sample: Batch, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What a user who upgraded bilat meets: `bilat events` (or `serve`) on an old store.
    url = new_url()
    with open_store(url) as store:
        store.write_batch(sample)
    step = Migration(
        LATEST_VERSION + 1, "a note per article", "ALTER TABLE articles ADD COLUMN note VARCHAR;"
    )
    monkeypatch.setattr(migrations, "MIGRATIONS", (*MIGRATIONS, step))
    with pytest.raises(SchemaOutdated):
        open_store(url, read_only=True)
    stored = bilat.events(settings=Settings(db=url))
    assert len(stored) == sum(len(events) for _, events in sample)
    assert _versions(url)[-1] == LATEST_VERSION + 1
    open_store(url, read_only=True).close()  # upgraded: read-only opens work again


def test_events_stored_before_side_rules_read_back_with_no_rule(
    new_url: NewUrl, sample: Batch, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A store of schema version 4, whose events have no side_rule column, upgraded.
    url = new_url()
    with monkeypatch.context() as patched:
        patched.setattr(migrations, "MIGRATIONS", MIGRATIONS[:4])
        open_store(url).close()
    # Rows as bilat wrote them then (a batch written now would fill version 6's tables).
    old_articles = [rows.article_row(article) for article, _ in sample]
    raw_sql(url, sql.INSERT_ARTICLES, [list(c) for c in zip(*old_articles, strict=True)])
    events = [e for _, found in sample for e in found]
    old_rows = [rows.event_row(e)[:-1] for e in events]
    raw_sql(
        url,
        sql.bulk_insert("events", sql.EVENT_SPEC[:-1]),
        [list(c) for c in zip(*old_rows, strict=True)],
    )
    assert "side_rule" not in _columns(url, "events")
    with open_store(url) as store:
        stored = store.events(EventQuery())
    assert _versions(url)[-1] == LATEST_VERSION
    assert sorted(e.id for e in stored) == sorted(e.id for e in events)
    assert {e.rule for e in stored} == {""}
