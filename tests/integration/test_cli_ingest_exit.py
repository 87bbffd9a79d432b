"""`bilat ingest`'s exit codes, as a script sees them: 0 all stored, 3 some stored and some
rejected, 2 nothing stored (nothing to read, or every input rejected)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = (
    "Pakistan and Russia signed an agreement on a gas pipeline in Moscow on 3 March 2021, "
    "officials in Islamabad said on Thursday after the ceremony.\n\n"
    "The foreign ministers of Pakistan and Russia met in Islamabad on 7 April 2021 to discuss "
    "trade, energy and security cooperation, according to a statement from the ministry.\n"
)


def bilat(db: Path, *args: Path | str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bilat", *map(str, args), "--db", str(db)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip


def ingest(db: Path, *paths: Path | str) -> subprocess.CompletedProcess[str]:
    return bilat(db, "ingest", *paths)


def test_a_path_that_does_not_exist_stores_nothing_and_exits_2(tmp_path: Path) -> None:
    done = ingest(tmp_path / "store.duckdb", tmp_path / "nonexistent")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines[0].startswith(f"rejected {tmp_path / 'nonexistent'}: no such file")
    assert lines[-1] == "bilat: nothing stored: every input was rejected"
    # The store is there, and empty: each reader says so and exits 1.
    for command in (["brief"], ["actors"], ["events"], ["timeline", "PAK", "RUS"]):
        empty = bilat(tmp_path / "store.duckdb", *command)
        assert empty.returncode == 1, (command, empty.stderr)
        assert len(empty.stderr.strip().splitlines()) == 1, empty.stderr
        assert empty.stdout == "", empty.stdout


def test_an_empty_folder_exits_2(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    done = ingest(tmp_path / "store.duckdb", tmp_path / "empty")
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "bilat: nothing stored: no articles found"


@pytest.mark.model
def test_exit_3_only_when_some_were_stored_and_some_rejected(tmp_path: Path) -> None:
    good, short = tmp_path / "good.txt", tmp_path / "short.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    short.write_text("Too short.", encoding="utf-8")  # under min_words
    db = tmp_path / "store.duckdb"
    mixed = ingest(db, good, short)
    assert mixed.returncode == 3, mixed.stderr
    assert "2 inputs: 1 articles stored, 0 unchanged, 1 rejected" in mixed.stderr
    again = ingest(db, good)  # already stored: nothing rejected
    assert again.returncode == 0, again.stderr
    assert "1 unchanged" in again.stderr
    only_bad = ingest(db, short)
    assert only_bad.returncode == 2, only_bad.stderr
