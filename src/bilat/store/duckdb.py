"""The default store: one embedded DuckDB file (or ``:memory:``).

DuckDB lets one process write a file at a time; other processes may open it
read-only, and only while no process holds it for writing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from uuid import uuid4

import duckdb

from bilat.errors import StoreError
from bilat.records import Amount, Article, Event, Rejection, RunSummary
from bilat.store import migrations, rows, sql
from bilat.store.base import EventQuery, RunInfo

MEMORY = ":memory:"


def _now() -> datetime:
    # Stored as naive UTC: TIMESTAMP means the same in DuckDB and PostgreSQL.
    return datetime.now(UTC).replace(tzinfo=None)


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


def _check_batch(items: Sequence[tuple[Article, Sequence[Event]]]) -> None:
    """Refuse a batch whose events would be stored under the wrong article or twice."""
    seen: set[str] = set()
    articles: set[str] = set()
    for article, events in items:
        if article.id in articles:
            continue  # a repeat is skipped on writing, so its events never clash
        articles.add(article.id)
        for e in events:
            if e.evidence.article_id != article.id:
                raise StoreError(
                    f"event {e.id} cites article {e.evidence.article_id[:12]} "
                    f"but came with article {article.id[:12]} ({article.source})"
                )
            if e.id in seen:
                raise StoreError(
                    f"event id {e.id} occurs twice in the batch (article {article.id[:12]}, "
                    f"{article.source}): merge duplicate events before storing"
                )
            seen.add(e.id)


def _insert(
    conn: duckdb.DuckDBPyConnection, items: Sequence[tuple[Article, Sequence[Event]]]
) -> None:
    events = [e for _, es in items for e in es]
    contexts = [(e.id, i, c) for e in events for i, c in enumerate(e.contexts)]
    amounts = [rows.amount_row(e.id, i, a) for e in events for i, a in enumerate(e.amounts)]
    _bulk(conn, sql.INSERT_ARTICLES, [rows.article_row(a) for a, _ in items])
    _bulk(conn, sql.INSERT_EVENTS, [rows.event_row(e) for e in events])
    _bulk(conn, sql.INSERT_CONTEXTS, contexts)
    _bulk(conn, sql.INSERT_AMOUNTS, amounts)


def _bulk(conn: duckdb.DuckDBPyConnection, statement: str, table: list[rows.Row]) -> None:
    if table:
        conn.execute(statement, [list(column) for column in zip(*table, strict=True)])


class DuckDBStore:
    """A ``Store`` on DuckDB. Use from one thread; open ``read_only`` to share a file."""

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

    def _version(self) -> int:
        if not self._one(sql.TABLE_EXISTS, ["schema_version"]):
            return 0
        return int(self._one(sql.SCHEMA_VERSION) or 0)

    def _migrate(self) -> None:
        current = self._version()
        steps = migrations.pending(current, self._where)
        if not steps:
            return
        if self._read_only:
            raise StoreError(
                f"{self._where} has schema version {current} and this bilat needs version "
                f"{steps[-1].version}: open it once without read-only to upgrade it"
            )
        if current == 0 and self._one(sql.COUNT_TABLES):
            raise StoreError(f"{self._where} is a DuckDB database but not a bilat store")
        with self._transaction(f"upgrade the schema of {self._where}") as conn:
            for step in steps:
                for statement in migrations.statements(step.sql):
                    conn.execute(statement)
                conn.execute(sql.RECORD_VERSION, [step.version, _now()])

    # -- articles and events ----------------------------------------------------

    def write_batch(self, items: Sequence[tuple[Article, Sequence[Event]]]) -> int:
        _check_batch(items)
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

    def has_article(self, article_id: str) -> bool:
        return bool(self.article_ids([article_id]))

    def article_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(set(ids))
        if not wanted:
            return set()
        return {r[0] for r in self._all(sql.ARTICLE_IDS_IN, [wanted])}

    def article(self, article_id: str) -> Article | None:
        found = self._all(sql.ARTICLE_BY_ID, [article_id])
        return rows.article(found[0]) if found else None

    def articles(self, limit: int | None = None, offset: int = 0) -> list[Article]:
        query, params = sql.select_articles(limit, offset)
        return [rows.article(r) for r in self._all(query, params)]

    def count_articles(self) -> int:
        return int(self._one(sql.COUNT_ARTICLES))

    def events(self, query: EventQuery) -> list[Event]:
        text, params = sql.select_events(query)
        found = self._all(text, params)
        ids = [r[0] for r in found]
        contexts: defaultdict[str, list[str]] = defaultdict(list)
        amounts: defaultdict[str, list[Amount]] = defaultdict(list)
        if ids:
            for event_id, context in self._all(sql.CONTEXTS_OF, [ids]):
                contexts[event_id].append(context)
            for event_id, *amount in self._all(sql.AMOUNTS_OF, [ids]):
                amounts[event_id].append(rows.amount(amount))
        return [rows.event(r, tuple(contexts[r[0]]), tuple(amounts[r[0]])) for r in found]

    def count_events(self, query: EventQuery) -> int:
        text, params = sql.count_events(query)
        return int(self._one(text, params))

    # -- runs and rejections ----------------------------------------------------

    def start_run(self) -> str:
        run_id = uuid4().hex
        with self._transaction("record the start of a run") as conn:
            conn.execute(sql.INSERT_RUN, [run_id, _now()])
        return run_id

    def _known_run(self, run_id: str) -> None:
        if not self._all(sql.RUN_BY_ID, [run_id]):
            raise StoreError(f"no run {run_id} in {self._where}")

    def finish_run(self, run_id: str, summary: RunSummary) -> None:
        self._known_run(run_id)
        s = summary
        counts = [s.seen, s.stored, s.unchanged, s.events, len(s.rejections)]
        with self._transaction(f"record the end of run {run_id}") as conn:
            conn.execute(sql.FINISH_RUN, [_now(), *counts, run_id])

    def record_rejections(self, run_id: str, rejections: Sequence[Rejection]) -> None:
        self._known_run(run_id)
        if not rejections:
            return
        values = [[run_id, r.stage, r.reason, r.source] for r in rejections]
        with self._transaction(f"record rejections of run {run_id}") as conn:
            conn.executemany(sql.INSERT_REJECTION, values)

    def rejections(self, run_id: str | None = None) -> list[Rejection]:
        found = (
            self._all(sql.ALL_REJECTIONS)
            if run_id is None
            else self._all(sql.REJECTIONS_OF, [run_id])
        )
        return [Rejection(*r) for r in found]

    def _run_info(self, row: Sequence[Any]) -> RunInfo:
        run_id, started, finished, seen, stored, unchanged, events = row
        summary = RunSummary(seen, stored, unchanged, events, tuple(self.rejections(run_id)))
        return RunInfo(
            run_id,
            started.replace(tzinfo=UTC),
            None if finished is None else finished.replace(tzinfo=UTC),
            summary,
        )

    def run(self, run_id: str) -> RunInfo | None:
        found = self._all(sql.RUN_BY_ID, [run_id])
        return self._run_info(found[0]) if found else None

    def runs(self) -> list[RunInfo]:
        return [self._run_info(r) for r in self._all(sql.ALL_RUNS)]

    # -- summaries ----------------------------------------------------------------

    def actor_counts(self) -> list[tuple[str, str, int]]:
        return [(code, name, int(n)) for code, name, n in self._all(sql.ACTOR_COUNTS)]

    def dyad_counts(self) -> list[tuple[str, str, int]]:
        return [(a, b, int(n)) for a, b, n, _articles in self._all(sql.DYAD_COUNTS)]

    # -- lifetime -----------------------------------------------------------------

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = ", read_only=True" if self._read_only else ""
        return f"DuckDBStore({self._where!r}{mode})"
