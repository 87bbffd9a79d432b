"""Rules for expressions that only make sense against the anchor (publication date).

Conventions:

- "Friday" is the nearest Friday on or before the anchor (the anchor itself on
  a Friday), unless a future marker governs it ("will meet Friday"): then the
  nearest on or after. "last Friday" is strictly before, "next Friday" strictly
  after.
- "last week/month/year" is the previous calendar period; "the past week",
  "the last year" are rolling windows that end on the anchor; "the coming
  week" starts the day after it.
- "two years ago" is a period at the unit's granularity ("a decade ago" a
  year).
- Vague references follow TimeML: "now", "currently", "current" are the anchor
  day (PRESENT_REF); "recently", "lately" are the 90 days before it at month
  granularity (PAST_REF); "the past" and "the future" are five-year windows
  before and after it at year granularity (PAST_REF, FUTURE_REF); "the near
  future" is the next 90 days.
- "recent weeks" is the 90 days before the anchor, "recent years" five years;
  "the coming weeks" the next 90 days, "the coming years" five years. "future"
  is a date only as a noun ("the future", "Elian's future"), not as an
  adjective ("future talks").
- Durations are not dates: "in nine years", "for two weeks" and "in the past
  twenty-three years" are not matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

import bilat.dates.calendar as cal
from bilat.dates.base import MODIFIER, Found, part_named
from bilat.dates.context import Direction, direction_at, weekday_near
from bilat.dates.lexicon import DATE_WORDS, NUMBER, PART_OF_DAY, WEEKDAYS, number_value, weekday
from bilat.records import DateSpan, Granularity

_B = r"(?<![\w'-])"  # word start
_E = r"(?![\w-])"  # word end

_DEICTIC = re.compile(
    _B + r"(?i:(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight"
    r"|tomorrow|yesterday|last\s+night|this\s+(?:morning|afternoon|evening))"
    rf"(?:\s+{PART_OF_DAY})?)" + _E
)
_DEICTIC_SHIFT = DATE_WORDS.ints("DEICTIC_SHIFT")


def deictic_days(text: str, anchor: date | None) -> Iterator[Found]:
    """today, tonight, yesterday, tomorrow (and their mornings and nights)."""
    if anchor is None:
        return
    for m in _DEICTIC.finditer(text):
        w = " ".join(m["w"].lower().split())
        shift = next((v for k, v in _DEICTIC_SHIFT.items() if w.startswith(k)), 0)
        yield Found(m.start(), m.end(), cal.day_span(anchor + timedelta(days=shift)))


_VAGUE = re.compile(
    _B + r"(?i:(?P<present>right\s+now|now|currently|at\s+present|presently|nowadays|"
    r"these\s+days|at\s+the\s+moment|the\s+present(?:\s+day|\s+time)?|"
    r"current(?!\s+accounts?" + _E + r"))"
    r"|(?P<recent>recently|lately|of\s+late|recent\s+(?:days|weeks|months))"
    r"|(?P<recent_years>recent\s+years)"
    r"|(?P<near>the\s+(?:near|immediate|foreseeable)\s+future|the\s+coming\s+(?:days|weeks|months))"
    r"|(?P<future>(?:the\s+(?:distant\s+)?|in\s+)future|the\s+coming\s+years"
    r"|(?:"
    + "|".join(rf"(?<=\b{w}\s)" for w in ("his", "her", "its", "our", "their", "'s"))
    + r")future)"
    r"|(?P<past>the\s+(?:distant\s+|recent\s+)?past(?=\s*[,.;:!?)]|\s+(?:and|or|but|when|as|"
    r"is|was|has|had|we|they|he|she|it|I)\b)))" + _E
)


def vague_references(text: str, anchor: date | None) -> Iterator[Found]:
    """now, currently, recently, the future, the past (see the module docstring)."""
    if anchor is None:
        return
    for m in _VAGUE.finditer(text):
        if m["present"]:
            span = cal.day_span(anchor)
        elif m["recent"]:
            span = DateSpan(anchor - timedelta(days=90), anchor, Granularity.MONTH)
        elif m["recent_years"]:
            span = DateSpan(cal.shift_years(anchor, -5), anchor, Granularity.YEAR)
        elif m["near"]:
            span = DateSpan(
                anchor + timedelta(days=1), anchor + timedelta(days=90), Granularity.MONTH
            )
        elif m["future"]:
            end = cal.shift_years(anchor, 5)
            span = DateSpan(anchor + timedelta(days=1), end, Granularity.YEAR)
        else:
            span = DateSpan(
                cal.shift_years(anchor, -5), anchor - timedelta(days=1), Granularity.YEAR
            )
        yield Found(m.start(), m.end(), span, reference=False)


_UNIT = r"(?P<unit>(?i:week(?:end)?|month|year|quarter|decade))"
_PERIOD = re.compile(
    _B
    + rf"(?:{MODIFIER}[\s-]*)?"
    + r"(?P<rel>(?i:this\s+past|this\s+coming|this|last|next|past|coming|current|"
    r"the\s+(?:past|last|next|coming|current)|earlier\s+this|later\s+this|"
    r"(?:earlier|later)\s+in\s+the|the))\s+"
    + _UNIT
    + r"(?:'s)?"
    + _E
    + r"|"
    + _B
    + r"(?P<edge>(?i:year[- ]end|mid[- ]year|month[- ]end))"
    + _E
)


def relative_periods(text: str, anchor: date | None) -> Iterator[Found]:
    """this week, last month, next year, the past week, earlier this year, the end of the year."""
    if anchor is None:
        return
    for m in _PERIOD.finditer(text):
        if m["edge"]:
            edge = m["edge"].lower()
            unit = "month" if edge.startswith("month") else "year"
            edge_part = cal.Part.MID if edge.startswith("mid") else cal.Part.END
            whole = cal.period_span(anchor, unit)
            yield Found(m.start(), m.end(), cal.part_of(whole, edge_part))
            continue
        if m["unit"][0].isupper() and not m["unit"].isupper():
            continue  # "Africa This Week": a title, not a date
        rel = " ".join(m["rel"].lower().split())
        unit = m["unit"].lower()
        part = part_named(m["mod"])
        if rel == "the" and part is None and unit != "weekend":
            continue  # "the year" alone refers back to some other date
        span = _weekend(rel, anchor, text, m.start()) if unit == "weekend" else None
        if span is None and unit != "weekend":
            span = _period(rel, unit, anchor)
        if span is None:
            continue
        yield Found(m.start(), m.end(), cal.part_of(span, part) if part else span)


def _period(rel: str, unit: str, anchor: date) -> DateSpan | None:
    granularity = {
        "week": Granularity.WEEK,
        "month": Granularity.MONTH,
        "quarter": Granularity.QUARTER,
        "year": Granularity.YEAR,
        "decade": Granularity.DECADE,
    }[unit]
    if rel in ("the past", "the last"):
        # A rolling window that ends today.
        start = _minus(anchor, unit) + timedelta(days=1)
        return DateSpan(start, anchor, granularity)
    if rel in ("the next", "the coming"):
        return DateSpan(anchor + timedelta(days=1), _plus(anchor, unit), granularity)
    offset = {
        "this": 0,
        "current": 0,
        "the current": 0,
        "the": 0,
        "last": -1,
        "past": -1,
        "this past": -1,
        "next": 1,
        "coming": 1,
        "this coming": 1,
    }.get(rel)
    if offset is not None:
        return cal.period_span(anchor, unit, offset)
    whole = cal.period_span(anchor, unit)
    if rel.startswith("earlier"):
        return DateSpan(whole.start, max(whole.start, anchor - timedelta(days=1)), granularity)
    return DateSpan(min(whole.end, anchor + timedelta(days=1)), whole.end, granularity)


def _minus(anchor: date, unit: str) -> date:
    if unit == "week":
        return anchor - timedelta(weeks=1)
    if unit in ("month", "quarter"):
        return cal.shift_months(anchor, -1 if unit == "month" else -3)
    return cal.shift_years(anchor, -1 if unit == "year" else -10)


def _plus(anchor: date, unit: str) -> date:
    if unit == "week":
        return anchor + timedelta(weeks=1)
    if unit in ("month", "quarter"):
        return cal.shift_months(anchor, 1 if unit == "month" else 3)
    return cal.shift_years(anchor, 1 if unit == "year" else 10)


def _weekend(rel: str, anchor: date, text: str, start: int) -> DateSpan | None:
    """Saturday and Sunday, at day granularity."""
    this_saturday = anchor + timedelta(days=5 - anchor.weekday())
    upcoming = this_saturday + timedelta(weeks=1 if anchor.weekday() >= 5 else 0)
    latest = this_saturday - timedelta(weeks=0 if anchor.weekday() >= 5 else 1)
    if rel in ("last", "past", "this past", "the past", "the last"):
        saturday = this_saturday - timedelta(weeks=1)
    elif rel in ("next", "coming", "this coming", "the coming", "the next"):
        saturday = upcoming
    elif rel in ("this", "current", "the current"):
        saturday = this_saturday
    elif rel == "the":
        saturday = upcoming if direction_at(text, start) is Direction.FUTURE else latest
    else:
        return None
    return DateSpan(saturday, saturday + timedelta(days=1), Granularity.DAY)


_AGO = re.compile(
    _B + r"(?:(?i:about|almost|nearly|some|roughly|around|approximately|more\s+than|less\s+than|"
    r"over|just|only|exactly|barely|at\s+least)\s+)?"
    + rf"(?P<n>(?i:{NUMBER}))\s+(?P<unit>(?i:days?|weeks?|months?|years?|decades?))"
    + r"\s+(?P<dir>(?i:ago|from\s+now|hence))"
    + _E
)


def ago(text: str, anchor: date | None) -> Iterator[Found]:
    """ "two years ago", "a decade ago", "11 days ago", "six weeks from now"."""
    if anchor is None:
        return
    for m in _AGO.finditer(text):
        n = number_value(m["n"])
        if n is None:
            continue
        sign = -1 if m["dir"].lower() == "ago" else 1
        unit = m["unit"].lower().rstrip("s")
        try:
            span = _units_away(anchor, unit, sign * n)
        except (ValueError, OverflowError):
            continue  # beyond the calendar
        yield Found(m.start(), m.end(), span)


def _units_away(anchor: date, unit: str, n: int) -> DateSpan:
    if unit == "day":
        return cal.day_span(anchor + timedelta(days=n))
    if unit == "week":
        return cal.week_span(anchor + timedelta(weeks=n))
    if unit == "month":
        return cal.period_span(anchor, "month", n)
    return cal.year_span(anchor.year + n * (10 if unit == "decade" else 1))


_WEEKDAY = re.compile(
    _B
    + r"(?:(?P<rel>(?i:last|this\s+past|this\s+coming|this|next|early|late))\s+)?"
    + weekday("wd")
    + r"(?P<poss>'s)?"
    + rf"(?:\s+(?P<part>(?i:{PART_OF_DAY})))?"
    + _E
)
_NAMED_DAYS = re.compile(r"(?:Black|Bloody|Super|Cyber|Blue|Ash|Palm|Holy|Good|Easter)\s+$")


def weekdays(text: str, anchor: date | None) -> Iterator[Found]:
    """ "Friday", "on Wednesday", "last Tuesday", "Sunday night", "Friday's"."""
    if anchor is None:
        return
    for m in _WEEKDAY.finditer(text):
        if _NAMED_DAYS.search(text, max(0, m.start() - 12), m.start()):
            continue  # "Bloody Sunday" names an event, not this week's Sunday
        wd = WEEKDAYS[m["wd"].lower()]
        rel = " ".join((m["rel"] or "").lower().split())
        if rel in ("last", "this past"):
            d = anchor - timedelta(days=(anchor.weekday() - wd - 1) % 7 + 1)
        elif rel in ("next", "this coming"):
            d = anchor + timedelta(days=(wd - anchor.weekday() - 1) % 7 + 1)
        elif rel == "this":
            d = anchor + timedelta(days=wd - anchor.weekday())
        else:
            d = weekday_near(wd, anchor, direction_at(text, m.start("wd"), m.end()))
        yield Found(m.start(), m.end(), cal.day_span(d))


__all__ = ["ago", "deictic_days", "relative_periods", "vague_references", "weekdays"]
