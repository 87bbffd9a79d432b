"""`bilat serve` as a subprocess for the end-to-end and reliability tests.

Importable as ``served`` (pyproject puts tests/ on the path).
"""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serving(
    bilat: Sequence[str],
    log: Path,
    *,
    ready_within: float = 60,
    env: dict[str, str] | None = None,
) -> Iterator[str]:
    """``bilat`` (the command up to its subcommand) ``serve`` on a free loopback port;
    yields the base URL once it answers. Its output goes to ``log`` (a file, not a pipe
    a chatty server could fill); a server that ends or stays silent fails the test with it."""
    port = free_port()
    with log.open("w") as out:
        child = subprocess.Popen(
            [*bilat, "serve", "--host", "127.0.0.1", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_answering(base, child, log, ready_within)
            yield base
        finally:
            child.terminate()
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def _wait_until_answering(
    base: str, child: subprocess.Popen[bytes], log: Path, within: float
) -> None:
    deadline = time.monotonic() + within
    while True:
        try:
            with urllib.request.urlopen(f"{base}/openapi.json", timeout=5):
                return
        except (urllib.error.URLError, ConnectionError):
            if child.poll() is not None or time.monotonic() > deadline:
                pytest.fail("bilat serve did not start: " + log.read_text(encoding="utf-8"))
            time.sleep(0.1)
