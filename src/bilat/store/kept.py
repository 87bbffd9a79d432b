"""One read-only DuckDB database kept open across the requests of ``bilat serve``, let go
whenever a writer waits for the file.

Opening a DuckDB file is dear for a reader of one page: the new database loads its
catalog, and its first queries load again the indexes and columns they need (about 0.2 s
of CPU for a pair's page on a store of 1,000,000 events). A server that opened the file
for each request, so that an ingest could write between requests, paid that for every
page no memory held. ``KeptReads`` keeps one database open and gives each request a
cursor on it (a connection of its own to the same database, sharing its caches).

DuckDB lets no process write a file that another holds open, so a watcher thread looks
at the file's turnstile (``bilat.store.turnstile``) every ``poll`` seconds: once a writer
waits there, no new request gets a cursor, and the database is let go as soon as the
requests reading it are done. Requests meanwhile read as the server did before, each
through a store of its own that passes the turnstile after the writer. The next request
after the write opens the database again, and sees what was written. A database unused
for ``idle`` seconds is let go too (a writer that does not use the turnstile, such as
an older bilat, then gets in whenever the server is quiet), and so is a file without a
turnstile (a folder the server may not write to) never kept.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from bilat.store.base import Store
from bilat.store.duckdb import DuckDBStore
from bilat.store.turnstile import writer_waiting

POLL = 0.05  # seconds between looks at the turnstile
IDLE = 30.0  # seconds unused after which the database is let go


class KeptReads:
    """Read-only stores on one DuckDB file for the threads of a server (see above)."""

    def __init__(
        self, where: str, lock_wait: float = 0.0, *, poll: float = POLL, idle: float = IDLE
    ) -> None:
        self._where = where
        self._lock_wait = lock_wait
        self._poll = poll
        self._idle = idle
        self._lock = threading.Lock()
        self._kept: DuckDBStore | None = None
        self._users = 0
        self._last_use = 0.0
        self._writer_waits = False  # seen at the turnstile: no new cursors
        self._stopped = threading.Event()
        self._watching = False  # a watcher thread runs (set and cleared holding the lock)

    @property
    def kept(self) -> bool:
        """Whether a database is open and handing out cursors."""
        with self._lock:
            return self._kept is not None and not self._writer_waits

    @contextmanager
    def store(self) -> Iterator[Store]:
        """A read-only store for one request: a cursor on the kept database, or while a
        writer waits (or where the file has no turnstile) a store of its own."""
        cursor = self._lease()
        if cursor is None:
            with DuckDBStore(self._where, read_only=True, lock_wait=self._lock_wait) as own:
                yield own
            return
        try:
            yield cursor
        finally:
            cursor.close()
            self._release()

    def close(self) -> None:
        """Stop watching and let the database go (requests still reading keep their cursor)."""
        self._stopped.set()
        with self._lock:
            self._writer_waits = True
            if self._users == 0:
                self._let_go()

    def _lease(self) -> DuckDBStore | None:
        with self._lock:
            if self._writer_waits or self._stopped.is_set():
                return None
            if self._kept is None:
                if writer_waiting(self._where) is not False:
                    return None  # a writer is in (or no turnstile): read as before
                self._kept = DuckDBStore(self._where, read_only=True, lock_wait=self._lock_wait)
                self._watch()
            cursor = self._kept.cursor()
            self._users += 1
            self._last_use = time.monotonic()
            return cursor

    def _release(self) -> None:
        with self._lock:
            self._users -= 1
            self._last_use = time.monotonic()
            if self._writer_waits and self._users == 0:
                self._let_go()

    def _let_go(self) -> None:
        """Close the kept database (called holding the lock, with no cursor out)."""
        kept, self._kept = self._kept, None
        self._writer_waits = False
        if kept is not None:
            kept.close()

    def _watch(self) -> None:
        """Start the watcher unless one runs (called holding the lock)."""
        if not self._watching:
            self._watching = True
            threading.Thread(target=self._run, name="bilat-kept-reads", daemon=True).start()

    def _run(self) -> None:
        """Until the database is let go: let it go once a writer waits or it lies unused."""
        while not self._stopped.wait(self._poll):
            waiting = writer_waiting(self._where)
            with self._lock:
                if self._kept is not None:
                    unused = self._users == 0 and time.monotonic() - self._last_use > self._idle
                    if waiting or unused:
                        self._writer_waits = True
                        if self._users == 0:
                            self._let_go()
                if self._kept is None:
                    self._watching = False
                    return
        with self._lock:
            self._watching = False
