"""open_store picks a backend from a URL or path."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.errors import StoreError
from bilat.store import Store, open_store
from bilat.store.duckdb import DuckDBStore


def test_plain_path_opens_duckdb(tmp_path: Path) -> None:
    path = tmp_path / "a" / "bilat.duckdb"
    with open_store(str(path)) as store:
        assert isinstance(store, DuckDBStore)
    assert path.exists()


def test_duckdb_url_with_absolute_path(tmp_path: Path) -> None:
    path = tmp_path / "bilat.duckdb"
    with open_store(f"duckdb:///{path}") as store:
        store.start_run()
    with open_store(f"duckdb:///{path}", read_only=True) as store:
        assert len(store.runs()) == 1


def test_duckdb_url_with_relative_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    open_store("duckdb:///rel.duckdb").close()
    assert (tmp_path / "rel.duckdb").exists()


@pytest.mark.parametrize("url", [":memory:", "duckdb:///:memory:", "duckdb://"])
def test_in_memory_urls(url: str) -> None:
    with open_store(url) as store:
        assert store.count_articles() == 0


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://localhost/bilat", "unknown store URL scheme 'mysql'"),
        ("duckdb://host/bilat.duckdb", "names a host"),
    ],
)
def test_unsupported_urls(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(url)


def test_duckdb_store_satisfies_the_protocol() -> None:
    store: Store = DuckDBStore(":memory:")  # mypy checks the protocol here
    store.close()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://bilat:s3cret@127.0.0.1:1/bilat",
        "postgres://bilat:s3cret@127.0.0.1:1/bilat",
        "postgresql+psycopg://bilat:s3cret@127.0.0.1:1/bilat",
        "postgresql://bilat@127.0.0.1:1/bilat?password=s3cret&connect_timeout=5",
    ],
)
def test_postgres_urls_open_postgres_and_hide_the_password(url: str) -> None:
    pytest.importorskip("psycopg")
    # Port 1 refuses at once, so the failure to connect is PostgresStore's own.
    with pytest.raises(StoreError, match=r"cannot open postgres\S*://bilat@127\.0\.0\.1:1/") as e:
        open_store(url)
    assert "s3cret" not in str(e.value)
