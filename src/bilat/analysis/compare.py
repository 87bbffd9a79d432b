"""Two event sets side by side: events per dyad and month in each.

Pure functions of events. An event counts in the month its date falls in; one
whose date spans more than a month ("2021", "the 1990s") or that has no date
counts among ``unplaced``, as does one without two distinct actor codes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from bilat.records import Event


@dataclass(frozen=True, slots=True)
class Tally:
    """Events of one set in one dyad-month: all, and how many cooperate (quads 1-2)."""

    events: int = 0
    cooperation: int = 0

    @property
    def conflict(self) -> int:
        return self.events - self.cooperation


@dataclass(frozen=True, slots=True)
class CompareRow:
    """One dyad (a < b) in one month (YYYY-MM) in the two sets."""

    a: str
    b: str
    month: str
    left: Tally
    right: Tally


@dataclass(frozen=True, slots=True)
class Comparison:
    """Rows by dyad then month, and the events of each set that no row holds."""

    rows: tuple[CompareRow, ...]
    unplaced: tuple[int, int]

    @property
    def both(self) -> int:
        """Dyad-months with events in both sets."""
        return sum(1 for r in self.rows if r.left.events and r.right.events)

    @property
    def only_left(self) -> int:
        return sum(1 for r in self.rows if r.left.events and not r.right.events)

    @property
    def only_right(self) -> int:
        return sum(1 for r in self.rows if r.right.events and not r.left.events)

    @property
    def correlation(self) -> float | None:
        """Pearson's r of the two sets' counts over the dyad-months of either (None when
        either side does not vary)."""
        xs = [r.left.events for r in self.rows]
        ys = [r.right.events for r in self.rows]
        if len(xs) < 2:
            return None
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
        sxx = sum((x - mx) ** 2 for x in xs)
        syy = sum((y - my) ** 2 for y in ys)
        return None if sxx == 0 or syy == 0 else sxy / math.sqrt(sxx * syy)


def month_of(event: Event) -> str | None:
    """The month (YYYY-MM) an event's date falls in, or None when it spans more."""
    span = event.date
    if span is None or (span.start.year, span.start.month) != (span.end.year, span.end.month):
        return None
    return f"{span.start.year:04d}-{span.start.month:02d}"


def compare(left: Iterable[Event], right: Iterable[Event]) -> Comparison:
    """Events per dyad and month in ``left`` and in ``right``."""
    cells: dict[tuple[str, str, str], list[Tally]] = {}
    unplaced = [0, 0]
    for side, events in enumerate((left, right)):
        for event in events:
            pair, month = event.dyad, month_of(event)
            if pair is None or month is None:
                unplaced[side] += 1
                continue
            cell = cells.setdefault((*pair, month), [Tally(), Tally()])
            was = cell[side]
            cell[side] = Tally(was.events + 1, was.cooperation + (event.type.quad <= 2))
    rows = tuple(CompareRow(a, b, m, *cells[(a, b, m)]) for a, b, m in sorted(cells))
    return Comparison(rows, (unplaced[0], unplaced[1]))
