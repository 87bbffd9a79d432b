"""Answers kept until the store changes: a dyad's fused timeline is costly, asking again is not.

A DuckDB store is one file (plus its write-ahead log); any write changes the
size or modification time of one of them, so (size, mtime) of both is the
store's version. Stores that are not a local file are never cached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
Version = tuple[int, ...]


def store_version(db: str) -> Version | None:
    """The version of a local DuckDB file, or None when it cannot be told (then: no cache)."""
    if "://" in db or db.strip() in ("", ":memory:"):
        return None
    path = Path(db).expanduser()
    out: list[int] = []
    for part in (path, path.with_name(path.name + ".wal")):
        try:
            st = part.stat()
        except FileNotFoundError:
            out += [-1, -1]
            continue
        except OSError:
            return None
        out += [st.st_size, st.st_mtime_ns]
    return tuple(out) if out[0] >= 0 else None


class AnswerCache:
    """A bounded LRU of values by key, each valid for one store version; thread-safe.

    Concurrent requests for the same missing key wait for one computation
    instead of all running it.
    """

    def __init__(self, size: int = 256) -> None:
        self._size = size
        self._items: OrderedDict[Hashable, tuple[tuple[int, ...], Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._making: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable, version: tuple[int, ...] | None, make: Callable[[], T]) -> T:
        if version is None:
            return make()
        hit = self._lookup(key, version)
        if hit is not None:
            return hit[0]  # type: ignore[no-any-return]
        with self._lock:
            making = self._making.setdefault(key, threading.Lock())
        try:
            with making:
                hit = self._lookup(key, version)
                if hit is not None:
                    return hit[0]  # type: ignore[no-any-return]
                value = make()  # an error is raised to every caller, and not kept
                with self._lock:
                    self._items[key] = (version, value)
                    self._items.move_to_end(key)
                    while len(self._items) > self._size:
                        self._items.popitem(last=False)
                return value
        finally:
            with self._lock:
                if self._making.get(key) is making and not making.locked():
                    del self._making[key]

    def __len__(self) -> int:
        """Entries kept, and keys being made."""
        with self._lock:
            return len(self._items) + len(self._making)

    def _lookup(self, key: Hashable, version: tuple[int, ...]) -> tuple[Any] | None:
        with self._lock:
            found = self._items.get(key)
            if found is None or found[0] != version:
                return None
            self._items.move_to_end(key)
            return (found[1],)
