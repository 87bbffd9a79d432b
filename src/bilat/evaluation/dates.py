"""Scoring rule 4: date expressions in TimeML news documents.

Each ``*.tml`` file gives a document creation time (``<DCT>``, the anchor) and
gold ``TIMEX3`` elements inside ``<TEXT>``. Every TIMEX3 of type DATE is a gold
item. bilat's ``find_dates`` runs over the TEXT with its tags stripped, so
offsets of gold and predictions agree.

- **found**: share of gold DATEs overlapped by a predicted match.
- **value_accuracy**: among those found, the share whose predicted span agrees
  with the gold ``value`` at the gold's granularity. The predicted span is
  represented by its middle day, so "last week" straddling two months is in
  the month holding most of it, and it must be no coarser than the gold
  ("1998" does not match a gold day), unless the span lies wholly inside the
  gold period ("the end of 1998", Nov-Dec at year granularity, agrees with
  ``1998-Q4``). Value forms:

  - ``1998-08-07``, ``1998-08``, ``1998``, ``199X`` (decade), ``19XX``
    (century): the middle day lies in that period. ``X`` digits are unknowns:
    ``1949-XX`` is read as 1949, ``XXXX-12-25`` compares month and day only.
    A time part (``T10:00``, ``TNI``) is dropped: the day is what is compared;
    a fiscal year ``FY1989`` is read as the year.
  - ``2000-W7`` (ISO week), ``1998-FA`` (season; winter may start in either
    year), ``1999-Q3``, ``1999-H1``: the middle day lies in it.
  - ``PRESENT_REF``: the span contains the anchor. ``PAST_REF``: it ends on or
    before the anchor and starts before it. ``FUTURE_REF``: it starts on or
    after the anchor and ends after it.
  - Durations used as DATE values (``P1W`` for "this week"): the prediction
    has the unit's granularity and lies within that many units of the anchor.
  - Anything else counts as a wrong value.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from bilat.dates import DateMatch, find_dates
from bilat.dates.calendar import season_of
from bilat.errors import ResourceInvalid
from bilat.evaluation.metrics import ratio
from bilat.records import DateSpan, Granularity

_HALF, _CENTURY = 4, 7  # ranks beyond Granularity.rank's: half a year, a century


@dataclass(frozen=True, slots=True)
class GoldDate:
    """One gold TIMEX3 of type DATE: offsets into the stripped TEXT and its value."""

    start: int
    end: int
    text: str
    value: str


@dataclass(frozen=True, slots=True)
class TimemlDocument:
    name: str
    anchor: date
    text: str
    gold: tuple[GoldDate, ...]


@dataclass(frozen=True, slots=True)
class DateScore:
    """Rule 4 result: ``found`` is recall of gold DATEs, ``value_accuracy`` is over those found."""

    n: int
    n_found: int
    n_correct: int

    @property
    def found(self) -> float:
        return ratio(self.n_found, self.n)

    @property
    def value_accuracy(self) -> float:
        return ratio(self.n_correct, self.n_found)

    def __add__(self, other: DateScore) -> DateScore:
        return DateScore(
            self.n + other.n, self.n_found + other.n_found, self.n_correct + other.n_correct
        )

    def as_dict(self) -> dict[str, float | int]:
        return {"n": self.n, "found": self.found, "value_accuracy": self.value_accuracy}


def load_timeml(path: Path) -> TimemlDocument:
    """Read one TimeML file; raises ResourceInvalid when it lacks a DCT or TEXT."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise ResourceInvalid(f"cannot read TimeML {path}: {exc}") from exc
    dct = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    if dct is None or body is None or not dct.get("value"):
        raise ResourceInvalid(f"{path}: expected <DCT><TIMEX3 value=...> and <TEXT>")
    try:
        anchor = date.fromisoformat(dct.get("value", "")[:10])
    except ValueError as exc:
        raise ResourceInvalid(f"{path}: DCT value is not a date: {exc}") from exc
    parts: list[str] = []
    gold: list[GoldDate] = []
    _flatten(body, parts, gold, [0])
    return TimemlDocument(path.name, anchor, "".join(parts), tuple(gold))


def _flatten(el: ET.Element, parts: list[str], gold: list[GoldDate], pos: list[int]) -> None:
    """Concatenate an element's text, recording DATE timexes at their plain-text offsets."""
    if el.text:
        parts.append(el.text)
        pos[0] += len(el.text)
    for child in el:
        start = pos[0]
        _flatten(child, parts, gold, pos)
        if child.tag == "TIMEX3" and child.get("type") == "DATE":
            text = "".join(parts)[start:]
            gold.append(GoldDate(start, pos[0], text, child.get("value", "")))
        if child.tail:
            parts.append(child.tail)
            pos[0] += len(child.tail)


def score_document(doc: TimemlDocument) -> DateScore:
    matches = find_dates(doc.text, doc.anchor)
    n_found = n_correct = 0
    for g in doc.gold:
        best = _best_overlap(g, matches)
        if best is None:
            continue
        n_found += 1
        n_correct += value_agrees(best.span, g.value, doc.anchor)
    return DateScore(len(doc.gold), n_found, n_correct)


