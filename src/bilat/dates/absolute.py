"""Rules for expressions that name a calendar date, month, year or decade.

Expressions without a year ("Nov. 25", "in April", "the third quarter") take
it from the anchor (see ``context``); without an anchor they are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import bilat.dates.calendar as cal
from bilat.dates.base import MODIFIER, Found, part_named, word_after, word_before
from bilat.dates.context import direction_at, month_day_near, month_year_near
from bilat.dates.lexicon import (
    DATE_WORDS,
    DECADE_WORDS,
    MONTHS,
    STRONG_PREPOSITIONS,
    TIME_PREPOSITIONS,
    WEEKDAYS,
    day,
    full_month,
    month,
    weekday,
    year,
)
from bilat.records import DateSpan

# --- full dates --------------------------------------------------------------

_ISO = re.compile(
    r"(?<![\w/.-])(?P<y>\d{4})(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\w/-]|\.\d)"
)
_NUMERIC = re.compile(
    r"(?<![\w/.-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\w/]|\.\d)"
)
_WEEK_OF = r"(?P<weekof>(?i:the\s+week\s+of)\s+)?"
_DMY = re.compile(
    _WEEK_OF
    + rf"(?:{weekday('wd')},?\s+)?(?:(?i:the)\s+)?{day('d1')}"
    + rf"(?:\s*(?:-|–|(?i:and|or|to))\s*(?:(?i:the)\s+)?{day('d2')})?"
    + rf"(?:\s+(?i:of))?\s+{month('m')}(?:,?\s+{year('y')})?"
)
_MDY = re.compile(
    _WEEK_OF
    + rf"(?:{weekday('wd')},?\s+)?{month('m')}\s*{day('d1')}(?:,?\s+{year('y')})?"
    + rf"(?:\s*(?:-|–|(?i:and|or|to|through))\s*{day('d2')}(?!\s*[A-Za-z]{{3}}))?"
)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def iso_dates(text: str, anchor: date | None) -> Iterator[Found]:
    """2021-09-30 and 2021/09/30."""
    for m in _ISO.finditer(text):
        d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d is not None:
            yield Found(m.start(), m.end(), cal.day_span(d))


def numeric_dates(text: str, anchor: date | None) -> Iterator[Found]:
    """30.09.2021 (always day first) and 30/09/2021 or 09/30/2021.

    Slashed dates are read day-first or month-first when only one reading is
    valid; when both are, the reading nearer the anchor wins, and without an
    anchor the expression is skipped rather than guessed.
    """
    for m in _NUMERIC.finditer(text):
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        dmy = _safe_date(y, b, a)
        mdy = None if m["sep"] == "." else _safe_date(y, a, b)
        readings = [d for d in (dmy, mdy) if d is not None]
        if len(readings) == 2 and readings[0] != readings[1]:
            if anchor is None:
                continue
            readings.sort(key=lambda d: abs((d - anchor).days))
        if readings:
            yield Found(m.start(), m.end(), cal.day_span(readings[0]))


def _month_day(
    text: str, m: re.Match[str], day_group: str, anchor: date | None, *, start: int, end: int
) -> Found | None:
    mon = MONTHS[m["m"].rstrip(".").lower()]
    d = int(m[day_group])
    if m["y"]:
        found = _safe_date(int(m["y"]), mon, d)
    elif anchor is not None:
        found = month_day_near(mon, d, anchor, direction_at(text, m.start(), m.end()))
    else:
        return None
    if found is None:
        return None
    wd = WEEKDAYS[m["wd"].lower()] if m["wd"] else None
    if wd is not None and found.weekday() != wd and not m["y"]:
        # "Friday, Oct. 23" without a year: the weekday picks between neighbouring years.
        for shift in (-1, 1):
            other = _safe_date(found.year + shift, mon, d)
            if other is not None and other.weekday() == wd:
                found = other
                break
    span = cal.week_span(found) if m["weekof"] else cal.day_span(found)
    return Found(start, end, span)


def month_day_dates(text: str, anchor: date | None) -> Iterator[Found]:
    """ "December 1, 2021", "Dec. 1", "Monday, Oct. 26", "April 24 and 25"."""
    for m in _MDY.finditer(text):
        first_end = m.end("y") if m["y"] else m.end("d1")
        found = _month_day(text, m, "d1", anchor, start=m.start(), end=first_end)
        if found is None:
            continue
        yield found
        if m["d2"]:
            second = _month_day(text, m, "d2", anchor, start=m.start("d2"), end=m.end("d2"))
            if second is not None and second.span.start.year == found.span.start.year:
                yield second


def day_month_dates(text: str, anchor: date | None) -> Iterator[Found]:
    """ "1 December 2021", "the 1st of December", "24-25 April 2021"."""
    for m in _DMY.finditer(text):
        if m["d2"]:
            second = _month_day(text, m, "d2", anchor, start=m.start("d2"), end=m.end())
            first = _month_day(text, m, "d1", anchor, start=m.start(), end=m.end("d1"))
            for found in (first, second):
                if found is not None:
                    yield found
            continue
        found = _month_day(text, m, "d1", anchor, start=m.start(), end=m.end())
        if found is not None:
            yield found


# --- months ------------------------------------------------------------------

_MONTH_YEAR = re.compile(
    rf"(?:{MODIFIER}[\s-]*)?{month('m')},?\s+(?:(?i:of)\s+)?{year('y')}(?P<poss>'s)?"
)
_BARE_MONTH = re.compile(
    rf"(?:{MODIFIER}[\s-]*)?(?:(?P<rel>(?i:last|this|next|this\s+past|this\s+coming))\s+)?"
    rf"{full_month('m')}(?:'s)?(?!\s*\d)"
    r"(?:\s+(?P<ry>(?i:this|last|next))\s+(?i:year))?"
)


def month_years(text: str, anchor: date | None) -> Iterator[Found]:
    """ "September 2021", "late Sept 2021", "June of 1998"."""
    for m in _MONTH_YEAR.finditer(text):
        span = cal.month_span(int(m["y"]), MONTHS[m["m"].rstrip(".").lower()])
        part = part_named(m["mod"])
        yield Found(m.start(), m.end(), cal.part_of(span, part) if part else span)


def bare_months(text: str, anchor: date | None) -> Iterator[Found]:
    """ "in April", "last November", "early December", "February this year"."""
    if anchor is None:
        return
    for m in _BARE_MONTH.finditer(text):
        name = m["m"]
        mon = MONTHS[name.rstrip(".").lower()]
        rel = " ".join((m["rel"] or "").lower().split())
        if not (m["mod"] or rel or m["ry"]):
            cues = STRONG_PREPOSITIONS if name.lower() == "may" else TIME_PREPOSITIONS
            if word_before(text, m.start()) not in cues:
                continue
        if m["ry"]:
            y = anchor.year + {"this": 0, "last": -1, "next": 1}[m["ry"].lower()]
        elif rel in ("last", "this past"):
            y = anchor.year if mon < anchor.month else anchor.year - 1
        elif rel in ("next", "this coming"):
            y = anchor.year if mon > anchor.month else anchor.year + 1
        elif rel == "this":
            y = anchor.year
        else:
            y = month_year_near(mon, anchor, direction_at(text, m.start(), m.end()))
        span = cal.month_span(y, mon)
        part = part_named(m["mod"])
        yield Found(m.start(), m.end(), cal.part_of(span, part) if part else span)


# --- years and decades -------------------------------------------------------

_YEAR = re.compile(
    rf"(?:{MODIFIER}[\s-]*)?(?:(?P<pre>(?i:post|pre|mid))-)?"
    rf"(?:(?P<fiscal>(?i:fiscal\s+(?:year\s+)?|FY\s?)))?{year('y')}"
    r"(?:(?P<dash>\s*[-–/]\s*)(?P<y2>\d{4}|\d{2})(?![\d%]|[.,]\d))?"
    r"(?P<poss>'s)?(?![\w']|-[A-Za-z])"
)
# A number followed by one of these counts things; it is not a year.
_COUNTED = frozenset(DATE_WORDS.words("COUNTED"))
_LIST_GAP = re.compile(r"\s*(?:,|;|and|or|to|through|until|till|-|–)?\s*(?:and\s+|or\s+)?$")


def years(text: str, anchor: date | None) -> Iterator[Found]:
    """ "in 2021", "2021's", "the 1996 law", "early 1997", "1998-99", "fiscal 2021".

    A bare four-digit number is a year only in a date-like context: after a
    time preposition (1800-2099), after a weaker cue like "the" or "and"
    (1900-2099), with a modifier, a range or a possessive, or in a list that
    follows another year ("in 1994, 1995 and 1997"). Never before a counted
    noun ("2000 troops").
    """
    last_year_end = -1
    for m in _YEAR.finditer(text):
        y = int(m["y"])
        if word_after(text, m.end()) in _COUNTED:
            continue
        span = _year_range(m, y)
        if span is None:
            continue
        before = word_before(text, m.start())
        listed = last_year_end >= 0 and _LIST_GAP.match(text[last_year_end : m.start()])
        strong = bool(m["mod"] or m["pre"] or m["fiscal"] or m["poss"] or m["y2"])
        if not strong:
            if before in STRONG_PREPOSITIONS or listed:
                ok = 1800 <= y <= 2099
            elif before in TIME_PREPOSITIONS or text[max(0, m.start() - 1) : m.start()] == "(":
                ok = 1900 <= y <= 2099
            else:
                ok = False
            if not ok:
                continue
        part = part_named(m["mod"])
        if part is None and m["pre"] and m["pre"].lower() == "mid":
            part = cal.Part.MID
        last_year_end = m.end()
        yield Found(m.start(), m.end(), cal.part_of(span, part) if part else span)


def _year_range(m: re.Match[str], y: int) -> DateSpan | None:
    if not m["y2"]:
        return cal.year_span(y)
    raw = m["y2"]
    y2 = int(raw) if len(raw) == 4 else y - y % 100 + int(raw)
    if y < y2 <= y + 30:
        return cal.years_span(y, y2)
    if len(raw) == 2 and m["dash"].strip() == "-" and 1 <= int(raw) <= 12:
        # 2021-09: an ISO month, not a range.
        return cal.month_span(y, int(raw))
    return None


_DECADE = re.compile(
    rf"(?:(?i:the)\s+(?=(?i:early|mid|late)\b))?(?:{MODIFIER}[\s-]*)?(?:(?P<the>(?i:the))\s+)?(?:(?P<pre>(?i:mid|early|late))-)?"
    r"(?:(?P<full>1\d\d0|20\d0)'?s|(?P<apos>['‘’])(?P<short>\d0)s|(?P<short2>\d0)s"
    rf"|(?P<word>(?i:{'|'.join(DECADE_WORDS)})))(?![\w'])"
)


# "the '20s" without an anchor: the latest decade it may name, fixed so results never
# depend on the day the code runs.
_NO_ANCHOR_LATEST = 2029


# What every decade contains: scanning for it first spares the long pattern on most texts.
_DECADE_CORE = re.compile(rf"\d0['‘’]?s|(?i:{'|'.join(DECADE_WORDS)})")


def decades(text: str, anchor: date | None) -> Iterator[Found]:
    """ "the 1950s", "the '90s", "the fifties", "the early 1990s", "mid-1980s"."""
    if not _DECADE_CORE.search(text):
        return
    for m in _DECADE.finditer(text):
        qualified = bool(m["the"] or m["mod"] or m["pre"])
        if m["full"]:
            first = int(m["full"])
        else:
            if not (qualified or m["apos"]):
                continue  # "in their 60s" is an age
            two = int(m["short"] or m["short2"] or DECADE_WORDS[m["word"].lower()])
            latest = anchor.year if anchor else _NO_ANCHOR_LATEST
            first = 2000 + two if 2000 + two <= latest else 1900 + two
        span = cal.decade_span(first)
        part = part_named(m["mod"] or m["pre"])
        yield Found(m.start(), m.end(), cal.part_of(span, part) if part else span)
