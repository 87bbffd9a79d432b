"""Rules for seasons, quarters, halves and a few holidays.

Seasons and holidays without a year take it from the anchor the way months do
(see ``context``); quarters and halves without one are the anchor's year's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

import bilat.dates.calendar as cal
from bilat.dates.base import MODIFIER, Found, part_named, word_before
from bilat.dates.context import Direction, choose, direction_at, month_day_near
from bilat.dates.lexicon import DATE_WORDS, ORDINALS, year
from bilat.records import DateSpan, Granularity

# --- seasons and quarters ----------------------------------------------------

_SEASON = re.compile(
    rf"(?:{MODIFIER}[\s-]*)?"
    r"(?:(?P<rel>(?i:last|this|next|the|this\s+past|this\s+coming|the\s+coming|the\s+past))\s+)?"
    r"(?P<season>(?i:spring|summer|autumn|fall|winter))(?P<poss>'s)?"
    rf"(?:,?\s+(?:(?i:of)\s+)?{year('y')})?(?![\w])"
)
_SEASON_CUES = frozenset(DATE_WORDS.words("SEASON_CUES"))


# What every season contains: scanning for it first spares the long pattern on most texts.
_SEASON_CORE = re.compile(r"(?i:spring|summer|autumn|fall|winter)")


def seasons(text: str, anchor: date | None) -> Iterator[Found]:
    """ "summer 2020", "the spring of 2021", "last fall", "in the winter"."""
    if not _SEASON_CORE.search(text):
        return
    for m in _SEASON.finditer(text):
        name = m["season"].lower()
        name = "autumn" if name == "fall" else name
        rel = " ".join((m["rel"] or "").lower().split())
        if m["y"]:
            span = cal.season_span(int(m["y"]), name)
        else:
            if anchor is None:
                continue
            if m["season"][0].isupper() and not (rel or m["mod"]):
                continue  # "Arab Spring", "Prague Spring"
            if m["season"].lower() == "fall" and not (rel or m["mod"]):
                continue  # the verb
            needs_cue = not (rel and rel != "the") and not m["mod"]
            if needs_cue and word_before(text, m.start()) not in _SEASON_CUES:
                continue
            if re.match(r"\s+of\s+(?!\d)", text[m.end() : m.end() + 8], re.IGNORECASE):
                continue  # "the fall of Kabul"
            span = _season_near(name, rel, anchor, text, m.start())
        part = part_named(m["mod"])
        yield Found(m.start(), m.end(), cal.part_of(span, part) if part else span)


def _season_near(name: str, rel: str, anchor: date, text: str, start: int) -> DateSpan:
    spans = [cal.season_span(y, name) for y in range(anchor.year - 2, anchor.year + 2)]
    if rel in ("last", "this past", "the past"):
        return [s for s in spans if s.end < anchor][-1]
    if rel in ("next", "this coming", "the coming"):
        return next(s for s in spans if s.start > anchor)
    current = [s for s in spans if s.start <= anchor <= s.end]
    if current:
        return current[0]
    past = [s for s in spans if s.end < anchor][-1]
    future = next(s for s in spans if s.start > anchor)
    if rel == "this":
        return future
    picked = choose(past.end, future.start, anchor, direction_at(text, start), 213)
    return past if picked == past.end else future


_QUARTER = re.compile(
    r"(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))"
    r"[\s-]+(?P<unit>(?i:quarter|half))"
    rf"(?:\s+(?i:of)\s+(?:(?i:the\s+)?(?i:fiscal\s+)?(?:{year('y')}|"
    r"(?P<rel>(?i:this|last|next|the|that|the\s+current))\s+(?i:fiscal\s+)?(?i:year)))|"
    rf",?\s+{year('y2')})?(?![\w])"
    r"|(?<![\w])(?P<code>[QH])(?P<n>[1-4])(?:\s*|[-/])(?:'?(?P<y3>(?:19|20)\d\d))?(?![\w])"
)


def quarters(text: str, anchor: date | None) -> Iterator[Found]:
    """ "the third quarter of 2021", "Q3 2021", "the first half of next year", "H1"."""
    for m in _QUARTER.finditer(text):
        explicit = m["y"] or m["y2"] or m["y3"]
        if m["code"]:
            unit, n = ("quarter" if m["code"] == "Q" else "half"), int(m["n"])
            if unit == "half" and n > 2:
                continue
        else:
            unit, n = m["unit"].lower(), ORDINALS[m["ord"].lower()]
            if unit == "half":
                n = 2 if n >= 2 else 1
        if explicit:
            y = int(explicit)
        elif anchor is None:
            continue
        elif m["code"] is None and m["ord"].lower() == "last" and not m["rel"]:
            # "the last quarter" with no year: the one before the anchor's.
            yield Found(m.start(), m.end(), cal.period_span(anchor, "quarter", -1))
            continue
        else:
            rel = (m["rel"] or "this").lower().split()[-1]
            y = anchor.year + {"last": -1, "next": 1}.get(rel, 0)
        if unit == "quarter":
            span = cal.quarter_span(y, n)
        else:
            part = cal.Part.FIRST_HALF if n == 1 else cal.Part.SECOND_HALF
            span = cal.part_of(cal.year_span(y), part)
        yield Found(m.start(), m.end(), span)


# --- holidays ------------------------------------------------------------------

_HOLIDAY = re.compile(
    r"(?:(?P<rel>(?i:last|this|next))\s+)?"
    r"(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|Election\s+Day"
    r"|Easter(?:\s+(?:Sunday|Monday|week|weekend))?)"
    rf"(?:,?\s+{year('y')})?(?![\w])"
)


def holidays(text: str, anchor: date | None) -> Iterator[Found]:
    """Christmas, New Year's Day, Easter, and the US Thanksgiving and Election Day."""
    for m in _HOLIDAY.finditer(text):
        name = " ".join(m["h"].split())
        if m["y"]:
            y = int(m["y"])
        elif anchor is None:
            continue
        else:
            y = _holiday_year(name, m["rel"], anchor, direction_at(text, m.start(), m.end()))
        d = _holiday(name, y)
        if name.endswith("week"):
            span = cal.week_span(d)
        elif name.endswith("weekend"):
            span = DateSpan(d - timedelta(days=1), d, Granularity.DAY)
        else:
            span = cal.day_span(d)
        yield Found(m.start(), m.end(), span)


def _holiday(name: str, y: int) -> date:
    if name.startswith("Christmas"):
        return date(y, 12, 24 if name.endswith("Eve") else 25)
    if name.startswith("New Year"):
        return date(y, 12, 31) if name.endswith("Eve") else date(y, 1, 1)
    if name.startswith("Thanksgiving"):
        return cal.nth_weekday(y, 11, 3, 4)
    if name.startswith("Election"):
        # US federal elections: the Tuesday after the first Monday of November.
        return cal.nth_weekday(y, 11, 0, 1) + timedelta(days=1)
    sunday = cal.easter(y)
    return sunday + timedelta(days=1) if name.endswith("Monday") else sunday


def _holiday_year(name: str, rel: str | None, anchor: date, direction: Direction) -> int:
    this = _holiday(name, anchor.year)
    if rel and rel.lower() == "last":
        return anchor.year if this < anchor else anchor.year - 1
    if rel and rel.lower() == "next":
        return anchor.year if this > anchor else anchor.year + 1
    found = month_day_near(this.month, this.day, anchor, direction)
    return found.year if found else anchor.year
