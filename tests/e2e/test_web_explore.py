"""End to end, in Debian's Chromium: exploring a store of imported ICEWS and POLECAT events.

`bilat import` fills the store (no model needed), `bilat serve` serves it. The home page
has its chart, the network page a force-directed graph one can drag and click through,
the dyad page filters its chart by type and date, the events and dyads pages download
CSV, and search finds words by their stem and quoted phrases as phrases. No request
leaves the server. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bilat.report.pdf import CHROMIUM
from served import serving
from tests.e2e.watched import ARTIFACTS, watched_page

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "interop"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="/usr/bin/chromium is absent: apt-get install chromium (CI installs it)",
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("explore")
    bilat = [sys.executable, "-m", "bilat", "--db", str(folder / "datasets.duckdb")]
    for name in ("icews_sample.tab", "polecat_sample.tsv"):
        done = subprocess.run(
            [*bilat, "import", str(DATA / name)],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert done.returncode == 3, done.stderr  # each sample has rows bilat must refuse
    with serving(bilat, folder / "serve.log") as base:
        yield base


@pytest.fixture
def page(server: str, browser: Any) -> Iterator[Any]:
    """A fresh page that records requests leaving the server and script errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    tab = watched_page(context, server)
    try:
        yield tab
        assert tab.errors == []
        assert tab.outside == []
    finally:
        context.close()


def test_home_page_has_a_monthly_chart(server: str, page: Any) -> None:
    page.goto(f"{server}/", wait_until="load")
    chart = page.locator("#activity svg")
    chart.wait_for(state="visible", timeout=10_000)
    # September 2021: four cooperative events; October: one cooperative, four conflictual.
    assert chart.locator("text", has_text="2021-09").count() == 1
    assert chart.locator("text", has_text="2021-10").count() == 1
    assert chart.locator("rect title", has_text="2021-10: 1 verbal cooperation").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "web_home_chart.png"), full_page=True)


def test_network_is_force_directed_and_draggable(server: str, page: Any) -> None:
    page.goto(f"{server}/network", wait_until="load")
    holder = page.locator("#network")
    settled = page.locator('#network[data-settled="true"]')  # the CSP forbids eval'd JS
    settled.wait_for(timeout=20_000)
    nodes = holder.locator("svg.force g.node")
    assert sorted(nodes.evaluate_all("ns => ns.map(n => n.dataset.code)")) == [
        "CHN", "IND", "PAK", "RUS", "USA",
    ]  # fmt: skip
    assert holder.locator("svg.force line.edge").count() == 4
    assert holder.locator("svg.force line[stroke-dasharray]").count() == 2  # two conflictual
    page.screenshot(path=str(ARTIFACTS / "web_network_force.png"), full_page=False)
    # Drag PAK to the top-left corner: it moves, and the graph settles again.
    pak = holder.locator('g.node[data-code="PAK"]')
    before = pak.get_attribute("transform")
    box = pak.bounding_box()
    area = holder.locator("svg.force").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(area["x"] + 40, area["y"] + 40, steps=8)
    page.mouse.up()
    settled.wait_for(timeout=20_000)
    assert pak.get_attribute("transform") != before
    # A click on a line opens its pair.
    with page.expect_navigation():
        holder.locator('line.edge[data-pair="RUS-USA"]').dispatch_event("click")
    assert page.url.endswith("/dyads/RUS/USA")


def test_dyad_chart_filters_by_type_and_date(server: str, page: Any) -> None:
    page.goto(f"{server}/dyads/PAK/RUS", wait_until="load")
    everything = page.locator("ol.timeline > li").count()
    assert everything == 3
    page.select_option('#trend select[name="type"]', "CONSULT")
    with page.expect_navigation():
        page.click("#trend form button")
    assert "type=CONSULT" in page.url
    assert page.locator("ol.timeline > li").count() == 1
    assert "1 of 3 fused events of type CONSULT" in page.locator("#trend .hint").inner_text()
    assert (page.locator("#trend svg title").first.text_content() or "").endswith("CONSULT")
    page.screenshot(path=str(ARTIFACTS / "web_dyad_filtered.png"), full_page=False)
    page.select_option('#trend select[name="type"]', "")
    page.fill('#trend input[name="since"]', "2021-09-15")
    with page.expect_navigation():
        page.click("#trend form button")
    assert page.locator("ol.timeline > li").count() == 1  # only the consultation of 20 Sept
    with page.expect_navigation():
        page.click("#trend a.reset")
    assert page.locator("ol.timeline > li").count() == everything


def test_events_and_dyads_pages_download_csv(server: str, page: Any) -> None:
    page.goto(f"{server}/events?dyad=PAK-RUS", wait_until="load")
    with page.expect_download() as info:
        page.click("a.download")
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == 4
    assert all({r["source"], r["target"]} == {"PAK", "RUS"} for r in rows)
    assert {"url", "title", "published"} <= rows[0].keys()
    assert any(r["title"].startswith("ICEWS story") for r in rows)
    page.goto(f"{server}/dyads", wait_until="load")
    with page.expect_download() as info:
        page.click("a.download")
    pairs = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert pairs[0] == {
        "a": "PAK",
        "a_name": "Pakistan",
        "b": "RUS",
        "b_name": "Russia",
        "events": "4",
    }
    assert len(pairs) == 4


def test_search_stems_words_and_keeps_phrases_together(server: str, page: Any) -> None:
    page.goto(f"{server}/search?q=sanction", wait_until="load")
    marked = page.locator("ol.hits mark").all_inner_texts()
    assert "sanctions" in marked and "SANCTION" in marked
    page.screenshot(path=str(ARTIFACTS / "web_search_stems.png"), full_page=False)
    page.goto(f"{server}/search?q=%22or+sanction%22", wait_until="load")
    assert page.locator("ol.hits li a").count() == 2  # the ICEWS article and its event
    page.goto(f"{server}/search?q=%22sanctions+or%22", wait_until="load")
    assert page.locator("ol.hits li a").count() == 0
