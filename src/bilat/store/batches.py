"""What a batch of articles and events becomes on its way into a SQL store: checked,
without repeats, and as the bulk inserts of its child tables and search index."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import bilat.store.sql as sql  # noqa: PLR0402 - not through bilat.store, which opens backends
from bilat.codec import sql_rows
from bilat.errors import StoreError
from bilat.records import Article, Event
from bilat.store.pair_reads import NamedActors, pair_tables
from bilat.store.search import article_terms, event_terms


def check_batch(items: Sequence[tuple[Article, Sequence[Event]]]) -> None:
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


def first_occurrences(
    items: Sequence[tuple[Article, Sequence[Event]]],
) -> list[tuple[Article, Sequence[Event]]]:
    """The batch without repeated articles; a repeat is skipped with its events."""
    seen: set[str] = set()
    unique = []
    for article, events in items:
        if article.id not in seen:
            seen.add(article.id)
            unique.append((article, events))
    return unique


def child_tables(
    articles: Sequence[Article], events: Sequence[Event], named: NamedActors | None = None
) -> list[tuple[str, list[sql_rows.Row]]]:
    """The bulk inserts (statement, rows) that store events with their contexts, amounts and
    named actors (``named``: those of other events are left out), the articles'
    fingerprints, and the search index of both, once the articles themselves are in."""
    contexts = [(e.id, i, c) for e in events for i, c in enumerate(e.contexts)]
    amounts = [sql_rows.amount_row(e.id, i, a) for e in events for i, a in enumerate(e.amounts)]
    ids = {e.id for e in events}
    own = {event_id: found for event_id, found in (named or {}).items() if event_id in ids}
    return [
        (sql.INSERT_EVENTS, [sql_rows.event_row(e) for e in events]),
        (sql.INSERT_CONTEXTS, contexts),
        (sql.INSERT_AMOUNTS, amounts),
        *pair_tables(articles, events, own),
        *index_tables(articles, events),
    ]


def index_tables(
    articles: Sequence[Article], events: Sequence[Event]
) -> list[tuple[str, list[sql_rows.Row]]]:
    """The bulk inserts that put articles and events in the search index."""
    return [
        (sql.INSERT_ARTICLE_TERMS, [r for a in articles for r in article_terms(a)]),
        (sql.INSERT_EVENT_TERMS, [r for e in events for r in event_terms(e)]),
    ]


def columns(table: list[sql_rows.Row]) -> list[list[Any]]:
    """Rows as one list per column: the parameters of ``sql.bulk_insert``."""
    return [list(column) for column in zip(*table, strict=True)]
