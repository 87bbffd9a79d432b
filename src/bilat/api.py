"""The Python API. Every CLI command is a thin wrapper over the function of the same verb."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from bilat._reading import (
    ArticleHit,
    SearchResult,
    article,
    article_events,
    articles,
    articles_by_id,
    dyad_overview,
    event_page,
    monthly_series,
    search,
    search_terms,
)
from bilat._session import EventFilter, event_query, lookup_actor, opened_store, resolver_for
from bilat.analysis.dyads import DyadOverview
from bilat.config import Settings
from bilat.errors import BilatError
from bilat.records import Actor, Event, RunSummary

if TYPE_CHECKING:
    from bilat.analysis.compare import Comparison
    from bilat.analysis.dyads import TimelineItem
    from bilat.analysis.network import Network
    from bilat.bench import BenchResult
    from bilat.pipeline import Progress
    from bilat.report.exports import ExportFormat
    from bilat.watch import WatchRound, WatchSummary

__all__ = [
    "ArticleHit",
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


def resolve_actor(name_or_code: str, settings: Settings | None = None) -> Actor:
    """A country or organisation by code or name: "PAK", "pak", "Pakistan"."""
    return lookup_actor(resolver_for(settings or Settings.load()), name_or_code)


def ingest(
    paths: Iterable[str],
    settings: Settings | None = None,
    progress: Progress | None = None,
    stop: Callable[[], bool] | None = None,
) -> RunSummary:
    """Read, extract and store articles from files, folders, JSONL or ``-`` (stdin).
    ``progress`` hears of each batch; when ``stop`` says yes the run ends after the batch
    (see ``pipeline.run_items``)."""
    from bilat.pipeline import run

    settings = settings or Settings.load()
    # The file is held per batch only, so `bilat serve` and other readers get turns.
    with opened_store(settings, read_only=False, hold=False) as store:
        return run(paths, settings, store, progress=progress, stop=stop)


def planned_inputs(paths: Iterable[str]) -> int | None:
    """How many inputs ``ingest`` of ``paths`` will read, when that can be told without
    reading them (see ``bilat.ingest.plan``), else None."""
    from bilat.ingest.plan import planned_inputs as count

    return count(paths)


def watch(
    feed: str,
    settings: Settings | None = None,
    rounds: int | None = None,
    interval: float | None = None,
    on_round: Callable[[WatchRound], None] | None = None,
) -> WatchSummary:
    """Poll the RSS/Atom ``feed`` (a URL or a file) and ingest its new entries each round,
    for ``rounds`` rounds or, without, until Ctrl-C; ``on_round`` hears of every round."""
    from bilat.pipeline import engine_for
    from bilat.watch import Watcher

    settings = settings or Settings.load()
    with opened_store(settings, read_only=False) as store:
        watcher = Watcher(feed, settings, store, engine_for(settings))
        every = settings.watch_interval if interval is None else interval
        return watcher.run(rounds, every, on_round or _ignore_round)


def _ignore_round(_: WatchRound) -> None:
    return None


def events(flt: EventFilter | None = None, settings: Settings | None = None) -> list[Event]:
    """Stored events matching ``flt``, in date order."""

    settings = settings or Settings.load()
    with opened_store(settings, read_only=True) as store:
        return store.events(event_query(flt or EventFilter(), settings))


def undated_left_out(flt: EventFilter, settings: Settings | None = None) -> int:
    """How many undated events match ``flt`` but for its date bounds: what ``events``
    leaves out when ``since`` or ``until`` is given (0 when neither is)."""
    if flt.since is None and flt.until is None:
        return 0
    settings = settings or Settings.load()
    query = replace(event_query(flt, settings), limit=None, undated=True)
    with opened_store(settings, read_only=True) as store:
        return store.count_events(query)


def actors(settings: Settings | None = None) -> list[tuple[str, str, int]]:
    """(code, name, events) for every actor in the store, most active first."""
    settings = settings or Settings.load()
    with opened_store(settings, read_only=True) as store:
        return store.actor_counts()


def dyads(settings: Settings | None = None) -> list[tuple[str, str, int]]:
    """(a, b, events) for every pair of actors, most covered first."""
    settings = settings or Settings.load()
    with opened_store(settings, read_only=True) as store:
        return store.dyad_counts()


def top_dyad(settings: Settings | None = None) -> tuple[str, str]:
    """The most-covered pair of actors in the store."""
    pairs = dyads(settings)
    if not pairs:
        raise BilatError("the store holds no events between two actors yet: run `bilat ingest`")
    a, b, _ = pairs[0]
    return a, b


def timeline(a: str, b: str, settings: Settings | None = None) -> list[TimelineItem]:
    """The fused events of the pair a–b in date order."""
    from bilat.analysis.dyads import timeline as build_timeline

    settings = settings or Settings.load()
    read = _read_pair(a, b, settings)
    return build_timeline(read.clusters, read.a.code, read.b.code)


def _read_pair(a: str, b: str, settings: Settings) -> PairRead:
    from bilat._dyad import read_pair

    resolver = resolver_for(settings)
    first, second = lookup_actor(resolver, a), lookup_actor(resolver, b)
    with opened_store(settings, read_only=True) as store:
        return read_pair(store, resolver, first, second, settings.min_confidence)


def brief(
    a: str,
    b: str,
    fmt: Literal["md", "html"] = "md",
    settings: Settings | None = None,
) -> str:
    """A cited brief on the relationship a–b, as Markdown or self-contained HTML."""
    from bilat.report.brief import render_html, render_markdown

    report = dyad_brief(a, b, settings)
    return render_html(report) if fmt == "html" else render_markdown(report)


def brief_pdf(a: str, b: str, output: Path, settings: Settings | None = None) -> None:
    """Print the HTML brief on a–b to ``output`` as PDF with headless Chromium.

    Raises ``PdfEngineMissing`` when Chromium is not installed.
    """
    from bilat.report.pdf import html_to_pdf

    html_to_pdf(brief(a, b, "html", settings), output)


def network(
    since: date | None = None, until: date | None = None, settings: Settings | None = None
) -> Network:
    """The signed alignment network of all actors over [since, until], one vote per fused event."""
    from bilat.analysis.network import build_network
    from bilat.fuse import fuse
    from bilat.store.base import EventQuery

    settings = settings or Settings.load()
    query = EventQuery(since=since, until=until, min_confidence=settings.min_confidence)
    with opened_store(settings, read_only=True) as store:
        found = store.events(query)
    leads = [cluster.lead for cluster in fuse(found)]
    return build_network(leads, since=since, until=until)


def export(
    fmt: ExportFormat, flt: EventFilter | None = None, settings: Settings | None = None
) -> bytes:
    """The events matching ``flt`` as a file's bytes (graphml: their network)."""
    from bilat.analysis.network import build_network
    from bilat.report import exports
    from bilat.report.graphml import network_graphml

    settings = settings or Settings.load()
    found = events(flt, settings)
    if fmt == "graphml":
        net = build_network(
            found, since=flt.since if flt else None, until=flt.until if flt else None
        )
        return network_graphml(net).encode("utf-8")
    with opened_store(settings, read_only=True) as store:
        cited = {
            aid: art
            for aid in sorted({e.evidence.article_id for e in found})
            if (art := store.article(aid)) is not None
        }
    if fmt == "csv":
        return exports.events_csv(found, cited).encode("utf-8")
    if fmt == "parquet":
        return exports.events_parquet(found, cited)
    if fmt == "jsonl":
        return exports.events_jsonl(found, cited).encode("utf-8")
    if fmt == "plover-json":
        return exports.events_plover(found, cited).encode("utf-8")
    raise BilatError(
        f"unknown export format {fmt!r}: use one of {', '.join(exports.EXPORT_FORMATS)}"
    )


