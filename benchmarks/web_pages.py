"""The dashboard's pages under C concurrent clients while an ingest writes the same store.

    .venv/bin/python benchmarks/web_pages.py [--articles 10000] [--clients 50] [--seconds 60]
        [--ingest 60]

Builds a DuckDB store of --articles synthetic articles (5 events each, 40 actors, pairs
drawn Zipf-like; kept at --db and reused), starts `bilat serve` on a free loopback port,
asks for each page once (the cold times are reported as cold_s), then has each client
ask for the dashboard's pages over one keep-alive connection for
--seconds: home, dyads, a dyad page under several spellings of its pair (pak/RUS,
PAK/rus, Pakistan/Russia, ...), events, articles, an article, network, search, actors.
Meanwhile `bilat ingest` stores --ingest new articles (the real model) into the same
file. Prints one JSON object: requests, errors, p50/p95/p99 overall and per page, and
how the ingest ended (it must exit 0 while the pages are read).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import web_dyad
import web_load

from bilat.store.duckdb import DuckDBStore

EVENTS_EACH = 5
GOOD = 200


def _mix(article_id: str) -> tuple[web_load.Request, ...]:
    pages = (
        "/",
        "/dyads",
        "/dyads/PAK/RUS",
        "/dyads/pak/RUS",
        "/dyads/PAK/rus",
        "/dyads/Pakistan/Russia",
        "/dyads/USA/CHN",
        "/dyads/usa/chn",
        "/events?dyad=PAK-RUS",
        "/events",
        "/articles",
        f"/articles/{article_id}",
        "/network",
        "/search?q=gas",
        "/actors",
    )
    return tuple(("GET", page, None, GOOD) for page in pages)


def _articles(db: Path) -> int:
    with DuckDBStore(db, read_only=True) as store:
        return store.count_articles()


def _some_article(db: Path) -> str:
    with DuckDBStore(db, read_only=True) as store:
        return store.articles(limit=1)[0].id


def _warm(base: str, mix: tuple[web_load.Request, ...]) -> dict[str, float]:
    """Ask for each page once, as a dashboard in use would have: the seconds each took."""
    import httpx

    took = {}
    with httpx.Client(base_url=base, timeout=1800) as client:
        for _, path, _, _ in mix:
            started = time.perf_counter()
            client.get(path).raise_for_status()
            took[path] = round(time.perf_counter() - started, 2)
    return took


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values) or [0.0]
    return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--ingest", type=int, default=60, help="articles to ingest meanwhile")
    parser.add_argument("--db", type=Path, default=Path("/tmp/bilat-bench-pages.duckdb"))
    parser.add_argument("--no-warm", action="store_true", help="skip asking each page once")
    args = parser.parse_args()
    if not args.db.exists() or _articles(args.db) < args.articles:
        args.db.unlink(missing_ok=True)
        web_dyad.build(args.db, args.articles * EVENTS_EACH, per_article=EVENTS_EACH)
    before = _articles(args.db)
    mix = _mix(_some_article(args.db))
    port = web_dyad._free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "bilat", "--db", str(args.db), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
    )
    with tempfile.TemporaryDirectory(prefix="bilat-pages-") as tmp:
        from bilat.synthetic import paragraphs_from, seed_folder, synthesize, write_jsonl

        corpus = Path(tmp) / "new.jsonl"
        write_jsonl(synthesize(args.ingest, paragraphs_from(seed_folder()), seed=99), corpus)
        try:
            web_dyad._wait(port, server)
            cold = {} if args.no_warm else _warm(f"http://127.0.0.1:{port}", mix)
            ingest = subprocess.Popen(
                [sys.executable, "-m", "bilat", "--db", str(args.db), "ingest", str(corpus)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            started = time.monotonic()
            result = web_load.run_load(f"http://127.0.0.1:{port}", args.clients, args.seconds, mix)
            _, ingest_err = ingest.communicate(timeout=1800)
            ingest_s = time.monotonic() - started
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:  # requests still queued: no need to finish them
                server.kill()
                server.wait()
    summary = result.summary()
    pages = {
        path: {"n": len(times), "p50_ms": _pct(times, 0.5), "p95_ms": _pct(times, 0.95)}
        for path, times in sorted(result.by_path.items())
    }
    report = {
        "articles_before": before,
        "articles_after": _articles(args.db),
        **{k: summary[k] for k in ("clients", "seconds", "requests", "requests_per_s")},
        **{k: summary[k] for k in ("errors", "first_errors", "p50_ms", "p95_ms", "p99_ms")},
        "cold_s": cold,
        "ingest_exit": ingest.returncode,
        "ingest_seconds": round(ingest_s, 1),
        "ingest_summary": ingest_err.strip().splitlines()[-1:] if ingest_err else [],
        "pages": pages,
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
