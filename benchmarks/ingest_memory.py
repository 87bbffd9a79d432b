"""Peak memory of `bilat ingest` over a generated JSONL corpus, sampled from outside.

    .venv/bin/python benchmarks/ingest_memory.py --docs 100000 --short --workers 1 --every 10

Writes ``--docs`` synthetic articles (``bilat.bench``'s recombined seed paragraphs) to one
JSONL file, streaming, then runs ``python -m bilat ingest`` on it in a subprocess and every
``--every`` seconds reads, from /proc, the resident memory of that process and of its
children (the workers), their peak (VmHWM) and how far into the corpus the reader is (the
file position of the corpus, so the articles read are known without opening the store).
Linux only (/proc).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from bilat.synthetic import SyntheticDoc, paragraphs_from, seed_folder, synthesize, write_jsonl


def short_docs(n: int, paragraphs: tuple[str, ...], seed: int = 1) -> Iterator[SyntheticDoc]:
    """``n`` distinct short articles: two seed paragraphs and a numbered dateline, so every
    body (and content id) differs however few paragraphs there are."""
    rng = random.Random(seed)
    first = date(2018, 1, 1)
    for number in range(n):
        day = first + timedelta(days=rng.randrange(5 * 365))
        picked = rng.sample(paragraphs, 2)
        dateline = f"Dispatch {number} filed on {day:%d %B %Y}."
        text = "\n\n".join([dateline, *picked])
        yield SyntheticDoc(title=f"Dispatch {number}", text=text, published=day.isoformat())


def status_kb(pid: int, field: str) -> int:
    """A kB field (VmRSS, VmHWM) of /proc/PID/status; 0 once the process is gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text(encoding="ascii", errors="replace")
    except OSError:
        return 0
    found = re.search(rf"^{field}:\s*(\d+)\s*kB", text, re.MULTILINE)
    return int(found.group(1)) if found else 0


def children(pid: int) -> list[int]:
    """Every descendant of ``pid`` (worker processes, the forkserver)."""
    found: list[int] = []
    try:
        direct = Path(f"/proc/{pid}/task/{pid}/children").read_text(encoding="ascii").split()
    except OSError:
        return found
    for child in (int(c) for c in direct):
        found += [child, *children(child)]
    return found


def position(pid: int, corpus: Path) -> int:
    """How many bytes of ``corpus`` the process has read; 0 if it has not opened it."""
    fds = Path(f"/proc/{pid}/fd")
    try:
        for fd in fds.iterdir():
            if fd.resolve() == corpus.resolve():
                info = (Path(f"/proc/{pid}/fdinfo") / fd.name).read_text(encoding="ascii")
                found = re.search(r"^pos:\s*(\d+)", info, re.MULTILINE)
                return int(found.group(1)) if found else 0
    except OSError:
        return 0
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--engine", default="local")
    parser.add_argument("--every", type=float, default=5.0, help="seconds between samples")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument(
        "--short", action="store_true", help="two-paragraph articles (~130 words) instead of 5-10"
    )
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bilat-memory-"))
    corpus = workdir / f"corpus-{args.docs}{'-short' if args.short else ''}.jsonl"
    if not corpus.exists():
        paragraphs = paragraphs_from(seed_folder())
        make = short_docs if args.short else synthesize
        write_jsonl(make(args.docs, paragraphs, seed=1), corpus)
    with corpus.open(encoding="utf-8") as fh:
        words = sum(len(json.loads(line)["text"].split()) for line in fh)
    size = corpus.stat().st_size
    db = workdir / f"{corpus.stem}-{args.engine}-{args.workers}.duckdb"
    command = [
        *(sys.executable, "-m", "bilat", "--db", str(db), "ingest", str(corpus)),
        *("--engine", args.engine, "--workers", str(args.workers)),
    ]
    print(f"corpus {corpus}: {args.docs} articles, {words:,} words, {size:,} bytes")
    print(" ".join(command), flush=True)
    started = time.perf_counter()
    # stderr to a file, never a pipe: a run with many rejections writes more lines than a
    # pipe holds, and would wait for a reader at the end.
    errors = (workdir / f"{db.stem}.stderr").open("w+", encoding="utf-8")
    child = subprocess.Popen(command, stderr=errors, text=True)
    peak_total = peak_main = 0
    while child.poll() is None:
        family = [child.pid, *children(child.pid)]
        rss = sum(status_kb(p, "VmRSS") for p in family) // 1024
        main_hwm = status_kb(child.pid, "VmHWM") // 1024
        peak_total, peak_main = max(peak_total, rss), max(peak_main, main_hwm)
        read = position(child.pid, corpus) / size * args.docs if size else 0
        print(
            f"t={time.perf_counter() - started:7.0f}s read~{read:8.0f} "
            f"rss_all={rss:5d}MB main_hwm={main_hwm:5d}MB processes={len(family)}",
            flush=True,
        )
        time.sleep(args.every)
    seconds = time.perf_counter() - started
    errors.seek(0)
    stderr = errors.read().strip()
    errors.close()
    print(stderr.splitlines()[-1] if stderr else "(no output)")
    print(
        f"exit={child.returncode} seconds={seconds:.0f} docs/s={args.docs / seconds:.1f} "
        f"words/s={words / seconds:.0f} "
        f"peak_main_hwm={peak_main}MB peak_rss_all_sampled={peak_total}MB",
        flush=True,
    )


if __name__ == "__main__":
    main()
