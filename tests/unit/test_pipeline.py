"""The orchestrator with a fake NLP stage: batching, dedup, rejections, store failures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from multiprocessing.pool import ThreadPool
from pathlib import Path
from typing import Any

import pytest

from bilat import engines, pipeline
from bilat.config import Settings
from bilat.errors import BilatError, StoreError
from bilat.records import Article, Event
from bilat.store import open_store
from bilat.store.pair_reads import NamedActors

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

    def picky(items: Sequence[tuple[Article, Sequence[Event]]], named: NamedActors) -> int:
        if any("Number 3" in a.body for a, _ in items):
            raise StoreError("refused for the test")
        return real_write(items, named)

    store.write_batch = picky  # type: ignore[method-assign]
    summary = pipeline.run([str(corpus(tmp_path))], Settings(), store, nlp=object())  # type: ignore[arg-type]
    assert summary.stored == 4
    assert [r.stage for r in summary.rejections].count("store") == 1
    assert summary.unchanged == 1, "only the copy; the refused article is not unchanged"
    store.close()


def test_an_article_the_parser_fails_on_is_rejected_and_the_rest_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def parse(nlp: Any, articles: list[Article], batch_size: int) -> list[list[Event]]:
        if any("Number 3" in a.body for a in articles):
            raise IndexError("a parser's own surprise")
        return [[] for _ in articles]

    monkeypatch.setattr(pipeline, "extract_articles", parse)
    store = open_store(str(tmp_path / "s.duckdb"))
    summary = pipeline.run([str(corpus(tmp_path))], Settings(), store, nlp=object())  # type: ignore[arg-type]
    assert (summary.stored, summary.unchanged) == (4, 1)
    (failed,) = [r for r in summary.rejections if r.stage == "extract"]
    assert failed.source.endswith("a3.txt")
    assert failed.reason.startswith("could not be parsed (IndexError: a parser's own surprise)")
    assert len(store.article_ids(a.id for a in store.articles())) == 4
    store.close()


class CountingParse:
    """A fake NLP stage that counts the articles it is asked to parse."""

    def __init__(self) -> None:
        self.parsed: list[str] = []

    def __call__(self, nlp: Any, articles: list[Article], batch_size: int) -> list[list[Event]]:
        self.parsed.extend(a.id for a in articles)
        return [[] for _ in articles]


def _no_model(settings: Settings, keep_uncoded: bool = False) -> Any:
    raise AssertionError("the model was loaded although nothing was new")


def test_reingesting_an_unchanged_corpus_parses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parse = CountingParse()
    monkeypatch.setattr(pipeline, "extract_articles", parse)
    store = open_store(str(tmp_path / "s.duckdb"))
    settings = Settings(batch_size=2)
    first = pipeline.run([str(corpus(tmp_path))], settings, store, nlp=object())  # type: ignore[arg-type]
    assert (first.stored, len(parse.parsed)) == (5, 5)
    parse.parsed.clear()
    # No nlp given: the engine would build one on the first new article, so it must not.
    monkeypatch.setattr("bilat.nlp.build.make_nlp", _no_model)
    again = pipeline.run([str(corpus(tmp_path))], settings, store)
    assert parse.parsed == []
    assert (again.seen, again.stored, again.unchanged, again.events) == (7, 0, 6, 0)
    # Nor do worker processes start.
    monkeypatch.setattr(engines.WorkerPool, "start", _no_model)
    workers = pipeline.run([str(corpus(tmp_path))], replace(settings, workers=2), store)
    assert (workers.stored, workers.unchanged) == (0, 6)
    store.close()


def _thread_pool(self: engines.WorkerPool) -> Any:
    # Threads share this process's monkeypatched parse; processes would load the model.
    return ThreadPool(self.workers)


def test_worker_pool_writes_in_input_order_and_parses_each_article_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[str] = []

    def parse(items: list[engines.Item], batch_size: int) -> list[list[Event]]:
        parsed.extend(article_id for article_id, _, _ in items)
        return [[] for _ in items]

    monkeypatch.setattr(engines, "_parse", parse)
    monkeypatch.setattr(engines.WorkerPool, "start", _thread_pool)
    store = open_store(str(tmp_path / "s.duckdb"))
    seen: list[int] = []
    summary = pipeline.run(
        [str(corpus(tmp_path))],
        Settings(batch_size=1, workers=3),
        store,
        progress=lambda s: seen.append(s.seen),
    )
    # copy.txt repeats a0 while a0 may still be in flight: parsed and stored once.
    assert (summary.seen, summary.stored, summary.unchanged) == (7, 5, 1)
    assert sorted(parsed) == sorted(set(parsed)) and len(parsed) == 5
    assert seen == list(range(1, 8))
    store.close()


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"engine": "ray", "workers": 0}, "must be 1 or more"),
        ({"engine": "spark"}, "is not one of"),
        ({"workers": 0}, "must be 1 or more"),
    ],
)
def test_an_engine_bilat_cannot_run_is_refused_before_the_run(
    tmp_path: Path, values: dict[str, object], message: str
) -> None:
    store = open_store(str(tmp_path / "s.duckdb"))
    with pytest.raises(BilatError, match=message):
        pipeline.run([str(corpus(tmp_path))], Settings().with_values(values), store)
    assert store.runs() == []
    store.close()
