"""The network picture for reports (matplotlib) and the force-directed layout (networkx)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import date

from PIL import Image

from bilat.analysis.network import build_network, layout
from bilat.records import Event, EventType
from bilat.report import charts
from factories import day, event


def _event(i: str, a: str, b: str, type_: EventType, intensity: float) -> Event:
    return event(type_, a, b, id_=i, when=day(2021, 5, 1), intensity=intensity)


def _net() -> list[Event]:
    return [
        _event("1", "PAK", "RUS", EventType.AGREE, 4.0),
        _event("2", "USA", "RUS", EventType.SANCTION, -8.0),
        _event("3", "USA", "PAK", EventType.ACCUSE, -2.0),
        _event("4", "CHN", "PAK", EventType.AID, 7.0),
    ]


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def test_png_is_report_sized_with_both_edge_colours_and_repeatable() -> None:
    data = charts.network_picture(build_network(_net()), "png")
    image = Image.open(io.BytesIO(data)).convert("RGB")
    assert image.size == (1600, 1600)
    colours = {_hex(rgb) for _, rgb in image.getcolors(1 << 20) or []}
    assert {charts.POSITIVE, charts.NEGATIVE} <= colours
    assert charts.network_picture(build_network(_net()), "png") == data


def test_svg_names_the_period_the_legend_and_every_actor() -> None:
    net = build_network(_net(), since=date(2021, 1, 1), until=date(2021, 12, 31))
    svg = charts.network_picture(net, "svg").decode("utf-8")
    ET.fromstring(svg)
    assert "Alignment network, 2021-01-01 to 2021-12-31" in svg
    assert "conflictual (more conflict)" in svg
    for code in ("CHN", "PAK", "RUS", "USA"):
        assert f">{code}<" in svg


def test_empty_picture_says_so() -> None:
    svg = charts.network_picture(build_network([]), "svg").decode("utf-8")
    assert "No actors in this window" in svg


def test_layout_is_seeded_in_the_unit_square_and_keeps_friends_closer() -> None:
    net = build_network(_net())
    place = layout(net)
    assert place == layout(net)
    assert all(0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 for x, y in place.values())

    def far(a: str, b: str) -> float:
        (x1, y1), (x2, y2) = place[a], place[b]
        return float(((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5)

    # CHN is tied to PAK only: it sits nearer PAK than USA does to CHN.
    assert far("CHN", "PAK") < far("CHN", "USA")


def test_betweenness_comes_from_networkx() -> None:
    central = {c.code: c for c in build_network(_net()).centrality}
    # Every path from CHN to RUS or USA passes through PAK: 2 of the 3 pairs of others.
    assert central["PAK"].betweenness == round(2 / 3, 6)
    assert central["CHN"].betweenness == 0.0