def evaluate_dates(directory: Path) -> DateScore:
    """Rule 4 over every ``*.tml`` file in ``directory``."""
    files = sorted(Path(directory).glob("*.tml"))
    if not files:
        raise ResourceInvalid(f"{directory}: no *.tml files")
    total = DateScore(0, 0, 0)
    for path in files:
        total = total + score_document(load_timeml(path))
    return total


def _best_overlap(g: GoldDate, matches: list[DateMatch]) -> DateMatch | None:
    best, most = None, 0
    for m in matches:
        overlap = min(m.end, g.end) - max(m.start, g.start)
        if overlap > most:
            best, most = m, overlap
    return best


_CALENDAR = re.compile(r"(?P<y>[\dX]{4})(?:-(?P<m>[\dX]{2}))?(?:-(?P<d>[\dX]{2}))?")
_DECADE = re.compile(r"(?P<c>\d{3})X?|(?P<cc>\d{2})XX")
_WEEK = re.compile(r"(?P<y>\d{4})-W(?P<w>\d{1,2})")
_SEASON = re.compile(r"(?P<y>\d{4})-(?P<s>SP|SU|FA|WI)")
_QUARTER = re.compile(r"(?P<y>\d{4})-(?P<k>[QH])(?P<n>\d)")
_DURATION = re.compile(r"P(?P<n>\d+)(?P<u>[DWMY])")
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}


def value_agrees(span: DateSpan, value: str, anchor: date) -> bool:
    """Whether a predicted span agrees with a TimeML value (rules in the module docstring)."""
    value = value.split("T", 1)[0] if value[:4].isdigit() or value[:1] == "X" else value
    value = value.removeprefix("FY")
    if value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return _reference(span, value, anchor)
    # A span lying wholly inside the gold period is as precise as the gold:
    # "the end of 1998" (year granularity, Nov-Dec) agrees with 1998-Q4.
    inside = _agrees_at(span.start, 0, value) and _agrees_at(span.end, 0, value)
    mid = span.start + (span.end - span.start) / 2
    return inside or _agrees_at(mid, span.granularity.rank, value, anchor, span)


def _agrees_at(
    mid: date, rank: int, value: str, anchor: date | None = None, span: DateSpan | None = None
) -> bool:
    """Whether a day of the given granularity rank lies in the period ``value`` names."""
    if m := _WEEK.fullmatch(value):
        return rank <= 1 and mid.isocalendar()[:2] == (int(m["y"]), int(m["w"]))
    if m := _SEASON.fullmatch(value):
        year, season = season_of(mid)
        wanted = _SEASONS[m["s"]]
        years = (int(m["y"]), int(m["y"]) - 1) if wanted == "winter" else (int(m["y"]),)
        return rank <= 3 and season == wanted and year in years
    if m := _QUARTER.fullmatch(value):
        size = 3 if m["k"] == "Q" else 6
        limit = 3 if m["k"] == "Q" else _HALF
        same = mid.year == int(m["y"]) and (mid.month - 1) // size + 1 == int(m["n"])
        return rank <= limit and same
    if m := _DURATION.fullmatch(value):
        if span is None or anchor is None:
            return False
        return _duration(span, int(m["n"]), m["u"], anchor)
    if m := _DECADE.fullmatch(value):
        if m["c"]:
            return rank <= 6 and mid.year // 10 == int(m["c"])
        return mid.year // 100 == int(m["cc"]) and rank <= _CENTURY
    if m := _CALENDAR.fullmatch(value):
        return _calendar(mid, rank, m)
    return False


def _calendar(mid: date, rank: int, m: re.Match[str]) -> bool:
    fields = [(m["y"], mid.year, 5), (m["m"], mid.month, 2), (m["d"], mid.day, 0)]
    finest = 7
    for raw, actual, field_rank in fields:
        if raw is None or "X" in raw:
            if raw is not None and raw[:3].isdigit() and field_rank == 5:
                # 199X: a decade given where a year goes.
                if mid.year // 10 != int(raw[:3]):
                    return False
                finest = min(finest, 6)
            continue
        if int(raw) != actual:
            return False
        finest = min(finest, field_rank)
    return finest < 7 and rank <= finest


def _reference(span: DateSpan, value: str, anchor: date) -> bool:
    if value == "PRESENT_REF":
        return span.start <= anchor <= span.end
    if value == "PAST_REF":
        return span.end <= anchor and span.start < anchor
    return span.start >= anchor and span.end > anchor


def _duration(span: DateSpan, n: int, unit: str, anchor: date) -> bool:
    granularity = {
        "D": Granularity.DAY,
        "W": Granularity.WEEK,
        "M": Granularity.MONTH,
        "Y": Granularity.DECADE if n >= 10 else Granularity.YEAR,
    }[unit]
    reach = timedelta(days=n * {"D": 1, "W": 7, "M": 31, "Y": 366}[unit])
    near = span.start <= anchor + reach and span.end >= anchor - reach
    return span.granularity is granularity and near
