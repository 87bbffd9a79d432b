"""The Python API's reads for the web interface: article pages, event pages, a pair's
overview and full-text search. Re-exported by :mod:`bilat.api`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bilat._session import EventFilter, event_query, lookup_actor, opened_store, resolver_for
from bilat.analysis.dyads import DyadOverview
from bilat.config import Settings
from bilat.records import Article, Event

if TYPE_CHECKING:
    from bilat.analysis.dyads import Freq, SeriesPoint


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


def monthly_series(settings: Settings | None = None) -> list[SeriesPoint]:
    """Occurred events per month and quad across the whole store (as stored, not fused),
    from the first to the last month: the home page's chart."""
    from bilat.analysis.dyads import monthly_series as build
    from bilat.records import EventType

    settings = settings or Settings.load()
    with opened_store(settings, read_only=True) as store:
        counts = store.monthly_types(settings.min_confidence)
    return build((month, EventType(t), n, w) for month, t, n, w in counts)


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


def dyad_overview(
    a: str, b: str, freq: Freq = "month", settings: Settings | None = None
) -> DyadOverview:
    """Timeline, series and sectors of the pair a–b.

    Reads only the pair's events and the articles they cite (fast on a large store);
    drivers, which need the store's tallies too, are in ``dyad_brief``.
    """
    from bilat._dyad import overview, read_pair

    settings = settings or Settings.load()
    resolver = resolver_for(settings)
    first, second = lookup_actor(resolver, a), lookup_actor(resolver, b)
    with opened_store(settings, read_only=True) as store:
        read = read_pair(store, resolver, first, second, settings.min_confidence)
    return overview(read, freq)


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
    """The distinct casefolded words of a query, in order (those of its phrases too)."""
    from bilat.store.search import query_terms

    return query_terms(q)


def search(
    q: str, limit: int = 50, settings: Settings | None = None, offset: int = 0
) -> SearchResult:
    """Full-text search: articles (title and body) and event sentences holding every word of ``q``.

    Words match whole words by their English stem, case-insensitively ("pipelines"
    finds "pipeline"), through the store's search index; words in double quotes
    must also follow each other ("gas pipeline"). A hit scores the number of times
    the words occur. ``limit``/``offset`` page through both lists at once.
    """
    from bilat.store.search import first_match, parse_query

    settings = settings or Settings.load()
    query = parse_query(q)
    terms = query.words
    if not terms:
        return SearchResult(terms, [], [], offset=offset)
    with opened_store(settings, read_only=True) as store:
        articles, total_articles = store.search_articles(terms, limit, offset, query.phrases)
        events, total_events = store.search_events(
            terms, settings.min_confidence, limit, offset, query.phrases
        )
    hits = [ArticleHit(a, score, first_match(a.body, terms)) for a, score in articles]
    return SearchResult(terms, hits, [e for e, _ in events], total_articles, total_events, offset)
