"""Cross-document fusion: events that report the same real-world event become one cluster.

Two events match when they share a dyad, a status and a type family, their
dates are compatible, and their evidence sentences are similar enough. How
similar depends on how much else agrees: two CONSULT events dated the same
day need little textual overlap, an undated event or a different type in the
same quad needs a lot. Clustering is greedy over a fixed order, so the output
is deterministic. ``sources`` counts independent articles: copies of one
wire story (near-identical bodies, see ``bilat.dedup``) count once.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from bilat.article_info import ArticleInfo
from bilat.dedup import SYNDICATED, estimated_jaccard, jaccard
from bilat.records import DateSpan, Event, EventCluster, Granularity, Status

# Required similarity, by how much of the rest agrees.
SAME_DAY = 0.1
SAME_MONTH = 0.25
LOOSE = 0.45  # coarse or missing dates
CROSS_TYPE = 0.6  # different types in one quad (CONSULT vs AGREE)

_FINE = (Granularity.DAY, Granularity.WEEK, Granularity.MONTH)
_TOKEN = re.compile(r"[A-Za-z0-9]+")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{2,}\b")
_NUMBER = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b")
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
_ROUND = re.compile(
    r"\b(" + "|".join(_ORDINALS) + r"|\d+(?:st|nd|rd|th))\s+(?:round|session|meeting|edition|"
    r"summit|dialogue|consultations?|sitting|iteration)\b",
    re.IGNORECASE,
)
# The nouns _ROUND ends with: a sentence without one of them has no round.
_ROUND_NOUN = re.compile(
    r"round|session|meeting|edition|summit|dialogue|consultation|sitting|iteration", re.IGNORECASE
)
_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers him his how i if in into is it its itself just me more
    most my no nor not now of off on once only or other our ours out over own said same says she
    should so some such than that the their theirs them then there these they this those through
    to too under until up very was we were what when where which while who whom why will with
    would you your two sides both countries country side new week month year told according
    which whose amid upon within without per via"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


class _Dates(Enum):
    SAME_DAY = "same_day"
    FINE = "fine"
    LOOSE = "loose"
    CLASH = "clash"


@dataclass(frozen=True, slots=True)
class _Profile:
    """An event with its evidence reduced to comparable word sets."""

    event: Event
    words: frozenset[str]
    salient: frozenset[str]
    ordinals: frozenset[int]


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
    info = articles or {}
    parent = list(range(len(ids)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(ids):
        for j in range(i + 1, len(ids)):
            if _same_source(info.get(a), info.get(ids[j])):
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
    return _similarity(_profile(a), _profile(b))


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
    """Greedy clustering: each event joins the best-matching cluster so far, or starts one."""
    groups: list[list[_Profile]] = []
    hulls: list[tuple[date, date] | None] = []  # span of each group's dated members
    # An event joins a group only by matching a member of its status and quad, so all
    # members of a group share both: other groups can never take it and are not tried.
    kinds: dict[tuple[Status, int], list[int]] = {}
    # Dated events come in order of start date, so a group whose hull ends before the
    # current start (with the slack of _may_overlap) can take no later dated event:
    # retiring it keeps the scan linear in the events. Undated events, last, see all groups.
    active: dict[tuple[Status, int], list[int]] = {}
    profiler = _Profiler()
    for event in events:
        profile = profiler(event)
        kind = (event.status, event.type.quad)
        best: tuple[float, int] | None = None
        if event.date is not None:
            edge = event.date.start - timedelta(days=1)
            alive = [i for i in active.get(kind, ()) if (h := hulls[i]) is None or h[1] >= edge]
            active[kind] = alive
            candidates: Iterable[int] = alive
        else:
            candidates = kinds.get(kind, ())
        for index in candidates:
            group = groups[index]
            if not _may_overlap(event.date, hulls[index]):
                continue  # cheap pre-check: it would clash with some member
            margin = _fit(profile, group)
            if margin is not None and (best is None or margin > best[0]):
                best = (margin, index)
        if best is None:
            groups.append([profile])
            hulls.append(_widen(None, event.date))
            kinds.setdefault(kind, []).append(len(groups) - 1)
            active.setdefault(kind, []).append(len(groups) - 1)
        else:
            groups[best[1]].append(profile)
            hulls[best[1]] = _widen(hulls[best[1]], event.date)
    return [[p.event for p in group] for group in groups]


def _may_overlap(span: DateSpan | None, hull: tuple[date, date] | None) -> bool:
    if span is None or hull is None:
        return True
    slack = timedelta(days=1)
    return span.start <= hull[1] + slack and hull[0] <= span.end + slack


def _widen(hull: tuple[date, date] | None, span: DateSpan | None) -> tuple[date, date] | None:
    if span is None:
        return hull
    if hull is None:
        return (span.start, span.end)
    return (min(hull[0], span.start), max(hull[1], span.end))


def _fit(profile: _Profile, group: Sequence[_Profile]) -> float | None:
    """How far the best member match clears its threshold; None when it fits nowhere."""
    best: float | None = None
    for member in group:
        dates = _dates(profile.event, member.event)
        if dates is _Dates.CLASH:
            return None  # one member with an incompatible date rules the cluster out
        threshold = _threshold(profile.event, member.event, dates)
        if threshold is None:
            continue
        margin = _similarity(profile, member) - threshold
        if margin >= 0 and (best is None or margin > best):
            best = margin
    return best


def _threshold(a: Event, b: Event, dates: _Dates) -> float | None:
    """Similarity two events (whose dates compare as ``dates``) need to match, or None."""
    if a.status is not b.status:
        return None
    if dates is _Dates.CLASH:
        return None
    if a.type is not b.type:
        return CROSS_TYPE if a.type.quad == b.type.quad else None
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


def _similarity(p: _Profile, q: _Profile) -> float:
    ep, eq = p.event.evidence, q.event.evidence
    if ep.article_id == eq.article_id and ep.start == eq.start:
        return 1.0
    if p.ordinals and q.ordinals and not p.ordinals & q.ordinals:
        return 0.0  # "third round" and "fourth round" are different meetings
    overlap = len(p.words & q.words)
    smaller = min(len(p.words), len(q.words))
    # Containment catches a short lead sentence restated inside a longer one.
    containment = overlap / smaller if smaller >= 4 else 0.0
    shared = len(p.salient & q.salient)
    base = max(jaccard(p.words, q.words), 0.8 * containment)
    if smaller < 3:
        base *= smaller / 3  # one shared word in two near-empty sentences proves little
    return min(1.0, base + 0.2 * min(shared, 2))


def _profile(event: Event) -> _Profile:
    return _Profiler()(event)


class _Profiler:
    """Profiles events, computing each dyad's actor words once: the busy part of a big fuse."""

    def __init__(self) -> None:
        self._actors: dict[tuple[object, ...], _ActorWords] = {}

    def __call__(self, event: Event) -> _Profile:
        sentence = event.evidence.sentence
        actor_words = self._actor_words(event)
        words = frozenset(
            w
            for w in {_normal(t) for t in _TOKEN.findall(sentence)}
            if w not in _STOPWORDS and not _is_actor(w, actor_words) and (len(w) > 2 or w.isdigit())
        )
        ordinals: frozenset[int] = frozenset()
        if _ROUND_NOUN.search(sentence):  # the full pattern is slow, and rarely matches
            ordinals = frozenset(_ordinal(m.group(1)) for m in _ROUND.finditer(sentence))
        salient = {f"round:{n}" for n in ordinals}
        salient.update(
            f"acr:{m.group(0)}"
            for m in _ACRONYM.finditer(sentence)
            if not _is_actor(m.group(0).casefold(), actor_words)
        )
        for m in _NUMBER.finditer(sentence):
            value = float(m.group(0).replace(",", ""))
            if value >= 100 and not (1900 <= value <= 2099 and "." not in m.group(0)):
                salient.add(f"num:{value:g}")
        salient.update(f"amt:{a.value.normalize()}{a.unit}" for a in event.amounts)
        return _Profile(event, words, frozenset(salient), ordinals)

    def _actor_words(self, event: Event) -> _ActorWords:
        key = tuple(
            (m.text, m.actor.code, m.actor.name) if m.actor else (m.text,)
            for m in (event.source, event.target)
            if m is not None
        )
        found = self._actors.get(key)
        if found is None:
            found = self._actors[key] = _actor_words(event)
        return found


