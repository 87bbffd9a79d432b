"""A pair's dyad page material: what every page of the pair shows whatever its filters,
made from one read and one fusion of the pair, and kept as bytes (on disk by
``bilat.interfaces.web.material_files``).

The bytes: a first line naming the format and the size of the index that follows,
zlib-compressed JSON: the page's headline figures (``DyadHead``) and one row per fused
event of the pair's timeline, in timeline order: its type and first and last days (what
the filters test), what the trend chart counts of it (``analysis.dyads.series_rows`` of its
lead) and where its rendered ``<li>`` (``dyad_item.html.j2``) lies in the items' HTML. That
HTML follows, cut into blocks of ``BLOCK`` bytes, each compressed on its own (HTML shrinks
about five times). A filtered page tests the rows, charts the kept ones and reads the
blocks holding the latest ``TIMELINE_ITEMS`` of them: each run of adjacent blocks in one
read.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import IO, Any, NamedTuple

from markupsafe import Markup

from bilat.analysis.dyads import Freq, SeriesPoint, TimelineItem, series_of, series_rows
from bilat.client.views import DyadReport
from bilat.interfaces.web.render import environment
from bilat.interfaces.web.spans import sentence_pieces
from bilat.report.brief import describe
from bilat.report.model import Driver, Party
from bilat.store.base import CitedArticle

FORMAT = 1  # of the bytes below; a file of another format is made again
MAGIC = b"bilat dyad material"
BLOCK = 65_536  # bytes of HTML per compressed block
LEVEL = 1  # zlib's fastest: making the material is on a first page's path
TIMELINE_ITEMS = 200  # the latest items of a pair's timeline on its page
DRIVERS = 10  # the page lists the first ten
Keeps = Callable[[str, str | None, str | None], bool]  # type value, first day, last day


class MaterialUnreadable(ValueError):
    """The bytes are not material of this ``FORMAT``."""


@dataclass(frozen=True, slots=True)
class DyadHead:
    """A pair's page figures that no filter changes: the brief's headline, its sectors and
    first drivers, the chart's period length and the number of fused events."""

    a: Party
    b: Party
    events: int
    sources: int
    period: tuple[str, str] | None
    cooperation: float
    trend: str
    sectors: tuple[tuple[str, int], ...]
    drivers: tuple[Driver, ...]
    freq: Freq
    total: int


class ItemRow(NamedTuple):
    """One fused event of the timeline: what the filters and the chart need of it, and
    where its HTML lies (in the items' HTML, before it is cut into blocks)."""

    type: str
    start: str | None
    end: str | None
    series: list[Any] | None  # [period, quad, intensity], as JSON holds it
    offset: int
    size: int


@dataclass(frozen=True, slots=True)
class DyadPage:
    """What one page of the pair shows under its filters: ``items``, the HTML of the latest
    of the ``kept`` fused events, and the chart's ``series`` of all kept."""

    head: DyadHead
    items: tuple[Markup, ...]
    kept: int
    series: tuple[SeriesPoint, ...]


def encode(report: DyadReport) -> bytes:
    """The material of the pair ``report`` is about (``Client.dyad_report``)."""
    view, brief = report.overview, report.brief
    freq: Freq = "year" if brief.series_freq == "year" else "month"
    names = {view.a.code: view.a.name, view.b.code: view.b.name}
    item_html = environment().get_template("dyad_item.html.j2").module.timeline_item  # type: ignore[attr-defined]
    rows: list[list[Any]] = []
    chunks: list[bytes] = []
    offset = 0
    for item in view.timeline:
        html = str(item_html(_entry(item, names, report.cited))).encode("utf-8")
        counted = series_rows([item.lead], freq)
        span = item.date
        start, end = (span.start.isoformat(), span.end.isoformat()) if span else (None, None)
        rows.append(
            [item.type.value, start, end, counted[0] if counted else None, offset, len(html)]
        )
        chunks.append(html)
        offset += len(html)
    head = {
        "a": [view.a.code, view.a.name],
        "b": [view.b.code, view.b.name],
        "events": brief.events,
        "sources": brief.sources,
        "period": brief.period,
        "cooperation": brief.cooperation,
        "trend": brief.trend,
        "sectors": brief.sectors,
        "drivers": [[d.code, d.name, d.score] for d in brief.drivers[:DRIVERS]],
        "freq": freq,
        "total": len(view.timeline),
    }
    html = b"".join(chunks)
    blocks = [zlib.compress(html[i : i + BLOCK], LEVEL) for i in range(0, len(html), BLOCK)]
    index = {"head": head, "rows": rows, "blocks": [len(b) for b in blocks]}
    packed = zlib.compress(json.dumps(index, separators=(",", ":")).encode("utf-8"), LEVEL)
    first = MAGIC + f" {FORMAT} {len(packed)}\n".encode()
    return b"".join([first, packed, *blocks])


