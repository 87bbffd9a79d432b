"""Cited briefs on one dyad: extractive, deterministic, every item tied to its sources.

An item is one fused act (``bilat.fuse``). Its text is assembled from its event record
(actors, type in plain words, mode, contexts, amounts); its citations quote every
sentence that tells it, under the number of the independent source that says so.
Nothing is paraphrased or invented.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from urllib.parse import quote, urlsplit

from bilat.analysis.dyads import (
    Baseline,
    Freq,
    TimelineItem,
    change_points,
    cooperation_index,
    drivers,
    sectors,
    series,
    timeline,
)
from bilat.analysis.network import Network, build_network
from bilat.article_info import ArticleInfo
from bilat.fuse import source_groups
from bilat.records import Actor, Event, EventCluster, EventType, Mention, Status
from bilat.report.model import (
    Brief,
    BriefItem,
    Citation,
    Driver,
    NetworkLink,
    Party,
    SourceEntry,
)
from bilat.report.render import render_html, render_markdown

__all__ = [
    "ArticleInfo",
    "Brief",
    "BriefItem",
    "Citation",
    "Driver",
    "NetworkLink",
    "Party",
    "PartyLike",
    "SourceEntry",
    "build_brief",
    "describe",
    "render_html",
    "render_markdown",
]

# Plain words for each PLOVER type, as a reader of a brief would say it.
TYPE_WORDS: dict[EventType, str] = {
    EventType.AGREE: "agreement",
    EventType.CONSULT: "consultation/meeting",
    EventType.SUPPORT: "expression of support",
    EventType.CONCEDE: "concession",
    EventType.COOPERATE: "material cooperation",
    EventType.AID: "aid",
    EventType.RETREAT: "retreat/de-escalation",
    EventType.REQUEST: "request/demand",
    EventType.ACCUSE: "accusation/criticism",
    EventType.REJECT: "rejection",
    EventType.THREATEN: "threat",
    EventType.PROTEST: "protest",
    EventType.SANCTION: "sanction",
    EventType.MOBILIZE: "mobilisation",
    EventType.COERCE: "coercion",
    EventType.ASSAULT: "assault/use of force",
}
# Below this many dated events a trend is noise.
MIN_TREND_EVENTS = 4
TREND_DELTA = 0.2
# Past five years of months a monthly chart is unreadable; switch to years.
MAX_MONTHS = 60
# Third parties in the brief's network picture: enough for context, few enough to read.
MAX_NEIGHBOURS = 5

PartyLike = Party | Actor | tuple[str, str]
_SECTIONS: tuple[tuple[str, frozenset[Status]], ...] = (
    ("developments", frozenset({Status.OCCURRED})),
    ("planned", frozenset({Status.PLANNED, Status.PROPOSED})),
    ("denied", frozenset({Status.DENIED})),
    ("hypothetical", frozenset({Status.HYPOTHETICAL})),
)


def build_brief(
    a: PartyLike,
    b: PartyLike,
    clusters: Iterable[EventCluster],
    articles: Mapping[str, ArticleInfo],
    *,
    mentions: Mapping[str, tuple[str, ...]] | None = None,
    all_events: Sequence[Event] | Baseline | None = None,
    names: Mapping[str, str] | None = None,
    network: Network | None = None,
) -> Brief:
    """Brief on the dyad {a, b} from fused ``clusters`` (other dyads' clusters are ignored).

    ``mentions`` (event id -> third-party codes in its evidence) and ``all_events`` (the
    baseline: events, or their tallies) enable the drivers section; ``names`` maps
    third-party codes to display names. ``network`` gives the network picture its third
    parties; without it the picture shows the dyad's own edge only.
    """
    pa, pb = _party(a), _party(b)
    items = timeline(clusters, pa.code, pb.code)
    display = {pa.code: pa.name, pb.code: pb.name}
    numbering = _Numbering(
        source_groups((e.evidence.article_id for i in items for e in i.members), articles)
    )
    # Numbers follow first citation, section by section, in date order within each.
    sections = {
        name: tuple(_item(i, display, numbering) for i in items if i.status in statuses)
        for name, statuses in _SECTIONS
    }
    leads = [i.lead for i in items]
    dated = [i for i in items if i.status is Status.OCCURRED and i.date is not None]
    freq = _freq(dated)
    points = tuple(series(leads, freq))
    driven = _drivers(
        items, a=pa.code, b=pb.code, mentions=mentions, all_events=all_events, names=names or {}
    )
    net = network if network is not None else build_network(leads)
    neighbourhood, links = _neighbourhood(pa, pb, net, driven)
    return Brief(
        a=pa,
        b=pb,
        events=len(items),
        sources=len(numbering.entries),
        period=_period(dated),
        cooperation=round(cooperation_index(leads), 3),
        trend=_trend(dated),
        change_points=tuple(change_points(points)),
        developments=sections["developments"],
        planned=sections["planned"],
        denied=sections["denied"],
        hypothetical=sections["hypothetical"],
        sectors=tuple(sectors(_merged(i) for i in items)),
        drivers=driven,
        series_freq=freq,
        series=points,
        source_list=numbering.source_list(articles),
        neighbourhood=neighbourhood,
        links=links,
    )


class _Numbering:
    """Numbers independent sources in order of first citation."""

    def __init__(self, groups: Sequence[tuple[str, ...]]) -> None:
        self._group_of = {article: g for g in groups for article in g}
        self._number: dict[tuple[str, ...], int] = {}
        self.entries: list[tuple[str, ...]] = []

    def number(self, article_id: str) -> int:
        group = self._group_of.get(article_id, (article_id,))
        if group not in self._number:
            self.entries.append(group)
            self._number[group] = len(self.entries)
        return self._number[group]

    def source_list(self, articles: Mapping[str, ArticleInfo]) -> tuple[SourceEntry, ...]:
        out = []
        for number, group in enumerate(self.entries, start=1):
            info = articles.get(group[0]) or ArticleInfo(id=group[0])
            out.append(
                SourceEntry(
                    number=number,
                    article_id=info.id,
                    title=info.title,
                    publisher=info.publisher,
                    published=info.published,
                    url=_safe_url(info.url),
                    location=info.source or info.id,
                    copies=group[1:],
                )
            )
        return tuple(out)


def _item(item: TimelineItem, display: Mapping[str, str], numbering: _Numbering) -> BriefItem:
    # Sources are numbered as first met in the order of their most confident sentences.
    numbered = [
        (numbering.number(e.evidence.article_id), e) for e in sorted(item.members, key=_quote_rank)
    ]
    # Every sentence that tells the act, under its source's number, in the order the source
    # tells them; a syndicated copy repeating a sentence is quoted once.
    quotes: dict[tuple[int, str], Citation] = {}
    for number, event in sorted(numbered, key=_reading_order):
        quote = " ".join(event.evidence.sentence.split())
        quotes.setdefault((number, quote), Citation(number, event.evidence.article_id, quote))
    return BriefItem(
        cluster_id=item.cluster_id,
        date=item.date.label() if item.date else "",
        status=item.status,
        type=item.type,
        text=describe(_merged(item), display),
        citations=tuple(quotes.values()),
    )


def _reading_order(numbered: tuple[int, Event]) -> tuple[int, int, str]:
    number, event = numbered
    return (number, event.evidence.start, event.evidence.article_id)


def describe(event: Event, names: Mapping[str, str] | None = None) -> str:
    """The event in plain words from its fields only, e.g. "Pakistan and Russia: agreement"."""
    known = names or {}
    source = _name(event.source, known)
    if event.target is None:
        actors = source
    else:
        target = _name(event.target, known)
        actors = f"{source} and {target}" if event.symmetric else f"{source} → {target}"
    text = f"{actors}: {TYPE_WORDS[event.type]}"
    if event.mode:
        text += f" ({event.mode.replace('_', ' ')})"
    if event.contexts:
        text += "; " + ", ".join(c.replace("_", " ") for c in event.contexts)
    if event.amounts:
        text += "; " + ", ".join(a.text for a in event.amounts)
    return text


def _name(mention: Mention, names: Mapping[str, str]) -> str:
    code = mention.code
    if code and code in names:
        return names[code]
    if mention.actor is not None:
        return mention.actor.name
    return mention.text


def _merged(item: TimelineItem) -> Event:
    """The lead, with what other reports add: every context, and a mode or amounts it lacks."""
    lead = item.lead
    contexts = tuple(dict.fromkeys(c for e in (lead, *item.members) for c in e.contexts))
    mode = lead.mode or next((e.mode for e in item.members if e.mode), None)
    amounts = lead.amounts or next((e.amounts for e in item.members if e.amounts), ())
    if contexts == lead.contexts and mode == lead.mode and amounts == lead.amounts:
        return lead  # nothing added (one report, most often): no copy to make
    return replace(lead, contexts=contexts, mode=mode, amounts=amounts)


def _quote_rank(event: Event) -> tuple[float, str, int, str]:
    # The most confident sentence speaks for its source; offsets break ties.
    return (-event.confidence, event.evidence.article_id, event.evidence.start, event.id)


def _party(value: PartyLike) -> Party:
    if isinstance(value, Party):
        return value
    if isinstance(value, Actor):
        return Party(value.code, value.name)
    return Party(value[0], value[1])


def _period(dated: Sequence[TimelineItem]) -> tuple[str, str] | None:
    spans = [i.date for i in dated if i.date is not None]
    return (spans[0].label(), spans[-1].label()) if spans else None


def _freq(dated: Sequence[TimelineItem]) -> Freq:
    if not dated or dated[0].date is None or dated[-1].date is None:
        return "month"
    first, last = dated[0].date.start, dated[-1].date.start
    months = (last.year - first.year) * 12 + last.month - first.month
    return "year" if months > MAX_MONTHS else "month"


def _trend(dated: Sequence[TimelineItem]) -> str:
    """Cooperation index of the later half of dated events minus the earlier half."""
    if len(dated) < MIN_TREND_EVENTS:
        return "insufficient data"
    half = len(dated) // 2
    delta = cooperation_index(i.lead for i in dated[half:]) - cooperation_index(
        i.lead for i in dated[:half]
    )
    if delta > TREND_DELTA:
        return "improving"
    if delta < -TREND_DELTA:
        return "worsening"
    return "steady"


def _drivers(
    items: Sequence[TimelineItem],
    *,
    a: str,
    b: str,
    mentions: Mapping[str, tuple[str, ...]] | None,
    all_events: Sequence[Event] | Baseline | None,
    names: Mapping[str, str],
) -> tuple[Driver, ...]:
    if mentions is None:
        return ()
    # A cluster mentions a party when any member's sentence does; count it once.
    merged = {
        i.lead.id: tuple(sorted({c for e in i.members for c in mentions.get(e.id, ())}))
        for i in items
    }
    leads = [i.lead for i in items]
    baseline = all_events if all_events is not None else leads
    ranked = drivers(leads, baseline, a, b, {**mentions, **merged})
    return tuple(Driver(code, names.get(code, code), score) for code, score in ranked)


def _neighbourhood(
    a: Party, b: Party, network: Network, drivers: Sequence[Driver]
) -> tuple[tuple[Party, ...], tuple[NetworkLink, ...]]:
    """The dyad and up to MAX_NEIGHBOURS third parties with an edge to either side.

    Drivers come first, in driver order; then the others by the total absolute
    weight of their edges to the dyad, then code. Links are every edge among them,
    the dyad's own first.
    """
    tie: dict[str, float] = {}
    for e in network.edges:
        for own, other in ((e.a, e.b), (e.b, e.a)):
            if own in (a.code, b.code) and other not in (a.code, b.code):
                tie[other] = tie.get(other, 0.0) + abs(e.weight)
    rank = {d.code: i for i, d in enumerate(drivers)}
    chosen = sorted(tie, key=lambda c: (rank.get(c, len(rank)), -tie[c], c))[:MAX_NEIGHBOURS]
    names = {n.code: n.name for n in network.nodes}
    parties = (a, b, *(Party(c, names.get(c, c)) for c in chosen))
    codes = {p.code for p in parties}
    dyad = tuple(sorted((a.code, b.code)))
    links = tuple(
        NetworkLink(
            e.a, e.b, e.events, e.cooperation, e.conflict, round(e.weight, 6), round(e.score, 6)
        )
        for e in sorted(network.edges, key=lambda e: (e.a, e.b) != dyad)  # the dyad's own first
        if e.a in codes and e.b in codes
    )
    return parties, links


def _safe_url(url: str | None) -> str | None:
    if not url:
        return None
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return None
    # Percent-encode what could end an autolink or attribute; keep URL syntax intact.
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")
