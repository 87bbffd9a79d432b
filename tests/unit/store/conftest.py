"""Stores for the store tests, on every backend: empty, or holding the corpus of store_corpus.py.

Tests that take ``store``, ``filled``, ``new_store`` or ``new_url`` run once per
backend. PostgreSQL runs on a throwaway server (tests/postgres_server.py) started
once per session; each store gets a schema of its own there, so it starts empty.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import pytest
from store_corpus import Batch, NewStore, NewUrl, sample_batch

import postgres_server
from bilat.store import open_store
from bilat.store.common import SQLStore
from bilat.store.duckdb import DuckDBStore

BACKENDS = ["duckdb", "postgres"]


@pytest.fixture(scope="session")
def postgres() -> Iterator[postgres_server.Server]:
    """A PostgreSQL server for the whole session, or a skip that says why there is none."""
    reason = postgres_server.unavailable()
    if reason is not None:
        pytest.skip(f"PostgreSQL tests skipped: {reason}")
    # pg_ctl detaches the server: on SIGTERM (a timeout, CI cancelling) unwind like Ctrl-C,
    # so the teardown stops it rather than leaving it running.
    previous = signal.getsignal(signal.SIGTERM)
    if previous == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        with postgres_server.running() as server:
            yield server
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture
def new_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> NewUrl:
    """Makes URLs of empty stores that may be opened, closed and opened again."""
    if backend == "duckdb":
        return lambda: str(tmp_path / f"{uuid4().hex}.duckdb")
    server: postgres_server.Server = request.getfixturevalue("postgres")
    return lambda: server.schema_url(server.new_schema())


# Children first, so deleting never trips a foreign key.
_TABLES = (
    "article_terms",
    "event_terms",
    "event_contexts",
    "event_amounts",
    "event_actors",
    "event_pairs",
    "article_fingerprints",
    "events",
    "articles",
    "rejections",
    "runs",
)


@pytest.fixture
def new_store(backend: str, request: pytest.FixtureRequest) -> Iterator[NewStore]:
    """Makes empty stores (closed at the end of the test if the test did not).

    On PostgreSQL a new schema costs a migration (0.1 s), too much for every
    hypothesis example: the schema of a store already closed is emptied and reused.
    """
    made: list[tuple[SQLStore, str]] = []

    def make() -> SQLStore:
        if backend == "duckdb":
            made.append((DuckDBStore(":memory:"), ""))  # as empty as a new file, and faster
            return made[-1][0]
        server: postgres_server.Server = request.getfixturevalue("postgres")
        schema = next((s for old, s in made if old._conn is None), None)  # type: ignore[attr-defined]
        if schema is None:
            schema = server.new_schema()
        else:
            server.execute(";".join(f"DELETE FROM {schema}.{t}" for t in _TABLES))
        store = open_store(server.schema_url(schema))
        assert isinstance(store, SQLStore)
        made.append((store, schema))
        return store

    yield make
    for store, _ in made:
        store.close()


@pytest.fixture
def sample() -> Batch:
    return sample_batch()


@pytest.fixture
def store(new_store: NewStore) -> SQLStore:
    return new_store()


@pytest.fixture
def filled(store: SQLStore, sample: Batch) -> SQLStore:
    store.write_batch(sample)
    return store
