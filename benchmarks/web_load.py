"""The HTTP API under load: C concurrent loopback clients for S seconds, good and bad requests.

    .venv/bin/python benchmarks/web_load.py [--clients 100] [--seconds 30] [--docs 100]

Ingests --docs synthetic articles into a new DuckDB store, starts `bilat serve` on a free
loopback port and has each client send requests over one keep-alive connection until the
time is up: the JSON API and pages (which must answer 200) mixed with malformed requests
(which must answer 4xx). Prints one JSON object: requests, errors (5xx, wrong statuses,
failed connections), requests per second and latency percentiles.
tests/reliability/test_load.py runs the same load for a few seconds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx

# (method, path, body, what must answer): a 200 for good requests, 4xx for malformed ones.
GOOD = 200
CLIENT_ERROR = 400
MIX: tuple[tuple[str, str, bytes | None, int], ...] = (
    ("GET", "/api/articles?limit=10", None, GOOD),
    ("GET", "/api/events?limit=20", None, GOOD),
    ("GET", "/api/events?dyad=PAK-RUS&limit=20", None, GOOD),
    ("GET", "/api/dyads", None, GOOD),
    ("GET", "/api/actors", None, GOOD),
    ("GET", "/api/dyads/PAK/RUS", None, GOOD),
    ("GET", "/api/search?q=pipeline", None, GOOD),
    ("GET", "/", None, GOOD),
    ("GET", "/events?dyad=PAK-RUS", None, GOOD),
    ("GET", "/api/events?limit=-1", None, CLIENT_ERROR),
    ("GET", "/api/events?since=2021-13-45", None, CLIENT_ERROR),
    ("GET", "/api/articles/" + "z" * 64, None, CLIENT_ERROR),
    ("GET", "/api/dyads/XXX/YYY", None, CLIENT_ERROR),
    ("GET", "/api/search?q=" + "a" * 300, None, CLIENT_ERROR),
    ("GET", "/api/no-such-endpoint", None, CLIENT_ERROR),
    ("POST", "/api/articles", b'{"text": ', CLIENT_ERROR),
    ("POST", "/api/articles", b"\xff\xfe" * 100, CLIENT_ERROR),
)


@dataclass
class LoadResult:
    """What the clients saw."""

    clients: int
    seconds: float
    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    wrong: list[str] = field(default_factory=list)  # unexpected answers, one line each
    latencies_ms: list[float] = field(default_factory=list)
    by_path: dict[str, list[float]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, status: int, elapsed_ms: float, problem: str, path: str = "") -> None:
        with self.lock:
            self.requests += 1
            self.statuses[status] += 1
            self.latencies_ms.append(elapsed_ms)
            self.by_path.setdefault(path, []).append(elapsed_ms)
            if problem:
                self.wrong.append(problem)

    def summary(self) -> dict[str, object]:
        ordered = sorted(self.latencies_ms) or [0.0]

        def pct(p: float) -> float:
            return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 1)

        return {
            "clients": self.clients,
            "seconds": round(self.seconds, 1),
            "requests": self.requests,
            "requests_per_s": round(self.requests / self.seconds, 1) if self.seconds else 0,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "errors": len(self.wrong),
            "first_errors": self.wrong[:5],
            "p50_ms": pct(0.50),
            "p95_ms": pct(0.95),
            "p99_ms": pct(0.99),
            "mean_ms": round(statistics.fmean(ordered), 1),
        }


Request = tuple[str, str, bytes | None, int]


def _client(
    base: str,
    number: int,
    start: threading.Barrier,
    until: list[float],
    result: LoadResult,
    mix: tuple[Request, ...],
) -> None:
    turn = number  # each client starts elsewhere in the mix
    with httpx.Client(base_url=base, timeout=60) as client:
        start.wait()  # all clients are made before the clock starts: making one is slow
        while turn == number or time.monotonic() < until[0]:  # at least one request each
            method, path, body, expected = mix[turn % len(mix)]
            turn += 1
            started = time.perf_counter()
            try:
                response = client.request(method, path, content=body)
            except httpx.HTTPError as exc:
                status, problem = 0, f"{method} {path}: {type(exc).__name__} {exc}"
            else:
                status, problem = response.status_code, ""
                ok = status == GOOD if expected == GOOD else 400 <= status < 500
                if not ok:
                    problem = (
                        f"{method} {path}: {status}, expected {expected}: {response.text[:120]}"
                    )
            elapsed = (time.perf_counter() - started) * 1000
            result.add(status, elapsed, problem, path)


def run_load(base: str, clients: int, seconds: float, mix: tuple[Request, ...] = MIX) -> LoadResult:
    """``clients`` threads, each on its own keep-alive connection, for ``seconds``, each
    sending the requests of ``mix`` in turn (each client starting elsewhere in it)."""
    result = LoadResult(clients, seconds)
    until: list[float] = []
    start = threading.Barrier(clients + 1, action=lambda: until.append(time.monotonic() + seconds))
    threads = [
        threading.Thread(target=_client, args=(base, n, start, until, result, mix), daemon=True)
        for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    start.wait()
    started = time.monotonic()
    for thread in threads:
        thread.join()
    result.seconds = time.monotonic() - started
    return result


def _serve(db: str, port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "bilat", "--db", db, "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def main() -> None:
    import socket

    from bilat.synthetic import paragraphs_from, seed_folder, synthesize, write_jsonl

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--docs", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bilat-load-") as tmp:
        db, corpus = str(Path(tmp) / "store.duckdb"), Path(tmp) / "corpus.jsonl"
        write_jsonl(synthesize(args.docs, paragraphs_from(seed_folder())), corpus)
        subprocess.run(
            [sys.executable, "-m", "bilat", "--db", db, "ingest", str(corpus)], check=True
        )
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = _serve(db, port)
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(300):
                try:
                    httpx.get(f"{base}/openapi.json", timeout=5)
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            result = run_load(base, args.clients, args.seconds)
        finally:
            server.terminate()
            server.wait()
    print(json.dumps({**result.summary(), "docs": args.docs, **_serve_info()}, indent=2))


def _serve_info() -> dict[str, object]:
    import os
    import platform

    return {"cpus": os.cpu_count() or 0, "python": platform.python_version()}


if __name__ == "__main__":
    main()
