"""The Python API's reads: events, actors and pairs, article and event pages, a pair's
overview and full-text search, each in a Session (``bilat.Client`` calls them)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bilat.analysis.dyads import DyadOverview
from bilat.client.session import EventFilter, Session, event_query
from bilat.errors import BilatError
from bilat.records import Article, Event, Mention

if TYPE_CHECKING:
    from bilat.analysis.dyads import Freq, SeriesPoint


def events(session: Session, flt: EventFilter | None = None) -> list[Event]:
    """Stored events matching ``flt``, in date order."""
    return session.reader().events(event_query(flt or EventFilter(), session.settings))


def undated_left_out(session: Session, flt: EventFilter) -> int:
    """How many undated events match ``flt`` but for its date bounds: what ``events``
    leaves out when ``since`` or ``until`` is given (0 when neither is)."""
    if flt.since is None and flt.until is None:
        return 0
    query = replace(event_query(flt, session.settings), limit=None, undated=True)
    return session.reader().count_events(query)


def actors(session: Session) -> list[tuple[str, str, int]]:
    """(code, name, events) for every actor in the store, most active first."""
    return session.reader().actor_counts()


def dyads(session: Session) -> list[tuple[str, str, int]]:
    """(a, b, events) for every pair of actors, most covered first."""
    return session.reader().dyad_counts()


def top_dyad(session: Session) -> tuple[str, str]:
    """The most-covered pair of actors in the store."""
    pairs = dyads(session)
    if not pairs:
        raise BilatError("the store holds no events between two actors yet: run `bilat ingest`")
    a, b, _ = pairs[0]
    return a, b


def actor_mentions(session: Session, text: str) -> list[Mention]:
    """Resolved actor mentions in ``text``, offsets into it."""
    return session.resolver.find_mentions(text, when=None)


def articles_by_id(session: Session, ids: Iterable[str]) -> dict[str, Article]:
    """The stored articles among ``ids``, by id, read over one connection."""
    return session.reader().articles_in(ids)


def article(session: Session, article_id: str) -> Article:
    """One stored article by its id (the full 64 hex digits)."""
    from bilat.errors import NotFound

    found = session.reader().article(article_id)
    if found is None:
        raise NotFound(f"no article {article_id[:64]!r} in the store")
    return found


def articles(session: Session, limit: int = 50, offset: int = 0) -> tuple[list[Article], int]:
    """A page of stored articles in the order they were stored, and how many there are."""
    store = session.reader()
    return store.articles(limit, offset), store.count_articles()


def monthly_series(session: Session) -> list[SeriesPoint]:
    """Occurred events per month and quad across the whole store (as stored, not fused),
    from the first to the last month: the home page's chart."""
    from bilat.analysis.dyads import monthly_series as build
    from bilat.records import EventType

    counts = session.reader().monthly_types(session.settings.min_confidence)
    return build((month, EventType(t), n, w) for month, t, n, w in counts)


def event_page(
    session: Session, flt: EventFilter | None = None, offset: int = 0
) -> tuple[list[Event], int]:
    """Events ``flt`` matches, ``flt.limit`` of them from ``offset``, and how many match."""
    query = event_query(flt or EventFilter(), session.settings, offset)
    store = session.reader()
    return store.events(query), store.count_events(query)


def article_events(session: Session, article_id: str) -> list[Event]:
    """The stored events whose evidence is in one article."""
    query = EventFilter(article_id=article_id)
    return session.reader().events(event_query(query, session.settings))


def dyad_overview(session: Session, a: str, b: str, freq: Freq = "month") -> DyadOverview:
    """Timeline, series and sectors of the pair a–b.

    Reads only the pair's events and the articles they cite (fast on a large store);
    drivers, which need the store's tallies too, are in ``dyad_brief``.
    """
    from bilat._dyad import overview, read_pair

    first, second = session.lookup_actor(a), session.lookup_actor(b)
    store = session.reader()
    read = read_pair(store, session.resolver, first, second, session.settings.min_confidence)
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


def search(session: Session, q: str, limit: int = 50, offset: int = 0) -> SearchResult:
    """Full-text search: articles (title and body) and event sentences holding every word of ``q``.

    Words match whole words by their English stem, case-insensitively ("pipelines"
    finds "pipeline"), through the store's search index; words in double quotes
    must also follow each other ("gas pipeline"). A hit scores the number of times
    the words occur. ``limit``/``offset`` page through both lists at once.
    """
    from bilat.store.search import first_match, parse_query

    query = parse_query(q)
    terms = query.words
    if not terms:
        return SearchResult(terms, [], [], offset=offset)
    store = session.reader()
    articles, total_articles = store.search_articles(terms, limit, offset, query.phrases)
    events, total_events = store.search_events(
        terms, session.settings.min_confidence, limit, offset, query.phrases
    )
    hits = [ArticleHit(a, score, first_match(a.body, terms)) for a, score in articles]
    return SearchResult(terms, hits, [e for e, _ in events], total_articles, total_events, offset)
