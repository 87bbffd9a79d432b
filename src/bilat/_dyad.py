"""A pair's page and brief from one read: the pair's events (found by index) with the
actors their sentences name, the articles they cite (one query each), fused once.

Store-wide figures come from tallies the store makes, never from reading every event: the
drivers' baseline (``store_baseline``) and the third parties' edges of the brief's network
picture (``neighbourhood``: stored events, unfused; the pair's own edge is its fused one).
"""

from __future__ import annotations

from dataclasses import dataclass

from bilat.analysis.dyads import Baseline, DyadOverview, Freq, sectors, series
from bilat.analysis.dyads import timeline as build_timeline
from bilat.analysis.network import Edge, Network, Node, build_network
from bilat.article_info import ArticleInfo
from bilat.dedup import signature
from bilat.evidence_actors import EvidenceActors, MentionFinder
from bilat.fuse import fuse
from bilat.records import Actor, Event, EventCluster
from bilat.report.brief import build_brief
from bilat.report.model import Brief
from bilat.store.base import CitedArticle, EventQuery, Store


@dataclass(frozen=True, slots=True)
class PairRead:
    """What one read of a pair gives: its events, fused, and what they cite and name."""

    a: Actor
    b: Actor
    events: list[Event]
    clusters: list[EventCluster]
    articles: dict[str, ArticleInfo]
    cited: dict[str, CitedArticle]
    named: dict[str, tuple[Actor, ...]]  # by event id: the actors its sentence names


def read_pair(
    store: Store, finder: MentionFinder, a: Actor, b: Actor, min_confidence: float
) -> PairRead:
    """The pair's events and the articles they cite, a query each, fused once. What the
    store lacks because an older bilat (or an import) wrote it is made here: the actors
    an event's sentence names, an article's fingerprint (from its body)."""
    query = EventQuery(dyad=(a.code, b.code), min_confidence=min_confidence)
    events = store.events(query)
    named = store.evidence_actors(e.id for e in events)
    missing = [e for e in events if e.id not in named]
    if missing:
        named.update(EvidenceActors(finder)(missing))
    cited = store.cited_articles(e.evidence.article_id for e in events)
    articles = _article_infos(store, cited)
    return PairRead(a, b, events, fuse(events, articles), articles, cited, named)


def _article_infos(store: Store, cited: dict[str, CitedArticle]) -> dict[str, ArticleInfo]:
    unprinted = [aid for aid, c in cited.items() if c.fingerprint is None]
    bodies = store.articles_in(unprinted) if unprinted else {}
    out = {}
    for aid in sorted(cited):
        c = cited[aid]
        fingerprint = c.fingerprint
        if fingerprint is None:
            fingerprint = signature(bodies[aid].body) if aid in bodies else ()
        out[aid] = ArticleInfo(
            id=c.id,
            source=c.source,
            title=c.title,
            publisher=c.publisher,
            url=c.url,
            published=c.published.iso() if c.published else None,
            fingerprint=fingerprint,
        )
    return out


def overview(read: PairRead, freq: Freq = "month") -> DyadOverview:
    """Timeline, series and sectors of the pair, from its fused events."""
    items = build_timeline(read.clusters, read.a.code, read.b.code)
    leads = [i.lead for i in items]
    return DyadOverview(
        a=read.a,
        b=read.b,
        events=len(read.events),
        timeline=items,
        series=series(leads, freq),
        sectors=sectors(leads),
    )


def pair_brief(read: PairRead, base: Baseline, network: Network | None = None) -> Brief:
    """The brief on the pair, its drivers measured against ``base``; without ``network``
    its network picture shows the pair's own edge only."""
    mentions = {event_id: tuple(a.code for a in found) for event_id, found in read.named.items()}
    names = {a.code: a.name for found in read.named.values() for a in found}
    return build_brief(
        read.a,
        read.b,
        read.clusters,
        read.articles,
        mentions=mentions,
        all_events=base,
        names=names,
        network=network,
    )


def store_baseline(store: Store, min_confidence: float) -> Baseline:
    """The drivers' baseline: every event of the store with at least ``min_confidence``."""
    total, counts = store.involvement(min_confidence)
    return Baseline(total, counts)


def neighbourhood(store: Store, read: PairRead, min_confidence: float) -> Network:
    """The pair's own edge (its fused events) and the edges of stored events between the
    pair's sides and third parties, and among those third parties."""
    own = (read.a.code, read.b.code)
    around = store.pair_weights(own, min_confidence)
    others = sorted(({w.a.code for w in around} | {w.b.code for w in around}) - set(own))
    among = store.pair_weights(others, min_confidence, among=True)
    names = {x.code: x.name for w in (*around, *among) for x in (w.a, w.b)}
    pair = tuple(sorted(own))
    edges = [
        Edge(w.a.code, w.b.code, w.events, w.cooperation, w.conflict)
        for w in (*around, *among)
        if (w.a.code, w.b.code) != pair
    ]
    fused = build_network([c.lead for c in read.clusters]).edge(*own)
    if fused is not None:
        edges.append(fused)
    names.update({read.a.code: read.a.name, read.b.code: read.b.name})
    events: dict[str, int] = {}
    for e in edges:
        events[e.a] = events.get(e.a, 0) + e.events
        events[e.b] = events.get(e.b, 0) + e.events
    nodes = tuple(Node(code, names.get(code, code), n) for code, n in sorted(events.items()))
    return Network(nodes, tuple(sorted(edges, key=lambda e: (e.a, e.b))), (), ())
