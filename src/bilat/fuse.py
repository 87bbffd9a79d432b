"""Cross-document fusion: events that report the same real-world event become one cluster.

A cluster holds one act: its members share a dyad, a type and a status, so two acts told
in one sentence ("agreed to strengthen cooperation during the JMCC meeting": an AGREE
and a CONSULT) stay two clusters, and a cluster's type is its members' type. Two events
of different articles match when their dates are compatible and their evidence sentences
are similar enough; how similar depends on how much else agrees: two events dated the
same day need little textual overlap, an undated one a lot. Within one article, a
sentence that goes on telling the act of the sentence before ("The JMCC met in late
September. The meeting was held between ...") joins it whatever its words. Clustering
is greedy over a fixed order, so the output is deterministic. ``sources`` counts
independent articles: copies of one wire story (near-identical bodies, see
``bilat.dedup``) count once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from enum import Enum
from itertools import pairwise

from bilat.article_info import ArticleInfo
from bilat.dedup import SYNDICATED, estimated_jaccard
from bilat.fuse_similarity import Profile, Profiler, profile, similarity
from bilat.records import DateSpan, Event, EventCluster, EventType, Granularity, Status

# Required similarity, by how much of the rest agrees.
SAME_DAY = 0.1
SAME_MONTH = 0.25
LOOSE = 0.45  # coarse or missing dates
# A sentence at most this many characters (a sentence or so) after another may go on
# telling the act that one told.
CONTINUATION_GAP = 250
# Signature values per band when looking for syndicated copies (see _candidates).
BAND = 4

_FINE = (Granularity.DAY, Granularity.WEEK, Granularity.MONTH)


class _Dates(Enum):
    SAME_DAY = "same_day"
    FINE = "fine"
    LOOSE = "loose"
    CLASH = "clash"


def fuse(
    events: Sequence[Event], articles: Mapping[str, ArticleInfo] | None = None
) -> list[EventCluster]:
    """Cluster ``events``; order by cluster date (undated last), then cluster id."""
    unique = {e.id: e for e in events}
    by_dyad: dict[tuple[str, str], list[Event]] = {}
    clusters: list[EventCluster] = []
    for event in unique.values():
        if event.dyad is None:
            clusters.append(_cluster((event,), articles))
        else:
            by_dyad.setdefault(event.dyad, []).append(event)
    for dyad in sorted(by_dyad):
        for members in _group(sorted(by_dyad[dyad], key=_order)):
            clusters.append(_cluster(members, articles))
    return sorted(clusters, key=_cluster_order)


def cluster_date(cluster: EventCluster) -> DateSpan | None:
    """The most precise member date (earliest on ties); None when no member is dated."""
    dated = [e.date for e in cluster.events if e.date is not None]
    if not dated:
        return None
    return min(dated, key=lambda d: (d.granularity.rank, d.start, d.end))


def source_groups(
    article_ids: Iterable[str], articles: Mapping[str, ArticleInfo] | None = None
) -> list[tuple[str, ...]]:
    """Articles grouped into independent sources; each group's representative comes first.

    Two articles are one source when they share a URL or their body fingerprints
    estimate a shingle Jaccard of at least ``bilat.dedup.SYNDICATED``. The
    representative is the earliest published (then smallest id), and groups are
    ordered by their representatives the same way.
    """
    ids = sorted(set(article_ids))
    if len(ids) < 2:  # most clusters: one article, one source
        return [tuple(ids)] if ids else []
    info = articles or {}
    parent = list(range(len(ids)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for members in _candidates(ids, info):
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if root(i) != root(j) and _same_source(info.get(ids[i]), info.get(ids[j])):
                    parent[root(j)] = root(i)
    groups: dict[int, list[str]] = {}
    for i, a in enumerate(ids):
        groups.setdefault(root(i), []).append(a)

    def key(article: str) -> tuple[str, str]:
        meta = info.get(article)
        # Unknown publication dates sort after known ones.
        return (meta.published if meta and meta.published else "~", article)

    ordered = [tuple(sorted(g, key=key)) for g in groups.values()]
    return sorted(ordered, key=lambda g: key(g[0]))


def cluster_id(event_ids: Iterable[str]) -> str:
    """Stable id: the same members always give the same cluster id."""
    key = "|".join(sorted(event_ids))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def evidence_similarity(a: Event, b: Event) -> float:
    """Similarity in [0, 1] of two events' evidence sentences (1.0 for the same sentence)."""
    return similarity(profile(a), profile(b))


