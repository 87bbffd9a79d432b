"""The default store: one embedded DuckDB file (or ``:memory:``).

DuckDB lets one process write a file at a time; other processes may open it
read-only, and only while no process holds it for writing. So that readers (``bilat
serve``) and an ingest can take turns, a store opened with ``hold=False`` connects
for each operation and lets go after it, and opening a file another process holds
is retried with backoff for up to ``lock_wait`` seconds.

After a crash (kill -9) the file opens as usual: DuckDB replays the committed
transactions of its write-ahead log (``<file>.wal``) and drops an uncommitted tail.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import duckdb

import bilat.store.sql as sql  # noqa: PLR0402 - not through bilat.store, which opens backends
from bilat.codec import sql_rows
from bilat.errors import StoreError, StoreLocked
from bilat.records import Article, Event
from bilat.store.batches import check_batch, child_tables, columns, first_occurrences
from bilat.store.common import SQLStore
from bilat.store.pair_reads import NamedActors
from bilat.store.turnstile import TurnstileTimeout, pass_through, writer_turn

MEMORY = ":memory:"
# Backoff between attempts to open a locked file: short first, as a writer holds it for
# one batch and a reader for one request.
_FIRST_DELAY = 0.01
_MAX_DELAY = 0.25


class _Locked(Exception):
    """The file is held by another process, or in another mode by this one: wait or say so."""


def _connect(where: str, read_only: bool, lock_wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """Connect, retrying for up to ``lock_wait`` seconds while the file is held elsewhere."""
    deadline = time.monotonic() + lock_wait
    delay = _FIRST_DELAY
    while True:
        try:
            if read_only and where != MEMORY:
                pass_through(where, deadline)  # a writer waiting goes first
            return _connect_once(where, read_only)
        except TurnstileTimeout:
            raise StoreLocked(
                f"{where} is being written by another bilat process (waited {lock_wait:g} s): "
                "try again later"
            ) from None
        except _Locked as e:
            if time.monotonic() + delay > deadline:
                waited = f" (waited {lock_wait:g} s)" if lock_wait else ""
                raise StoreLocked(f"{e}{waited}: try again later") from e.__cause__
        # Jitter, so several waiting processes do not retry in step.
        time.sleep(delay * random.uniform(0.5, 1.0))
        delay = min(delay * 2, _MAX_DELAY)


def _connect_once(where: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    if read_only and where != MEMORY and not Path(where).exists():
        raise StoreError(f"cannot open {where}: no bilat store there yet (run `bilat ingest`)")
    try:
        if where != MEMORY and not read_only:
            Path(where).parent.mkdir(parents=True, exist_ok=True)
        return duckdb.connect(where, read_only=read_only)
    except duckdb.IOException as e:
        if "lock" in str(e).lower():
            raise _Locked(f"{where} is locked by another bilat process") from e
        raise StoreError(f"cannot open {where}: {e}") from e
    except duckdb.ConnectionException as e:
        # DuckDB shares one database per file within a process, in one mode only: in
        # `bilat serve`, a write (POST) and reads wait for each other's turn like processes.
        mode = "for writing" if read_only else "read-only"
        raise _Locked(f"cannot open {where}: it is already open in this process {mode}") from e
    except (duckdb.Error, OSError) as e:
        raise StoreError(f"cannot open {where}: {e}") from e


def _insert(
    conn: duckdb.DuckDBPyConnection,
    items: Sequence[tuple[Article, Sequence[Event]]],
    named: NamedActors | None,
) -> None:
    _bulk(conn, sql.INSERT_ARTICLES, [sql_rows.article_row(a) for a, _ in items])
    events = [e for _, es in items for e in es]
    for statement, table in child_tables([a for a, _ in items], events, named):
        _bulk(conn, statement, table)


def _bulk(conn: duckdb.DuckDBPyConnection, statement: str, table: list[sql_rows.Row]) -> None:
    if table:
        conn.execute(statement, columns(table))


class DuckDBStore(SQLStore):
    """A ``Store`` on DuckDB. Use from one thread; open ``read_only`` to share a file.

    ``hold`` (the default) keeps the file open until ``close``; ``hold=False`` opens it
    for each operation (a query, a batch) only. ``lock_wait``: see ``_connect``.
    """

    _engine = "DuckDB"

    def __init__(
        self,
        path: str | Path,
        read_only: bool = False,
        *,
        hold: bool = True,
        lock_wait: float = 0.0,
    ) -> None:
        where = str(path)
        self._where = where if where == MEMORY else str(Path(where).expanduser())
        self._read_only = read_only
        self._lock_wait = lock_wait
        self._closed = False
        self._conn: duckdb.DuckDBPyConnection | None = None
        try:
            if hold or where == MEMORY:  # a database in memory ends with its connection
                with self._writer_turn():  # a writer waits at the turnstile, seen by readers
                    self._conn = _connect(self._where, read_only, lock_wait)
            with self._connected():
                self._migrate()
        except BaseException:
            self.close()
            raise

    def cursor(self) -> DuckDBStore:
        """A store on a cursor of this store's open database, for another thread: it reads
        the same database (its caches, the indexes it loaded) and is closed on its own."""
        if self._conn is None or self._closed:
            raise StoreError(f"the store at {self._where} holds no open database")
        other = DuckDBStore.__new__(DuckDBStore)
        other._where, other._read_only = self._where, self._read_only
        other._lock_wait, other._closed = self._lock_wait, False
        other._conn = self._conn.cursor()
        return other

    # -- plumbing ---------------------------------------------------------------

    @contextmanager
    def _connected(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The open connection; without one (``hold=False``), one for this block only."""
        if self._closed:
            raise StoreError(f"the store at {self._where} is closed")
        if self._conn is not None:
            yield self._conn
            return
        with self._writer_turn():
            conn = _connect(self._where, self._read_only, self._lock_wait)
            self._conn = conn
            try:
                yield conn
            finally:
                self._conn = None
                conn.close()

    @contextmanager
    def _writer_turn(self) -> Iterator[None]:
        """A writer holds the file's turnstile while it waits for the file and writes, so
        readers arriving meanwhile wait for it (``bilat.store.turnstile``)."""
        if self._read_only or self._where == MEMORY:
            yield
            return
        try:
            with writer_turn(self._where, time.monotonic() + self._lock_wait):
                yield
        except TurnstileTimeout:
            raise StoreLocked(
                f"{self._where} is being written by another bilat process "
                f"(waited {self._lock_wait:g} s): try again later"
            ) from None

    def _all(self, query: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._connected() as conn:
            return conn.execute(query, list(params)).fetchall()

    def _one(self, query: str, params: Sequence[Any] = ()) -> Any:
        with self._connected() as conn:
            row = conn.execute(query, list(params)).fetchone()
        return None if row is None else row[0]

    @contextmanager
    def _transaction(self, what: str) -> Iterator[duckdb.DuckDBPyConnection]:
        """Commit what the block wrote, or roll all of it back and raise StoreError."""
        if self._read_only:
            raise StoreError(f"cannot {what}: {self._where} is open read-only")
        with self._connected() as conn:
            conn.begin()
            try:
                yield conn
                conn.commit()
            except duckdb.Error as e:
                self._rollback(conn)
                raise StoreError(f"could not {what}: {e}") from e
            except BaseException:
                self._rollback(conn)
                raise

    @staticmethod
    def _rollback(conn: duckdb.DuckDBPyConnection) -> None:
        # A failed COMMIT has already ended the transaction: then there is nothing to undo.
        with suppress(duckdb.TransactionException):
            conn.rollback()

    # -- articles and events ----------------------------------------------------

    def write_batch(
        self, items: Sequence[tuple[Article, Sequence[Event]]], named: NamedActors | None = None
    ) -> int:
        check_batch(items)
        if not items:
            return 0
        with self._connected():  # one connection for the batch and for finding a culprit
            return self._write(items, named)

    def _write(
        self, items: Sequence[tuple[Article, Sequence[Event]]], named: NamedActors | None
    ) -> int:
        new: list[tuple[Article, Sequence[Event]]] = []
        try:
            with self._transaction(f"store a batch of {len(items)} articles") as conn:
                new = self._new_articles(items)
                _insert(conn, new, named)
        except StoreError as e:
            # One insert per table is fast but hides which article failed: find it.
            culprit = self._culprit(new, named)
            if culprit is None:
                raise
            article, reason = culprit
            raise StoreError(
                f"could not store article {article.id[:12]} ({article.source}): {reason}"
            ) from e
        return len(new)

    def _new_articles(
        self, items: Sequence[tuple[Article, Sequence[Event]]]
    ) -> list[tuple[Article, Sequence[Event]]]:
        """The items to store: first occurrences of articles not stored yet."""
        stored = self.article_ids(a.id for a, _ in items)
        return first_occurrences([(a, events) for a, events in items if a.id not in stored])

    def _culprit(
        self, items: Sequence[tuple[Article, Sequence[Event]]], named: NamedActors | None
    ) -> tuple[Article, str] | None:
        """The first article that fails to store on its own, with why; nothing is kept."""
        assert self._conn is not None, "called inside write_batch's connection"
        conn = self._conn
        for article, events in items:
            conn.begin()
            try:
                _insert(conn, [(article, events)], named)
            except duckdb.Error as e:
                return article, str(e)
            finally:
                self._rollback(conn)
        return None

    # -- lifetime -----------------------------------------------------------------

    def close(self) -> None:
        self._closed = True
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __repr__(self) -> str:
        mode = ", read_only=True" if self._read_only else ""
        return f"DuckDBStore({self._where!r}{mode})"
