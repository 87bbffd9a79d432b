"""A store on a PostgreSQL server, for teams that run several ingests at once.

Any number of processes may write one database together: an article is stored
by exactly one of them (its id is the primary key, inserted with ``ON CONFLICT
DO NOTHING``), and its events are written by the transaction that stored it.
Tables live in the connection's current schema (the first on its search path),
so ``?options=-csearch_path%3Dbilat`` in the URL keeps bilat in a schema of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import psycopg

import bilat.store.sql as sql  # noqa: PLR0402 - not through bilat.store, which opens backends
from bilat.codec import sql_rows
from bilat.errors import StoreError
from bilat.records import Article, Event
from bilat.store.batches import check_batch, child_tables, columns, first_occurrences
from bilat.store.common import SQLStore, Writer
from bilat.store.pair_reads import NamedActors


def redact(url: str) -> str:
    """The URL without its password, fit for messages and logs."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in query if k != "password"]
    if parts.password is None and len(kept) == len(query):
        return url
    netloc = parts.netloc
    if parts.password is not None:
        userinfo, _, host = netloc.rpartition("@")
        netloc = f"{userinfo.partition(':')[0]}@{host}"
    return f"{parts.scheme}://{netloc}{parts.path}" + (f"?{urlencode(kept)}" if kept else "")


def libpq_url(url: str) -> str:
    """The URL as libpq reads it: SQLAlchemy's ``postgresql+psycopg://`` loses its driver."""
    scheme, sep, rest = url.partition("://")
    return f"{scheme.partition('+')[0]}{sep}{rest}"


class _Writer:
    """A cursor inside a transaction that takes the shared ``?`` statements."""

    def __init__(self, cursor: psycopg.Cursor[Any]) -> None:
        self._cursor = cursor

    def execute(self, query: str, params: Sequence[Any] = ()) -> object:
        return self._cursor.execute(sql.pyformat(query), list(params) or None)

    def executemany(self, query: str, params: Sequence[Sequence[Any]]) -> object:
        self._cursor.executemany(sql.pyformat(query), params)
        return None

    def fetch(self, query: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        return self._cursor.execute(sql.pyformat(query), list(params)).fetchall()


def _insert(
    writer: _Writer,
    items: Sequence[tuple[Article, Sequence[Event]]],
    named: NamedActors | None,
) -> set[str]:
    """Store the articles no one stored yet, with their events; return their ids."""
    seqs = sorted(r[0] for r in writer.fetch(sql.NEXT_ARTICLE_SEQS, [len(items)]))
    table = [(seq, *sql_rows.article_row(a)) for seq, (a, _) in zip(seqs, items, strict=True)]
    new = {r[0] for r in writer.fetch(sql.INSERT_NEW_ARTICLES, columns(table))}
    stored = [(a, es) for a, es in items if a.id in new]
    events = [e for _, es in stored for e in es]
    for statement, child_rows in child_tables([a for a, _ in stored], events, named):
        if child_rows:
            writer.execute(statement, columns(child_rows))
    return new


class PostgresStore(SQLStore):
    """A ``Store`` on PostgreSQL. Use from one thread; share the database, not the object."""

    _engine = "PostgreSQL"

    def __init__(self, url: str, read_only: bool = False) -> None:
        self._where = redact(url)
        self._read_only = read_only
        try:
            conn = psycopg.connect(libpq_url(url), autocommit=True)
        except psycopg.Error as e:
            raise StoreError(f"cannot open {self._where}: {e}") from e
        # Autocommit, so reads never hold a transaction open; writes open one each.
        self._conn: psycopg.Connection[Any] | None = conn
        try:
            self._migrate()
            if read_only:
                self._all_rows(sql.READ_ONLY_SESSION, fetch=False)
        except BaseException:
            self.close()
            raise

    # -- plumbing ---------------------------------------------------------------

    def _db(self) -> psycopg.Connection[Any]:
        if self._conn is None:
            raise StoreError(f"the store at {self._where} is closed")
        return self._conn

    def _all_rows(
        self, query: str, params: Sequence[Any] = (), fetch: bool = True
    ) -> list[tuple[Any, ...]]:
        conn = self._db()
        try:
            cursor = conn.execute(sql.pyformat(query), list(params) or None)
            return cursor.fetchall() if fetch else []
        except psycopg.Error as e:
            raise StoreError(f"could not read {self._where}: {e}") from e

    def _all(self, query: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._all_rows(query, params)

    @contextmanager
    def _transaction(self, what: str) -> Iterator[_Writer]:
        """Commit what the block wrote, or roll all of it back and raise StoreError."""
        if self._read_only:
            raise StoreError(f"cannot {what}: {self._where} is open read-only")
        conn = self._db()
        try:
            with conn.transaction(), conn.cursor() as cursor:
                yield _Writer(cursor)
        except psycopg.Error as e:
            raise StoreError(f"could not {what}: {e}") from e

    def _lock_schema(self, writer: Writer) -> None:
        writer.execute(sql.LOCK_SCHEMA)

    def _ddl(self, statement: str) -> str:
        return sql.postgres_ddl(statement)

    # -- articles and events ----------------------------------------------------

    def article_ids(self, ids: Iterable[str]) -> set[str]:
        # PostgreSQL text cannot hold NUL, so such an id was never stored (and cannot be sent).
        return super().article_ids(i for i in ids if "\x00" not in i)

    def article(self, article_id: str) -> Article | None:
        return None if "\x00" in article_id else super().article(article_id)

    def articles_in(self, ids: Iterable[str]) -> dict[str, Article]:
        return super().articles_in(i for i in ids if "\x00" not in i)

    def write_batch(
        self, items: Sequence[tuple[Article, Sequence[Event]]], named: NamedActors | None = None
    ) -> int:
        check_batch(items)
        unique = first_occurrences(items)
        if not unique:
            return 0
        try:
            with self._transaction(f"store a batch of {len(items)} articles") as writer:
                return len(_insert(writer, unique, named))
        except StoreError as e:
            if isinstance(e.__cause__, psycopg.OperationalError):
                raise  # the server or the connection failed, not an article
            # One insert per table is fast but hides which article failed: find it.
            culprit = self._culprit(unique, named)
            if culprit is None:
                raise
            article, reason = culprit
            raise StoreError(
                f"could not store article {article.id[:12]} ({article.source}): {reason}"
            ) from e

    def _culprit(
        self, items: Sequence[tuple[Article, Sequence[Event]]], named: NamedActors | None
    ) -> tuple[Article, str] | None:
        """The first article that fails to store on its own, with why; nothing is kept."""
        conn = self._db()
        for article, events in items:
            try:
                with conn.transaction(force_rollback=True), conn.cursor() as cursor:
                    _insert(_Writer(cursor), [(article, events)], named)
            except psycopg.Error as e:
                return article, str(e).strip()
        return None

    # -- lifetime -----------------------------------------------------------------

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __repr__(self) -> str:
        mode = ", read_only=True" if self._read_only else ""
        return f"PostgresStore({self._where!r}{mode})"
