"""Properties (issue #7.4): random bytes in any container never make the ingest raise;
publication dates in every form a source states them parse to their day; any two named
actors resolve to their codes.

The fuzz is bounded by its example count and input sizes, not by a clock.
"""

from __future__ import annotations

import gzip
import tempfile
from datetime import date, datetime, time, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilat.config import Settings
from bilat.ingest import read_sources
from bilat.ingest.metadata import parse_published
from bilat.nlp.actors import ActorResolver
from bilat.nlp.actors.entries import ActorEntry
from bilat.records import Article, DateSpan, Granularity, Rejection

SUFFIXES = (".txt", ".html", ".xml", ".rss", ".jsonl", ".warc", "", ".bin")
# Starts that steer random bytes into each reader: feeds, WARC, JSONL, HTML.
PREFIXES = (
    b"",
    b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>',
    b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content>",
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n",
    b'{"text": "',
    b'{"html": "<p>',
    b"<!doctype html><html><body><p>",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
)


@st.composite
def inputs(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file name and its bytes: a known start, random rest, maybe gzipped."""
    data = draw(st.sampled_from(PREFIXES)) + draw(st.binary(max_size=2000))
    suffix = draw(st.sampled_from(SUFFIXES))
    if draw(st.booleans()):
        return f"input{suffix}.gz", gzip.compress(data)[: draw(st.integers(10, 4000))]
    return f"input{suffix}", data


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(inputs(), min_size=1, max_size=3, unique_by=lambda item: item[0]))
def test_random_files_become_articles_or_rejections(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory(prefix="bilat-fuzz-") as folder:
        for name, data in files:
            (Path(folder) / name).write_bytes(data)
        items = list(read_sources([folder], Settings(min_words=5)))
    for item in items:
        assert isinstance(item, Article | Rejection)
        if isinstance(item, Rejection):
            assert item.reason.strip()
            assert "\n" not in item.reason


days = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
MONTHS = [date(2001, m, 1).strftime("%B") for m in range(1, 13)]


@settings(max_examples=200, deadline=None)
@given(days, st.integers(min_value=-12, max_value=14), st.times())
def test_stated_publication_days_parse_to_that_day(day: date, hours: int, clock: time) -> None:
    zone = timezone(timedelta(hours=hours))
    moment = datetime.combine(day, clock.replace(tzinfo=zone))
    stated = [
        day.isoformat(),
        moment.isoformat(),
        format_datetime(moment),
        f"{day.day} {MONTHS[day.month - 1]} {day.year}",
        f"{MONTHS[day.month - 1]} {day.day}, {day.year}",
    ]
    for value in stated:
        span = parse_published(value)
        assert span is not None, value
        assert (span.start, span.end, span.granularity) == (day, day, Granularity.DAY), value
        assert not span.inferred


@settings(max_examples=100, deadline=None)
@given(days)
def test_stated_months_and_years_cover_the_whole_period(day: date) -> None:
    month = parse_published(f"{day.year}-{day.month:02d}")
    assert isinstance(month, DateSpan)
    assert month.granularity is Granularity.MONTH
    assert month.start == day.replace(day=1)
    assert (month.end + timedelta(days=1)).day == 1
    assert month.start <= day <= month.end
    year = parse_published(str(day.year))
    assert isinstance(year, DateSpan)
    assert (year.start, year.end) == (date(day.year, 1, 1), date(day.year, 12, 31))


RESOLVER = ActorResolver.load()
CURRENT = tuple(a for a in RESOLVER.kb.actors if a.end is None)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(CURRENT),
    st.sampled_from(CURRENT),
    st.sampled_from(["{a} and {b} signed an agreement.", "Talks between {a} and {b} ended."]),
)
def test_two_named_actors_resolve_to_their_codes_in_order(
    first: ActorEntry, second: ActorEntry, pattern: str
) -> None:
    text = pattern.format(a=first.name, b=second.name)
    found = RESOLVER.find_mentions(text, date(2021, 6, 1))
    codes = [m.code for m in found]
    if first.code == second.code:
        assert codes == [first.code, first.code]
    else:
        assert codes == [first.code, second.code], text
    for mention, entry in zip(found, (first, second), strict=True):
        assert mention.text == entry.name
        assert RESOLVER.lookup(mention.text).code == entry.code
