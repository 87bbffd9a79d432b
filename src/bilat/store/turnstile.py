"""Writer priority on a DuckDB file that many readers and one writer take turns at.

DuckDB lets one process write a file or any number read it, never both, and does not
queue: with 50 clients reading, some request always held the file and an ingest never
got in. So each store file has a turnstile beside it (``<file>.turn``, an empty file
locked with ``flock``). A reader passes through it before each connect (takes a shared
lock and lets go at once); a writer holds it exclusively while it waits for the file and
writes. Once a writer is at the turnstile, no new reader gets past: the requests already
reading finish, the file comes free, the writer writes its batch and lets go, and the
readers that waited go on. The kernel drops a lock when its process dies, so a crash
leaves nothing to clean up.
"""

from __future__ import annotations

import fcntl
import os
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager

_FIRST_DELAY = 0.002
_MAX_DELAY = 0.05


class TurnstileTimeout(Exception):
    """The turnstile stayed locked (a writer writing) until the deadline."""


def _opened(where: str) -> int | None:
    """The turnstile's descriptor, or None where it cannot be made (a folder a reader may
    not write to: then readers and writers take their chances as without it)."""
    path = where + ".turn"
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    except OSError:
        try:
            return os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            return None


def _lock(fd: int, operation: int, deadline: float) -> None:
    delay = _FIRST_DELAY
    while True:
        try:
            fcntl.flock(fd, operation | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() + delay > deadline:
                raise TurnstileTimeout from None
        time.sleep(delay * random.uniform(0.5, 1.0))
        delay = min(delay * 2, _MAX_DELAY)


def pass_through(where: str, deadline: float) -> None:
    """A reader's turn: wait while a writer holds the turnstile (until ``deadline``, a
    ``time.monotonic()`` value), then go on without holding anything."""
    fd = _opened(where)
    if fd is None:
        return
    try:
        _lock(fd, fcntl.LOCK_SH, deadline)
    finally:
        os.close(fd)  # closing releases the lock


@contextmanager
def writer_turn(where: str, deadline: float) -> Iterator[None]:
    """Hold the turnstile for the block: new readers wait until it ends."""
    fd = _opened(where)
    if fd is None:
        yield
        return
    try:
        _lock(fd, fcntl.LOCK_EX, deadline)
        yield
    finally:
        os.close(fd)


def writer_waiting(where: str) -> bool | None:
    """Whether a writer holds the turnstile right now (waiting for the file or writing);
    None where there is no turnstile to look at."""
    fd = _opened(where)
    if fd is None:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing releases a shared lock taken
    return False
