"""Stores for the store tests: empty, or holding the corpus of store_corpus.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from store_corpus import Batch, sample_batch

from bilat.store.duckdb import DuckDBStore


@pytest.fixture
def sample() -> Batch:
    return sample_batch()


@pytest.fixture
def store() -> Iterator[DuckDBStore]:
    with DuckDBStore(":memory:") as s:
        yield s


@pytest.fixture
def filled(store: DuckDBStore, sample: Batch) -> DuckDBStore:
    store.write_batch(sample)
    return store
