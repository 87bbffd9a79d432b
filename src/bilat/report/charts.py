"""The network as a picture for a report: PNG or SVG drawn by matplotlib.

Positions come from ``bilat.analysis.network.layout`` (networkx, force-directed);
edges are green when cooperative, dashed red when conflictual and grey when the
two cancel, as wide as their weight; nodes are as large as their strength. The
picture carries a title with the period, a legend, and the actors' codes.
matplotlib is an extra (``pip install 'bilat[charts]'``): without it these
functions raise ``ChartsUnavailable``.
"""

from __future__ import annotations

import io
from typing import Any, Literal

from bilat.analysis.network import Network, layout
from bilat.errors import ChartsUnavailable

POSITIVE, NEGATIVE, NEUTRAL = "#2a9d8f", "#d62828", "#999999"
PictureFormat = Literal["png", "svg"]
INCHES = 8.0  # the picture is square: 1600 x 1600 pixels at the default 200 dpi


def _matplotlib() -> tuple[Any, Any, Any, Any]:
    try:
        from matplotlib import rc_context
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        from matplotlib.lines import Line2D
    except ImportError as e:
        raise ChartsUnavailable(
            "PNG and SVG pictures need matplotlib: pip install 'bilat[charts]'"
        ) from e
    return Figure, FigureCanvasAgg, Line2D, rc_context


def period(net: Network) -> str:
    """The window of the network in words: "2021-01-01 to 2021-12-31", "all dates"."""
    if net.since is None and net.until is None:
        return "all dates"
    since = net.since.isoformat() if net.since else "the start"
    until = net.until.isoformat() if net.until else "the latest event"
    return f"{since} to {until}"


def network_picture(net: Network, fmt: PictureFormat = "png", dpi: int = 200) -> bytes:
    """The network drawn for a report (``fmt`` png or svg); the same network, the same bytes."""
    figure_class, canvas_class, line_class, rc_context = _matplotlib()
    figure = figure_class(figsize=(INCHES, INCHES), dpi=dpi)
    canvas_class(figure)
    ax = figure.add_axes((0.04, 0.1, 0.92, 0.8))
    ax.set_axis_off()
    figure.suptitle(f"Alignment network, {period(net)}", fontsize=15, y=0.96)
    figure.text(
        0.5,
        0.915,
        f"{len(net.nodes)} actors, {len(net.edges)} pairs; {len(net.balanced)} balanced and "
        f"{len(net.strained)} strained triads",
        ha="center",
        fontsize=10,
        color="#555555",
    )
    if not net.nodes:
        ax.text(0.5, 0.5, "No actors in this window", ha="center", va="center", fontsize=14)
    else:
        _draw(ax, net)
    handles = [
        line_class([], [], color=POSITIVE, lw=3, label="cooperative (more cooperation)"),
        line_class([], [], color=NEGATIVE, lw=3, ls="--", label="conflictual (more conflict)"),
        line_class([], [], color=NEUTRAL, lw=3, label="neutral (they cancel)"),
        line_class(
            [], [], marker="o", color="white", markeredgecolor="#333333", markersize=12,
            lw=0, label="actor (size: strength)",
        ),
    ]  # fmt: skip
    figure.legend(handles=handles, loc="lower center", ncol=2, frameon=False, fontsize=10)
    buffer = io.BytesIO()
    metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
    # SVG text stays text (searchable, editable); fixed ids make the bytes repeatable.
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "bilat"}):
        figure.savefig(buffer, format=fmt, metadata=metadata, facecolor="white")
    return buffer.getvalue()


def _draw(ax: Any, net: Network) -> None:
    place = layout(net)
    heaviest = max((abs(e.weight) for e in net.edges), default=0.0) or 1.0
    for e in net.edges:
        (x1, y1), (x2, y2) = place[e.a], place[e.b]
        colour = POSITIVE if e.sign > 0 else NEGATIVE if e.sign < 0 else NEUTRAL
        ax.plot(
            [x1, x2],
            [y1, y2],
            color=colour,
            linewidth=1 + 6 * abs(e.weight) / heaviest,
            linestyle="--" if e.sign < 0 else "-",
            solid_capstyle="butt",
            zorder=1,
        )
    strength = {c.code: c.strength for c in net.centrality}
    strongest = max(strength.values(), default=0.0) or 1.0
    for n in net.nodes:
        x, y = place[n.code]
        size = 900 + 1500 * strength.get(n.code, 0.0) / strongest
        ax.scatter([x], [y], s=size, color="white", edgecolors="#333333", zorder=2)
        ax.annotate(n.code, (x, y), ha="center", va="center", fontsize=10, zorder=3)
    ax.set_xlim(-0.08, 1.08)
    ax.set_ylim(-0.08, 1.08)
