"""The Python API as functions: each makes a ``bilat.Client`` for one call and calls the
method of the same name. Every CLI command is a thin wrapper over the verb of the same
name. For a chain of calls over one store, use a Client (``with bilat.Client() as c``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from bilat.analysis.dyads import DyadOverview
from bilat.client import Client
from bilat.client.reads import ArticleHit, SearchResult, search_terms
from bilat.client.session import EventFilter
from bilat.client.views import DyadReport
from bilat.client.writes import NewArticle, fetching_available, planned_inputs
from bilat.config import Settings
from bilat.records import Actor, Article, Event, Mention, RunSummary

if TYPE_CHECKING:
    from bilat.analysis.compare import Comparison
    from bilat.analysis.dyads import Baseline, Freq, SeriesPoint, TimelineItem
    from bilat.analysis.network import Network
    from bilat.bench import BenchResult
    from bilat.pipeline import Progress
    from bilat.report.exports import ExportFormat
    from bilat.report.model import Brief
    from bilat.watch import WatchRound, WatchSummary

__all__ = [
    "ArticleHit",
    "Client",
    "DyadOverview",
    "DyadReport",
    "EventFilter",
    "NewArticle",
    "SearchResult",
    "actor_mentions",
    "actors",
    "article",
    "article_events",
    "articles",
    "articles_by_id",
    "bench",
    "brief",
    "brief_pdf",
    "compare",
    "drivers_baseline",
    "dyad_brief",
    "dyad_overview",
    "dyad_report",
    "dyads",
    "event_page",
    "events",
    "export",
    "fetching_available",
    "import_events",
    "ingest",
    "ingest_new",
    "monthly_series",
    "network",
    "planned_inputs",
    "resolve_actor",
    "search",
    "search_terms",
    "timeline",
    "top_dyad",
    "undated_left_out",
    "watch",
]

# -- writes ---------------------------------------------------------------------------


def ingest(
    paths: Iterable[str],
    settings: Settings | None = None,
    progress: Progress | None = None,
    stop: Callable[[], bool] | None = None,
) -> RunSummary:
    """Read, extract and store articles from files, folders, JSONL or ``-`` (stdin)."""
    with Client(settings) as client:
        return client.ingest(paths, progress, stop)


def ingest_new(items: Iterable[NewArticle], settings: Settings | None = None) -> RunSummary:
    """Ingest articles given as values, as ``ingest`` reads a JSONL file; a bare URL is fetched."""
    with Client(settings) as client:
        return client.ingest_new(items)


def watch(
    feed: str,
    settings: Settings | None = None,
    rounds: int | None = None,
    interval: float | None = None,
    on_round: Callable[[WatchRound], None] | None = None,
) -> WatchSummary:
    """Poll the RSS/Atom ``feed`` and ingest its new entries each round."""
    with Client(settings) as client:
        return client.watch(feed, rounds, interval, on_round)


def import_events(path: str, settings: Settings | None = None) -> RunSummary:
    """Store the articles and events of an event file (``-`` for stdin)."""
    with Client(settings) as client:
        return client.import_events(path).summary


# -- reads ----------------------------------------------------------------------------


def resolve_actor(name_or_code: str, settings: Settings | None = None) -> Actor:
    """A country or organisation by code or name: "PAK", "pak", "Pakistan"."""
    with Client(settings) as client:
        return client.resolve_actor(name_or_code)


def actor_mentions(text: str, settings: Settings | None = None) -> list[Mention]:
    """Resolved actor mentions in ``text``, offsets into it."""
    with Client(settings) as client:
        return client.actor_mentions(text)


def events(flt: EventFilter | None = None, settings: Settings | None = None) -> list[Event]:
    """Stored events matching ``flt``, in date order."""
    with Client(settings) as client:
        return client.events(flt)


def undated_left_out(flt: EventFilter, settings: Settings | None = None) -> int:
    """How many undated events match ``flt`` but for its date bounds."""
    with Client(settings) as client:
        return client.undated_left_out(flt)


def event_page(
    flt: EventFilter | None = None, offset: int = 0, settings: Settings | None = None
) -> tuple[list[Event], int]:
    """Events ``flt`` matches, ``flt.limit`` of them from ``offset``, and how many match."""
    with Client(settings) as client:
        return client.event_page(flt, offset)


def actors(settings: Settings | None = None) -> list[tuple[str, str, int]]:
    """(code, name, events) for every actor in the store, most active first."""
    with Client(settings) as client:
        return client.actors()


def dyads(settings: Settings | None = None) -> list[tuple[str, str, int]]:
    """(a, b, events) for every pair of actors, most covered first."""
    with Client(settings) as client:
        return client.dyads()


def top_dyad(settings: Settings | None = None) -> tuple[str, str]:
    """The most-covered pair of actors in the store."""
    with Client(settings) as client:
        return client.top_dyad()


def article(article_id: str, settings: Settings | None = None) -> Article:
    """One stored article by its id (the full 64 hex digits)."""
    with Client(settings) as client:
        return client.article(article_id)


def articles(
    limit: int = 50, offset: int = 0, settings: Settings | None = None
) -> tuple[list[Article], int]:
    """A page of stored articles in the order they were stored, and how many there are."""
    with Client(settings) as client:
        return client.articles(limit, offset)


def articles_by_id(ids: Iterable[str], settings: Settings | None = None) -> dict[str, Article]:
    """The stored articles among ``ids``, by id, read over one connection."""
    with Client(settings) as client:
        return client.articles_by_id(ids)


def article_events(article_id: str, settings: Settings | None = None) -> list[Event]:
    """The stored events whose evidence is in one article."""
    with Client(settings) as client:
        return client.article_events(article_id)


def monthly_series(settings: Settings | None = None) -> list[SeriesPoint]:
    """Occurred events per month and quad across the whole store: the home page's chart."""
    with Client(settings) as client:
        return client.monthly_series()