def _candidates(ids: Sequence[str], info: Mapping[str, ArticleInfo]) -> list[list[int]]:
    """Groups of indexes into ``ids`` that only may hold two articles of one source: those
    sharing a URL, and those sharing a band of BAND signature values. Two signatures that
    agree in SYNDICATED of their values (52 of 64) disagree in at most 12, which spoil at
    most 12 of the 16 bands: they share one, so no pair of one source is missed, and a
    large corpus is not compared pair by pair. (A band is keyed by its values alone: the
    same four values at another place, or in a signature of another size, would only let
    ``_same_source`` settle one more pair.)"""
    first: dict[object, int] = {}  # a key's first article
    more: dict[object, list[int]] = {}  # keys shared by two or more: their articles
    for i, article in enumerate(ids):
        meta = info.get(article)
        if meta is None:
            continue
        prints = meta.fingerprint
        keys: list[object] = [
            prints[at : at + BAND] for at in range(0, len(prints) - BAND + 1, BAND)
        ]
        if meta.url:
            keys.append(("url", meta.url.rstrip("/")))
        for key in keys:
            seen = first.setdefault(key, i)
            if seen != i:
                more.setdefault(key, [seen]).append(i)
    return list(more.values())


def _same_source(a: ArticleInfo | None, b: ArticleInfo | None) -> bool:
    if a is None or b is None:
        return False
    if a.url and b.url and a.url.rstrip("/") == b.url.rstrip("/"):
        return True
    return estimated_jaccard(a.fingerprint, b.fingerprint) >= SYNDICATED


def _cluster(members: Sequence[Event], articles: Mapping[str, ArticleInfo] | None) -> EventCluster:
    ordered = tuple(sorted(members, key=_order))
    sources = len(source_groups((e.evidence.article_id for e in ordered), articles))
    return EventCluster(id=cluster_id(e.id for e in ordered), events=ordered, sources=sources)


def _order(event: Event) -> tuple[int, str, int, str]:
    # Dated events first, so undated ones can join the clusters they belong to.
    if event.date is None:
        return (1, "", 0, event.id)
    return (0, event.date.start.isoformat(), event.date.granularity.rank, event.id)


def _cluster_order(cluster: EventCluster) -> tuple[int, str, str]:
    span = cluster_date(cluster)
    return (1, "", cluster.id) if span is None else (0, span.start.isoformat(), cluster.id)


def _group(events: Sequence[Event]) -> list[list[Event]]:
    """Greedy clustering: each unit (``_units``) joins the best-matching cluster so far, or
    starts one."""
    groups: list[list[Profile]] = []
    hulls: list[tuple[date, date] | None] = []  # span of each group's dated members
    # A unit joins a group only by matching a member of its status and type, so all
    # members of a group share both: other groups can never take it and are not tried.
    kinds: dict[tuple[Status, EventType], list[int]] = {}
    # Units come in order of their first start date, so a group whose hull ends before the
    # current start (with the slack of _may_overlap) can take no later dated unit:
    # retiring it keeps the scan linear in the events. Undated units, last, see all groups.
    active: dict[tuple[Status, EventType], list[int]] = {}
    profiler = Profiler()
    for unit in _units(events):
        profiles = [profiler(event) for event in unit]
        first = unit[0]  # dated, when any member is
        kind = (first.status, first.type)
        best: tuple[float, int] | None = None
        if first.date is not None:
            edge = first.date.start - timedelta(days=1)
            alive = [i for i in active.get(kind, ()) if (h := hulls[i]) is None or h[1] >= edge]
            active[kind] = alive
            candidates: Iterable[int] = alive
        else:
            candidates = kinds.get(kind, ())
        for index in candidates:
            if not all(_may_overlap(e.date, hulls[index]) for e in unit):
                continue  # cheap pre-check: it would clash with some member
            margin = _fit(profiles, groups[index])
            if margin is not None and (best is None or margin > best[0]):
                best = (margin, index)
        if best is None:
            groups.append(profiles)
            hulls.append(_hull(None, unit))
            kinds.setdefault(kind, []).append(len(groups) - 1)
            active.setdefault(kind, []).append(len(groups) - 1)
        else:
            groups[best[1]].extend(profiles)
            hulls[best[1]] = _hull(hulls[best[1]], unit)
    return [[p.event for p in group] for group in groups]