def _entry(
    item: TimelineItem, names: dict[str, str], sources: Mapping[str, CitedArticle]
) -> dict[str, Any]:
    return {
        "item": item,
        "text": describe(item.lead, names),
        "evidence": [
            {
                "event": e,
                "pieces": sentence_pieces(e),
                "article": sources.get(e.evidence.article_id),
            }
            for e in sorted(item.members, key=lambda e: -e.confidence)
        ],
    }


def read_page(source: IO[bytes], keeps: Keeps) -> DyadPage:
    """The page of the material in ``source`` under the filter ``keeps``."""
    try:
        index = _index(source)
        head = _head(index["head"])
        rows = [ItemRow._make(row) for row in index["rows"]]
        blocks = [int(size) for size in index["blocks"]]
    except (ValueError, KeyError, TypeError, AttributeError, zlib.error) as e:
        raise MaterialUnreadable(str(e)) from e
    kept = [row for row in rows if keeps(row.type, row.start, row.end)]
    counted = ((s[0], s[1], s[2]) for row in kept if (s := row.series) is not None)
    points = series_of(counted, head.freq)
    items = _html(source, source.tell(), blocks, kept[-TIMELINE_ITEMS:])
    return DyadPage(head, items, len(kept), tuple(points))


def _index(source: IO[bytes]) -> dict[str, Any]:
    magic, _, rest = source.readline().rstrip(b"\n").rpartition(b" ")
    if magic != MAGIC + f" {FORMAT}".encode():
        raise MaterialUnreadable(f"not material of format {FORMAT}")
    packed = source.read(int(rest))
    found = json.loads(zlib.decompress(packed))
    if not isinstance(found, dict):
        raise MaterialUnreadable("no index")
    return found


def _head(raw: dict[str, Any]) -> DyadHead:
    period = raw["period"]
    return DyadHead(
        a=Party(*raw["a"]),
        b=Party(*raw["b"]),
        events=raw["events"],
        sources=raw["sources"],
        period=(period[0], period[1]) if period else None,
        cooperation=raw["cooperation"],
        trend=raw["trend"],
        sectors=tuple((name, n) for name, n in raw["sectors"]),
        drivers=tuple(Driver(code, name, score) for code, name, score in raw["drivers"]),
        freq="year" if raw["freq"] == "year" else "month",
        total=raw["total"],
    )


def _html(
    source: IO[bytes], base: int, blocks: list[int], rows: list[ItemRow]
) -> tuple[Markup, ...]:
    """The HTML of ``rows``, from the blocks that hold it (each run of adjacent blocks
    read at once)."""
    spans = [(row.offset // BLOCK, (row.offset + row.size - 1) // BLOCK) for row in rows]
    plain = _blocks(source, base, blocks, sorted({b for s, e in spans for b in range(s, e + 1)}))
    out = []
    for row, (first, last) in zip(rows, spans, strict=True):
        held = plain[first] if first == last else b"".join(plain[first : last + 1])
        at = row.offset - first * BLOCK
        html = held[at : at + row.size]
        if len(html) != row.size:
            raise MaterialUnreadable("cut short")
        out.append(Markup(html.decode("utf-8")))
    return tuple(out)


def _blocks(source: IO[bytes], base: int, sizes: list[int], wanted: list[int]) -> list[bytes]:
    """Blocks ``wanted`` (ascending numbers) decompressed, by number (others empty)."""
    starts = [base]
    for size in sizes:
        starts.append(starts[-1] + size)
    plain = [b""] * len(sizes)
    i = 0
    while i < len(wanted):
        j = i
        while j + 1 < len(wanted) and wanted[j + 1] == wanted[j] + 1:
            j += 1
        first, last = wanted[i], wanted[j]
        if last >= len(sizes):
            raise MaterialUnreadable("a block missing")
        source.seek(starts[first])
        run = memoryview(source.read(starts[last + 1] - starts[first]))
        for b in range(first, last + 1):
            at = starts[b] - starts[first]
            try:
                plain[b] = zlib.decompress(run[at : at + sizes[b]])
            except zlib.error as e:  # a file cut short
                raise MaterialUnreadable(str(e)) from e
        i = j + 1
    return plain
