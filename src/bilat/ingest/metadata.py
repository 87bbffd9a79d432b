"""Publication dates: read from a source's field, or inferred from the text itself."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from email.utils import parsedate_to_datetime

from bilat.records import DateSpan, Granularity

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")
_YEAR = re.compile(r"\b\d{4}\b")
# Only references pinned to a day or a month say when a piece was written.
_FULL = (Granularity.DAY, Granularity.MONTH)


def parse_published(value: str) -> DateSpan | None:
    """A publication date given by the source: ISO 8601 (any precision), RFC 2822, or prose."""
    value = value.strip()
    if not value:
        return None
    return _iso(value) or _rfc2822(value) or _prose(value)


def infer_published(text: str, today: date | None = None) -> DateSpan | None:
    """The latest fully dated reference the text cites, marked inferred.

    A piece cannot cite what has not happened, so dates after ``today`` are
    junk (a misread number or a plan) and are ignored.
    """
    from bilat.dates import find_dates  # lazy: the date finder is a heavier module

    today = today or date.today()
    spans: list[DateSpan] = [
        match.span
        for match in find_dates(text)
        if match.span.granularity in _FULL
        and match.span.start <= today
        and _YEAR.search(text[match.start : match.end])
    ]
    if not spans:
        return None
    latest: DateSpan = max(spans, key=lambda s: (s.start, s.granularity is Granularity.DAY))
    return replace(latest, inferred=True)


def _iso(value: str) -> DateSpan | None:
    match = _ISO.match(value)
    if match is None:
        return None
    year = int(match.group(1))
    month, day = (int(part) if part else None for part in match.groups()[1:])
    try:
        if month is None:
            return DateSpan(date(year, 1, 1), date(year, 12, 31), Granularity.YEAR, value)
        if day is None:
            return DateSpan(date(year, month, 1), _month_end(year, month), Granularity.MONTH, value)
        day_date = date(year, month, day)
    except ValueError:
        return None
    return DateSpan(day_date, day_date, Granularity.DAY, value)


def _rfc2822(value: str) -> DateSpan | None:
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    day = moment.date()
    return DateSpan(day, day, Granularity.DAY, value)


def _prose(value: str) -> DateSpan | None:
    """ "30 September 2021" and the like, through bilat's own date parser."""
    from bilat.dates import parse_date

    span = parse_date(value)
    return replace(span, inferred=False) if span is not None else None


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)
