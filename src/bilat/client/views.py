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
from bilat.records import Event, EventCluster

if TYPE_CHECKING:
    from bilat.analysis.dyads import TimelineItem
    from bilat.analysis.network import Network
    from bilat.article_info import ArticleInfo
    from bilat.report.exports import ExportFormat
    from bilat.report.model import Brief


@dataclass(frozen=True, slots=True)
class _DyadMaterial:
    clusters: list[EventCluster]
    articles: dict[str, ArticleInfo]
    all_events: list[Event]


def _network_of(material: _DyadMaterial) -> Network:
    """The network of every fused event, the dyad's as the brief fused them (with articles)."""
    from bilat.analysis.network import build_network
    from bilat.fuse import fuse

    own = {e.id for c in material.clusters for e in c.events}
    others = [e for e in material.all_events if e.id not in own]
    leads = [c.lead for c in material.clusters] + [c.lead for c in fuse(others)]
    return build_network(leads)


def _dyad_material(session: Session, a: str, b: str) -> _DyadMaterial:
    from bilat.article_info import ArticleInfo
    from bilat.fuse import fuse

    store = session.reader()
    everything = events(session)
    found = [e for e in everything if e.dyad == tuple(sorted((a, b)))]
    stored = store.articles_in(e.evidence.article_id for e in found)
    articles = {aid: ArticleInfo.from_article(stored[aid]) for aid in sorted(stored)}
    return _DyadMaterial(fuse(found, articles), articles, everything)


def timeline(session: Session, a: str, b: str) -> list[TimelineItem]:
    """The fused events of the pair a–b in date order."""
    from bilat.analysis.dyads import timeline as build_timeline

    first, second = session.lookup_actor(a), session.lookup_actor(b)
    material = _dyad_material(session, first.code, second.code)
    return build_timeline(material.clusters, first.code, second.code)


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
    """The brief on a–b as a record (what ``brief`` renders), drivers included."""
    from bilat.report.brief import build_brief

    resolver = session.resolver
    first, second = session.lookup_actor(a), session.lookup_actor(b)
    material = _dyad_material(session, first.code, second.code)
    # Third parties named in each evidence sentence: the candidates for drivers.
    mentions: dict[str, tuple[str, ...]] = {}
    names: dict[str, str] = {}
    by_sentence: dict[str, tuple[str, ...]] = {}  # a sentence often carries several events
    for event in material.all_events:
        sentence = event.evidence.sentence
        if sentence not in by_sentence:
            found = resolver.find_mentions(sentence, when=None)
            by_sentence[sentence] = tuple(sorted({m.actor.code for m in found if m.actor}))
            names.update({m.actor.code: m.actor.name for m in found if m.actor})
        mentions[event.id] = by_sentence[sentence]
    return build_brief(
        first,
        second,
        material.clusters,
        material.articles,
        mentions=mentions,
        all_events=material.all_events,
        names=names,
        network=_network_of(material),
    )


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
