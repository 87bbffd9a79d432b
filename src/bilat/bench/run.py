"""Running ``bilat bench``: both sides over the corpus in turns, and the memory run in a
child process (``python -m bilat.bench memory ...``)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bilat.bench.corpus import Corpus, count_words, load_corpus, write_chunks
from bilat.bench.results import BenchResult, MemoryRun, Round, Throughput, machine
from bilat.bench.timing import (
    PIPELINE,
    SPACY,
    TimedStore,
    bare_spacy,
    descendants_peak_rss_mb,
    order_of,
    own_peak_rss_mb,
    peak_rss_mb,
    time_pipeline,
    time_spacy,
    words_per_s,
)
from bilat.config import Settings
from bilat.errors import BilatError
from bilat.records import RunSummary
from bilat.store.duckdb import DuckDBStore
from bilat.synthetic import paragraphs_from, seed_folder, synthesize, write_jsonl

WARM_UP_DOCS = 8


def measure_throughput(
    corpus: Corpus, settings: Settings, rounds: int, workdir: Path
) -> Throughput:
    """Both sides over ``corpus``, ``rounds`` times in alternating order; best round counts."""
    from bilat.nlp.build import annotate, make_nlp

    started = time.perf_counter()
    ours = make_nlp(settings)
    our_load = time.perf_counter() - started
    started = time.perf_counter()
    theirs = bare_spacy(settings.model)
    their_load = time.perf_counter() - started
    # Warm-up: first calls allocate buffers and fill caches; neither side is timed on them.
    warm = corpus.bodies[:WARM_UP_DOCS]
    for _done in annotate(ours, ((f"warm{i}", t, None) for i, t in enumerate(warm))):
        pass
    time_spacy(theirs, warm, settings.batch_size)

    done: list[Round] = []
    events = 0
    turn = 0
    for number in range(max(1, rounds)):
        # A new store each round: the same articles again would be skipped as unchanged.
        db = workdir / f"round{number}.duckdb"
        store = TimedStore(db)
        seconds = {PIPELINE: 0.0, SPACY: 0.0}
        events = 0
        try:
            for chunk in corpus.chunks:
                for side in order_of(turn):
                    if side == PIPELINE:
                        took, summary = time_pipeline(ours, chunk.path, settings, store)
                        events += summary.events
                    else:
                        took = time_spacy(theirs, chunk.bodies, settings.batch_size)
                    seconds[side] += took
                turn += 1
        finally:
            store.close()
            db.unlink(missing_ok=True)
        done.append(
            Round(
                chunks=len(corpus.chunks),
                pipeline_seconds=round(seconds[PIPELINE], 3),
                spacy_seconds=round(seconds[SPACY], 3),
                store_seconds=round(store.seconds, 3),
            )
        )
    # while ``ours`` lives: its event model reads in a process of its own
    children = descendants_peak_rss_mb()
    return summarise(corpus, settings, done, events, our_load, their_load, children)


def summarise(
    corpus: Corpus,
    settings: Settings,
    rounds: Sequence[Round],
    events: int,
    pipeline_load_seconds: float,
    spacy_load_seconds: float,
    children_peak_rss_mb: float = 0.0,
) -> Throughput:
    """The headline figures of ``rounds``: each side's best round."""
    best = min(rounds, key=lambda r: r.pipeline_seconds)
    spacy_seconds = min(r.spacy_seconds for r in rounds)
    ours = words_per_s(corpus.words, best.pipeline_seconds)
    theirs = words_per_s(corpus.words, spacy_seconds)
    ingest = min(corpus.ingest_seconds, best.pipeline_seconds)
    return Throughput(
        corpus=corpus.origin,
        docs=len(corpus.bodies),
        words=corpus.words,
        rejected=corpus.rejected,
        batch_size=settings.batch_size,
        model=settings.model,
        pipeline_seconds=best.pipeline_seconds,
        spacy_seconds=spacy_seconds,
        pipeline_words_per_s=ours,
        spacy_words_per_s=theirs,
        ratio=round(ours / theirs, 3) if theirs > 0 else 0.0,
        ratio_by_round=tuple(
            round(r.spacy_seconds / r.pipeline_seconds, 3) if r.pipeline_seconds > 0 else 0.0
            for r in rounds
        ),
        pipeline_load_seconds=round(pipeline_load_seconds, 3),
        spacy_load_seconds=round(spacy_load_seconds, 3),
        ingest_seconds=round(ingest, 3),
        store_seconds=best.store_seconds,
        # By difference: what the run spent neither reading nor in the store.
        nlp_seconds=round(max(0.0, best.pipeline_seconds - ingest - best.store_seconds), 3),
        events=events,
        rounds=tuple(rounds),
        children_peak_rss_mb=children_peak_rss_mb,
    )


