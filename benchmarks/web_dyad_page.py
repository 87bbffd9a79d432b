"""The dyad page (`/dyads/{a}/{b}`, the HTML page with its brief) on a store of N events, under
C concurrent loopback clients.

    .venv/bin/python benchmarks/web_dyad_page.py [--events 1000000] [--clients 20]
        [--requests 2000] [--cold 200] [--db /tmp/bilat-bench-dyad-page.duckdb]
        [--modes cold,warm,uncached] [--workers 1] [--pages-ahead on|off] [--keep-pages]

Builds the store once (kept at --db, reused when it holds the wanted number of events):
the synthetic events of web_dyad.py (40 actors, pairs drawn Zipf-like, 20 events per
article), written as an ingest writes them, with the actors each sentence names (its pair,
and in one sentence of three a third actor). Then starts `bilat serve` on a free loopback
port and measures, printing one JSON object:

- cold: every pair's page asked for once, one client at a time: what rendering a page
  costs (one read of the pair's events, one of the articles they cite, one fusion), by
  the number of the pair's events;
- warm: C clients asking for pages of pairs drawn by their share of events, over one
  keep-alive connection each, as a dashboard in use (the server answers a page it has
  rendered for this store version from memory);
- uncached: C clients asking at once for pages no cache holds (each with a `since` filter
  of its own), pairs drawn evenly from those with at most --uncached-max events.

Before these, one page is asked for, so that none of them includes the drivers' store-wide
baseline (one tally per store version, about 1.4 s here). ``--workers`` is passed on to
``bilat serve``, ``--pages-ahead`` as its setting ``pages_ahead``: on, the server makes every
pair's page material in the background, and the script waits until it has (reported as
``material_made_s``) before timing anything. The material folder (``<db>.pages``) is removed
first, unless ``--keep-pages``: with ``--pages-ahead off`` "cold" then times first renderings.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import web_dyad

from bilat.records import (
    Actor,
    Article,
    Event,
    EventType,
)
from bilat.store.duckdb import DuckDBStore

BATCH_ARTICLES = 500
THIRD_PARTY_SHARE = 1 / 3


def build(db: Path, n_events: int, seed: int = 7) -> None:
    """The store of web_dyad.py, with each sentence's named actors stored as ingest does."""
    rng = random.Random(seed)
    pairs, weights = web_dyad._pairs(rng)
    types = list(EventType)
    made = 0
    t0 = time.perf_counter()
    with DuckDBStore(db) as store:
        while made < n_events:
            batch, named = [], {}
            for _ in range(BATCH_ARTICLES):
                if made >= n_events:
                    break
                article, events, names = _article(rng, made, pairs, weights, types)
                batch.append((article, events))
                named.update(names)
                made += len(events)
            store.write_batch(batch, named)
    print(f"built {made} events in {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def _article(
    rng: random.Random,
    made: int,
    pairs: list[tuple[str, str]],
    weights: list[float],
    types: list[EventType],
) -> tuple[Article, list[Event], dict[str, tuple[Actor, ...]]]:
    chosen = rng.choices(pairs, weights, k=web_dyad.EVENTS_PER_ARTICLE)
    sentences, thirds = [], []
    for a, b in chosen:
        words = " ".join(rng.choices(web_dyad.WORDS, k=8))
        third = rng.choice(web_dyad.CODES) if rng.random() < THIRD_PARTY_SHARE else None
        third = None if third in (a, b) else third
        sentences.append(f"{a} and {b} {words}" + (f" with {third}." if third else "."))
        thirds.append(third)
    body = " ".join(sentences)
    aid = hashlib.sha256(f"{made}|{body}".encode()).hexdigest()
    article = Article(id=aid, source=f"synthetic/{made}", body=body)
    events, names, at = [], {}, 0
    for (a, b), sentence, third in zip(chosen, sentences, thirds, strict=True):
        event = web_dyad.synthetic_event(rng, aid, at, (a, b), sentence, types)
        events.append(event)
        codes = sorted({a, b} | ({third} if third else set()))
        names[event.id] = tuple(Actor(c, c) for c in codes)
        at += len(sentence) + 1
    return article, events, names


def _pair_sizes(db: Path) -> dict[tuple[str, str], int]:
    with DuckDBStore(db, read_only=True) as store:
        return {(a, b): n for a, b, n in store.dyad_counts()}


def _material_made(pages: Path, pairs: int) -> float:
    """Seconds until the server's material folder holds a file for every pair."""
    t0 = time.perf_counter()
    while True:
        folders = [f for f in pages.glob("*") if f.is_dir()] if pages.is_dir() else []
        if any(len(list(f.glob("*.page"))) >= pairs for f in folders):
            return round(time.perf_counter() - t0, 1)
        if time.perf_counter() - t0 > 7200:
            raise SystemExit(f"{pages}: the material of {pairs} pairs not made in 2 hours")
        time.sleep(1.0)


