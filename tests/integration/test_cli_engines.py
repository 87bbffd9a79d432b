"""`bilat ingest` in a subprocess on the seed articles: every engine and worker count stores
the same articles and events."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from bilat.records import Article, Event
from bilat.store import open_store
from bilat.store.base import EventQuery

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
BILAT = [sys.executable, "-m", "bilat"]

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repo"),
]


def ingest(
    db: Path, *options: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*BILAT, "--db", str(db), "ingest", str(SEEDS), *options],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, **(env or {})},
    )


def stored(db: Path) -> tuple[list[Article], list[Event]]:
    with open_store(str(db), read_only=True) as store:
        articles = sorted(store.articles(), key=lambda a: a.id)
        events = sorted(store.events(EventQuery()), key=lambda e: e.id)
    return articles, events


def test_two_workers_store_the_same_events_as_one(tmp_path: Path) -> None:
    # Batches of one article, so each of the two workers parses one of the two seeds.
    one = ingest(tmp_path / "one.duckdb", "--workers", "1", "--batch-size", "1")
    two = ingest(tmp_path / "two.duckdb", "--workers", "2", "--batch-size", "1")
    assert one.returncode == 0, one.stderr
    assert two.returncode == 0, two.stderr
    assert "2 articles stored" in two.stderr
    articles_one, events_one = stored(tmp_path / "one.duckdb")
    articles_two, events_two = stored(tmp_path / "two.duckdb")
    assert [a.id for a in articles_two] == [a.id for a in articles_one]
    assert events_one, "the seeds should give events"
    assert [e.id for e in events_two] == [e.id for e in events_one]
    assert events_two == events_one
    again = ingest(tmp_path / "two.duckdb", "--workers", "2", "--batch-size", "1")
    assert again.returncode == 0, again.stderr
    assert "0 articles stored, 2 unchanged" in again.stderr


def test_the_ray_engine_stores_the_same_articles_and_events_as_the_local_one(
    tmp_path: Path,
) -> None:
    # Besides the seeds: one of them again (skipped while its first copy is in flight) and
    # a text too short to be an article (rejected), so the counts are checked too.
    short = tmp_path / "short.txt"
    short.write_text("Too short.\n", encoding="utf-8")
    again = str(sorted(SEEDS.glob("*.txt"))[0])
    shards = tmp_path / "shards"
    local = ingest(tmp_path / "local.duckdb", again, str(short), "--workers", "1")
    ray = ingest(
        tmp_path / "ray.duckdb",
        *(again, str(short), "--engine", "ray", "--workers", "2", "--batch-size", "1"),
        env={"BILAT_RAY_SHARDS": str(shards)},
    )
    assert local.returncode == 3, local.stderr  # 3: stored what it could, rejected some
    assert ray.returncode == 3, ray.stderr
    summary = ray.stderr.strip().splitlines()[-1]
    assert summary.startswith("4 inputs: 2 articles stored, 1 unchanged, 1 rejected;"), summary
    assert summary == local.stderr.strip().splitlines()[-1]
    articles_local, events_local = stored(tmp_path / "local.duckdb")
    articles_ray, events_ray = stored(tmp_path / "ray.duckdb")
    assert events_local, "the seeds should give events"
    assert articles_ray == articles_local
    assert events_ray == events_local
    # The Parquet shards the store was loaded from are kept where the setting says.
    (run,) = shards.iterdir()
    rows = pq.read_table(run).to_pylist()
    assert sorted(r["id"] for r in rows) == [a.id for a in articles_local]
    assert sum(r["n_events"] for r in rows) == len(events_local)


def test_re_ingesting_with_the_ray_engine_starts_no_ray(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    first = ingest(db, "--workers", "1")
    assert first.returncode == 0, first.stderr
    # An address where no cluster listens: connecting would fail, so success shows Ray
    # was never asked for (every article was skipped by id before parsing).
    again = ingest(db, "--engine", "ray", "--address", "127.0.0.1:1")
    assert again.returncode == 0, again.stderr
    assert "0 articles stored, 2 unchanged" in again.stderr


def test_the_ray_engine_without_ray_says_how_to_install_it(tmp_path: Path) -> None:
    # A `ray` package that cannot be imported, first on the path: as if Ray were absent.
    fake = tmp_path / "no-ray" / "ray"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError(\"No module named 'ray'\")\n")
    path = os.pathsep.join([str(fake.parent), os.environ.get("PYTHONPATH", "")])
    done = ingest(tmp_path / "store.duckdb", "--engine", "ray", env={"PYTHONPATH": path})
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "bilat: the ray engine needs Ray, which is not installed: pip install 'bilat[ray]'"
    ]


def test_a_model_the_ray_actors_cannot_load_fails_the_run_in_one_line(tmp_path: Path) -> None:
    # The actors are not restarted for ever: the first failure ends the run with its reason.
    done = ingest(
        tmp_path / "store.duckdb",
        *("--engine", "ray", "--workers", "1"),
        env={"BILAT_MODEL": "no_such_model"},
    )
    assert done.returncode == 2, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("bilat: the ray engine failed: spaCy model 'no_such_model'"), last
