"""The inline SVG trend chart: cooperation above the axis, conflict below, nothing external."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from bilat.analysis.dyads import SeriesPoint
from bilat.report.svg import QUAD_COLOURS, trend_chart

NS = "{http://www.w3.org/2000/svg}"


def _points() -> list[SeriesPoint]:
    return [
        SeriesPoint("2021-01", (2, 1, 0, 0), 3, 0.0, 1.0),
        SeriesPoint("2021-02", (0, 0, 0, 0), 0, 0.0, 0.0),
        SeriesPoint("2021-03", (1, 0, 1, 2), 4, 0.0, -0.2),
    ]


def _bars(svg: str) -> list[dict[str, str]]:
    root = ET.fromstring(svg)
    # Legend swatches are 10x10 at y=8; bars carry a <title> tooltip.
    return [r.attrib for r in root.iter(f"{NS}rect") if r.find(f"{NS}title") is not None]


def _axis(svg: str) -> float:
    line = ET.fromstring(svg).find(f"{NS}line")
    assert line is not None
    return float(line.attrib["y1"])


def test_cooperation_above_axis_and_conflict_below() -> None:
    svg = trend_chart(_points())
    axis = _axis(svg)
    bars = _bars(svg)
    assert len(bars) == 5  # 2 + 0 + 3 non-empty quad segments
    for bar in bars:
        top, height = float(bar["y"]), float(bar["height"])
        quad = QUAD_COLOURS.index(bar["fill"]) + 1
        if quad <= 2:
            assert top + height <= axis + 0.11
        else:
            assert top >= axis - 0.11


def test_heights_are_proportional_to_counts() -> None:
    bars = _bars(trend_chart(_points()))
    heights = sorted(float(b["height"]) for b in bars)
    unit = heights[0]
    assert [round(h / unit) for h in heights] == [1, 1, 1, 2, 2]


def test_chart_escapes_its_title_and_loads_nothing() -> None:
    svg = trend_chart(_points(), title='<script>"x"</script>')
    assert "<script>" not in svg
    ET.fromstring(svg)  # well-formed
    assert not re.search(r"href|src=|url\(", svg)


def test_empty_chart_says_so() -> None:
    svg = trend_chart([])
    assert "No dated events" in svg
    ET.fromstring(svg)
