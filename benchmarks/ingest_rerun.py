"""What re-ingesting an unchanged corpus costs next to the first ingest.

    .venv/bin/python benchmarks/ingest_rerun.py --docs 1000

Writes ``--docs`` synthetic articles (``bilat.bench``'s recombined seed paragraphs) to one
JSONL file and runs ``python -m bilat ingest`` on it twice into the same new store, each in
a subprocess, as a user would. For each run: wall time and the CPU time of the subprocess
(user + system, its children included), which a busy shared machine disturbs far less than
wall time. The second run reads and cleans every article again but finds each id stored,
so it parses nothing and never loads the model.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bilat.synthetic import paragraphs_from, seed_folder, synthesize, write_jsonl


def timed_ingest(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds and the last stderr line of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr[-2000:]}")
    return wall, cpu, done.stderr.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--engine", default="local")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bilat-rerun-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_jsonl(synthesize(args.docs, paragraphs_from(seed_folder())), corpus)
        command = [
            *(sys.executable, "-m", "bilat", "--db", str(Path(tmp) / "store.duckdb")),
            *("ingest", str(corpus), "--engine", args.engine, "--workers", str(args.workers)),
        ]
        print(" ".join(command), flush=True)
        first = timed_ingest(command)
        again = timed_ingest(command)
    for name, (wall, cpu, line) in (("first", first), ("rerun", again)):
        print(f"{name}: wall {wall:.1f} s, cpu {cpu:.1f} s; {line}", flush=True)
    print(f"rerun/first: wall {again[0] / first[0]:.3f}, cpu {again[1] / first[1]:.3f}")


if __name__ == "__main__":
    main()