def _units(events: Sequence[Event]) -> list[list[Event]]:
    """Events of one dyad in units that tell one act, each unit in ``_order`` and the units
    in the order of their first members: an event alone, or with the events of the next
    sentences of its article that go on telling it (``_continues``)."""
    parent = {e.id: e.id for e in events}

    def root(event_id: str) -> str:
        while parent[event_id] != event_id:
            event_id = parent[event_id]
        return event_id

    by_article: dict[str, dict[int, list[Event]]] = {}
    for event in sorted(events, key=_order):
        sentences = by_article.setdefault(event.evidence.article_id, {})
        sentences.setdefault(event.evidence.start, []).append(event)
    for sentences in by_article.values():
        starts = sorted(sentences)
        for before, after in pairwise(starts):
            for event in sentences[after]:
                told = next((e for e in sentences[before] if _continues(event, e)), None)
                if told is not None:
                    parent[root(event.id)] = root(told.id)
    units: dict[str, list[Event]] = {}
    for event in sorted(events, key=_order):
        units.setdefault(root(event.id), []).append(event)
    return sorted(units.values(), key=lambda unit: _order(unit[0]))


def _continues(event: Event, told: Event) -> bool:
    """Whether ``event``, in the sentence after ``told``'s, goes on telling the act ``told``
    tells: the same type, status and mode, no date read from its own sentence (it carries
    the one before's, as "the meeting was held ..." does, or none), no clashing date, and
    at most CONTINUATION_GAP characters between the two sentences."""
    if (event.type, event.status, event.mode) != (told.type, told.status, told.mode):
        return False
    if event.evidence.start - told.evidence.end > CONTINUATION_GAP:
        return False
    span = event.date
    if (
        span is not None
        and not span.inferred
        and span.text
        and span.text in event.evidence.sentence
    ):
        return False  # "In the same month, this was followed by a call": an act of its own
    return _dates(event, told) is not _Dates.CLASH


def _may_overlap(span: DateSpan | None, hull: tuple[date, date] | None) -> bool:
    if span is None or hull is None:
        return True
    slack = timedelta(days=1)
    return span.start <= hull[1] + slack and hull[0] <= span.end + slack


def _hull(hull: tuple[date, date] | None, events: Iterable[Event]) -> tuple[date, date] | None:
    """``hull`` widened to the dates of ``events``."""
    for event in events:
        if event.date is not None:
            start, end = event.date.start, event.date.end
            hull = (start, end) if hull is None else (min(hull[0], start), max(hull[1], end))
    return hull


def _fit(unit: Sequence[Profile], group: Sequence[Profile]) -> float | None:
    """How far the best match of a unit's event with a member clears its threshold; None
    when the unit fits nowhere."""
    best: float | None = None
    for candidate in unit:
        for member in group:
            dates = _dates(candidate.event, member.event)
            if dates is _Dates.CLASH:
                return None  # one member with an incompatible date rules the cluster out
            threshold = _threshold(candidate.event, member.event, dates)
            if threshold is None:
                continue
            margin = similarity(candidate, member) - threshold
            if margin >= 0 and (best is None or margin > best):
                best = margin
    return best


def _threshold(a: Event, b: Event, dates: _Dates) -> float | None:
    """Similarity two events (whose dates compare as ``dates``) need to match, or None."""
    # One act per cluster: another type is another act, even in the same sentence.
    if a.status is not b.status or a.type is not b.type or dates is _Dates.CLASH:
        return None
    if any(e.date is not None and e.date.inferred for e in (a, b)):
        return LOOSE  # a guessed date (the publication day, say) is no sign of one act
    if dates is _Dates.SAME_DAY:
        return SAME_DAY
    if dates is _Dates.FINE:
        return SAME_MONTH
    return LOOSE


def _dates(a: Event, b: Event) -> _Dates:
    if a.date is None or b.date is None:
        return _Dates.LOOSE
    da, db = a.date, b.date
    both_days = da.granularity is Granularity.DAY and db.granularity is Granularity.DAY
    # Reports of one event often disagree by a day ("on Thursday" vs the dateline).
    slack = timedelta(days=1 if both_days else 0)
    if da.start > db.end + slack or db.start > da.end + slack:
        return _Dates.CLASH
    if both_days:
        return _Dates.SAME_DAY
    if da.granularity in _FINE and db.granularity in _FINE:
        return _Dates.FINE
    return _Dates.LOOSE
