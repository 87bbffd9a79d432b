"""PNG drawings with Pillow: the same layout, colours and widths as the SVG in ``report.svg``."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFont

from bilat.report.svg import edge_strokes, network_layout

_DASH, _GAP = 6.0, 4.0
_RADIUS = 16


def network_png(
    nodes: Sequence[tuple[str, str]],
    edges: Sequence[tuple[str, str, float]],
    *,
    size: int = 420,
    title: str = "Alignment network",
) -> bytes:
    """``svg.network_chart`` as PNG bytes: actors on a circle, signed edges, codes in the nodes."""
    image = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default()
    draw.text((8, 6), title, fill="#333333", font=font)
    if not nodes:
        draw.text(
            (size / 2, size / 2), "No actors in this window", fill="#333333", font=font, anchor="mm"
        )
        return _png(image)
    place = network_layout(nodes, size)
    for (a, b, _), (colour, width, dashed) in zip(edges, edge_strokes(edges), strict=True):
        if a not in place or b not in place:
            continue
        line_width = max(1, round(width))
        if dashed:
            for segment in _dashes(place[a], place[b]):
                draw.line(segment, fill=colour, width=line_width)
        else:
            draw.line((place[a], place[b]), fill=colour, width=line_width)
    for code, _ in nodes:
        x, y = place[code]
        box = (x - _RADIUS, y - _RADIUS, x + _RADIUS, y + _RADIUS)
        draw.ellipse(box, fill="white", outline="#333333")
        draw.text((x, y), code, fill="#1d1d1f", font=font, anchor="mm")
    return _png(image)


def _dashes(
    start: tuple[float, float], end: tuple[float, float]
) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Segments of a dashed line: 6 px on, 4 off, as the SVG's stroke-dasharray."""
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1)
    if length == 0:
        return []
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    out = []
    at = 0.0
    while at < length:
        stop = min(at + _DASH, length)
        out.append(((x1 + ux * at, y1 + uy * at), (x1 + ux * stop, y1 + uy * stop)))
        at = stop + _GAP
    return out


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
