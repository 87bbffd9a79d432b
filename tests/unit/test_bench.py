"""The benchmark's helpers on tiny inputs, without the spaCy model. No timing is asserted."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bilat import bench, pipeline, synthetic
from bilat.config import Settings
from bilat.errors import BilatError
from bilat.nlp import build
from bilat.records import Article, Event

PARAGRAPHS = synthetic.BUILTIN_PARAGRAPHS


@pytest.fixture
def no_nlp(monkeypatch: pytest.MonkeyPatch) -> None:
    """No model: the pipeline finds no events, and make_nlp loads nothing."""

    def extract(nlp: Any, articles: list[Article], batch_size: int) -> list[list[Event]]:
        return [[] for _ in articles]

    monkeypatch.setattr(pipeline, "extract_articles", extract)
    monkeypatch.setattr(build, "make_nlp", lambda settings: object())


def test_builtin_paragraphs_stand_in_when_there_are_no_seeds(tmp_path: Path) -> None:
    assert synthetic.paragraphs_from(None) == PARAGRAPHS
    assert synthetic.paragraphs_from(tmp_path) == PARAGRAPHS
    assert all(len(p.split()) >= synthetic.MIN_PARAGRAPH_WORDS for p in PARAGRAPHS)


def test_paragraphs_from_keeps_prose_once_and_drops_furniture(tmp_path: Path) -> None:
    prose = "Pakistan and Russia signed an agreement on energy cooperation in Moscow. " * 4
    (tmp_path / "a.txt").write_text(f"Title\n\nPhoto: Dawn\n\n{prose}\n\n{prose}", "utf-8")
    (tmp_path / "b.txt").write_text(f"{prose.replace('Moscow', 'Islamabad')}", "utf-8")
    (tmp_path / "c.html").write_text(f"<p>{prose}</p>", "utf-8")
    found = synthetic.paragraphs_from(tmp_path)
    assert len(found) == 2
    assert found[0] == " ".join(prose.split())


def test_synthesize_makes_distinct_reproducible_articles() -> None:
    docs = list(synthetic.synthesize(50, PARAGRAPHS, seed=3))
    assert len(docs) == 50
    assert len({d.text for d in docs}) == 50
    assert docs == list(synthetic.synthesize(50, PARAGRAPHS, seed=3))
    low, high = synthetic.PARAGRAPHS_PER_DOC
    for doc in docs:
        assert low <= len(doc.text.split("\n\n")) <= high
        assert doc.title and doc.published[:2] == "20"


def test_synthesize_refuses_what_it_cannot_make_distinct() -> None:
    with pytest.raises(BilatError):
        list(synthetic.synthesize(1, PARAGRAPHS[:1]))
    with pytest.raises(BilatError, match="distinct"):
        list(synthetic.synthesize(10, PARAGRAPHS[:2]))


def test_synthetic_jsonl_ingests_to_one_article_a_line(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    assert synthetic.write_jsonl(synthetic.synthesize(6, PARAGRAPHS), path) == 6
    first = json.loads(path.read_text("utf-8").splitlines()[0])
    assert set(first) == {"title", "text", "published"}
    corpus = bench.load_corpus([path], Settings(), "six")
    assert (len(corpus.bodies), corpus.rejected, corpus.origin) == (6, 0, "six")
    assert corpus.words == bench.count_words(corpus.bodies) > 6 * 100
    assert corpus.ingest_seconds >= 0


def test_load_corpus_refuses_a_corpus_without_articles(tmp_path: Path) -> None:
    (tmp_path / "short.txt").write_text("Too short.", "utf-8")
    with pytest.raises(BilatError, match="no article"):
        bench.load_corpus([tmp_path], Settings(), "short")


def test_counting_words_and_rates() -> None:
    assert bench.count_words(["two words", " three  more\nwords ", ""]) == 5
    assert bench.words_per_s(100, 0.0) == 0.0
    assert bench.words_per_s(100, 4.0) == 25.0


def test_sides_alternate_which_goes_first_on_each_chunk() -> None:
    orders = [bench.order_of(n) for n in range(4)]
    assert orders[0] == orders[2] == (bench.PIPELINE, bench.SPACY)
    assert orders[1] == orders[3] == (bench.SPACY, bench.PIPELINE)


def test_peak_rss_is_positive() -> None:
    assert bench.peak_rss_mb() > 0
    assert bench.own_peak_rss_mb() > 0


def test_own_peak_rss_reads_vmhwm_and_falls_back(tmp_path: Path) -> None:
    status = tmp_path / "status"
    status.write_text("Name:\tpython\nVmHWM:\t  204800 kB\nVmRSS:\t1024 kB\n", "ascii")
    assert bench.own_peak_rss_mb(status) == 200.0
    assert bench.own_peak_rss_mb(tmp_path / "absent") == bench.peak_rss_mb()


def test_descendants_peak_rss_adds_up_children_and_grandchildren_only(tmp_path: Path) -> None:
    # A /proc of four processes: a child of ours, its own child, a
    # stranger, and one that ended between listing and reading (no status file).
    me = os.getpid()
    table = {
        900001: (me, "python (x)", 51200),
        900002: (900001, "python", 102400),
        900003: (1, "stranger", 409600),
        900004: (me, "ended", None),
    }
    for pid, (ppid, comm, hwm_kb) in table.items():
        folder = tmp_path / str(pid)
        folder.mkdir()
        (folder / "stat").write_text(f"{pid} ({comm}) S {ppid} 1 1 0", "ascii")
        if hwm_kb is not None:
            (folder / "status").write_text(f"Name:\tx\nVmHWM:\t{hwm_kb} kB\n", "ascii")
    assert bench.descendants_peak_rss_mb(tmp_path) == 150.0
    assert bench.descendants_peak_rss_mb(tmp_path / "absent") == 0.0


class FakeNlp:
    """Stands in for a spaCy Language in time_spacy: pipe() yields its inputs."""

    def __init__(self) -> None:
        self.batch_sizes: list[int] = []

    def pipe(self, texts: Iterable[str], batch_size: int) -> Iterator[str]:
        self.batch_sizes.append(batch_size)
        yield from texts


def test_time_spacy_pipes_every_text_with_the_batch_size() -> None:
    nlp = FakeNlp()
    seconds = bench.time_spacy(nlp, ["a", "b"], batch_size=7)  # type: ignore[arg-type]
    assert seconds >= 0 and nlp.batch_sizes == [7]


def test_chunks_split_the_corpus_in_order_and_load_as_one(tmp_path: Path) -> None:
    docs = list(synthetic.synthesize(7, PARAGRAPHS))
    paths = bench.write_chunks(docs, tmp_path, size=3)
    assert [p.name for p in paths] == ["chunk0000.jsonl", "chunk0001.jsonl", "chunk0002.jsonl"]
    corpus = bench.load_corpus(paths, Settings(), "seven")
    assert [len(c.bodies) for c in corpus.chunks] == [3, 3, 1]
    assert len(corpus.bodies) == 7 and corpus.words == bench.count_words(corpus.bodies)


def test_a_repeated_article_is_parsed_once(tmp_path: Path) -> None:
    docs = list(synthetic.synthesize(2, PARAGRAPHS))
    synthetic.write_jsonl(docs, tmp_path / "a.jsonl")
    synthetic.write_jsonl(docs[1:], tmp_path / "b.jsonl")
    corpus = bench.load_corpus([tmp_path / "a.jsonl", tmp_path / "b.jsonl"], Settings(), "x")
    assert [len(c.bodies) for c in corpus.chunks] == [2, 0]


@pytest.mark.usefixtures("no_nlp")
def test_time_pipeline_stores_the_corpus_and_the_store_times_itself(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    synthetic.write_jsonl(synthetic.synthesize(5, PARAGRAPHS), path)
    store = bench.TimedStore(tmp_path / "s.duckdb")
    seconds, summary = bench.time_pipeline(object(), path, Settings(batch_size=2), store)  # type: ignore[arg-type]
    store.close()
    assert (summary.seen, summary.stored) == (5, 5)
    assert 0 < store.seconds <= seconds


def _corpus() -> bench.Corpus:
    bodies = ("one two three", "four five")
    return bench.Corpus((bench.Chunk(Path("x.jsonl"), bodies),), "test", 5, 0, 0.01)


def test_summarise_takes_each_sides_best_round() -> None:
    rounds = [
        bench.Round(1, 2.0, 1.0, 0.1),
        bench.Round(1, 1.0, 2.0, 0.2),
    ]
    result = bench.summarise(_corpus(), Settings(), rounds, 3, 0.5, 0.25)
    assert (result.pipeline_seconds, result.spacy_seconds, result.store_seconds) == (1.0, 1.0, 0.2)
    assert result.pipeline_words_per_s == result.spacy_words_per_s == 5.0
    assert result.ratio == 1.0
    assert result.ratio_by_round == (0.5, 2.0)
    assert result.nlp_seconds == pytest.approx(1.0 - 0.01 - 0.2)
    assert (result.docs, result.words, result.events) == (2, 5, 3)


def test_result_json_has_the_headline_keys() -> None:
    rounds = [bench.Round(1, 2.0, 1.5, 0.1)]
    throughput = bench.summarise(_corpus(), Settings(), rounds, 0, 0.5, 0.25)
    memory = bench.MemoryRun(10, 5000, 2.0, 2500.0, 400.0, 10, 0, 0, 7, ((0, 50.0), (10, 400.0)))
    out = json.loads(
        json.dumps(bench.BenchResult(throughput, memory, 600.0, bench.machine()).to_json())
    )
    for key in ("pipeline_words_per_s", "spacy_words_per_s", "ratio", "peak_rss_mb"):
        assert isinstance(out[key], float)
    for key in ("pipeline_seconds", "spacy_seconds", "ingest_seconds", "store_seconds"):
        assert isinstance(out[key], float)
    assert isinstance(out["docs"], int) and isinstance(out["words"], int)
    assert out["ratio"] > 0
    assert out["memory"]["peak_rss_mb"] == 400.0
    assert out["memory"]["rss_mb_by_docs"] == [[0, 50.0], [10, 400.0]]
    assert out["rounds"][0]["chunks"] == 1 and out["ratio_by_round"] == [0.75]
    assert {"cpus", "ram_mb", "python", "spacy", "date"} <= set(out["machine"])


def test_result_json_without_a_timing_run_keeps_its_keys() -> None:
    out = bench.BenchResult(None, None, 50.0, {"cpus": 1}).to_json()
    assert out["pipeline_words_per_s"] is None and out["ratio"] is None
    assert out["memory"] is None and out["rounds"] == []


@pytest.mark.usefixtures("no_nlp")
def test_memory_child_reports_time_memory_and_samples(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    synthetic.write_jsonl(synthetic.synthesize(7, PARAGRAPHS), path)
    out = bench.memory_child(path, tmp_path / "m.duckdb", Settings(batch_size=2))
    assert (out["stored"], out["unchanged"], out["rejected"], out["events"]) == (7, 0, 0, 0)
    assert out["peak_rss_mb"] > 0 and out["seconds"] >= 0
    seen = [n for n, _ in out["rss_mb_by_docs"]]
    assert seen[0] == 0 and seen[-1] == 7 and seen == sorted(set(seen))


def test_child_entry_point_refuses_other_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["other"]) == 2
    assert "usage" in capsys.readouterr().err
