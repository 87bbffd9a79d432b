"""What every bilat store offers, whatever database sits behind it.

DuckDB (``bilat.store.duckdb``) and PostgreSQL (``bilat.store.postgres``) implement
it; callers depend on ``Store`` and never on a backend.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from types import TracebackType
from typing import Protocol, Self

from bilat.errors import QueryInvalid
from bilat.records import Actor, Article, DateSpan, Event, EventType, Rejection, RunSummary, Status


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events to read. Every field narrows the result; the defaults match everything.

    ``dyad`` is unordered: ("RUS", "PAK") and ("PAK", "RUS") are the same query,
    and match events in either direction. ``since``/``until`` keep events whose
    date span overlaps [since, until]; undated events never match a date bound, and
    ``undated`` keeps only events without a date (ignoring ``since``/``until``): what a
    date bound leaves out.
    ``limit``/``offset`` page through the result; counts ignore them.
    """

    dyad: tuple[str, str] | None = None
    actor: str | None = None
    type: EventType | None = None
    since: date | None = None
    until: date | None = None
    status: Status | None = None
    min_confidence: float = 0.0
    article_id: str | None = None
    undated: bool = False
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        if self.dyad is not None:
            a, b = self.dyad
            # Sorted, so two queries for the same pair compare (and cache) as equal.
            object.__setattr__(self, "dyad", (a, b) if a <= b else (b, a))
        if self.limit is not None and self.limit < 0:
            raise QueryInvalid(f"limit must be 0 or more, not {self.limit}")
        if self.offset < 0:
            raise QueryInvalid(f"offset must be 0 or more, not {self.offset}")
        if self.since is not None and self.until is not None and self.since > self.until:
            raise QueryInvalid(f"since ({self.since}) is after until ({self.until})")


@dataclass(frozen=True, slots=True)
class RunInfo:
    """One ingest run as stored: when it ran and what it did.

    ``finished`` is None while the run is going on (or if it crashed). The
    summary's rejections are those recorded for the run with ``record_rejections``.
    """

    id: str
    started: datetime
    finished: datetime | None
    summary: RunSummary


@dataclass(frozen=True, slots=True)
class CitedArticle:
    """An article as a citation shows it, without its body. ``fingerprint`` is the MinHash
    signature of the body (``bilat.dedup.signature``) kept at ingest; None for an article
    stored before schema version 6."""

    id: str
    source: str
    title: str | None
    publisher: str | None
    url: str | None
    published: DateSpan | None
    fingerprint: tuple[int, ...] | None


@dataclass(frozen=True, slots=True)
class PairWeight:
    """Occurred events between a and b (code a < code b), unfused, with their summed
    weights (the magnitude of their intensity, 1 when unscored) by quads 1-2 and 3-4."""

    a: Actor
    b: Actor
    events: int
    cooperation: float
    conflict: float


class Store(Protocol):
    """Persistent articles, events, runs and rejections.

    A store is used from one thread. Writes happen in batches, one transaction
    each; reads see everything committed. Errors are ``StoreError``.
    """

    def write_batch(
        self,
        items: Sequence[tuple[Article, Sequence[Event]]],
        named: Mapping[str, Sequence[Actor]] | None = None,
    ) -> int:
        """Store articles with their events in one transaction; return how many were new.

        ``named`` gives, by event id, the actors each event's evidence sentence names (what
        a brief's drivers count; ``evidence_actors`` reads them back). An article already
        stored (or repeated in the batch) is skipped with its events. If anything fails,
        nothing of the batch is stored and StoreError names the article that failed.
        """
        ...

    def has_article(self, article_id: str) -> bool: ...

    def article_ids(self, ids: Iterable[str]) -> set[str]:
        """Those of ``ids`` that are stored."""
        ...

    def article(self, article_id: str) -> Article | None: ...

    def articles_in(self, ids: Iterable[str]) -> dict[str, Article]:
        """The stored articles among ``ids``, by id, in one query."""
        ...

    def articles(self, limit: int | None = None, offset: int = 0) -> list[Article]:
        """Stored articles, in the order they were stored."""
        ...

    def count_articles(self) -> int: ...

    def events(self, query: EventQuery) -> list[Event]:
        """Matching events by date start, then id; undated events last."""
        ...

    def count_events(self, query: EventQuery) -> int:
        """How many events match, ignoring ``limit`` and ``offset``."""
        ...

    def search_articles(
        self,
        terms: Sequence[str],
        limit: int,
        offset: int = 0,
        phrases: Sequence[Sequence[str]] = (),
    ) -> tuple[list[tuple[Article, int]], int]:
        """Articles whose title or body holds a word with the stem of every one of
        ``terms`` (words as ``bilat.store.search.words`` makes them) and every one of
        ``phrases`` (words in a row), with their scores (how often the terms occur), best
        first, ties in stored order; and how many match in all."""
        ...

    def search_events(
        self,
        terms: Sequence[str],
        min_confidence: float,
        limit: int,
        offset: int = 0,
        phrases: Sequence[Sequence[str]] = (),
    ) -> tuple[list[tuple[Event, int]], int]:
        """Events whose evidence sentence holds every one of ``terms``, scored and ordered
        as ``search_articles`` (ties by date, then id); and how many match in all."""
        ...

    def record_rejections(self, run_id: str, rejections: Sequence[Rejection]) -> None: ...

    def rejections(self, run_id: str | None = None) -> list[Rejection]:
        """Rejections of one run (or all runs), in the order they were recorded."""
        ...

    def start_run(self) -> str:
        """Record that a run started; return its id."""
        ...

    def finish_run(self, run_id: str, summary: RunSummary) -> None:
        """Record a run's end and counts (its rejections go through ``record_rejections``)."""
        ...

    def run(self, run_id: str) -> RunInfo | None: ...

    def runs(self) -> list[RunInfo]:
        """All runs, oldest first."""
        ...

    def actor_counts(self) -> list[tuple[str, str, int]]:
        """(code, name, events involving the actor), most events first."""
        ...

    def dyad_counts(self) -> list[tuple[str, str, int]]:
        """(code, code, events) per unordered pair, most events first, ties by articles."""
        ...

    def evidence_actors(self, event_ids: Iterable[str]) -> dict[str, tuple[Actor, ...]]:
        """The actors each event's evidence sentence names, as stored with it; an event
        stored without them (by a bilat before schema version 6, or imported) is absent."""
        ...

    def cited_articles(self, ids: Iterable[str]) -> dict[str, CitedArticle]:
        """The stored articles among ``ids`` as citations show them, by id, in one query."""
        ...

    def involvement(self, min_confidence: float) -> tuple[int, dict[str, int]]:
        """How many events have at least ``min_confidence``, and how many of those each
        actor is a side of or is named in the evidence of (as stored with the event)."""
        ...

    def pair_weights(
        self, codes: Sequence[str], min_confidence: float, *, among: bool = False
    ) -> list[PairWeight]:
        """Occurred events (unfused) per pair with a side in ``codes``, or both sides when
        ``among``, ordered by pair."""
        ...

    def monthly_types(self, min_confidence: float) -> list[tuple[str, str, int, float]]:
        """(YYYY-MM, PLOVER type, events, weight) of the occurred events dated to a month or
        finer with at least ``min_confidence``; weight sums the magnitudes of their
        intensities (1 for an unscored event). By month, then type."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
