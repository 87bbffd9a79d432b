"""Dyad analysis over records: timelines, period series, cooperation, sectors, drivers.

Everything here is a pure function of events or clusters. Pass cluster leads
(``[c.lead for c in clusters]``) to count each real-world event once.
Counts and indices use occurred events unless ``statuses`` says otherwise:
a planned visit is not yet part of the relationship's record.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from bilat.fuse import cluster_date
from bilat.records import Actor, DateSpan, Event, EventCluster, EventType, Granularity, Status

Freq = Literal["month", "year"]
OCCURRED: tuple[Status, ...] = (Status.OCCURRED,)
_MONTHLY = (Granularity.DAY, Granularity.WEEK, Granularity.MONTH)
_YEARLY = (*_MONTHLY, Granularity.SEASON, Granularity.QUARTER, Granularity.YEAR)


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One fused event of a dyad, as a timeline shows it."""

    cluster_id: str
    date: DateSpan | None
    type: EventType
    status: Status
    source: str | None
    target: str | None
    sentence: str
    sources: int
    lead: Event
    members: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One period: event counts per quad (1..4), their total, mean intensity, cooperation."""

    period: str
    quads: tuple[int, int, int, int]
    total: int
    mean_intensity: float
    cooperation: float


@dataclass(frozen=True, slots=True)
class DyadOverview:
    """The fused timeline of a pair with its period series and sectors, from its own events
    (``events`` of them, unfused)."""

    a: Actor
    b: Actor
    events: int
    timeline: list[TimelineItem]
    series: list[SeriesPoint]
    sectors: list[tuple[str, int]]


@dataclass(frozen=True, slots=True)
class ChangePoint:
    """A shift in mean cooperation: ``period`` is the first period after it."""

    period: str
    before: float
    after: float

    @property
    def shift(self) -> float:
        return self.after - self.before


def timeline(clusters: Iterable[EventCluster], a: str, b: str) -> list[TimelineItem]:
    """Clusters of the dyad {a, b}, by date (undated last), then cluster id."""
    pair = (a, b) if a <= b else (b, a)
    items = []
    for cluster in clusters:
        if not any(e.dyad == pair for e in cluster.events):
            continue
        lead = cluster.lead
        items.append(
            TimelineItem(
                cluster_id=cluster.id,
                date=cluster_date(cluster),
                type=lead.type,
                status=lead.status,
                source=lead.source.code,
                target=lead.target.code if lead.target else None,
                sentence=lead.evidence.sentence,
                sources=cluster.sources,
                lead=lead,
                members=cluster.events,
            )
        )
    return sorted(items, key=_timeline_key)


def series(
    events: Iterable[Event], freq: Freq = "month", *, statuses: Collection[Status] = OCCURRED
) -> list[SeriesPoint]:
    """Per-period counts from the first to the last dated period, empty periods included.

    An event counts in the period of its start date. Events dated less
    precisely than ``freq`` (a year-only date in a monthly series) and undated
    events are left out: placing them in one period would invent a precision
    the text does not give.
    """
    return series_of(series_rows(events, freq, statuses=statuses), freq)


# What ``series`` counts of an event: its period, quad and intensity.
SeriesRow = tuple[str, int, float]


def series_rows(
    events: Iterable[Event], freq: Freq = "month", *, statuses: Collection[Status] = OCCURRED
) -> list[SeriesRow]:
    """The rows ``series`` counts, in the events' order: one per event with a status in
    ``statuses`` dated at least as precisely as ``freq``."""
    allowed = _MONTHLY if freq == "month" else _YEARLY
    out = []
    for event in events:
        if event.status not in statuses or event.date is None:
            continue
        if event.date.granularity not in allowed:
            continue
        out.append((_period(event.date, freq), event.type.quad, event.intensity))
    return out


def series_of(rows: Iterable[SeriesRow], freq: Freq = "month") -> list[SeriesPoint]:
    """``series`` from its rows (``series_rows``; a page keeps them to chart a subset)."""
    buckets: dict[str, list[tuple[int, float]]] = {}
    for period, quad, intensity in rows:
        buckets.setdefault(period, []).append((quad, intensity))
    if not buckets:
        return []
    points = []
    for period in _periods(min(buckets), max(buckets), freq):
        members = buckets.get(period, [])
        counts = Counter(quad for quad, _ in members)
        quads = (counts[1], counts[2], counts[3], counts[4])
        mean = sum(intensity for _, intensity in members) / len(members) if members else 0.0
        points.append(
            SeriesPoint(
                period=period,
                quads=quads,
                total=len(members),
                mean_intensity=mean,
                cooperation=_index(members),
            )
        )
    return points


def monthly_series(counts: Iterable[tuple[str, EventType, int, float]]) -> list[SeriesPoint]:
    """A monthly series from tallies (YYYY-MM, type, events, weight), as ``series`` makes
    from events: empty months included, the cooperation index from the weights.
    ``mean_intensity`` is 0.0 (the tallies do not carry signed intensities)."""
    months: dict[str, list[tuple[EventType, int, float]]] = {}
    for month, type_, n, weight in counts:
        months.setdefault(month, []).append((type_, n, weight))
    if not months:
        return []
    points = []
    for period in _periods(min(months), max(months), "month"):
        quads = [0, 0, 0, 0]
        coop = conflict = 0.0
        for type_, n, weight in months.get(period, []):
            quads[type_.quad - 1] += n
            if type_.quad <= 2:
                coop += weight
            else:
                conflict += weight
        total = coop + conflict
        points.append(
            SeriesPoint(
                period=period,
                quads=(quads[0], quads[1], quads[2], quads[3]),
                total=sum(quads),
                mean_intensity=0.0,
                cooperation=(coop - conflict) / total if total else 0.0,
            )
        )
    return points


def cooperation_index(events: Iterable[Event], *, statuses: Collection[Status] = OCCURRED) -> float:
    """(cooperation - conflict) / (cooperation + conflict), in [-1, 1]; 0.0 with no events.

    Cooperation sums the weights of quad 1 and 2 events, conflict those of quad
    3 and 4. An event's weight is the magnitude of its PLOVER intensity, so an
    assault weighs more than an accusation; an unscored event (intensity 0)
    weighs 1.
    """
    return _index((e.type.quad, e.intensity) for e in events if e.status in statuses)


def _index(weighted: Iterable[tuple[int, float]]) -> float:
    """``cooperation_index`` of (quad, intensity) pairs."""
    coop = conflict = 0.0
    for quad, intensity in weighted:
        weight = abs(intensity) or 1.0
        if quad <= 2:
            coop += weight
        else:
            conflict += weight
    total = coop + conflict
    return (coop - conflict) / total if total else 0.0


def sectors(
    events: Iterable[Event], *, statuses: Collection[Status] | None = None
) -> list[tuple[str, int]]:
    """Contexts by how many events carry them, most first, then by name.

    All statuses count by default: a planned pipeline still says what the pair talks about.
    """
    counts: Counter[str] = Counter()
    for event in events:
        if statuses is None or event.status in statuses:
            counts.update(set(event.contexts))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


@dataclass(frozen=True, slots=True)
class Baseline:
    """What third parties are measured against: how many events there are (``total``), and
    how many of them each actor is a side of or is named in the evidence of (``counts``)."""

    total: int
    counts: Mapping[str, int]


def baseline(events: Sequence[Event], mentions: Mapping[str, tuple[str, ...]]) -> Baseline:
    """The baseline of ``events``; ``mentions`` maps an event id to the codes its evidence
    names."""
    counts: Counter[str] = Counter()
    for event in events:
        involved = set(mentions.get(event.id, ()))
        target = event.target.code if event.target else None
        involved.update(c for c in (event.source.code, target) if c)
        counts.update(involved)
    return Baseline(len(events), counts)


def drivers(
    events_of_dyad: Sequence[Event],
    all_events: Sequence[Event] | Baseline,
    a: str,
    b: str,
    mentions: Mapping[str, tuple[str, ...]],
) -> list[tuple[str, float]]:
    """Third parties in the dyad's evidence, ranked by ``share * log2(1 + lift)``.

    ``mentions`` maps an event id to the actor codes its evidence names. For a
    third party c, ``share`` is the fraction of the dyad's events that mention
    c and ``lift`` is share over c's share of ``all_events`` (mentioned, or an
    actor), or of the events a ``Baseline`` counts. A party named everywhere scores
    about its share; one named mostly around this pair scores higher. Ties: more
    mentions first, then code.
    """
    if not events_of_dyad:
        return []
    base = all_events if isinstance(all_events, Baseline) else baseline(all_events, mentions)
    own = {a, b}
    in_dyad: Counter[str] = Counter()
    for event in events_of_dyad:
        in_dyad.update(set(mentions.get(event.id, ())) - own)
    n_dyad, n_all = len(events_of_dyad), max(base.total, 1)
    scored = []
    for code, count in in_dyad.items():
        share = count / n_dyad
        # The dyad's own events are part of the baseline even if the caller left them out.
        ratio = max(base.counts.get(code, 0), count) / max(n_all, n_dyad)
        score = share * math.log2(1 + share / ratio)
        scored.append((code, round(score, 6), count))
    scored.sort(key=lambda t: (-t[1], -t[2], t[0]))
    return [(code, score) for code, score, _ in scored]


def change_points(
    points: Sequence[SeriesPoint], *, window: int = 3, min_shift: float = 0.5
) -> list[ChangePoint]:
    """Shifts in mean cooperation between adjacent windows of non-empty periods.

    For each boundary i between non-empty periods, compare the mean cooperation
    index of the ``window`` periods before i with the ``window`` from i on. A
    boundary is a change point when that shift is at least ``min_shift`` and is
    the largest within ``window`` boundaries either side (so one step is
    reported once, at its edge). Empty periods carry no evidence either way
    and are skipped.
    """
    active = [p for p in points if p.total]
    values = [p.cooperation for p in active]
    shifts: dict[int, float] = {}
    for i in range(window, len(values) - window + 1):
        before = sum(values[i - window : i]) / window
        after = sum(values[i : i + window]) / window
        shifts[i] = after - before
    found = []
    for i, shift in shifts.items():
        if abs(shift) < min_shift:
            continue
        near = [abs(s) for j, s in shifts.items() if j != i and abs(j - i) < window]
        # Strictly larger than earlier neighbours, at least as large as later ones: one per step.
        earlier = [abs(shifts[j]) for j in shifts if i - window < j < i]
        if all(abs(shift) >= s for s in near) and all(abs(shift) > s for s in earlier):
            before = sum(values[i - window : i]) / window
            found.append(ChangePoint(active[i].period, before, before + shift))
    return found


def _timeline_key(item: TimelineItem) -> tuple[int, str, str]:
    if item.date is None:
        return (1, "", item.cluster_id)
    return (0, item.date.start.isoformat(), item.cluster_id)


def _period(span: DateSpan, freq: Freq) -> str:
    start = span.start
    return f"{start.year:04d}-{start.month:02d}" if freq == "month" else f"{start.year:04d}"


def _periods(first: str, last: str, freq: Freq) -> list[str]:
    if freq == "year":
        return [f"{y:04d}" for y in range(int(first), int(last) + 1)]
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while (label := f"{year:04d}-{month:02d}") <= last:
        out.append(label)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