def import_events(path: str, settings: Settings | None = None) -> RunSummary:
    """Store the articles and events of an event file (``-`` for stdin), its format told
    by its first line; see ``bilat.interop.verbs.import_file``."""
    from bilat.interop.verbs import import_file

    return import_file(path, settings or Settings.load()).summary


def compare(
    left: str | None,
    right: str,
    flt: EventFilter | None = None,
    settings: Settings | None = None,
) -> Comparison:
    """Events per dyad and month in two sets: each a store (a ``.duckdb`` file or a
    ``postgresql://`` URL; ``left=None`` is the settings' store) or an event file that
    ``import_events`` reads (read, not stored); ``flt``'s dyad, actor and dates apply."""
    from bilat.interop.verbs import compare_sets

    return compare_sets(left, right, flt or EventFilter(), settings or Settings.load())


def bench(
    docs: int = 200,
    corpus: Path | None = None,
    rounds: int = 2,
    memory_docs: int = 0,
    settings: Settings | None = None,
) -> BenchResult:
    """Words per second of the full pipeline against bare spaCy on the same texts, and
    (with ``memory_docs``) the peak memory of ingesting that many articles."""
    from bilat.bench import bench as run_bench

    return run_bench(
        settings or Settings.load(),
        docs=docs,
        corpus=corpus,
        rounds=rounds,
        memory_docs=memory_docs,
    )


