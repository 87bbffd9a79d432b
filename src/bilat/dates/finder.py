"""Find date expressions in text: run every rule, keep the longest non-overlapping matches."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from bilat.dates.absolute import (
    bare_months,
    day_month_dates,
    decades,
    iso_dates,
    month_day_dates,
    month_years,
    numeric_dates,
    years,
)
from bilat.dates.anaphora import resolve_anaphora
from bilat.dates.base import Found, Rule
from bilat.dates.periods import holidays, quarters, seasons
from bilat.dates.relative import ago, deictic_days, relative_periods, vague_references, weekdays
from bilat.records import DateSpan

# Order breaks ties between equally long matches: explicit forms first.
RULES: tuple[Rule, ...] = (
    iso_dates,
    numeric_dates,
    day_month_dates,
    month_day_dates,
    month_years,
    quarters,
    seasons,
    decades,
    years,
    holidays,
    bare_months,
    ago,
    relative_periods,
    deictic_days,
    weekdays,
    vague_references,
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date expression found in a text: ``text == source[start:end]``.

    ``vague`` marks TimeML-style references ("now", "recently", "the future")
    whose span is a convention rather than a date the text names.
    """

    start: int
    end: int
    text: str
    span: DateSpan
    vague: bool = False


def find_dates(text: str, anchor: date | None = None) -> list[DateMatch]:
    """Date expressions in ``text``, sorted by position and never overlapping.

    ``anchor`` is the publication date: relative expressions ("last week",
    "Friday", "in April") resolve against it and are skipped without it.
    Where candidates overlap, the longest wins ("late September 2021" over
    "September 2021").
    """
    candidates: list[tuple[int, int, Found]] = []
    for priority, rule in enumerate(RULES):
        candidates.extend((priority, i, f) for i, f in enumerate(rule(text, anchor)))
    candidates.sort(key=lambda c: (-(c[2].end - c[2].start), c[0], c[2].start))
    taken: list[Found] = []
    for _, _, found in candidates:
        if found.end <= found.start or found.span.start > found.span.end:
            continue
        if any(found.start < t.end and t.start < found.end for t in taken):
            continue
        taken.append(found)
    return [_match(text, f) for f in resolve_anaphora(text, anchor, taken)]


_TRAILING = re.compile(r"[\s,;:]+$")


def _match(text: str, found: Found) -> DateMatch:
    end = found.start + len(_TRAILING.sub("", text[found.start : found.end]))
    snippet = text[found.start : end]
    span = replace(found.span, text=snippet)
    return DateMatch(found.start, end, snippet, span, vague=not found.reference)
