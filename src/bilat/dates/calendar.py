"""Calendar arithmetic for date spans: periods, parts of periods and shifts.

Conventions (documented here once, used by every rule):

- Weeks run Monday to Sunday (ISO 8601).
- Seasons are meteorological and northern: spring March-May, summer June-August,
  autumn September-November, winter December-February. "Winter 2020" starts in
  December 2020.
- Parts of a period keep the period's granularity and narrow its range: "late
  September 2021" is 2021-09-21..2021-09-30 at month granularity. Thirds for
  early/mid/late; a short slice at either end for "the beginning/end of".
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from enum import StrEnum

from bilat.dates.lexicon import DATE_WORDS
from bilat.records import DateSpan, Granularity


class Part(StrEnum):
    """A part of a period named by a modifier ("early", "the end of", ...)."""

    EARLY = "early"
    MID = "mid"
    LATE = "late"
    START = "start"
    END = "end"
    FIRST_HALF = "first_half"
    SECOND_HALF = "second_half"
    FIRST_WEEK = "first_week"
    LAST_WEEK = "last_week"


SEASON_START_MONTH = DATE_WORDS.ints("SEASONS")


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def day_span(d: date) -> DateSpan:
    return DateSpan(d, d, Granularity.DAY)


def month_span(year: int, month: int) -> DateSpan:
    return DateSpan(
        date(year, month, 1), date(year, month, last_day(year, month)), Granularity.MONTH
    )


def year_span(year: int) -> DateSpan:
    return DateSpan(date(year, 1, 1), date(year, 12, 31), Granularity.YEAR)


def years_span(first: int, last: int) -> DateSpan:
    return DateSpan(date(first, 1, 1), date(last, 12, 31), Granularity.YEAR)


def decade_span(first_year: int) -> DateSpan:
    start = first_year - first_year % 10
    return DateSpan(date(start, 1, 1), date(start + 9, 12, 31), Granularity.DECADE)


def week_span(d: date) -> DateSpan:
    """The Monday-to-Sunday week containing ``d``."""
    monday = d - timedelta(days=d.weekday())
    return DateSpan(monday, monday + timedelta(days=6), Granularity.WEEK)


def months_span(year: int, first_month: int, n: int, granularity: Granularity) -> DateSpan:
    """``n`` whole months from ``first_month`` of ``year`` (may run into the next year)."""
    end_year, end_month = add_months(year, first_month, n - 1)
    return DateSpan(
        date(year, first_month, 1),
        date(end_year, end_month, last_day(end_year, end_month)),
        granularity,
    )


def season_span(year: int, season: str) -> DateSpan:
    return months_span(year, SEASON_START_MONTH[season], 3, Granularity.SEASON)


def season_of(d: date) -> tuple[int, str]:
    """(year, season) of a day; January and February belong to the previous year's winter."""
    if d.month == 12:
        return d.year, "winter"
    if d.month <= 2:
        return d.year - 1, "winter"
    return d.year, ("spring", "summer", "autumn")[(d.month - 3) // 3]


def quarter_span(year: int, quarter: int) -> DateSpan:
    return months_span(year, 3 * quarter - 2, 3, Granularity.QUARTER)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def shift_years(d: date, n: int) -> date:
    """Same day ``n`` years away; 29 February falls back to the 28th."""
    year = d.year + n
    return d.replace(year=year, day=min(d.day, last_day(year, d.month)))


def shift_months(d: date, n: int) -> date:
    year, month = add_months(d.year, d.month, n)
    return date(year, month, min(d.day, last_day(year, month)))


def period_span(anchor: date, unit: str, offset: int = 0) -> DateSpan:
    """The calendar period (day, week, month, quarter, year, decade) ``offset`` units away."""
    if unit == "day":
        return day_span(anchor + timedelta(days=offset))
    if unit == "week":
        return week_span(anchor + timedelta(weeks=offset))
    if unit == "month":
        year, month = add_months(anchor.year, anchor.month, offset)
        return month_span(year, month)
    if unit == "quarter":
        year, month = add_months(anchor.year, anchor.month, 3 * offset)
        return quarter_span(year, (month - 1) // 3 + 1)
    if unit == "year":
        return year_span(anchor.year + offset)
    if unit == "decade":
        return decade_span(anchor.year + 10 * offset)
    raise ValueError(f"unknown calendar unit: {unit}")


def part_of(span: DateSpan, part: Part) -> DateSpan:
    """The part of ``span`` a modifier names, at the span's own granularity."""
    start, end = _part_days(span, part)
    return DateSpan(start, end, span.granularity, span.text, span.inferred)


def _part_days(span: DateSpan, part: Part) -> tuple[date, date]:
    first, last = span.start, span.end
    if span.granularity is Granularity.MONTH and first.day == 1:
        # Days of a month: 1-10, 11-20, 21-end; a week at either end.
        n = last.day
        bounds = {
            Part.EARLY: (1, 10),
            Part.MID: (11, 20),
            Part.LATE: (21, n),
            Part.START: (1, 7),
            Part.END: (n - 6, n),
            Part.FIRST_WEEK: (1, 7),
            Part.LAST_WEEK: (n - 6, n),
            Part.FIRST_HALF: (1, 15),
            Part.SECOND_HALF: (16, n),
        }[part]
        return first.replace(day=bounds[0]), first.replace(day=bounds[1])
    if span.granularity is Granularity.YEAR and (first.month, first.day) == (1, 1):
        # Months of a year: Jan-Apr, May-Aug, Sep-Dec; two months at either end.
        months = {
            Part.EARLY: (1, 4),
            Part.MID: (5, 8),
            Part.LATE: (9, 12),
            Part.START: (1, 2),
            Part.END: (11, 12),
            Part.FIRST_HALF: (1, 6),
            Part.SECOND_HALF: (7, 12),
        }.get(part)
        if months is not None:
            year = last.year
            return date(first.year, months[0], 1), date(year, months[1], last_day(year, months[1]))
        if part is Part.FIRST_WEEK:
            return first, first + timedelta(days=6)
        return last - timedelta(days=6), last
    if span.granularity is Granularity.DECADE:
        years = {
            Part.EARLY: (0, 3),
            Part.MID: (4, 6),
            Part.LATE: (7, 9),
            Part.START: (0, 1),
            Part.END: (8, 9),
            Part.FIRST_HALF: (0, 4),
            Part.SECOND_HALF: (5, 9),
        }.get(part, (0, 9))
        return date(first.year + years[0], 1, 1), date(first.year + years[1], 12, 31)
    return _fraction(first, last, part)


def _fraction(first: date, last: date, part: Part) -> tuple[date, date]:
    """Generic split by days, for weeks, seasons, quarters and odd ranges."""
    days = (last - first).days + 1
    third = max(days // 3, 1)
    if part is Part.EARLY:
        return first, first + timedelta(days=third - 1)
    if part is Part.MID:
        return first + timedelta(days=third), last - timedelta(days=third)
    if part is Part.LATE:
        return last - timedelta(days=third - 1), last
    if part in (Part.START, Part.FIRST_WEEK):
        return first, min(first + timedelta(days=max(days // 6, 1) - 1), last)
    if part in (Part.END, Part.LAST_WEEK):
        return max(last - timedelta(days=max(days // 6, 1) - 1), first), last
    half = days // 2
    if part is Part.FIRST_HALF:
        return first, first + timedelta(days=half - 1)
    return first + timedelta(days=half), last


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * ell) // 433
    month = (h + ell - 7 * m + 90) // 25
    day = (h + ell - 7 * m + 33 * month + 19) % 32
    return date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th given weekday (0 = Monday) of a month, e.g. US Thanksgiving."""
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
