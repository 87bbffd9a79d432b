"""Docs/s of ``pipeline.run`` (what `bilat ingest` runs) with 1 and N local workers.

    .venv/bin/python benchmarks/ingest_workers.py --docs 200 --workers 1,2,2,1

Each run ingests the same synthetic corpus (``bilat.bench``'s recombined seed paragraphs,
one JSONL file) into a new DuckDB store; model loading (the workers' too) is included.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bilat.bench import count_words, paragraphs_from, seed_folder, synthesize, write_jsonl
from bilat.config import Settings
from bilat.pipeline import run
from bilat.store.duckdb import DuckDBStore


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--workers", default="1,2,2,1", help="worker counts, in run order")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bilat-workers-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        docs = list(synthesize(args.docs, paragraphs_from(seed_folder())))
        write_jsonl(docs, corpus)
        words = count_words(d.text for d in docs)
        for n, workers in enumerate(int(w) for w in args.workers.split(",")):
            store = DuckDBStore(Path(tmp) / f"run{n}.duckdb")
            started = time.perf_counter()
            summary = run([str(corpus)], replace(Settings(), workers=workers), store)
            seconds = time.perf_counter() - started
            store.close()
            print(
                f"workers={workers} stored={summary.stored} events={summary.events} "
                f"seconds={seconds:.1f} docs/s={summary.stored / seconds:.1f} "
                f"words/s={words / seconds:.0f}",
                flush=True,
            )


# The guard matters: worker processes (forkserver/spawn) import this file again.
if __name__ == "__main__":
    main()
