"""kill -9 in the middle of a large `bilat ingest`, then again (issue #7.2).

The store must open after the kill (DuckDB replays its write-ahead log), hold only whole
articles (each with all its events or none), and a second run must finish the rest, ending
with exactly what one clean ingest of the same corpus stores.
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections import defaultdict
from pathlib import Path

import pytest

from bilat.errors import StoreError
from bilat.records import Event
from bilat.store import open_store
from bilat.store.base import EventQuery
from reliability.conftest import BILAT, bilat_run, child_env
from reliability.synthetic import write_dispatches

pytestmark = [pytest.mark.model, pytest.mark.slow]

ARTICLES = 300
BATCH = "10"
# Kill once this many articles are committed: well inside the run, past its first batches.
KILL_AFTER = 40
POLL_SECONDS = 0.2


def events_by_article(db: Path) -> dict[str, list[Event]]:
    """Stored article ids, each with its events in id order."""
    with open_store(str(db), read_only=True, lock_wait=30) as store:
        found: dict[str, list[Event]] = {a.id: [] for a in store.articles()}
        grouped: defaultdict[str, list[Event]] = defaultdict(list)
        for event in store.events(EventQuery()):
            grouped[event.evidence.article_id].append(event)
    for article_id, events in grouped.items():
        assert article_id in found, f"event of an article that is not stored: {article_id}"
        found[article_id] = sorted(events, key=lambda e: e.id)
    return found


def differences(got: list[Event], wanted: list[Event]) -> str:
    """Which events and fields differ, for a readable failure."""
    lines = [f"{len(got)} events stored, {len(wanted)} from the clean run"]
    by_id = {e.id: e for e in wanted}
    for event in got:
        other = by_id.get(event.id)
        if other is None:
            lines.append(f"extra {event}")
            continue
        for name in event.__dataclass_fields__:
            if getattr(event, name) != getattr(other, name):
                lines.append(f"{event.id} {name}: {getattr(event, name)} != {getattr(other, name)}")
    lines += [f"missing {e}" for e in wanted if e.id not in {g.id for g in got}]
    return "\n".join(lines)


def committed(db: Path) -> int:
    """Articles committed so far; 0 while the store is not there yet or is being written."""
    if not db.exists():
        return 0
    try:
        with open_store(str(db), read_only=True) as store:
            return store.count_articles()
    except StoreError:  # locked by the ingest for a moment, or not migrated yet
        return 0


def ingest_killed_midway(db: Path, corpus: Path, deadline: float) -> int:
    """Start an ingest, SIGKILL it once KILL_AFTER articles are committed; what it stored."""
    child = subprocess.Popen(
        [*BILAT, "--db", str(db), "ingest", "--batch-size", BATCH, str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=child_env(),
    )
    try:
        while (seen := committed(db)) < KILL_AFTER:
            if child.poll() is not None:
                pytest.fail(f"the ingest ended before it was killed: {child.stderr!r}")
            if time.monotonic() > deadline:
                pytest.fail("the ingest committed nothing in time")
            time.sleep(POLL_SECONDS)
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
        assert child.stderr is not None
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    return seen


def test_kill_9_mid_ingest_keeps_whole_articles_and_a_rerun_finishes(tmp_path: Path) -> None:
    corpus = write_dispatches(tmp_path / "dispatches.jsonl", ARTICLES)
    clean_db, crashed_db = tmp_path / "clean.duckdb", tmp_path / "crashed.duckdb"

    clean = bilat_run(str(clean_db), "ingest", "--batch-size", BATCH, str(corpus))
    assert clean.returncode == 0, clean.stderr
    expected = events_by_article(clean_db)
    assert len(expected) == ARTICLES
    assert sum(map(len, expected.values())) > ARTICLES, "the dispatches should give events"

    seen = ingest_killed_midway(crashed_db, corpus, time.monotonic() + 300)
    after_kill = events_by_article(crashed_db)  # opens: the WAL is replayed
    print(f"killed with {seen} articles seen committed, {len(after_kill)} stored after reopening")
    assert seen <= len(after_kill) < ARTICLES, "killed midway: some stored, not all"
    for article_id, events in after_kill.items():
        assert events == expected[article_id], differences(events, expected[article_id])
    with open_store(str(crashed_db), read_only=True) as store:
        (killed_run,) = store.runs()
    assert killed_run.finished is None, "the killed run is recorded as unfinished"

    rerun = bilat_run(str(crashed_db), "ingest", "--batch-size", BATCH, str(corpus))
    assert rerun.returncode == 0, rerun.stderr
    assert "Traceback" not in rerun.stderr
    stored_now = ARTICLES - len(after_kill)
    assert f"{stored_now} articles stored, {len(after_kill)} unchanged" in rerun.stderr
    assert events_by_article(crashed_db) == expected
