"""Shared pieces for the reliability tests: running `bilat` as a user does, in subprocesses."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import bilat
import postgres_server

# The tree under test, whichever checkout pytest imported bilat from.
SRC = Path(bilat.__file__).resolve().parents[1]
BILAT = [sys.executable, "-m", "bilat"]


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a `bilat` subprocess: this tree's code, no settings from outside."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BILAT_")}
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.update(extra)
    return env


def bilat_run(
    db: str, *args: str, timeout: float = 600, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*BILAT, "--db", db, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env=child_env(),
        cwd=cwd,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def postgres() -> Iterator[postgres_server.Server]:
    """A throwaway PostgreSQL server, or a skip that says why there is none."""
    reason = postgres_server.unavailable()
    if reason is not None:
        pytest.skip(f"PostgreSQL tests skipped: {reason}")
    with postgres_server.running() as server:
        yield server


@contextmanager
def serving(db: str, *, ready_within: float = 60) -> Iterator[str]:
    """`bilat serve` on a free loopback port, as a subprocess; yields its base URL."""
    import httpx

    port = free_port()
    child = subprocess.Popen(
        [*BILAT, "--db", db, "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=child_env(),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + ready_within
        while True:
            if child.poll() is not None:
                assert child.stderr is not None
                pytest.fail(f"bilat serve ended: {child.stderr.read().decode()}")
            try:
                httpx.get(f"{base}/openapi.json", timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    pytest.fail("bilat serve did not start listening")
                time.sleep(0.1)
        yield base
    finally:
        child.terminate()
        try:
            child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        assert child.stderr is not None
        errors = child.stderr.read().decode()
        child.stderr.close()
        assert "Traceback" not in errors, errors
