"""One `bilat ingest` over good articles mixed with every kind of hostile input (issue #7.1).

Each hostile input gets a recorded one-line Rejection, every good file is stored,
the exit code says some inputs were rejected, no traceback reaches the user and the
process's peak memory stays bounded (the 50 MB file is refused before it is read).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from bilat.store import open_store
from reliability.conftest import BILAT, child_env
from reliability.hostile import HostileCorpus, write_corpus

pytestmark = [pytest.mark.model, pytest.mark.slow]

EXIT_REJECTED = 3
MAX_PEAK_RSS_MB = 1500

# A parent of its own, so RUSAGE_CHILDREN is the peak of the one `bilat ingest` it ran.
_MEASURED = """
import json, resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True, check=False)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"code": done.returncode, "stderr": done.stderr, "stdout": done.stdout,
                  "peak_mb": peak}))
"""


def ingest_measured(db: Path, folder: Path) -> dict[str, object]:
    command = [*BILAT, "--db", str(db), "ingest", str(folder)]
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, *command],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
        env=child_env(),
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


@dataclass(frozen=True, slots=True)
class HostileRun:
    corpus: HostileCorpus
    db: Path
    result: dict[str, object]


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> HostileRun:
    """One ingest of the mixed corpus, shared by the tests that check its outcome."""
    tmp_path = tmp_path_factory.mktemp("hostile")
    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "store.duckdb"
    return HostileRun(corpus, db, ingest_measured(db, corpus.folder))


def test_hostile_inputs_are_rejected_one_by_one_and_good_ones_stored(
    hostile_run: HostileRun,
) -> None:
    corpus, db, result = hostile_run.corpus, hostile_run.db, hostile_run.result
    stderr = str(result["stderr"])
    assert result["code"] == EXIT_REJECTED, stderr
    assert "Traceback" not in stderr
    print(f"peak RSS of bilat ingest: {result['peak_mb']:.0f} MB")
    assert float(str(result["peak_mb"])) < MAX_PEAK_RSS_MB, result["peak_mb"]

    with open_store(str(db), read_only=True) as store:
        stored = {a.source for a in store.articles()}
        (run,) = store.runs()
        rejections = store.rejections(run.id)
    assert stored == corpus.good
    assert {r.source for r in rejections} == corpus.bad
    assert len(rejections) == len(corpus.bad), "each bad input is rejected once"
    for rejection in rejections:
        assert rejection.reason.strip(), rejection
        assert "\n" not in rejection.reason, rejection
        assert "Traceback" not in rejection.reason
        # The user sees the same line on stderr.
        assert f"rejected {rejection.source}: {rejection.reason}" in stderr
    assert run.finished is not None
    assert run.summary.stored == len(corpus.good)
    assert f"{len(corpus.good)} articles stored" in stderr
    assert f"{len(corpus.bad)} rejected" in stderr


def test_each_hostile_input_is_rejected_for_its_own_reason(hostile_run: HostileRun) -> None:
    assert hostile_run.result["code"] == EXIT_REJECTED
    with open_store(str(hostile_run.db), read_only=True) as store:
        reasons = {Path(r.source).name: r.reason for r in store.rejections()}
    expected = {
        "empty.txt": "empty file",
        "whitespace.txt": "only whitespace",
        "binary.bin": "binary data",
        "huge_50mb.txt": "over max_bytes",
        "one_line_1mb.txt": "text too long",
        "invalid_utf8.txt": "not valid UTF-8",
        "undeclared_cp1252.txt": "not valid UTF-8",
        "nested_10000.html": "no article text",
        "scripts_only.html": "no article text",
        "french.txt": "looks like French",
        "german.txt": "looks like German",
        "russian.txt": "Cyrillic",
        "truncated.warc.gz": "truncated or corrupt",
        "broken_feed.rss": "not a valid RSS/Atom feed",
        "mixed.jsonl:2": "malformed JSON line",
        "mixed.jsonl:3": "not an object",
        "mixed.jsonl:4": 'no "text" or "html"',
        "mixed.jsonl:6": "malformed JSON line",
    }
    assert set(reasons) == set(expected)
    for name, words in expected.items():
        assert words in reasons[name], (name, reasons[name])
