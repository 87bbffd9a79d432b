"""Speed of the dyad endpoint: a store of N synthetic events, C concurrent loopback clients.

    .venv/bin/python benchmarks/web_dyad.py [--events 1000000] [--clients 50] [--requests 4000]

Builds the store once (kept at --db, default /tmp/bilat-bench-web.duckdb, reused when it
holds the wanted number of events: 40 actors, pairs drawn Zipf-like so a few are busy),
starts `bilat serve` on a free loopback port, times the first (cold) answer for the
busiest pair and one pass over every pair of the mix, then has each client ask for
GET /api/dyads/{a}/{b} over and over on one keep-alive connection: half the requests
the busiest pair, half others drawn by their share of events. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

from bilat.records import (
    Actor,
    Article,
    DateSpan,
    Event,
    EventType,
    Evidence,
    Granularity,
    Mention,
    Status,
)
from bilat.store.duckdb import DuckDBStore

CODES = [
    "PAK",
    "RUS",
    "USA",
    "CHN",
    "IND",
    "AFG",
    "IRN",
    "TUR",
    "SAU",
    "ARE",
    "QAT",
    "GBR",
    "FRA",
    "DEU",
    "JPN",
    "KOR",
    "PRK",
    "BRA",
    "ZAF",
    "EGY",
    "ISR",
    "UKR",
    "BLR",
    "KAZ",
    "UZB",
    "TKM",
    "BGD",
    "LKA",
    "NPL",
    "MMR",
    "IDN",
    "MYS",
    "THA",
    "VNM",
    "PHL",
    "AUS",
    "CAN",
    "MEX",
    "ARG",
    "NGA",
]
WORDS = [
    "talks",
    "trade",
    "energy",
    "pipeline",
    "security",
    "defence",
    "visit",
    "minister",
    "summit",
    "sanctions",
    "wheat",
    "gas",
    "loan",
    "investment",
    "border",
    "troops",
    "exercise",
    "port",
    "railway",
    "corridor",
    "agreement",
    "statement",
    "protest",
    "embassy",
    "delegation",
    "cooperation",
    "dispute",
    "aid",
    "vaccine",
    "grain",
    "oil",
    "nuclear",
]
START = date(2000, 1, 1)
EVENTS_PER_ARTICLE = 20


def synthetic_event(
    rng: random.Random,
    aid: str,
    at: int,
    pair: tuple[str, str],
    sentence: str,
    types: list[EventType],
) -> Event:
    """One random event between ``pair`` told by ``sentence`` at offset ``at`` of article
    ``aid`` (web_dyad_page.py builds its store with it too, drawing the same numbers)."""
    day = START + timedelta(days=rng.randrange(9000))
    src, tgt = pair if rng.random() < 0.5 else pair[::-1]
    return Event(
        id=hashlib.sha256(f"{aid}|{at}".encode()).hexdigest()[:20],
        type=rng.choice(types),
        source=Mention(src, at, at + 3, Actor(src, src)),
        target=Mention(tgt, at + 8, at + 11, Actor(tgt, tgt)),
        evidence=Evidence(aid, sentence, at, at + len(sentence), "talks"),
        date=DateSpan(day, day, Granularity.DAY),
        status=Status.OCCURRED,
        intensity=rng.uniform(-10, 10),
        confidence=rng.uniform(0.3, 1.0),
        contexts=(rng.choice(("economic", "military", "diplomatic")),),
    )


def _pairs(rng: random.Random) -> tuple[list[tuple[str, str]], list[float]]:
    pairs = [(a, b) for i, a in enumerate(CODES) for b in CODES[i + 1 :]]
    rng.shuffle(pairs)
    pairs.remove(("PAK", "RUS") if ("PAK", "RUS") in pairs else ("RUS", "PAK"))
    pairs.insert(0, ("PAK", "RUS"))
    weights = [1.0 / (rank + 1) for rank in range(len(pairs))]  # Zipf: a few busy pairs
    return pairs, weights


def build(db: Path, n_events: int, seed: int = 7, per_article: int = EVENTS_PER_ARTICLE) -> None:
    rng = random.Random(seed)
    pairs, weights = _pairs(rng)
    types = list(EventType)
    made = 0
    t0 = time.perf_counter()
    with DuckDBStore(db) as store:
        while made < n_events:
            batch = []
            for _ in range(500):
                if made >= n_events:
                    break
                chosen = rng.choices(pairs, weights, k=per_article)
                sentences = []
                for a, b in chosen:
                    words = " ".join(rng.choices(WORDS, k=8))
                    sentences.append(f"{a} and {b} {words}.")
                body = " ".join(sentences)
                aid = hashlib.sha256(f"{made}|{body}".encode()).hexdigest()
                article = Article(id=aid, source=f"synthetic/{made}", body=body)
                events, at = [], 0
                for pair, sentence in zip(chosen, sentences, strict=True):
                    events.append(synthetic_event(rng, aid, at, pair, sentence, types))
                    at += len(sentence) + 1
                batch.append((article, events))
                made += len(events)
            store.write_batch(batch)
    print(f"built {made} events in {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def _count(db: Path) -> int:
    from bilat.store.base import EventQuery

    with DuckDBStore(db, read_only=True) as store:
        return store.count_events(EventQuery())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait(port: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("bilat serve exited")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/openapi.json")
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("bilat serve did not start")


def load(port: int, paths: list[str], clients: int, timeout: float = 60) -> tuple[list[float], int]:
    latencies: list[float] = []
    failures = 0
    lock = threading.Lock()
    share = [paths[i::clients] for i in range(clients)]
    barrier = threading.Barrier(clients)

    def client(mine: list[str]) -> None:
        nonlocal failures
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        barrier.wait()
        for path in mine:
            t = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            took = time.perf_counter() - t
            with lock:
                latencies.append(took)
                failures += response.status != 200
        conn.close()

    threads = [threading.Thread(target=client, args=(s,)) for s in share]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/bilat-bench-web.duckdb"))
    args = parser.parse_args()
    if not args.db.exists() or _count(args.db) != args.events:
        args.db.unlink(missing_ok=True)
        build(args.db, args.events)
    rng = random.Random(11)
    pairs, weights = _pairs(rng)
    paths = [
        "/api/dyads/PAK/RUS"
        if i % 2 == 0
        else "/api/dyads/{}/{}".format(*rng.choices(pairs, weights)[0])
        for i in range(args.requests)
    ]
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bilat", "--db", str(args.db), "serve", "--port", str(port)]
    )
    try:
        _wait(port, proc)
        # Cold: the first answer for the busiest pair (read, fuse, serialise, cache).
        t0 = time.perf_counter()
        load(port, ["/api/dyads/PAK/RUS"], 1, timeout=1800)
        cold_top = time.perf_counter() - t0
        # Warm every pair of the mix once, as a dashboard in use would have.
        distinct = sorted(set(paths))
        t0 = time.perf_counter()
        load(port, distinct, min(args.clients, 8), timeout=1800)
        warm_all = time.perf_counter() - t0
        t0 = time.perf_counter()
        latencies, failures = load(port, paths, args.clients)
        wall = time.perf_counter() - t0
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    latencies.sort()

    def pct(p: float) -> float:
        return round(1000 * latencies[min(len(latencies) - 1, int(p * len(latencies)))], 1)

    print(
        json.dumps(
            {
                "events": args.events,
                "clients": args.clients,
                "requests": len(latencies),
                "failures": failures,
                "p50_ms": pct(0.50),
                "p95_ms": pct(0.95),
                "p99_ms": pct(0.99),
                "mean_ms": round(1000 * statistics.fmean(latencies), 1),
                "requests_per_s": round(len(latencies) / wall, 1),
                "cold_top_pair_s": round(cold_top, 2),
                "pairs": len(distinct),
                "warm_all_pairs_s": round(warm_all, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