def measure_memory(
    docs: int, settings: Settings, paragraphs: Sequence[str], workdir: Path
) -> MemoryRun:
    """Stream ``docs`` synthetic articles through ``pipeline.run`` in a child process."""
    corpus = workdir / "memory.jsonl"
    write_jsonl(synthesize(docs, paragraphs, seed=1), corpus)
    words = 0
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            words += count_words([json.loads(line)["text"]])
    command = [
        sys.executable,
        "-m",
        "bilat.bench",
        "memory",
        str(corpus),
        str(workdir / "memory.duckdb"),
        json.dumps(asdict(settings)),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BilatError(f"the memory run failed: {done.stderr.strip()[-2000:]}")
    child = json.loads(done.stdout)
    return MemoryRun(
        docs=docs,
        words=words,
        seconds=child["seconds"],
        words_per_s=words_per_s(words, child["seconds"]),
        peak_rss_mb=child["peak_rss_mb"],
        stored=child["stored"],
        unchanged=child["unchanged"],
        rejected=child["rejected"],
        events=child["events"],
        rss_mb_by_docs=tuple((int(n), float(mb)) for n, mb in child["rss_mb_by_docs"]),
    )


def memory_child(corpus: Path, db: Path, settings: Settings) -> dict[str, Any]:
    """In the child: ingest ``corpus`` into ``db`` and report time and peak memory."""
    from bilat.pipeline import run

    # With the event model's reading process: memory the run uses.
    def with_children() -> float:
        return round(own_peak_rss_mb() + descendants_peak_rss_mb(), 1)

    samples: list[tuple[int, float]] = [(0, with_children())]
    with corpus.open("rb") as fh:
        lines = sum(1 for _ in fh)
    step = max(1, lines // 10)

    def sample(summary: RunSummary) -> None:
        if summary.seen - samples[-1][0] >= step:
            samples.append((summary.seen, with_children()))

    store = DuckDBStore(db)
    try:
        started = time.perf_counter()
        summary = run([str(corpus)], settings, store, progress=sample)
        seconds = time.perf_counter() - started
    finally:
        store.close()
    # the reading process may have stopped with the run: its last sample stands for it
    peak = max([with_children(), *(mb for _, mb in samples)])
    if samples[-1][0] == summary.seen:
        samples.pop()
    samples.append((summary.seen, peak))
    return {
        "seconds": round(seconds, 3),
        "peak_rss_mb": peak,
        "stored": summary.stored,
        "unchanged": summary.unchanged,
        "rejected": len(summary.rejections),
        "events": summary.events,
        "rss_mb_by_docs": samples,
    }


def bench(
    settings: Settings,
    docs: int = 200,
    corpus: Path | None = None,
    rounds: int = 2,
    memory_docs: int = 0,
    seeds: Path | None = None,
) -> BenchResult:
    """Throughput over ``corpus`` (or ``docs`` synthetic articles; none if 0) and, with
    ``memory_docs``, the peak memory of ingesting that many synthetic articles."""
    folder = seeds if seeds is not None else seed_folder()
    paragraphs = paragraphs_from(folder)
    with tempfile.TemporaryDirectory(prefix="bilat-bench-") as tmp:
        workdir = Path(tmp)
        throughput = None
        if corpus is not None:
            loaded = load_corpus([corpus], settings, str(corpus))
            throughput = measure_throughput(loaded, settings, rounds, workdir)
        elif docs > 0:
            paths = write_chunks(synthesize(docs, paragraphs), workdir)
            origin = f"{docs} synthetic articles from {folder or 'built-in paragraphs'}"
            loaded = load_corpus(paths, settings, origin)
            throughput = measure_throughput(loaded, settings, rounds, workdir)
        memory = measure_memory(memory_docs, settings, paragraphs, workdir) if memory_docs else None
    children = throughput.children_peak_rss_mb if throughput is not None else 0.0
    return BenchResult(throughput, memory, round(peak_rss_mb() + children, 1), machine())


def main(argv: Sequence[str]) -> int:
    """``python -m bilat.bench memory CORPUS DB SETTINGS_JSON``: the memory run's child."""
    if len(argv) != 4 or argv[0] != "memory":
        print("usage: python -m bilat.bench memory CORPUS DB SETTINGS_JSON", file=sys.stderr)
        return 2
    settings = Settings().with_values(json.loads(argv[3]))
    print(json.dumps(memory_child(Path(argv[1]), Path(argv[2]), settings)))
    return 0
