"""Docs/s and words/s of ``pipeline.run`` (what `bilat ingest` runs) by engine and worker
count, against bare spaCy on the same texts.

    .venv/bin/python benchmarks/ingest_workers.py --docs 200 \\
        --runs spacy:1,local:1,local:2,ray:1,ray:2,spacy:2

Each ``local:N`` or ``ray:N`` run ingests the same synthetic corpus (``bilat.bench``'s
recombined seed paragraphs, one JSONL file) into a new DuckDB store with that engine and
``workers`` = N; model loading (the workers' too) and, for ray, starting and stopping a
local Ray cluster are included. ``spacy:N`` is the baseline: ``spacy.load`` of the model as
shipped (NER included) and ``nlp.pipe(n_process=N)`` over the bodies the pipeline parses
(the articles as read and cleaned, once each), model loading included.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bilat.bench import bare_spacy, count_words
from bilat.config import Settings
from bilat.ingest import read_sources
from bilat.pipeline import run
from bilat.records import Article
from bilat.store.duckdb import DuckDBStore
from bilat.synthetic import paragraphs_from, seed_folder, synthesize, write_jsonl


def bodies_of(corpus: Path, settings: Settings) -> list[str]:
    """The bodies the pipeline parses: each article as read and cleaned, once."""
    found: dict[str, str] = {}
    for item in read_sources([str(corpus)], settings):
        if isinstance(item, Article):
            found.setdefault(item.id, item.body)
    return list(found.values())


def time_spacy(texts: list[str], settings: Settings, processes: int) -> float:
    started = time.perf_counter()
    nlp = bare_spacy(settings.model)
    for _doc in nlp.pipe(texts, batch_size=settings.batch_size, n_process=processes):
        pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument(
        "--runs", default="spacy:1,local:1,local:2,ray:1,ray:2,spacy:2", help="in run order"
    )
    args = parser.parse_args()
    settings = Settings()
    with tempfile.TemporaryDirectory(prefix="bilat-workers-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_jsonl(synthesize(args.docs, paragraphs_from(seed_folder())), corpus)
        texts = bodies_of(corpus, settings)
        words = count_words(texts)
        print(f"{len(texts)} articles, {words} words (as parsed)", flush=True)
        for n, spec in enumerate(args.runs.split(",")):
            kind, workers = spec.split(":")
            if kind == "spacy":
                seconds = time_spacy(texts, settings, int(workers))
                detail = f"docs={len(texts)}"
            else:
                store = DuckDBStore(Path(tmp) / f"run{n}.duckdb")
                started = time.perf_counter()
                summary = run(
                    [str(corpus)], replace(settings, engine=kind, workers=int(workers)), store
                )
                seconds = time.perf_counter() - started
                store.close()
                detail = f"stored={summary.stored} events={summary.events}"
            print(
                f"{kind} workers={workers} {detail} seconds={seconds:.1f} "
                f"docs/s={len(texts) / seconds:.1f} words/s={words / seconds:.0f}",
                flush=True,
            )


# The guard matters: worker processes (forkserver/spawn) import this file again.
if __name__ == "__main__":
    main()
