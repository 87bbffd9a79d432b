from __future__ import annotations

import sys
import types
from dataclasses import dataclass
from datetime import date

import pytest

from bilat.ingest.metadata import infer_published, parse_published
from bilat.records import DateSpan, Granularity


@dataclass(frozen=True)
class _Match:
    """Stands in for bilat.dates.DateMatch: only start, end and span are read."""

    start: int
    end: int
    span: DateSpan


def _day(text: str, expr: str, day: date) -> _Match:
    start = text.index(expr)
    return _Match(start, start + len(expr), DateSpan(day, day, Granularity.DAY, expr))


@pytest.fixture
def fake_dates(monkeypatch: pytest.MonkeyPatch) -> list[_Match]:
    """Replace the date finder with one returning whatever the test puts in the list."""
    found: list[_Match] = []
    module = types.ModuleType("bilat.dates")
    module.find_dates = lambda text, anchor=None: list(found)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bilat.dates", module)
    return found


TEXT = (
    "The treaty was signed on 2 March 2019. Talks resumed on 14 September 2021, "
    "and a summit is planned for 1 May 2031. In 2022 trade grew; see December."
)


def test_infer_published_takes_latest_dated_reference(fake_dates: list[_Match]) -> None:
    fake_dates += [
        _day(TEXT, "2 March 2019", date(2019, 3, 2)),
        _day(TEXT, "14 September 2021", date(2021, 9, 14)),
    ]
    span = infer_published(TEXT, today=date(2024, 1, 1))
    assert span is not None
    assert span.start == date(2021, 9, 14)
    assert span.inferred is True


def test_infer_published_ignores_future_dates(fake_dates: list[_Match]) -> None:
    fake_dates += [
        _day(TEXT, "14 September 2021", date(2021, 9, 14)),
        _day(TEXT, "1 May 2031", date(2031, 5, 1)),
    ]
    span = infer_published(TEXT, today=date(2024, 1, 1))
    assert span is not None
    assert span.start == date(2021, 9, 14)


def test_infer_published_ignores_years_and_yearless_dates(fake_dates: list[_Match]) -> None:
    year = DateSpan(date(2022, 1, 1), date(2022, 12, 31), Granularity.YEAR, "2022")
    start = TEXT.index("2022")
    fake_dates.append(_Match(start, start + 4, year))
    start = TEXT.index("December")
    december = DateSpan(date(2023, 12, 1), date(2023, 12, 31), Granularity.MONTH, "December")
    fake_dates.append(_Match(start, start + len("December"), december))
    assert infer_published(TEXT, today=date(2024, 1, 1)) is None


def test_infer_published_prefers_day_to_month_on_same_start(fake_dates: list[_Match]) -> None:
    text = "In September 2021 and on 1 September 2021 the sides met."
    month = DateSpan(date(2021, 9, 1), date(2021, 9, 30), Granularity.MONTH, "September 2021")
    fake_dates += [
        _Match(3, 17, month),
        _day(text, "1 September 2021", date(2021, 9, 1)),
    ]
    span = infer_published(text, today=date(2024, 1, 1))
    assert span is not None
    assert span.granularity is Granularity.DAY


def test_infer_published_none_without_dates(fake_dates: list[_Match]) -> None:
    assert infer_published("No dates at all here.") is None


@pytest.mark.parametrize(
    ("value", "start", "granularity"),
    [
        ("2021-09-30", date(2021, 9, 30), Granularity.DAY),
        ("2021-09-30T08:15:00+05:00", date(2021, 9, 30), Granularity.DAY),
        ("2021-09", date(2021, 9, 1), Granularity.MONTH),
        ("2021", date(2021, 1, 1), Granularity.YEAR),
        ("Thu, 30 Sep 2021 10:00:00 +0000", date(2021, 9, 30), Granularity.DAY),
    ],
)
def test_parse_published_formats(value: str, start: date, granularity: Granularity) -> None:
    span = parse_published(value)
    assert span is not None
    assert span.start == start
    assert span.granularity is granularity
    assert span.inferred is False


def test_parse_published_month_ends_on_last_day() -> None:
    span = parse_published("2024-02")
    assert span is not None
    assert span.end == date(2024, 2, 29)


@pytest.mark.parametrize("value", ["", "   ", "2021-13-01", "2021-02-30"])
def test_parse_published_refuses_impossible_dates(value: str) -> None:
    assert parse_published(value) is None
