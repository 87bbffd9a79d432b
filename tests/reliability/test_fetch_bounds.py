"""The fetcher as a user meets it, `bilat ingest URL`, against loopback servers only
(issue #16.4): one deadline for the whole fetch, no URL credentials in any output,
addresses that embed a private one refused before any connection."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reliability.conftest import bilat_measured

EXIT_NOTHING_STORED = 2  # the one input was rejected


@pytest.fixture
def trickling_server() -> Iterator[str]:
    """A loopback server that sends its status line and headers one byte every 0.5 s."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(30)
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        with conn:
            for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 10_000:
                if stop.wait(0.5):
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    listener.close()
    thread.join(timeout=5)


def test_a_trickling_server_cannot_hold_a_fetch_past_its_deadline(
    tmp_path: Path, trickling_server: str
) -> None:
    url = trickling_server.replace("http://", "http://alice:s3cret@") + "/page"
    env = {"BILAT_ALLOW_PRIVATE_FETCH": "true", "BILAT_FETCH_TIMEOUT": "3"}
    result = bilat_measured(str(tmp_path / "s.duckdb"), "ingest", url, timeout=60, env=env)
    assert result.code == EXIT_NOTHING_STORED, result.stderr
    assert result.seconds < 30, result.seconds  # 10,000 bytes at 0.5 s each: 80 minutes
    assert "within fetch_timeout=3 s" in result.stderr
    assert "s3cret" not in result.stderr + result.stdout
    assert "alice" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    "host",
    ["[2002:7f00:1::1]", "[2002:a9fe:a9fe::1]", "[64:ff9b::7f00:1]", "[::ffff:127.0.0.1]"],
)
def test_addresses_embedding_private_ones_are_refused(tmp_path: Path, host: str) -> None:
    result = bilat_measured(
        str(tmp_path / "s.duckdb"), "ingest", f"http://{host}/latest/meta-data/", timeout=60
    )
    assert result.code == EXIT_NOTHING_STORED, result.stderr
    assert "refusing to fetch" in result.stderr
    assert "Traceback" not in result.stderr
