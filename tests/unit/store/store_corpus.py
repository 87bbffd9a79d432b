"""A small hand-made corpus whose query answers are known.

Dates and confidences are picked so each EventQuery field cuts the set
differently; the expected answers live beside the tests that use them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Any

import duckdb

from bilat.records import Article, DateSpan, Event, Granularity, Mention, Status
from bilat.store import sql
from bilat.store.common import SQLStore
from factories import article, event, mention

Batch = list[tuple[Article, list[Event]]]
# The factories conftest.py hands out: a fresh store's URL, a fresh open store.
NewUrl = Callable[[], str]
NewStore = Callable[[], SQLStore]

ARTICLES = {name: article(name, source=f"{name}.txt") for name in ("A1", "A2", "A3")}

# id, article, source, target ("" = unresolved, None = no target), type, status,
# date start, date end, granularity, confidence
_TABLE = [
    ("e01", "A1", "RUS", "PAK", "AGREE", "occurred", "2021-09-21", "2021-09-30", "month", 0.9),
    ("e02", "A1", "PAK", "RUS", "CONSULT", "planned", "2022-02-21", "2022-02-27", "week", 0.4),
    ("e03", "A2", "USA", "IND", "SANCTION", "occurred", "2019-01-01", "2019-12-31", "year", 0.7),
    ("e04", "A2", "RUS", None, "THREATEN", "denied", None, None, None, 0.6),
    ("e05", "A3", "PAK", "RUS", "AID", "occurred", "2021-10-05", "2021-10-05", "day", 0.8),
    ("e06", "A3", "IND", "", "ASSAULT", "hypothetical", "1950-01-01", "1959-12-31", "decade", 0.2),
    ("e07", "A3", "PAK", "PAK", "COOPERATE", "occurred", "2021-09-25", "2021-09-25", "day", 1.0),
    ("e08", "A3", "IND", "USA", "REJECT", "occurred", "2020-01-01", "2020-03-31", "quarter", 0.5),
    ("e09", "A1", "CHN", "IND", "SUPPORT", "proposed", "2021-06-01", "2021-08-31", "season", 0.55),
    ("e10", "A1", "IND", "CHN", "AGREE", "occurred", None, None, None, 0.3),
]


def _side(code: str) -> Mention:
    return mention(code or None, code or "militants", end=3)


def _event(row: tuple[Any, ...]) -> Event:
    id_, name, source, target, type_, status, start, end, granularity, confidence = row
    when = None
    if start is not None:
        when = DateSpan(
            date.fromisoformat(start), date.fromisoformat(end), Granularity(granularity)
        )
    return event(
        type_,
        _side(source),
        None if target is None else _side(target),
        id_=id_,
        article=ARTICLES[name].id,
        sentence=f"sentence of {id_}",
        when=when,
        status=Status(status),
        confidence=confidence,
    )


EVENTS = [_event(row) for row in _TABLE]


def sample_batch() -> Batch:
    """The corpus as one batch: each article with its events, A1 to A3."""
    by_article: dict[str, list[Event]] = {a.id: [] for a in ARTICLES.values()}
    for e in EVENTS:
        by_article[e.evidence.article_id].append(e)
    return [(a, by_article[a.id]) for a in ARTICLES.values()]


TABLES = ("articles", "events", "event_contexts", "event_amounts", "article_terms", "event_terms")


def nothing_stored(store: SQLStore) -> bool:
    # Ask the child tables too: a partial write would show there first.
    return all(store._one(f"SELECT COUNT(*) FROM {table}") == 0 for table in TABLES)


def with_contexts(sample: Batch) -> Batch:
    return [(a, [dataclasses.replace(e, contexts=("energy",)) for e in es]) for a, es in sample]


def raw_sql(url: str, query: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    """Run SQL on a store's database behind bilat's back (DuckDB file or PostgreSQL URL)."""
    if url.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            cursor = conn.execute(sql.pyformat(query), params)
            return cursor.fetchall() if cursor.description else []
    with duckdb.connect(url) as conn:
        return conn.execute(query, params).fetchall()