def _cpu_seconds(pid: int) -> float:
    """CPU seconds (user and system) of the process ``pid`` and its children (uvicorn's
    worker processes) so far, from /proc: what pages cost whatever else the machine runs."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a process that ended meanwhile
        if int(stat.parent.name) == pid or int(fields[1]) == pid:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def _summary(latencies: list[float]) -> dict[str, float]:
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return round(1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))], 1)

    return {
        "requests": len(ordered),
        "p50_ms": pct(0.50),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "max_ms": round(1000 * ordered[-1], 1),
        "mean_ms": round(1000 * statistics.fmean(ordered), 1),
    }


def _cold(port: int, sizes: dict[tuple[str, str], int]) -> dict[str, object]:
    """Each pair's page once, one at a time: seconds by the pair's number of events."""
    took: list[tuple[int, float]] = []
    for (a, b), n in sorted(sizes.items(), key=lambda kv: kv[1]):
        latencies, failures = web_dyad.load(port, [f"/dyads/{a}/{b}"], 1, timeout=1800)
        if failures:
            raise SystemExit(f"/dyads/{a}/{b} failed")
        took.append((n, latencies[0]))
    bands: dict[str, list[float]] = {}
    for n, seconds in took:
        band = "<=1000" if n <= 1000 else "<=10000" if n <= 10_000 else ">10000"
        bands.setdefault(band, []).append(seconds)
    out: dict[str, object] = {band: _summary(s) for band, s in sorted(bands.items())}
    biggest = max(took)
    out["largest_pair"] = {"events": biggest[0], "seconds": round(biggest[1], 2)}
    out["all_pairs_s"] = round(sum(s for _, s in took), 1)
    return out


def _warm(port: int, paths: list[str], clients: int) -> dict[str, object]:
    t0 = time.perf_counter()
    latencies, failures = web_dyad.load(port, paths, clients)
    wall = time.perf_counter() - t0
    return {
        **_summary(latencies),
        "failures": failures,
        "requests_per_s": round(len(latencies) / wall, 1),
    }


def _uncached(port: int, pid: int, paths: list[str], clients: int) -> dict[str, object]:
    """The pages asked for all at once, with the server's CPU per page."""
    t0, cpu0 = time.perf_counter(), _cpu_seconds(pid)
    latencies, failures = web_dyad.load(port, paths, clients)
    cpu = _cpu_seconds(pid) - cpu0
    return {
        **_summary(latencies),
        "failures": failures,
        "pages_per_s": round(len(latencies) / (time.perf_counter() - t0), 1),
        "server_cpu_ms_per_page": round(1000 * cpu / len(latencies)),
        "pairs_asked_again": len(paths) - len({p.split("?")[0] for p in paths}),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--cold", type=int, default=200, help="uncached requests")
    parser.add_argument("--uncached-max", type=int, default=2000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/bilat-bench-dyad-page.duckdb"))
    parser.add_argument("--modes", default="cold,warm,uncached", help="which to measure")
    parser.add_argument("--workers", type=int, default=1, help="bilat serve --workers")
    parser.add_argument("--pages-ahead", choices=("on", "off"), default="on")
    parser.add_argument("--keep-pages", action="store_true", help="keep <db>.pages")
    args = parser.parse_args()
    modes = set(args.modes.split(","))
    if not args.db.exists() or web_dyad._count(args.db) != args.events:
        args.db.unlink(missing_ok=True)
        build(args.db, args.events)
    sizes = _pair_sizes(args.db)
    pairs = sorted(sizes)
    rng = random.Random(11)
    warm_paths = [
        "/dyads/{}/{}".format(*rng.choices(pairs, [sizes[p] for p in pairs])[0])
        for _ in range(args.requests)
    ]
    small = [p for p in pairs if sizes[p] <= args.uncached_max]
    first = date(2000, 1, 1)
    uncached = [
        "/dyads/{}/{}?since={}".format(*rng.choice(small), first + timedelta(days=i))
        for i in range(args.cold)
    ]
    port = web_dyad._free_port()
    serve = ["serve", "--port", str(port)]
    serve += ["--workers", str(args.workers)] if args.workers != 1 else []
    pages = args.db.with_name(args.db.name + ".pages")
    if not args.keep_pages:
        shutil.rmtree(pages, ignore_errors=True)
    env = {**os.environ, "BILAT_PAGES_AHEAD": "true" if args.pages_ahead == "on" else "false"}
    command = [sys.executable, "-m", "bilat", "--db", str(args.db), *serve]
    proc = subprocess.Popen(command, env=env)
    result: dict[str, object] = {
        "events": args.events,
        "pairs": len(pairs),
        "clients": args.clients,
        "workers": args.workers,
    }
    try:
        web_dyad._wait(port, proc)
        # The drivers' baseline, once per store version (and worker): before any timing.
        ahead = [f"/dyads/{a}/{b}?since=1990-01-0{i + 1}" for i, (a, b) in enumerate(small[:2])]
        web_dyad.load(port, ahead * args.workers, args.workers, timeout=600)
        if args.pages_ahead == "on":
            result["material_made_s"] = _material_made(pages, len(pairs))
        if "cold" in modes:
            result["cold_one_at_a_time"] = _cold(port, sizes)
        if "warm" in modes:
            result["warm"] = _warm(port, warm_paths, args.clients)
        if "uncached" in modes:
            result["uncached"] = {
                **_uncached(port, proc.pid, uncached, args.clients),
                "pairs_of_at_most": args.uncached_max,
                "pairs_drawn_from": len(small),
            }
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
