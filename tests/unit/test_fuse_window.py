"""Fusion's sweep retires clusters the dates have passed: same clusters as comparing all."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

import factories
from bilat import fuse
from bilat.fuse_similarity import Profile, profile
from bilat.records import DateSpan, Event, EventType, Status

WORDS = ["talks", "pipeline", "gas", "visit", "minister", "summit", "wheat", "deal", "third"]
START = date(2021, 1, 1)


@st.composite
def _span(draw: st.DrawFn) -> DateSpan | None:
    kind = draw(st.sampled_from(["day", "day", "day", "month", "year", "none"]))
    when = START + timedelta(days=draw(st.integers(0, 90)))
    if kind == "day":
        return factories.day(when.year, when.month, when.day)
    if kind == "month":
        return factories.month(when.year, when.month)
    if kind == "year":
        return factories.year(when.year)
    return None


@st.composite
def _event(draw: st.DrawFn, n: int) -> Event:
    sentence = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=7)))
    article = f"{draw(st.integers(0, 5)):064d}"
    return factories.event(
        draw(st.sampled_from([EventType.CONSULT, EventType.AGREE, EventType.ACCUSE])),
        target=factories.mention("RUS", start=13),
        id_=f"e{n:05d}",
        article=article,
        sentence=sentence,
        start=n * 100,
        when=draw(_span()),
        status=draw(st.sampled_from([Status.OCCURRED, Status.OCCURRED, Status.PLANNED])),
    )


def _every_cluster(events: Sequence[Event]) -> list[list[Event]]:
    """The sweep as it was: each unit tried against every cluster so far."""
    groups: list[list[Profile]] = []
    hulls: list[tuple[date, date] | None] = []
    for unit in fuse._units(events):
        profiles = [profile(event) for event in unit]
        best: tuple[float, int] | None = None
        for index, group in enumerate(groups):
            if not all(fuse._may_overlap(e.date, hulls[index]) for e in unit):
                continue
            margin = fuse._fit(profiles, group)
            if margin is not None and (best is None or margin > best[0]):
                best = (margin, index)
        if best is None:
            groups.append(profiles)
            hulls.append(fuse._hull(None, unit))
        else:
            groups[best[1]].extend(profiles)
            hulls[best[1]] = fuse._hull(hulls[best[1]], unit)
    return [[p.event for p in group] for group in groups]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.integers(0, 10_000), min_size=1, max_size=60, unique=True).flatmap(
        lambda ns: st.tuples(*(_event(n) for n in ns))
    )
)
def test_retiring_passed_clusters_changes_no_cluster(events: tuple[Event, ...]) -> None:
    ordered = sorted(events, key=fuse._order)
    got = [[e.id for e in g] for g in fuse._group(ordered)]
    want = [[e.id for e in g] for g in _every_cluster(ordered)]
    assert got == want
