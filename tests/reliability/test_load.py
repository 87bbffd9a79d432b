"""The HTTP API of a real `bilat serve` under 100 concurrent loopback clients (issue #7.5).

Good requests answer 200 and malformed ones 4xx, never 5xx, and no connection fails.
The run lasts RELIABILITY_LOAD_SECONDS (default 5); benchmarks/web_load.py runs the same
load for 30 s and BENCHMARKS.md records its figures.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

from reliability.conftest import bilat_run, serving
from reliability.synthetic import write_dispatches

pytestmark = [pytest.mark.model, pytest.mark.slow]

CLIENTS = 100
SECONDS = float(os.environ.get("RELIABILITY_LOAD_SECONDS", "5"))
BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "web_load.py"


def web_load() -> ModuleType:
    """benchmarks/web_load.py, which is a script rather than a package."""
    spec = importlib.util.spec_from_file_location("web_load", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["web_load"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_the_api_answers_100_concurrent_clients_without_errors(tmp_path: Path) -> None:
    load = web_load()
    db = str(tmp_path / "store.duckdb")
    corpus = write_dispatches(tmp_path / "dispatches.jsonl", 40)
    assert bilat_run(db, "ingest", str(corpus)).returncode == 0
    with serving(db) as base:
        result = load.run_load(base, CLIENTS, SECONDS)
    summary = result.summary()
    print(summary)  # the figures, for -s
    assert result.wrong == [], summary
    assert result.requests >= CLIENTS, summary
    assert not [s for s in result.statuses if s >= 500 or s == 0], summary
    # Both kinds were sent and answered as they should be.
    assert result.statuses[200] > 0
    assert sum(n for s, n in result.statuses.items() if 400 <= s < 500) > 0