def _actor_words(event: Event) -> _ActorWords:
    out: set[str] = set()
    for mention in (event.source, event.target):
        if mention is None:
            continue
        out.update(_normal(t) for t in _TOKEN.findall(mention.text))
        if mention.actor is not None:
            out.add(mention.actor.code.casefold())
            out.update(_normal(t) for t in _TOKEN.findall(mention.actor.name))
    words = frozenset(w for w in out if len(w) > 2)
    return _ActorWords(words, frozenset(w[:5] for w in words if len(w) >= 5))


@dataclass(frozen=True, slots=True)
class _ActorWords:
    """Words naming the dyad's own actors: always shared, so not evidence of sameness."""

    words: frozenset[str]
    stems: frozenset[str]  # the first five letters of each word that long


def _is_actor(word: str, actor: _ActorWords) -> bool:
    # A shared five-letter stem covers demonyms: "Pakistani" for Pakistan, "Russian" for Russia.
    return word in actor.words or (len(word) >= 5 and word[:5] in actor.stems)


def _normal(token: str) -> str:
    word = token.casefold()
    # Crude plural folding: "talks" and "talk", "exercises" and "exercise".
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _ordinal(text: str) -> int:
    lowered = text.casefold()
    return _ORDINALS.get(lowered) or int(re.sub(r"\D", "", lowered))
