"""What a date rule returns, and small helpers the rules share."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from bilat.dates.calendar import Part
from bilat.records import DateSpan


@dataclass(frozen=True, slots=True)
class Found:
    """A candidate date expression: char offsets into the text and its span."""

    start: int
    end: int
    span: DateSpan
    reference: bool = True  # False for vague ones ("now") that "that day" cannot refer to


# A rule scans the whole text; it may need the anchor (publication date).
Rule = Callable[[str, date | None], Iterator[Found]]

# Modifiers that name a part of the following period ("late", "the end of").
MODIFIER = (
    r"(?P<mod>(?i:early|mid|late|"
    r"(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|close|first\s+half|second\s+half|"
    r"latter\s+half|latter\s+part|first\s+week|last\s+week|final\s+week|first\s+days|"
    r"last\s+days|final\s+days|early\s+part|later\s+part)\s+of))"
)
_PARTS: tuple[tuple[str, Part], ...] = (
    ("first half", Part.FIRST_HALF),
    ("second half", Part.SECOND_HALF),
    ("latter half", Part.SECOND_HALF),
    ("latter part", Part.LATE),
    ("later part", Part.LATE),
    ("early part", Part.EARLY),
    ("first week", Part.FIRST_WEEK),
    ("first days", Part.START),
    ("last week", Part.LAST_WEEK),
    ("final week", Part.LAST_WEEK),
    ("last days", Part.END),
    ("final days", Part.END),
    ("beginning", Part.START),
    ("start", Part.START),
    ("end", Part.END),
    ("close", Part.END),
    ("middle", Part.MID),
    ("early", Part.EARLY),
    ("mid", Part.MID),
    ("late", Part.LATE),
)


def part_named(modifier: str | None) -> Part | None:
    """The Part a matched modifier names, or None when there was none."""
    if not modifier:
        return None
    words = " ".join(modifier.lower().split())
    for key, part in _PARTS:
        if key in words:
            return part
    return None


_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s\-]*$")


def word_before(text: str, start: int) -> str:
    """The lower-cased word just before ``start`` ("" after punctuation)."""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return m.group(1).lower() if m else ""


def word_after(text: str, end: int) -> str:
    m = re.match(r"\s*([A-Za-z%]+)", text[end : end + 40])
    return m.group(1).lower() if m else ""
