"""Inline SVG charts, drawn by hand so a brief needs no plotting library or external asset."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bilat.analysis.dyads import SeriesPoint

QUAD_NAMES = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
QUAD_COLOURS = ("#8ecae6", "#219ebc", "#f4a261", "#d62828")
_LEFT, _RIGHT, _TOP, _BOTTOM = 40, 12, 28, 34


def trend_chart(
    points: Sequence[SeriesPoint], *, width: int = 640, height: int = 260, title: str = ""
) -> str:
    """Stacked bars per period: cooperation (quads 1, 2) above the axis, conflict (3, 4) below."""
    label = escape(title or "Events per period by quad", quote=True)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{label}" '
        'font-family="sans-serif" font-size="10">'
        f"<title>{label}</title>"
    )
    up = max((p.quads[0] + p.quads[1] for p in points), default=0)
    down = max((p.quads[2] + p.quads[3] for p in points), default=0)
    if up + down == 0:
        middle = height // 2
        return (
            f'{head}<text x="{width // 2}" y="{middle}" text-anchor="middle">'
            "No dated events</text></svg>"
        )
    plot_w, plot_h = width - _LEFT - _RIGHT, height - _TOP - _BOTTOM
    unit = plot_h / (up + down)
    axis = _TOP + up * unit
    slot = plot_w / len(points)
    bar = max(slot * 0.8, 1.0)
    parts = [head, _legend()]
    for i, point in enumerate(points):
        x = _LEFT + i * slot + (slot - bar) / 2
        tip = escape(
            f"{point.period}: "
            + ", ".join(f"{n} {name}" for n, name in zip(point.quads, QUAD_NAMES, strict=True)),
            quote=False,
        )
        # Stack outward from the axis: verbal nearest, material beyond it.
        y_up, y_down = axis, axis
        for quad in (0, 1):
            h = point.quads[quad] * unit
            y_up -= h
            parts.append(_rect(x, y_up, bar, h, colour=QUAD_COLOURS[quad], tip=tip))
        for quad in (2, 3):
            h = point.quads[quad] * unit
            parts.append(_rect(x, y_down, bar, h, colour=QUAD_COLOURS[quad], tip=tip))
            y_down += h
    parts.append(
        f'<line x1="{_LEFT}" y1="{axis:.1f}" x2="{width - _RIGHT}" y2="{axis:.1f}" '
        'stroke="#333" stroke-width="1"/>'
    )
    parts.append(_y_label(axis, "0"))
    if up:
        parts.append(_y_label(_TOP, str(up)))
    if down:
        parts.append(_y_label(_TOP + plot_h, f"−{down}"))
    step = max(1, -(-len(points) // 8))  # at most about eight period labels
    for i in range(0, len(points), step):
        x = _LEFT + i * slot + slot / 2
        parts.append(
            f'<text x="{x:.1f}" y="{height - _BOTTOM + 14}" text-anchor="middle">'
            f"{escape(points[i].period, quote=False)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _rect(x: float, y: float, w: float, h: float, *, colour: str, tip: str) -> str:
    if h <= 0:
        return ""
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{colour}">'
        f"<title>{tip}</title></rect>"
    )


def _y_label(y: float, text: str) -> str:
    return f'<text x="{_LEFT - 4}" y="{y + 3:.1f}" text-anchor="end">{escape(text)}</text>'


def _legend() -> str:
    parts = []
    x = _LEFT
    for name, colour in zip(QUAD_NAMES, QUAD_COLOURS, strict=True):
        parts.append(f'<rect x="{x}" y="8" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{x + 14}" y="17">{name}</text>')
        x += 26 + round(5.5 * len(name))  # about 5.5 px per character at font-size 10
    return "".join(parts)


POSITIVE_COLOUR, NEGATIVE_COLOUR, NEUTRAL_COLOUR = "#2a9d8f", "#d62828", "#999999"


def network_chart(
    nodes: Sequence[tuple[str, str]],
    edges: Sequence[tuple[str, str, float]],
    *,
    size: int = 420,
    title: str = "Alignment network",
) -> str:
    """Actors placed by force (networkx); edges green (cooperative) or dashed red
    (conflictual), width by weight.

    ``nodes`` are (code, name) pairs in drawing order, ``edges`` (a, b, signed weight).
    """
    label = escape(title, quote=True)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" role="img" aria-label="{label}" '
        'font-family="sans-serif" font-size="11">'
        f"<title>{label}</title>"
    )
    if not nodes:
        return (
            f'{head}<text x="{size // 2}" y="{size // 2}" text-anchor="middle">'
            "No actors in this window</text></svg>"
        )
    place = network_layout(nodes, size, edges)
    parts = [head]
    for (a, b, weight), stroke in zip(edges, edge_strokes(edges), strict=True):
        if a not in place or b not in place:
            continue
        (x1, y1), (x2, y2) = place[a], place[b]
        colour, width, dashed = stroke
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        tip = escape(f"{a}–{b}: {weight:+g}", quote=False)
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
            f'stroke-width="{width:.1f}" stroke-opacity="0.8"{dash}><title>{tip}</title></line>'
        )
    for code, name in nodes:
        x, y = place[code]
        tip = escape(f"{name} ({code})", quote=False)
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="16" fill="#fff" stroke="#333">'
            f"<title>{tip}</title></circle>"
        )
        parts.append(
            f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle">'
            f"{escape(code, quote=False)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def network_layout(
    nodes: Sequence[tuple[str, str]], size: int, edges: Sequence[tuple[str, str, float]] = ()
) -> dict[str, tuple[float, float]]:
    """Node centres, force-directed (``bilat.analysis.network.spring_positions``: pairs
    with heavier edges closer), inside a margin of 28 px; one node sits mid."""
    from bilat.analysis.network import spring_positions

    margin = 28
    unit = spring_positions([code for code, _ in nodes], edges)
    span = size - 2 * margin
    return {
        code: (margin + x * span, margin + 14 + y * (span - 14)) for code, (x, y) in unit.items()
    }


def edge_strokes(edges: Sequence[tuple[str, str, float]]) -> list[tuple[str, float, bool]]:
    """(colour, width, dashed) of each edge: width 1 to 6 by |weight| over the heaviest."""
    heaviest = max((abs(w) for _, _, w in edges), default=0.0) or 1.0
    return [
        (
            POSITIVE_COLOUR if w > 0 else NEGATIVE_COLOUR if w < 0 else NEUTRAL_COLOUR,
            1 + 5 * abs(w) / heaviest,
            w < 0,
        )
        for _, _, w in edges
    ]
