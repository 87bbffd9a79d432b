"""`bilat bench` in a subprocess, as a user runs it: one JSON object on stdout."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

pytestmark = pytest.mark.model


def bench(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bilat", "bench", *args],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)  # exactly one object, nothing else
    return result


def test_bench_prints_one_json_object_with_the_headline_figures() -> None:
    out = bench("--docs", "5", "--json")
    assert out["docs"] == 5 and out["words"] > 5 * 100
    for key in ("pipeline_words_per_s", "spacy_words_per_s", "ratio", "peak_rss_mb"):
        assert isinstance(out[key], float) and out[key] > 0, key
    for key in ("pipeline_seconds", "spacy_seconds"):
        assert isinstance(out[key], float) and out[key] > 0, key
    assert len(out["rounds"]) == 2 and out["memory"] is None


def test_bench_memory_run_reports_the_child_process_peak() -> None:
    out = bench("--docs", "0", "--memory-docs", "3", "--json")
    assert out["ratio"] is None
    memory = out["memory"]
    assert (memory["docs"], memory["stored"], memory["rejected"]) == (3, 3, 0)
    assert memory["peak_rss_mb"] > 0 and memory["rss_mb_by_docs"][-1][0] == 3
