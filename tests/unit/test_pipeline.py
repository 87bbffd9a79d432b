"""The orchestrator with a fake NLP stage: batching, dedup, rejections, store failures."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from bilat import pipeline
from bilat.config import Settings
from bilat.errors import StoreError
from bilat.records import Article, Event
from bilat.store import open_store

TEXT = "Pakistan and Russia held talks in Moscow on energy and defence cooperation. " * 8


@pytest.fixture
def no_nlp(monkeypatch: pytest.MonkeyPatch) -> None:
    def extract(nlp: Any, articles: list[Article], batch_size: int) -> list[list[Event]]:
        return [[] for _ in articles]

    monkeypatch.setattr(pipeline, "extract_articles", extract)


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    for i in range(5):
        (folder / f"a{i}.txt").write_text(f"Article {i}.\n\n{TEXT} Number {i}.", encoding="utf-8")
    (folder / "copy.txt").write_text(f"Article 0.\n\n{TEXT} Number 0.", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


@pytest.mark.usefixtures("no_nlp")
def test_run_stores_each_article_once_and_records_rejections(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "s.duckdb"))
    settings = Settings(batch_size=2)
    summary = pipeline.run([str(corpus(tmp_path))], settings, store, nlp=object())  # type: ignore[arg-type]
    assert (summary.seen, summary.stored, len(summary.rejections)) == (7, 5, 1)
    again = pipeline.run([str(corpus(tmp_path))], settings, store, nlp=object())  # type: ignore[arg-type]
    assert (again.stored, again.unchanged) == (0, 6)
    assert len(store.rejections()) == 2
    store.close()


@pytest.mark.usefixtures("no_nlp")
def test_a_refused_article_is_rejected_and_the_rest_kept(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "s.duckdb"))
    real_write = store.write_batch

    def picky(items: Sequence[tuple[Article, Sequence[Event]]]) -> int:
        if any("Number 3" in a.body for a, _ in items):
            raise StoreError("refused for the test")
        return real_write(items)

    store.write_batch = picky  # type: ignore[method-assign]
    summary = pipeline.run([str(corpus(tmp_path))], Settings(), store, nlp=object())  # type: ignore[arg-type]
    assert summary.stored == 4
    assert [r.stage for r in summary.rejections].count("store") == 1
    store.close()
