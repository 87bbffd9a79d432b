"""The Python API's fused views and files: a pair's timeline and brief, the alignment
network and event exports, each in a Session (``bilat.Client`` calls them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from bilat.client.reads import events
from bilat.client.session import EventFilter, Session
from bilat.errors import BilatError

if TYPE_CHECKING:
    from bilat._dyad import PairRead
    from bilat.analysis.dyads import Baseline, DyadOverview, Freq, TimelineItem
    from bilat.analysis.network import Network
    from bilat.report.exports import ExportFormat
    from bilat.report.model import Brief
    from bilat.store.base import CitedArticle


def _read_pair(session: Session, a: str, b: str) -> PairRead:
    """The pair's events and the articles they cite, a query each, fused once."""
    from bilat._dyad import read_pair

    first, second = session.lookup_actor(a), session.lookup_actor(b)
    floor = session.settings.min_confidence
    return read_pair(session.reader(), session.resolver, first, second, floor)


def timeline(session: Session, a: str, b: str) -> list[TimelineItem]:
    """The fused events of the pair a–b in date order."""
    from bilat.analysis.dyads import timeline as build_timeline

    read = _read_pair(session, a, b)
    return build_timeline(read.clusters, read.a.code, read.b.code)


def brief(session: Session, a: str, b: str, fmt: Literal["md", "html"] = "md") -> str:
    """A cited brief on the relationship a–b, as Markdown or self-contained HTML."""
    from bilat.report.brief import render_html, render_markdown

    report = dyad_brief(session, a, b)
    return render_html(report) if fmt == "html" else render_markdown(report)


def brief_pdf(session: Session, a: str, b: str, output: Path) -> None:
    """Print the HTML brief on a–b to ``output`` as PDF with headless Chromium.

    Raises ``PdfEngineMissing`` when Chromium is not installed.
    """
    from bilat.report.pdf import html_to_pdf

    html_to_pdf(brief(session, a, b, "html"), output)


def dyad_brief(session: Session, a: str, b: str) -> Brief:
    """The brief on a–b as a record (what ``brief`` renders), drivers and network included:
    one read of the pair, one fusion, and the store's tallies for the rest."""
    from bilat._dyad import neighbourhood, pair_brief, store_baseline

    read = _read_pair(session, a, b)
    floor = session.settings.min_confidence
    store = session.reader()
    return pair_brief(read, store_baseline(store, floor), neighbourhood(store, read, floor))


@dataclass(frozen=True, slots=True)
class DyadReport:
    """What the dyad page shows, from one read and one fusion: the overview (at the brief's
    period length), the brief without its network picture, and the cited articles."""

    overview: DyadOverview
    brief: Brief
    cited: dict[str, CitedArticle]


def dyad_report(session: Session, a: str, b: str, baseline: Baseline | None = None) -> DyadReport:
    """The dyad page's material; ``baseline`` (``drivers_baseline``, which a server keeps
    while the store is unchanged) spares the store-wide tally."""
    from bilat._dyad import overview, pair_brief, store_baseline

    read = _read_pair(session, a, b)
    base = baseline or store_baseline(session.reader(), session.settings.min_confidence)
    report = pair_brief(read, base)
    freq: Freq = "year" if report.series_freq == "year" else "month"
    return DyadReport(overview(read, freq), report, read.cited)


def drivers_baseline(session: Session) -> Baseline:
    """What a brief's drivers are measured against: the store's events and, per actor, how
    many of them involve it or name it."""
    from bilat._dyad import store_baseline

    return store_baseline(session.reader(), session.settings.min_confidence)


def network(session: Session, since: date | None = None, until: date | None = None) -> Network:
    """The signed alignment network of all actors over [since, until], one vote per fused event."""
    from bilat.analysis.network import build_network
    from bilat.fuse import fuse

    found = events(session, EventFilter(since=since, until=until))
    leads = [cluster.lead for cluster in fuse(found)]
    return build_network(leads, since=since, until=until)


def export(session: Session, fmt: ExportFormat, flt: EventFilter | None = None) -> bytes:
    """The events matching ``flt`` as a file's bytes (graphml: their network)."""
    from bilat.analysis.network import build_network
    from bilat.report import exports
    from bilat.report.graphml import network_graphml

    found = events(session, flt)
    if fmt == "graphml":
        net = build_network(
            found, since=flt.since if flt else None, until=flt.until if flt else None
        )
        return network_graphml(net).encode("utf-8")
    store = session.reader()
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
        from bilat.codec.jsonl import events_jsonl

        return events_jsonl(found, cited).encode("utf-8")
    if fmt == "plover-json":
        return exports.events_plover(found, cited).encode("utf-8")
    raise BilatError(
        f"unknown export format {fmt!r}: use one of {', '.join(exports.EXPORT_FORMATS)}"
    )
