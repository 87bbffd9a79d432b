"""Expressions that refer back to a date already named: "that day", "the next morning",
"later that year", "two weeks later", "the day before".

They resolve against the nearest date found before them in the text (not a
vague one like "now"), or the anchor when there is none. A reference coarser
than the expression ("the next day" after "in October") stays as it is: the
text gives no finer date. Times anchored on an event rather than a date ("the
days before the shooting", "10 days after the attack") are left alone: the
nearest earlier date is too often some other one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

import bilat.dates.calendar as cal
from bilat.dates.base import Found
from bilat.dates.lexicon import DATE_WORDS, NUMBER, number_value
from bilat.records import DateSpan, Granularity

_SG = r"day|morning|afternoon|evening|night|week|weekend|month|year"
_ANAPHOR = re.compile(
    r"(?<![\w'-])(?i:"
    rf"(?:(?P<side1>earlier|later)\s+(?:in\s+)?)?(?:that|the\s+same)\s+(?:same\s+)?(?P<u1>{_SG})"
    rf"|the\s+(?P<rel2>next|following|previous|preceding|prior)\s+(?P<u2>{_SG})"
    r"|the\s+(?P<u3>day|night|morning|week|month|year)\s+(?P<rel3>before|after)"
    r"(?!\s+(?:the|a|an|his|her|their|its|our|my|this|that|[A-Z0-9]|\w+ing)\b)"
    rf"|(?P<n>{NUMBER})\s+(?P<u4>days?|weeks?|months?|years?|decades?)\s+"
    r"(?P<rel4>later|earlier|afterwards?|previously)"
    r")(?![\w-])"
)
_RANK = {
    Granularity.DAY: 0,
    Granularity.WEEK: 1,
    Granularity.MONTH: 2,
    Granularity.SEASON: 3,
    Granularity.QUARTER: 3,
    Granularity.YEAR: 5,
    Granularity.DECADE: 6,
}
_UNIT = {word: Granularity(g) for word, g in DATE_WORDS.strings("PERIOD_UNITS").items()}
_BACK = frozenset(DATE_WORDS.words("BACKWARD"))


def resolve_anaphora(text: str, anchor: date | None, taken: list[Found]) -> list[Found]:
    """``taken`` plus the anaphoric expressions that overlap none of it, in text order."""
    out = sorted(taken, key=lambda f: f.start)
    for m in _ANAPHOR.finditer(text):
        if any(m.start() < f.end and f.start < m.end() for f in out):
            continue
        ref = _reference(out, m.start(), anchor)
        if ref is None:
            continue
        span = _resolve(m, ref)
        if span is not None:
            out.append(Found(m.start(), m.end(), span))
            out.sort(key=lambda f: f.start)
    return out


def _reference(found: list[Found], start: int, anchor: date | None) -> DateSpan | None:
    before = [f for f in found if f.end <= start and f.reference]
    if before:
        return before[-1].span
    return cal.day_span(anchor) if anchor else None


def _resolve(m: re.Match[str], ref: DateSpan) -> DateSpan | None:
    if m["u1"]:
        span = _within(ref, m["u1"].lower())
        if m["side1"] and _RANK[span.granularity] > 0:
            side = cal.Part.EARLY if m["side1"].lower() == "earlier" else cal.Part.LATE
            return cal.part_of(span, side)
        return span
    if m["u2"] or m["u3"]:
        unit = (m["u2"] or m["u3"]).lower()
        rel = (m["rel2"] or m["rel3"]).lower()
        return _shift(ref, unit, -1 if rel in _BACK else 1)
    if m["u4"]:
        n = number_value(m["n"])
        if n is None:
            return None
        unit = m["u4"].lower().rstrip("s")
        if unit == "decade":
            unit, n = "year", 10 * n
        return _move(ref, unit, -n if m["rel4"].lower() in _BACK else n)
    return None


def _within(ref: DateSpan, unit: str) -> DateSpan:
    """ "that week" of a day reference: the period holding it."""
    granularity = _UNIT[unit]
    if _RANK[granularity] < _RANK[ref.granularity] or unit == "weekend":
        return ref
    if granularity is Granularity.DAY:
        return cal.day_span(ref.start)
    return cal.period_span(ref.start, unit)


def _move(ref: DateSpan, unit: str, n: int) -> DateSpan:
    """ "a year earlier" than the third quarter is the third quarter a year before."""
    granularity = _UNIT[unit]
    if _RANK[granularity] < _RANK[ref.granularity]:
        return ref
    start = ref.start
    if unit in ("day", "week"):
        moved = start + timedelta(days=n * (7 if unit == "week" else 1))
    elif unit == "month":
        moved = cal.shift_months(start, n)
    else:
        moved = cal.shift_years(start, n)
    if ref.granularity is Granularity.DAY:
        return cal.day_span(moved)
    if ref.granularity is Granularity.WEEK:
        return cal.week_span(moved)
    if ref.granularity is Granularity.MONTH:
        return cal.month_span(moved.year, moved.month)
    if ref.granularity is Granularity.QUARTER:
        return cal.quarter_span(moved.year, (moved.month - 1) // 3 + 1)
    if ref.granularity is Granularity.SEASON:
        return cal.season_span(*cal.season_of(moved))
    return cal.period_span(moved, "decade" if ref.granularity is Granularity.DECADE else "year")


def _shift(ref: DateSpan, unit: str, n: int) -> DateSpan:
    granularity = _UNIT[unit]
    if _RANK[granularity] < _RANK[ref.granularity] or unit == "weekend":
        return ref
    if granularity is Granularity.DAY:
        return cal.day_span(ref.start + timedelta(days=n))
    return cal.period_span(ref.start, unit, n)


def iter_anaphors(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of anaphoric candidates (for tests and diagnostics)."""
    for m in _ANAPHOR.finditer(text):
        yield m.start(), m.end()