# -- reads and writes for the web interface ---------------------------------------

if TYPE_CHECKING:
    from bilat._dyad import PairRead
    from bilat.analysis.dyads import Baseline, Freq
    from bilat.records import Mention
    from bilat.report.model import Brief
    from bilat.store.base import CitedArticle


def actor_mentions(text: str, settings: Settings | None = None) -> list[Mention]:
    """Resolved actor mentions in ``text``, offsets into it."""
    return resolver_for(settings or Settings.load()).find_mentions(text, when=None)


def dyad_brief(a: str, b: str, settings: Settings | None = None) -> Brief:
    """The brief on a–b as a record (what ``brief`` renders), drivers and network included:
    one read of the pair, one fusion, and the store's tallies for the rest."""
    from bilat._dyad import neighbourhood, pair_brief, read_pair, store_baseline

    settings = settings or Settings.load()
    resolver = resolver_for(settings)
    first, second = lookup_actor(resolver, a), lookup_actor(resolver, b)
    with opened_store(settings, read_only=True) as store:
        read = read_pair(store, resolver, first, second, settings.min_confidence)
        base = store_baseline(store, settings.min_confidence)
        network = neighbourhood(store, read, settings.min_confidence)
    return pair_brief(read, base, network)


@dataclass(frozen=True, slots=True)
class DyadReport:
    """What the dyad page shows, from one read and one fusion: the overview (at the brief's
    period length), the brief without its network picture, and the cited articles."""

    overview: DyadOverview
    brief: Brief
    cited: dict[str, CitedArticle]


def dyad_report(
    a: str, b: str, settings: Settings | None = None, baseline: Baseline | None = None
) -> DyadReport:
    """The dyad page's material; ``baseline`` (``drivers_baseline``, which a server keeps
    while the store is unchanged) spares the store-wide tally."""
    from bilat._dyad import overview, pair_brief, read_pair, store_baseline

    settings = settings or Settings.load()
    resolver = resolver_for(settings)
    first, second = lookup_actor(resolver, a), lookup_actor(resolver, b)
    with opened_store(settings, read_only=True) as store:
        read = read_pair(store, resolver, first, second, settings.min_confidence)
        base = baseline or store_baseline(store, settings.min_confidence)
    report = pair_brief(read, base)
    freq: Freq = "year" if report.series_freq == "year" else "month"
    return DyadReport(overview(read, freq), report, read.cited)


def drivers_baseline(settings: Settings | None = None) -> Baseline:
    """What a brief's drivers are measured against: the store's events and, per actor, how
    many of them involve it or name it."""
    from bilat._dyad import store_baseline

    settings = settings or Settings.load()
    with opened_store(settings, read_only=True) as store:
        return store_baseline(store, settings.min_confidence)


@dataclass(frozen=True, slots=True)
class NewArticle:
    """An article sent to bilat: ``text`` or ``html`` (or, to fetch, only ``url``)."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    publisher: str | None = None


def ingest_new(items: Iterable[NewArticle], settings: Settings | None = None) -> RunSummary:
    """Ingest articles given as values, as ``ingest`` reads a JSONL file; a bare URL is fetched.

    Fetching needs the reader's URL support (and obeys ``allow_private_fetch``).
    """
    import json
    from itertools import chain

    from bilat.ingest.reader import read_records, read_sources
    from bilat.pipeline import engine_for, run_items

    settings = settings or Settings.load()
    given = list(items)
    urls = [i.url for i in given if i.url and not (i.text or i.html)]
    if urls and not fetching_available():
        raise BilatError("this bilat cannot fetch URLs: send the article's text or html")
    # Each posted article is a record "posted:N" (N counts from 1 in the order given).
    records = [
        (f"posted:{number}", json.dumps({k: v for k, v in _fields(item).items() if v}).encode())
        for number, item in enumerate(given, start=1)
        if item.text or item.html
    ]
    read = chain(read_records(records, settings), read_sources(urls, settings))
    with opened_store(settings, read_only=False, hold=False) as store:
        return run_items(read, settings, store, engine_for(settings))


def fetching_available() -> bool:
    """Whether ``ingest`` fetches http(s) URLs given in place of paths."""
    from bilat.ingest import sources

    return hasattr(sources.Kind, "URL")


def _fields(item: NewArticle) -> dict[str, str | None]:
    return {
        "text": item.text,
        "html": item.html,
        "url": item.url,
        "title": item.title,
        "published": item.published,
        "author": item.author,
        "publisher": item.publisher,
    }
