"""Runs and rejections are kept as recorded."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_corpus import NewStore

from bilat.errors import StoreError
from bilat.records import Rejection, RunSummary
from bilat.store.common import SQLStore
from strategies import rejections, run_summaries

_slow = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@_slow
@given(run_summaries)
def test_run_summary_round_trips(new_store: NewStore, summary: RunSummary) -> None:
    with new_store() as store:
        run_id = store.start_run()
        store.record_rejections(run_id, summary.rejections)
        store.finish_run(run_id, summary)
        info = store.run(run_id)
        assert info is not None
        assert info.summary == summary
        assert info.finished is not None and info.started <= info.finished


@_slow
@given(st.lists(st.lists(rejections, max_size=3), min_size=1, max_size=3))
def test_rejections_keep_their_run_and_order(
    new_store: NewStore, per_run: list[list[Rejection]]
) -> None:
    with new_store() as store:
        ids = [store.start_run() for _ in per_run]
        for run_id, found in zip(ids, per_run, strict=True):
            # Recorded in two calls, as a pipeline records them while it goes.
            store.record_rejections(run_id, found[:1])
            store.record_rejections(run_id, found[1:])
        for run_id, found in zip(ids, per_run, strict=True):
            assert store.rejections(run_id) == found
        assert store.rejections() == [r for found in per_run for r in found]


def test_unfinished_run_has_no_end(store: SQLStore) -> None:
    run_id = store.start_run()
    info = store.run(run_id)
    assert info is not None
    assert info.finished is None
    assert info.summary == RunSummary()
    assert info.started.tzinfo is not None


def test_runs_list_oldest_first(store: SQLStore) -> None:
    first, second = store.start_run(), store.start_run()
    assert [r.id for r in store.runs()] == [first, second]
    assert store.run("nope") is None


def test_unknown_run_is_refused(store: SQLStore) -> None:
    with pytest.raises(StoreError, match="no run nope"):
        store.finish_run("nope", RunSummary())
    with pytest.raises(StoreError, match="no run nope"):
        store.record_rejections("nope", [Rejection("ingest", "empty", "a.txt")])