def search(
    q: str, limit: int = 50, settings: Settings | None = None, offset: int = 0
) -> SearchResult:
    """Full-text search over articles and event sentences (see ``Client.search``)."""
    with Client(settings) as client:
        return client.search(q, limit, offset)


def dyad_overview(
    a: str, b: str, freq: Freq = "month", settings: Settings | None = None
) -> DyadOverview:
    """Timeline, series and sectors of the pair a–b, from the pair's events alone."""
    with Client(settings) as client:
        return client.dyad_overview(a, b, freq)


# -- fused views and files ------------------------------------------------------------


def timeline(a: str, b: str, settings: Settings | None = None) -> list[TimelineItem]:
    """The fused events of the pair a–b in date order."""
    with Client(settings) as client:
        return client.timeline(a, b)


def dyad_brief(a: str, b: str, settings: Settings | None = None) -> Brief:
    """The brief on a–b as a record (what ``brief`` renders), drivers included."""
    with Client(settings) as client:
        return client.dyad_brief(a, b)


def dyad_report(
    a: str, b: str, settings: Settings | None = None, baseline: Baseline | None = None
) -> DyadReport:
    """The dyad page's material: overview, brief and cited articles from one read of the
    pair and one fusion; ``baseline`` (``drivers_baseline``) spares the store-wide tally."""
    with Client(settings) as client:
        return client.dyad_report(a, b, baseline)


def drivers_baseline(settings: Settings | None = None) -> Baseline:
    """The store's tallies a brief's drivers are measured against."""
    with Client(settings) as client:
        return client.drivers_baseline()


def brief(
    a: str,
    b: str,
    fmt: Literal["md", "html"] = "md",
    settings: Settings | None = None,
) -> str:
    """A cited brief on the relationship a–b, as Markdown or self-contained HTML."""
    with Client(settings) as client:
        return client.brief(a, b, fmt)


def brief_pdf(a: str, b: str, output: Path, settings: Settings | None = None) -> None:
    """Print the HTML brief on a–b to ``output`` as PDF with headless Chromium."""
    with Client(settings) as client:
        client.brief_pdf(a, b, output)


def network(
    since: date | None = None, until: date | None = None, settings: Settings | None = None
) -> Network:
    """The signed alignment network of all actors over [since, until], one vote per fused event."""
    with Client(settings) as client:
        return client.network(since, until)


def export(
    fmt: ExportFormat, flt: EventFilter | None = None, settings: Settings | None = None
) -> bytes:
    """The events matching ``flt`` as a file's bytes (graphml: their network)."""
    with Client(settings) as client:
        return client.export(fmt, flt)


def compare(
    left: str | None,
    right: str,
    flt: EventFilter | None = None,
    settings: Settings | None = None,
) -> Comparison:
    """Events per dyad and month in two sets: each a store or an event file (``left=None``
    is the settings' store); ``flt``'s dyad, actor and dates apply."""
    with Client(settings) as client:
        return client.compare(left, right, flt)


def bench(
    docs: int = 200,
    corpus: Path | None = None,
    rounds: int = 2,
    memory_docs: int = 0,
    settings: Settings | None = None,
) -> BenchResult:
    """Words per second of the full pipeline against bare spaCy on the same texts, and
    (with ``memory_docs``) the peak memory of ingesting that many articles."""
    with Client(settings) as client:
        return client.bench(docs, corpus, rounds, memory_docs)
