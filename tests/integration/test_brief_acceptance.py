"""Acceptance of the brief on the seeds: the JMCC round is one item, a meeting, citing every
sentence of both articles that tells it, and the agreement reached there an item of its own;
the HTML brief renders its charts in headless Chromium with the network off."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bilat.report.pdf import CHROMIUM, CHROMIUM_ARGS
from tests.integration.seeds_cli import ON_SEEDS, ROOT, bilat, ingest_seeds

ARTIFACTS = ROOT / "test-artifacts"

pytestmark = ON_SEEDS


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ingest_seeds(tmp_path_factory, "brief")


def _items(markdown: str) -> list[tuple[str, str, list[str]]]:
    """(date, headline, quoted citation lines) of every item, in every section."""
    items: list[tuple[str, str, list[str]]] = []
    for line in markdown.splitlines():
        head = re.match(r"- \*\*(\S+)\*\* (.*)", line)
        if head:
            items.append((head.group(1), head.group(2), []))
        elif items and re.match(r"\s+- \[\d+\] ", line):
            items[-1][2].append(line.strip())
    return items


def _sources(markdown: str) -> dict[int, str]:
    section = markdown.split("## Sources", 1)[1]
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^(\d+)\. (.*)$", section, re.M)}


def test_brief_lists_the_jmcc_round_once_citing_both_articles(store: Path) -> None:
    done = bilat("brief", "PAK", "RUS", db=store)
    assert done.returncode == 0, done.stderr
    brief = done.stdout
    items = _items(brief)
    jmcc = [item for item in items if any("JMCC" in c for c in item[2])]
    meetings = [item for item in jmcc if "consultation/meeting" in item[1]]
    assert len(meetings) == 1, f"the JMCC round is listed {len(meetings)} times: {jmcc}"
    when, headline, citations = meetings[0]
    assert when == "2021-09"
    numbers = sorted({int(n) for n in re.findall(r"\[(\d+)\]", headline)})
    assert len(numbers) == 2, headline
    cited = sorted({int(re.match(r"- \[(\d+)\]", c).group(1)) for c in citations})  # type: ignore[union-attr]
    assert cited == numbers
    # One source each: both seed articles.
    sources = _sources(brief)
    assert len({sources[n] for n in numbers}) == 2
    assert any("000\\_54402ba653fe677c" in sources[n] for n in numbers), sources
    assert any("004\\_11de32dacf5df8ab" in sources[n] for n in numbers), sources
    # Every sentence that tells the meeting is cited under it, and under no other item:
    # each article names it, then says what was discussed there.
    told = ("The meeting was held between", "the two sides also reviewed the status")
    for words in told:
        assert any(words in c for c in citations), (words, citations)
        assert [i for i in items if any(words in c for c in i[2])] == [meetings[0]], words
    # The agreement one article reports in the same sentence is an item of its own.
    [agreement] = [item for item in jmcc if item is not meetings[0]]
    assert agreement[0] == "2021-09"
    assert ": agreement" in agreement[1]
    assert all("agreed to strengthen" in c for c in agreement[2])


def test_html_brief_renders_its_chart_offline_in_chromium(store: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent: apt-get install chromium (CI installs it)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e .[dev])"
    )
    html = ARTIFACTS / "brief_pak_rus.html"
    ARTIFACTS.mkdir(exist_ok=True)
    done = bilat("brief", "PAK", "RUS", "--format", "html", "-o", str(html), db=store)
    assert done.returncode == 0, done.stderr
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_ARGS)
        )
        try:
            context = browser.new_context(offline=True, viewport={"width": 1000, "height": 900})
            page = context.new_page()
            page.on("request", lambda r: requests.append(r.url))
            page.goto(html.as_uri(), wait_until="load")
            chart = page.locator("figure svg").first
            chart.wait_for(state="visible", timeout=10_000)
            box = chart.bounding_box()
            assert box is not None
            assert box["width"] > 0
            assert box["height"] > 0
            bars = page.locator("figure svg rect")
            assert bars.count() > 4  # the legend's four swatches and at least one bar
            picture = page.locator("figure.network svg")
            picture.wait_for(state="visible", timeout=10_000)
            assert page.locator("figure.network svg circle").count() >= 2  # the dyad at least
            page.screenshot(path=str(ARTIFACTS / "brief_pak_rus.png"), full_page=True)
            chart.screenshot(path=str(ARTIFACTS / "brief_pak_rus_chart.png"))
        finally:
            browser.close()
    # The page is self-contained: it asked for nothing beyond itself.
    assert [u for u in requests if not u.startswith("file:")] == []
    assert (ARTIFACTS / "brief_pak_rus.png").stat().st_size > 0


def test_pdf_brief_is_printed_by_chromium(store: Path, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent: apt-get install chromium (CI installs it)")
    out = tmp_path / "brief.pdf"
    done = bilat("brief", "PAK", "RUS", "--format", "pdf", "-o", str(out), db=store)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:4] == b"%PDF"
