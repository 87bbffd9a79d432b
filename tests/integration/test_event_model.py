"""The shipped event model as the pipeline runs it: onnxruntime, no torch."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

import pytest

from bilat.nlp.learned.encoder import MODEL_FILE, EventEncoder
from bilat.records import EventType
from tests.integration.seeds_cli import bilat

pytestmark = pytest.mark.model

MODELS = resources.files("bilat.resources").joinpath("models")


@pytest.fixture(scope="module")
def encoder() -> EventEncoder:
    return EventEncoder.load()


def test_weights_ship_in_the_package_within_budget() -> None:
    total = sum(f.stat().st_size for f in Path(str(MODELS)).iterdir() if f.is_file())
    assert Path(str(MODELS.joinpath(MODEL_FILE))).is_file()
    assert total <= 40 * 1024 * 1024


def test_torch_is_not_loaded_to_run_it(encoder: EventEncoder) -> None:
    encoder.read([["Talks", "were", "held", "."]])
    assert "torch" not in sys.modules


@pytest.mark.parametrize(
    ("sentence", "quad"),
    [
        ("Russian artillery shelled Ukrainian positions near Kharkiv overnight .", 4),
        ("The foreign ministers of Chile and Peru met in Lima to discuss the border .", 1),
        ("The striker scored twice as the home side won the cup final 3-1 .", 0),
        ("Shares of the carmaker rose 4 percent after strong quarterly results .", 0),
    ],
)
def test_reads_the_class_of_invented_sentences(
    encoder: EventEncoder, sentence: str, quad: int
) -> None:
    [reading] = encoder.read([sentence.split()])
    assert max(range(5), key=reading.quad) == quad


def test_marks_source_and_target_words(encoder: EventEncoder) -> None:
    words = ["Iranian", "forces", "seized", "a", "British", "tanker"]
    words += ["in", "the", "Strait", "of", "Hormuz", "."]
    [reading] = encoder.read([words])
    assert reading.best_type()[0].quad == EventType.COERCE.quad
    source = max(range(len(words)), key=lambda i: reading.source[i])
    target = max(range(len(words)), key=lambda i: reading.target[i])
    assert words[source] in ("Iranian", "forces")
    assert words[target] in ("British", "tanker")


def test_batches_read_like_single_sentences(encoder: EventEncoder) -> None:
    sentences = [s.split() for s in ("Japan protested .", "China and India agreed to talks .")]
    together = encoder.read(sentences)
    alone = [encoder.read([s])[0] for s in sentences]
    for a, b in zip(together, alone, strict=True):
        assert a.none == pytest.approx(b.none, abs=1e-4)


def test_a_one_sentence_news_item_is_ingested_and_dated_on_its_day(tmp_path: Path) -> None:
    page = tmp_path / "brief.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="2024-03-05">'
        "<title>Border</title></head><body><article><p>Turkish warplanes bomb Kurdish "
        "militant positions in northern Iraq.</p></article></body></html>",
        encoding="utf-8",
    )
    db = tmp_path / "b.duckdb"
    done = bilat("ingest", str(page), db=db)
    assert done.returncode == 0, done.stderr
    listed = bilat("events", "--format", "json", db=db)
    events = json.loads(listed.stdout)
    [event] = [e for e in events if {e["source"]["code"], e["target"]["code"]} == {"TUR", "IRQ"}]
    assert event["type"] == "ASSAULT"
    assert event["date"]["start"] == "2024-03-05"
