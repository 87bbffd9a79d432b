"""`bilat ingest --workers N` in a subprocess on the seed articles: any N stores the same."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


def ingest(db: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*BILAT, "--db", str(db), "ingest", str(SEEDS), *options],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
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


def test_the_ray_engine_is_refused_in_one_line(tmp_path: Path) -> None:
    done = ingest(tmp_path / "ray.duckdb", "--engine", "ray")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "bilat: the ray engine is not installed yet; use --engine local"
    ]
