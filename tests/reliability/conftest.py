"""Shared pieces for the reliability tests: running `bilat` as a user does, in subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

import bilat
import postgres_server
import served

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
    """`bilat serve` on a free loopback port, as a subprocess; yields its base URL.
    Whatever it wrote must hold no traceback."""
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "serve.log"
        with served.serving(
            [*BILAT, "--db", db], log, ready_within=ready_within, env=child_env()
        ) as base:
            yield base
        errors = log.read_text(encoding="utf-8")
        assert "Traceback" not in errors, errors


# A parent of its own, so RUSAGE_CHILDREN is the peak of the one `bilat` command it ran.
_MEASURED = """
import json, resource, subprocess, sys, time
started = time.monotonic()
try:
    done = subprocess.run(sys.argv[2:], capture_output=True, text=True, check=False,
                          stdin=subprocess.DEVNULL, timeout=float(sys.argv[1]))
    code, out, err = done.returncode, done.stdout, done.stderr
except subprocess.TimeoutExpired as exc:  # the child is killed; say so
    code, out, err = -9, str(exc.stdout or ""), f"timed out: {exc.stderr or ''}"
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"code": code, "stderr": err, "stdout": out,
                  "peak_mb": peak, "seconds": time.monotonic() - started}))
"""


@dataclass(frozen=True, slots=True)
class Measured:
    """How one `bilat` command ended, and what it took."""

    code: int
    stdout: str
    stderr: str
    peak_mb: float
    seconds: float


def bilat_measured(
    db: str, *args: str, timeout: float = 600, env: dict[str, str] | None = None
) -> Measured:
    """`bilat --db DB ARGS` in a subprocess; its exit code, output, peak RSS and duration.
    Past ``timeout`` seconds it is killed: exit code -9, stderr starting "timed out"."""
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, str(timeout), *BILAT, "--db", db, *args],
        capture_output=True,
        text=True,
        timeout=timeout + 60,
        check=True,
        env=child_env(**(env or {})),
    )
    return Measured(**json.loads(done.stdout))
