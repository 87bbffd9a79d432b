"""What the SQL stores share: reads, runs, rejections and migrations over a few primitives.

A backend supplies ``_all``/``_one`` (reads, ``?`` placeholders), ``_transaction``
(a block whose writes commit together or not at all) and ``write_batch``; the
rest of the ``Store`` protocol is the same SQL on every backend.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Protocol, Self
from uuid import uuid4

import bilat.store.sql as sql  # noqa: PLR0402 - not through bilat.store, which opens backends
from bilat.codec import sql_rows
from bilat.errors import SchemaOutdated, StoreError
from bilat.records import Amount, Article, Event, Rejection, RunSummary
from bilat.store.base import EventQuery, RunInfo
from bilat.store.batches import columns, index_tables
from bilat.store.migrations import pending, reindex_at, statements
from bilat.store.pair_reads import NamedActors, PairReads
from bilat.store.search import (
    PHRASE_CHUNK,
    holds_phrases,
    phrase_page,
    stem,
)


class Writer(Protocol):
    """What a transaction block writes through; statements use ``?`` placeholders."""

    def execute(self, query: str, params: Sequence[Any] = ..., /) -> object: ...

    def executemany(self, query: str, params: Sequence[Sequence[Any]], /) -> object: ...


def now() -> datetime:
    # Stored as naive UTC: TIMESTAMP means the same in DuckDB and PostgreSQL.
    return datetime.now(UTC).replace(tzinfo=None)


def _searchable(terms: Sequence[str]) -> list[str]:
    """The distinct terms to look up; none when one can never be indexed, as none then matches.

    A NUL is never part of a word (and PostgreSQL text cannot hold it).
    """
    wanted = sorted(set(terms))
    return [] if any("\x00" in t for t in wanted) else wanted


class SQLStore(PairReads, ABC):
    """A ``Store`` over a SQL database, given the backend's primitives."""

    _where: str
    _read_only: bool
    _engine = "SQL"  # named when a database turns out not to be a bilat store

    # -- backend primitives -----------------------------------------------------

    @abstractmethod
    def _all(self, query: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    def _one(self, query: str, params: Sequence[Any] = ()) -> Any:
        found = self._all(query, params)
        return found[0][0] if found else None

    @abstractmethod
    def _transaction(self, what: str) -> AbstractContextManager[Writer]:
        """Commit what the block wrote, or roll all of it back and raise StoreError."""

    def _lock_schema(self, writer: Writer) -> None:
        """Keep other processes from migrating while this one does (where they could)."""
        return  # DuckDB: one writing process per file already

    def _ddl(self, statement: str) -> str:
        """A migration statement as this backend needs it."""
        return statement

    @abstractmethod
    def write_batch(
        self, items: Sequence[tuple[Article, Sequence[Event]]], named: NamedActors | None = None
    ) -> int: ...

    @abstractmethod
    def close(self) -> None: ...

    # -- schema -----------------------------------------------------------------

    def _version(self) -> int:
        if not self._one(sql.TABLE_EXISTS, ["schema_version"]):
            return 0
        return int(self._one(sql.SCHEMA_VERSION) or 0)

    def _migrate(self) -> None:
        current = self._version()
        steps = pending(current, self._where)
        if not steps:
            return
        if self._read_only and current == 0:
            raise StoreError(
                f"cannot open {self._where}: no bilat store there yet (run `bilat ingest`)"
            )
        if self._read_only:
            raise SchemaOutdated(
                f"{self._where} has schema version {current} and this bilat needs version "
                f"{steps[-1].version}: open it once without read-only to upgrade it"
            )
        with self._transaction(f"upgrade the schema of {self._where}") as writer:
            self._lock_schema(writer)
            # Asked again under the lock: another process may have migrated meanwhile.
            current = self._version()
            if current == 0 and self._one(sql.COUNT_TABLES):
                raise StoreError(
                    f"{self._where} is a {self._engine} database but not a bilat store"
                )
            for step in pending(current, self._where):
                for statement in statements(step.sql):
                    writer.execute(self._ddl(statement))
                if step.version == reindex_at(current):
                    self._fill_search_index(writer)
                writer.execute(sql.RECORD_VERSION, [step.version, now()])

    def _fill_search_index(self, writer: Writer, chunk: int = 5000) -> None:
        """Index what a store written before the search index holds, a chunk at a time."""
        last = ""
        while found := self._all(sql.ARTICLES_AFTER, [last, chunk]):
            self._write_index(writer, [sql_rows.article(r) for r in found], [])
            last = found[-1][0]
        last = ""
        while found := self._all(sql.EVENTS_AFTER, [last, chunk * 10]):
            self._write_index(writer, [], [sql_rows.event(r, (), ()) for r in found])
            last = found[-1][0]

    @staticmethod
    def _write_index(writer: Writer, articles: list[Article], events: list[Event]) -> None:
        for statement, table in index_tables(articles, events):
            if table:
                writer.execute(statement, columns(table))

    # -- articles and events ----------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return bool(self.article_ids([article_id]))

    def article_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(set(ids))
        if not wanted:
            return set()
        return {r[0] for r in self._all(sql.ARTICLE_IDS_IN, [wanted])}

    def article(self, article_id: str) -> Article | None:
        found = self._all(sql.ARTICLE_BY_ID, [article_id])
        return sql_rows.article(found[0]) if found else None

    def articles_in(self, ids: Iterable[str]) -> dict[str, Article]:
        wanted = list(set(ids))
        if not wanted:
            return {}
        found = (sql_rows.article(r) for r in self._all(sql.ARTICLES_IN, [wanted]))
        return {a.id: a for a in found}

    def articles(self, limit: int | None = None, offset: int = 0) -> list[Article]:
        query, params = sql.select_articles(limit, offset)
        return [sql_rows.article(r) for r in self._all(query, params)]

    def count_articles(self) -> int:
        return int(self._one(sql.COUNT_ARTICLES))

    def events(self, query: EventQuery) -> list[Event]:
        text, params = sql.select_events(query, self._pair_ids(query))
        return self._events(self._all(text, params))

    def _pair_ids(self, query: EventQuery) -> list[str] | None:
        """The ids of the events of the query's pair (by the pairs' index), if it has one."""
        if query.dyad is None or query.dyad[0] == query.dyad[1]:
            return None
        return [r[0] for r in self._all(sql.PAIR_EVENT_IDS, [sql.pair_key(*query.dyad)])]

    def _events(self, found: Sequence[Sequence[Any]]) -> list[Event]:
        """Events from rows of ``sql.EVENT_COLUMNS`` (extra columns after them are ignored)."""
        ids = [r[0] for r in found]
        contexts: defaultdict[str, list[str]] = defaultdict(list)
        amounts: defaultdict[str, list[Amount]] = defaultdict(list)
        if ids:
            params = sql.id_params(ids)
            for event_id, context in self._all(sql.contexts_of(len(ids)), params):
                contexts[event_id].append(context)
            for event_id, *amount in self._all(sql.amounts_of(len(ids)), params):
                amounts[event_id].append(sql_rows.amount(amount))
        return [sql_rows.event(r, tuple(contexts[r[0]]), tuple(amounts[r[0]])) for r in found]

    # -- full-text search ---------------------------------------------------------

    def search_articles(
        self,
        terms: Sequence[str],
        limit: int,
        offset: int = 0,
        phrases: Sequence[Sequence[str]] = (),
    ) -> tuple[list[tuple[Article, int]], int]:
        wanted = _searchable([stem(t) for t in terms])
        if not wanted:
            return [], 0
        n = len(wanted)
        total = int(self._one(sql.count_search_articles(n), [*wanted, n]))
        if not phrases:
            found = self._all(sql.search_articles(n), [*wanted, n, limit, offset])
            return [(sql_rows.article(r[:-1]), int(r[-1])) for r in found], total

        def chunk(at: int) -> list[tuple[Article, int]]:
            found = self._all(sql.search_articles(n), [*wanted, n, PHRASE_CHUNK, at])
            return [(sql_rows.article(r[:-1]), int(r[-1])) for r in found]

        return phrase_page(
            chunk,
            lambda a: holds_phrases(f"{a.title or ''}\n{a.body}", phrases),
            total,
            limit,
            offset,
        )

    def search_events(
        self,
        terms: Sequence[str],
        min_confidence: float,
        limit: int,
        offset: int = 0,
        phrases: Sequence[Sequence[str]] = (),
    ) -> tuple[list[tuple[Event, int]], int]:
        wanted = _searchable([stem(t) for t in terms])
        if not wanted:
            return [], 0
        n = len(wanted)
        head = [*wanted, n, min_confidence]
        total = int(self._one(sql.count_search_events(n), head))

        def chunk(at: int, size: int = PHRASE_CHUNK) -> list[tuple[Event, int]]:
            found = self._all(sql.search_events(n), [*head, size, at])
            return list(zip(self._events(found), [int(r[-1]) for r in found], strict=True))

        if not phrases:
            return chunk(offset, limit), total
        return phrase_page(
            chunk,
            lambda e: holds_phrases(e.evidence.sentence, phrases),
            total,
            limit,
            offset,
        )

    def count_events(self, query: EventQuery) -> int:
        text, params = sql.count_events(query, self._pair_ids(query))
        return int(self._one(text, params))

    # -- runs and rejections ----------------------------------------------------

    def start_run(self) -> str:
        run_id = uuid4().hex
        with self._transaction("record the start of a run") as writer:
            writer.execute(sql.INSERT_RUN, [run_id, now()])
        return run_id

    def _known_run(self, run_id: str) -> None:
        if not self._all(sql.RUN_BY_ID, [run_id]):
            raise StoreError(f"no run {run_id} in {self._where}")

    def finish_run(self, run_id: str, summary: RunSummary) -> None:
        self._known_run(run_id)
        s = summary
        counts = [s.seen, s.stored, s.unchanged, s.events, len(s.rejections)]
        with self._transaction(f"record the end of run {run_id}") as writer:
            writer.execute(sql.FINISH_RUN, [now(), *counts, s.interrupted, run_id])

    def record_rejections(self, run_id: str, rejections: Sequence[Rejection]) -> None:
        self._known_run(run_id)
        if not rejections:
            return
        values = [[run_id, r.stage, r.reason, r.source] for r in rejections]
        with self._transaction(f"record rejections of run {run_id}") as writer:
            writer.executemany(sql.INSERT_REJECTION, values)

    def rejections(self, run_id: str | None = None) -> list[Rejection]:
        found = (
            self._all(sql.ALL_REJECTIONS)
            if run_id is None
            else self._all(sql.REJECTIONS_OF, [run_id])
        )
        return [Rejection(*r) for r in found]

    def _run_info(self, row: Sequence[Any]) -> RunInfo:
        run_id, started, finished, seen, stored, unchanged, events, interrupted = row
        rejections = tuple(self.rejections(run_id))
        summary = RunSummary(seen, stored, unchanged, events, rejections, bool(interrupted))
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

    def monthly_types(self, min_confidence: float) -> list[tuple[str, str, int, float]]:
        found = self._all(sql.MONTHLY_TYPES, [min_confidence])
        return [(f"{y:04d}-{m:02d}", t, int(n), float(w)) for y, m, t, n, w in found]

    # -- lifetime -----------------------------------------------------------------

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
