"""The default store: one embedded DuckDB file (or ``:memory:``).

DuckDB lets one process write a file at a time; other processes may open it
read-only, and only while no process holds it for writing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import duckdb

from bilat.errors import StoreError
from bilat.records import Article, Event
from bilat.store import rows, sql
from bilat.store.common import SQLStore, check_batch, child_tables, columns

MEMORY = ":memory:"


def _connect(where: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    if read_only and where != MEMORY and not Path(where).exists():
        raise StoreError(f"cannot open {where}: no bilat store there yet (run `bilat ingest`)")
    try:
        if where != MEMORY and not read_only:
            Path(where).parent.mkdir(parents=True, exist_ok=True)
        return duckdb.connect(where, read_only=read_only)
    except duckdb.IOException as e:
        if "lock" in str(e).lower():
            raise StoreError(f"{where} is locked by another bilat process") from e
        raise StoreError(f"cannot open {where}: {e}") from e
    except duckdb.ConnectionException as e:
        # DuckDB shares one database per file within a process, in one mode only.
        raise StoreError(
            f"cannot open {where}: it is already open in this process "
            f"{'for writing' if read_only else 'read-only'}"
        ) from e
    except (duckdb.Error, OSError) as e:
        raise StoreError(f"cannot open {where}: {e}") from e


def _insert(
    conn: duckdb.DuckDBPyConnection, items: Sequence[tuple[Article, Sequence[Event]]]
) -> None:
    _bulk(conn, sql.INSERT_ARTICLES, [rows.article_row(a) for a, _ in items])
    events = [e for _, es in items for e in es]
    for statement, table in child_tables([a for a, _ in items], events):
        _bulk(conn, statement, table)


def _bulk(conn: duckdb.DuckDBPyConnection, statement: str, table: list[rows.Row]) -> None:
    if table:
        conn.execute(statement, columns(table))


class DuckDBStore(SQLStore):
    """A ``Store`` on DuckDB. Use from one thread; open ``read_only`` to share a file."""

    _engine = "DuckDB"

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        where = str(path)
        self._where = where if where == MEMORY else str(Path(where).expanduser())
        self._read_only = read_only
        self._conn: duckdb.DuckDBPyConnection | None = _connect(self._where, read_only)
        try:
            self._migrate()
        except BaseException:
            self.close()
            raise

    # -- plumbing ---------------------------------------------------------------

    def _db(self) -> duckdb.DuckDBPyConnection:
        if self._conn is None:
            raise StoreError(f"the store at {self._where} is closed")
        return self._conn

    def _all(self, query: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._db().execute(query, list(params)).fetchall()

    def _one(self, query: str, params: Sequence[Any] = ()) -> Any:
        row = self._db().execute(query, list(params)).fetchone()
        return None if row is None else row[0]

    @contextmanager
    def _transaction(self, what: str) -> Iterator[duckdb.DuckDBPyConnection]:
        """Commit what the block wrote, or roll all of it back and raise StoreError."""
        if self._read_only:
            raise StoreError(f"cannot {what}: {self._where} is open read-only")
        conn = self._db()
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

    def write_batch(self, items: Sequence[tuple[Article, Sequence[Event]]]) -> int:
        check_batch(items)
        if not items:
            return 0
        new: list[tuple[Article, Sequence[Event]]] = []
        try:
            with self._transaction(f"store a batch of {len(items)} articles") as conn:
                new = self._new_articles(items)
                _insert(conn, new)
        except StoreError as e:
            # One insert per table is fast but hides which article failed: find it.
            culprit = self._culprit(new)
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
        new = []
        for article, events in items:
            if article.id not in stored:
                stored.add(article.id)
                new.append((article, events))
        return new

    def _culprit(
        self, items: Sequence[tuple[Article, Sequence[Event]]]
    ) -> tuple[Article, str] | None:
        """The first article that fails to store on its own, with why; nothing is kept."""
        conn = self._db()
        for article, events in items:
            conn.begin()
            try:
                _insert(conn, [(article, events)])
            except duckdb.Error as e:
                return article, str(e)
            finally:
                self._rollback(conn)
        return None

    # -- lifetime -----------------------------------------------------------------

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __repr__(self) -> str:
        mode = ", read_only=True" if self._read_only else ""
        return f"DuckDBStore({self._where!r}{mode})"
