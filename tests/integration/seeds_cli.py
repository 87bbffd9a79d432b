"""What the seed-corpus CLI tests share: where the seeds are, `bilat` in a subprocess, and a
store with the seeds ingested by it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"

# Marks for a module that runs the model on ../shared/seeds.
ON_SEEDS = [
    pytest.mark.model,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repo"),
]


def bilat(*args: str, db: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """`bilat --db DB ARGS...` as a user runs it; never raises on a non-zero exit."""
    return subprocess.run(
        [sys.executable, "-m", "bilat", "--db", str(db), *args],
        capture_output=True,
        text=True,
        input=None if stdin is None else stdin.decode(),
        timeout=600,
        check=False,
    )


def ingest_seeds(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """A fresh DuckDB store in its own folder with both seed articles ingested."""
    db = tmp_path_factory.mktemp(name) / "seeds.duckdb"
    done = bilat("ingest", str(SEEDS), db=db)
    assert done.returncode == 0, done.stderr
    assert "2 articles stored" in done.stderr
    return db
