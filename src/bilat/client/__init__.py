"""``bilat.Client``: one session for a chain of calls, as an ``httpx.Client`` is for requests.

It loads the settings once and shares one store and one actor resolver between its calls,
opening each when first needed and closing what it opened on ``close()`` or at the end of a
``with`` block::

    with bilat.Client(db="bilat.duckdb") as client:
        pair = client.top_dyad()
        print(client.brief(*pair))

The functions of ``bilat.api`` each make a Client for one call; the CLI makes one per
command, the web app one per request. A Client is used from one thread at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from bilat.analysis.dyads import DyadOverview
from bilat.client import reads, views, writes
from bilat.client.reads import SearchResult
from bilat.client.session import EventFilter, Session
from bilat.client.views import DyadReport
from bilat.client.writes import NewArticle
from bilat.config import Settings
from bilat.errors import BilatError
from bilat.records import Actor, Article, Event, Mention, RunSummary

if TYPE_CHECKING:
    from bilat.analysis.compare import Comparison
    from bilat.analysis.dyads import Baseline, Freq, SeriesPoint, TimelineItem
    from bilat.analysis.network import Network
    from bilat.bench import BenchResult
    from bilat.interop import EventFileFormat
    from bilat.interop.verbs import Imported
    from bilat.pipeline import Progress
    from bilat.report.exports import ExportFormat
    from bilat.report.model import Brief
    from bilat.store.kept import KeptReads
    from bilat.watch import WatchRound, WatchSummary


class Client(Session):
    """Settings, store and actor resolver for a chain of calls; one method per verb.

    ``settings`` default to ``Settings.load(config)`` (bilat.toml and BILAT_* variables);
    ``db`` names another store (a DuckDB file or a ``postgresql://`` URL); ``reads`` (a
    server's ``bilat.store.kept.KeptReads`` on that file) lends the client its reads.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        db: str | None = None,
        config: Path | None = None,
        reads: KeptReads | None = None,
    ) -> None:
        if settings is not None and config is not None:
            raise BilatError("give a Client settings or a settings file, not both")
        chosen = settings if settings is not None else Settings.load(config)
        super().__init__(chosen if db is None else replace(chosen, db=db), reads)

    # -- writes --------------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str],
        progress: Progress | None = None,
        stop: Callable[[], bool] | None = None,
    ) -> RunSummary:
        """Read, extract and store articles from files, folders, JSONL, URLs or ``-``
        (stdin); ``progress`` hears of each batch; the run ends after the batch for which
        ``stop`` says yes."""
        return writes.ingest(self, paths, progress, stop)

    def ingest_new(self, items: Iterable[NewArticle]) -> RunSummary:
        """Ingest articles given as values; a bare URL is fetched."""
        return writes.ingest_new(self, items)

    def watch(
        self,
        feed: str,
        rounds: int | None = None,
        interval: float | None = None,
        on_round: Callable[[WatchRound], None] | None = None,
    ) -> WatchSummary:
        """Poll an RSS/Atom feed and ingest its new entries each round."""
        return writes.watch(self, feed, rounds, interval, on_round)

    def import_events(self, path: str, fmt: EventFileFormat = "auto") -> Imported:
        """Store the articles and events of an event file (``-``: stdin), its format told by
        its first line unless ``fmt`` names it."""
        from bilat.interop.verbs import import_file

        return import_file(self, path, fmt)

    # -- reads ---------------------------------------------------------------------

    def resolve_actor(self, name_or_code: str) -> Actor:
        """A country or organisation by code or name: "PAK", "pak", "Pakistan"."""
        return self.lookup_actor(name_or_code)

    def actor_mentions(self, text: str) -> list[Mention]:
        """Resolved actor mentions in ``text``, offsets into it."""
        return reads.actor_mentions(self, text)

    def events(self, flt: EventFilter | None = None) -> list[Event]:
        """Stored events matching ``flt``, in date order."""
        return reads.events(self, flt)

    def undated_left_out(self, flt: EventFilter) -> int:
        """How many undated events match ``flt`` but for its date bounds."""
        return reads.undated_left_out(self, flt)

    def event_page(
        self, flt: EventFilter | None = None, offset: int = 0
    ) -> tuple[list[Event], int]:
        """Events ``flt`` matches, ``flt.limit`` of them from ``offset``, and how many match."""
        return reads.event_page(self, flt, offset)

    def actors(self) -> list[tuple[str, str, int]]:
        """(code, name, events) for every actor in the store, most active first."""
        return reads.actors(self)

    def dyads(self) -> list[tuple[str, str, int]]:
        """(a, b, events) for every pair of actors, most covered first."""
        return reads.dyads(self)

    def top_dyad(self) -> tuple[str, str]:
        """The most-covered pair of actors in the store."""
        return reads.top_dyad(self)

    def article(self, article_id: str) -> Article:
        """One stored article by its id."""
        return reads.article(self, article_id)

    def articles(self, limit: int = 50, offset: int = 0) -> tuple[list[Article], int]:
        """A page of stored articles in the order they were stored, and how many there are."""
        return reads.articles(self, limit, offset)

    def articles_by_id(self, ids: Iterable[str]) -> dict[str, Article]:
        """The stored articles among ``ids``, by id."""
        return reads.articles_by_id(self, ids)

    def article_events(self, article_id: str) -> list[Event]:
        """The stored events whose evidence is in one article."""
        return reads.article_events(self, article_id)

    def monthly_series(self) -> list[SeriesPoint]:
        """Occurred events per month and quad across the whole store."""
        return reads.monthly_series(self)

    def search(self, q: str, limit: int = 50, offset: int = 0) -> SearchResult:
        """Articles and event sentences holding every word of ``q``, best first."""
        return reads.search(self, q, limit, offset)

    def dyad_overview(self, a: str, b: str, freq: Freq = "month") -> DyadOverview:
        """Timeline, series and sectors of the pair a–b, from the pair's events alone."""
        return reads.dyad_overview(self, a, b, freq)

    # -- fused views and files -----------------------------------------------------

    def timeline(self, a: str, b: str) -> list[TimelineItem]:
        """The fused events of the pair a–b in date order."""
        return views.timeline(self, a, b)

    def dyad_brief(self, a: str, b: str) -> Brief:
        """The brief on a–b as a record, drivers included."""
        return views.dyad_brief(self, a, b)

    def dyad_report(self, a: str, b: str, baseline: Baseline | None = None) -> DyadReport:
        """The dyad page's material from one read of the pair and one fusion."""
        return views.dyad_report(self, a, b, baseline)

    def drivers_baseline(self) -> Baseline:
        """The store's tallies a brief's drivers are measured against."""
        return views.drivers_baseline(self)

    def brief(self, a: str, b: str, fmt: Literal["md", "html"] = "md") -> str:
        """A cited brief on the relationship a–b, as Markdown or self-contained HTML."""
        return views.brief(self, a, b, fmt)

    def brief_pdf(self, a: str, b: str, output: Path) -> None:
        """The HTML brief on a–b printed to ``output`` as PDF (needs Chromium)."""
        views.brief_pdf(self, a, b, output)

    def network(self, since: date | None = None, until: date | None = None) -> Network:
        """The signed alignment network of all actors over [since, until]."""
        return views.network(self, since, until)

    def export(self, fmt: ExportFormat, flt: EventFilter | None = None) -> bytes:
        """The events matching ``flt`` as a file's bytes (graphml: their network)."""
        return views.export(self, fmt, flt)

    def compare(self, left: str | None, right: str, flt: EventFilter | None = None) -> Comparison:
        """Events per dyad and month in two sets, each a store or an event file
        (``left=None``: this Client's store)."""
        from bilat.interop.verbs import compare_sets

        return compare_sets(self, left, right, flt or EventFilter())

    def bench(
        self, docs: int = 200, corpus: Path | None = None, rounds: int = 2, memory_docs: int = 0
    ) -> BenchResult:
        """Words per second of the pipeline against bare spaCy (in stores of its own)."""
        from bilat.bench import bench

        return bench(
            self.settings, docs=docs, corpus=corpus, rounds=rounds, memory_docs=memory_docs
        )
