"""Readers and writers at once (issue #7.3).

DuckDB: `bilat serve` answers every request while a `bilat ingest` writes the same file,
because the ingest holds the file one batch at a time and requests wait (with backoff) for
their turn. PostgreSQL: two ingests of the same corpus at once store each article and
each event once.
"""

from __future__ import annotations

import subprocess
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

import postgres_server
from bilat.store import open_store
from bilat.store.base import EventQuery
from reliability.conftest import BILAT, bilat_run, child_env, serving
from reliability.synthetic import write_dispatches

pytestmark = [pytest.mark.model, pytest.mark.slow]

# Read while the ingest writes, round robin: the JSON API and a page.
READS = (
    "/api/articles?limit=1",
    "/api/events?limit=5",
    "/api/dyads",
    "/api/actors",
    "/",
)


def test_serve_answers_every_request_while_an_ingest_writes(tmp_path: Path) -> None:
    db = str(tmp_path / "store.duckdb")
    corpus = write_dispatches(tmp_path / "dispatches.jsonl", 150)
    first = write_dispatches(tmp_path / "first.jsonl", 5)  # the store exists before serving
    assert bilat_run(db, "ingest", str(first)).returncode == 0

    statuses: Counter[int] = Counter()
    totals: list[int] = []
    with serving(db) as base, httpx.Client(base_url=base, timeout=60) as client:
        ingest = subprocess.Popen(
            [*BILAT, "--db", db, "ingest", "--batch-size", "10", str(corpus)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=child_env(),
        )
        turn = 0
        while ingest.poll() is None:
            path = READS[turn % len(READS)]
            response = client.get(path)
            statuses[response.status_code] += 1
            if path.startswith("/api/articles"):
                totals.append(response.json()["total"])
            turn += 1
            time.sleep(0.02)
        _, err = ingest.communicate()
        final = client.get("/api/articles?limit=1").json()["total"]

    print(f"{turn} requests during the ingest: {dict(statuses)}; totals seen {sorted(set(totals))}")
    assert ingest.returncode == 0, err.decode()
    assert "145 articles stored, 5 unchanged" in err.decode()
    assert set(statuses) == {200}, statuses
    assert turn >= 2 * len(READS), "requests were made during the ingest"
    assert totals == sorted(totals), "what a reader sees only grows"
    assert len(set(totals)) >= 3, f"readers saw the ingest progress: {totals}"
    assert final == 150


def stored_pairs(url: str) -> tuple[Counter[str], Counter[str]]:
    with open_store(url, read_only=True) as store:
        articles = Counter(a.id for a in store.articles())
        events = Counter(e.id for e in store.events(EventQuery()))
    return articles, events


def test_two_ingests_into_postgres_at_once_store_nothing_twice(
    tmp_path: Path, postgres: postgres_server.Server
) -> None:
    corpus = write_dispatches(tmp_path / "dispatches.jsonl", 60)
    url = postgres.schema_url(postgres.new_schema())
    # Migrated first, so the two runs race on articles rather than on creating tables.
    open_store(url).close()
    runs = [
        subprocess.Popen(
            [*BILAT, "--db", url, "ingest", "--batch-size", "5", str(corpus)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=child_env(),
        )
        for _ in range(2)
    ]
    errors = [run.communicate(timeout=600)[1].decode() for run in runs]
    for run, err in zip(runs, errors, strict=True):
        assert run.returncode == 0, err
        assert "Traceback" not in err

    articles, events = stored_pairs(url)
    assert len(articles) == 60
    assert max(articles.values()) == 1
    assert max(events.values()) == 1
    # Each article once, by whichever run got to it: the two runs' counts add up.
    stored = [int(err.split(" articles stored")[0].rsplit(" ", 1)[-1]) for err in errors]
    assert sum(stored) == 60, errors

    clean = tmp_path / "clean.duckdb"
    assert bilat_run(str(clean), "ingest", "--batch-size", "5", str(corpus)).returncode == 0
    assert stored_pairs(str(clean)) == (articles, events)


PAGES = ("/", "/dyads", "/dyads/PAK/RUS", "/dyads/pak/rus", "/events", "/articles", "/actors")


def test_an_ingest_completes_while_50_clients_read_the_dashboard(tmp_path: Path) -> None:
    """Issue #16.2: the readers' connections used to keep the file from the ingest, which
    gave up after lock_wait with StoreLocked. The writer now goes first (store/turnstile.py)."""
    from reliability.test_load import web_load

    load = web_load()
    db = str(tmp_path / "store.duckdb")
    assert (
        bilat_run(db, "ingest", str(write_dispatches(tmp_path / "first.jsonl", 20))).returncode == 0
    )
    corpus = write_dispatches(tmp_path / "more.jsonl", 60)
    mix = tuple(("GET", page, None, 200) for page in PAGES)
    with serving(db) as base:
        ingest = subprocess.Popen(
            [*BILAT, "--db", db, "ingest", "--batch-size", "5", str(corpus)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=child_env(),
        )
        rounds = []
        while ingest.poll() is None:  # 50 clients for as long as the ingest runs
            rounds.append(load.run_load(base, 50, 3, mix))
        _, err = ingest.communicate()
    print([r.summary()["p95_ms"] for r in rounds])
    assert ingest.returncode == 0, err.decode()
    assert "40 articles stored, 20 unchanged" in err.decode()
    for result in rounds:
        assert result.wrong == [], result.summary()
    assert sum(r.requests for r in rounds) >= 50
