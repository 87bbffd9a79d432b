"""Parse one isolated date expression, e.g. a command-line ``--since 2021-09``."""

from __future__ import annotations

import re
from datetime import date

import bilat.dates.calendar as cal
from bilat.dates.finder import find_dates
from bilat.records import DateSpan

_ISO_PREFIX = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?")
_EDGE = re.compile(r"^(?:(?i:in|on|since|from|until|by|during)\s+)|[\s.,;:]+$")


def parse_date(expr: str, anchor: date | None = None) -> DateSpan | None:
    """The period one expression names: "2021", "2021-09", "late September 2021", "last week".

    ISO prefixes are read directly; anything else must be a single expression
    bilat's rules find in full. dateparser is the fallback for the rest, on
    the isolated expression only (day or month granularity). None when
    nothing reads the expression as a date.
    """
    text = _EDGE.sub("", expr.strip()).strip()
    if not text:
        return None
    iso = _ISO_PREFIX.fullmatch(text)
    if iso:
        return _iso(iso, text)
    matches = find_dates(text, anchor)
    if len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(text):
        return matches[0].span
    return _dateparser(text, anchor)


def _iso(m: re.Match[str], text: str) -> DateSpan | None:
    y = int(m["y"])
    try:
        if m["d"]:
            span = cal.day_span(date(y, int(m["m"]), int(m["d"])))
        elif m["m"]:
            span = cal.month_span(y, int(m["m"]))
        else:
            span = cal.year_span(y)
    except ValueError:
        return None
    return DateSpan(span.start, span.end, span.granularity, text)


def _dateparser(text: str, anchor: date | None) -> DateSpan | None:
    if not re.search(r"\d|[A-Za-z]{3}", text):
        return None
    from datetime import datetime

    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY"}
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    if data.period == "year":
        span = cal.year_span(d.year)
    elif data.period == "month":
        span = cal.month_span(d.year, d.month)
    elif data.period == "week":
        span = cal.week_span(d)
    else:
        span = cal.day_span(d)
    return DateSpan(span.start, span.end, span.granularity, text)


__all__ = ["parse_date"]
