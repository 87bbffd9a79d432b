"""`bilat export`, `bilat import` and `bilat network` in a subprocess on the seeds."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.integration.seeds_cli import ON_SEEDS, bilat, ingest_seeds

pytestmark = ON_SEEDS


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ingest_seeds(tmp_path_factory, "exports")


def test_export_then_import_gives_back_the_same_events(store: Path, tmp_path: Path) -> None:
    exported = tmp_path / "events.jsonl"
    done = bilat("export", "--format", "jsonl", "-o", str(exported), db=store)
    assert done.returncode == 0, done.stderr
    copy = tmp_path / "copy.duckdb"
    done = bilat("import", str(exported), db=copy)
    assert done.returncode == 0, done.stderr
    assert "2 stored" in done.stderr
    before = bilat("events", "--format", "json", db=store)
    after = bilat("events", "--format", "json", db=copy)
    assert json.loads(after.stdout) == json.loads(before.stdout)
    assert json.loads(before.stdout)


def test_csv_export_of_a_dyad(store: Path) -> None:
    done = bilat("export", "--format", "csv", "--dyad", "RUS-PAK", db=store)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert rows
    assert all({r["source"], r["target"]} == {"PAK", "RUS"} for r in rows)


def test_plover_and_parquet_exports(store: Path, tmp_path: Path) -> None:
    done = bilat("export", "--format", "plover-json", "--dyad", "PAK-RUS", db=store)
    assert done.returncode == 0, done.stderr
    first = json.loads(done.stdout.splitlines()[0])
    assert {"id", "date", "actor", "recipient", "event"} <= first.keys()
    parquet = tmp_path / "events.parquet"
    done = bilat("export", "--format", "parquet", "-o", str(parquet), db=store)
    assert done.returncode == 0, done.stderr
    assert parquet.read_bytes()[:4] == b"PAR1"


def test_network_formats(store: Path, tmp_path: Path) -> None:
    done = bilat("network", "--since", "2021", "--until", "2021", db=store)
    assert done.returncode == 0, done.stderr
    net = json.loads(done.stdout)
    edges = {(e["a"], e["b"]): e for e in net["edges"]}
    assert edges[("PAK", "RUS")]["sign"] == 1
    assert {"balanced", "strained", "centrality"} <= net.keys()
    svg = bilat("network", "--format", "svg", db=store)
    assert svg.returncode == 0, svg.stderr
    assert ET.fromstring(svg.stdout).tag.endswith("svg")
    png = tmp_path / "network.png"
    done = bilat("network", "--format", "png", "-o", str(png), db=store)
    assert done.returncode == 0, done.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 1000
    graphml = bilat("export", "--format", "graphml", db=store)
    assert graphml.returncode == 0, graphml.stderr
    assert ET.fromstring(graphml.stdout).tag.endswith("graphml")
