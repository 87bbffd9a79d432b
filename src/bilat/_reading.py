"""The Python API's reads for the web interface: article pages, event pages, a pair's
overview and full-text search. Re-exported by :mod:`bilat.api`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bilat._session import EventFilter, event_query, opened_store, resolver_for
from bilat.config import Settings
from bilat.records import Actor, Article, Event

if TYPE_CHECKING:
    from bilat.analysis.dyads import Freq, SeriesPoint, TimelineItem


def articles_by_id(ids: Iterable[str], settings: Settings | None = None) -> dict[str, Article]:
    """The stored articles among ``ids``, by id, read over one connection."""
    settings = settings or Settings.load()
    with opened_store(settings, read_only=True) as store:
        return store.articles_in(ids)


def article(article_id: str, settings: Settings | None = None) -> Article:
    """One stored article by its id (the full 64 hex digits)."""
    from bilat.errors import NotFound

    settings = settings or Settings.load()
    with opened_store(settings, read_only=True) as store:
        found = store.article(article_id)
    if found is None:
        raise NotFound(f"no article {article_id[:64]!r} in the store")
    return found


def articles(
    limit: int = 50, offset: int = 0, settings: Settings | None = None
) -> tuple[list[Article], int]:
    """A page of stored articles in the order they were stored, and how many there are."""
    settings = settings or Settings.load()
    with opened_store(settings, read_only=True) as store:
        return store.articles(limit, offset), store.count_articles()


def event_page(
    flt: EventFilter | None = None, offset: int = 0, settings: Settings | None = None
) -> tuple[list[Event], int]:
    """Events ``flt`` matches, ``flt.limit`` of them from ``offset``, and how many match."""

    settings = settings or Settings.load()
    query = event_query(flt or EventFilter(), settings, offset)
    with opened_store(settings, read_only=True) as store:
        return store.events(query), store.count_events(query)


def article_events(article_id: str, settings: Settings | None = None) -> list[Event]:
    """The stored events whose evidence is in one article."""
    from bilat.store.base import EventQuery

    settings = settings or Settings.load()
    query = EventQuery(article_id=article_id, min_confidence=settings.min_confidence)
    with opened_store(settings, read_only=True) as store:
        return store.events(query)


@dataclass(frozen=True, slots=True)
class DyadOverview:
    """The fused timeline of a pair with its period series and sectors, from its own events."""

    a: Actor
    b: Actor
    events: int
    timeline: list[TimelineItem]
    series: list[SeriesPoint]
    sectors: list[tuple[str, int]]


def dyad_overview(
    a: str, b: str, freq: Freq = "month", settings: Settings | None = None
) -> DyadOverview:
    """Timeline, series and sectors of the pair a–b.

    Reads only the pair's events (fast on a large store); drivers, which need
    every event as a baseline, are in ``dyad_brief``.
    """
    from bilat.analysis.dyads import sectors
    from bilat.analysis.dyads import series as build_series
    from bilat.analysis.dyads import timeline as build_timeline
    from bilat.fuse import fuse
    from bilat.store.base import EventQuery

    settings = settings or Settings.load()
    resolver = resolver_for(settings)
    first, second = resolver.lookup(a), resolver.lookup(b)
    query = EventQuery(dyad=(first.code, second.code), min_confidence=settings.min_confidence)
    with opened_store(settings, read_only=True) as store:
        found = store.events(query)
    items = build_timeline(fuse(found), first.code, second.code)
    leads = [i.lead for i in items]
    return DyadOverview(
        a=first,
        b=second,
        events=len(found),
        timeline=items,
        series=build_series(leads, freq),
        sectors=sectors(leads),
    )


@dataclass(frozen=True, slots=True)
class ArticleHit:
    """An article whose title or body holds every query word; ``at`` is the first match."""

    article: Article
    score: int
    at: int


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One page of articles and of events matching a query, best first, with their totals."""

    terms: tuple[str, ...]
    articles: list[ArticleHit]
    events: list[Event]
    total_articles: int = 0
    total_events: int = 0
    offset: int = 0


def search_terms(q: str) -> tuple[str, ...]:
    """The distinct casefolded words of a query, in order."""
    from bilat.store.search import query_terms

    return query_terms(q)


def search(
    q: str, limit: int = 50, settings: Settings | None = None, offset: int = 0
) -> SearchResult:
    """Full-text search: articles (title and body) and event sentences holding every word of ``q``.

    Words match whole words, case-insensitively, through the store's search index;
    a hit scores the number of times the words occur. ``limit``/``offset`` page
    through both lists at once.
    """
    from bilat.store.search import first_match

    settings = settings or Settings.load()
    terms = search_terms(q)
    if not terms:
        return SearchResult(terms, [], [], offset=offset)
    with opened_store(settings, read_only=True) as store:
        articles, total_articles = store.search_articles(terms, limit, offset)
        events, total_events = store.search_events(terms, settings.min_confidence, limit, offset)
    hits = [ArticleHit(a, score, first_match(a.body, terms)) for a, score in articles]
    return SearchResult(terms, hits, [e for e, _ in events], total_articles, total_events, offset)
