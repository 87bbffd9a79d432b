"""End to end: `bilat serve` over the ingested seeds, driven by Debian's Chromium.

Open the PAK–RUS dyad page, click an event, see its evidence sentence in the
drawer; an article carrying a <script> shows it as text and runs nothing.
Screenshots go to test-artifacts/.
"""

from __future__ import annotations

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
SEEDS = ROOT.parent / "shared" / "seeds"
HOSTILE = (
    "Officials in Islamabad and Moscow spoke again on Monday about trade, energy and "
    "security, and about the long road of the relationship between the two countries. "
    "Pakistan thanked Russia for the wheat <script>document.title='pwned';"
    "window.pwned=1</script> shipment in May 2022. "
    '<img src=x onerror="window.pwned=2"> The ministers said more meetings would follow '
    "later in the year, and that both sides wanted the talks to go on."
)

pytestmark = [
    pytest.mark.model,
    pytest.mark.slow,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repo"),
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="/usr/bin/chromium is absent: apt-get install chromium (CI installs it)",
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of `bilat serve` over the seeds plus one hostile article."""
    folder = tmp_path_factory.mktemp("web")
    db = folder / "seeds.duckdb"
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    bilat = [sys.executable, "-m", "bilat", "--db", str(db)]
    done = subprocess.run(
        [*bilat, "ingest", str(SEEDS), str(hostile)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with serving(bilat, folder / "serve.log") as base:
        yield base


def test_dyad_page_shows_an_events_evidence_in_the_drawer(server: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = watched_page(context, server)
    page.goto(f"{server}/dyads/PAK/RUS", wait_until="load")
    assert "Pakistan" in page.title() and "Russia" in page.title()
    page.locator("section.chart svg").first.wait_for(state="visible", timeout=10_000)
    drawer = page.locator("#drawer")
    assert drawer.is_hidden()
    button = page.locator("button.event", has_text="consultation").first
    expected = page.locator(f"#{button.get_attribute('data-evidence')} blockquote").first
    sentence = " ".join(expected.text_content().split())  # type: ignore[union-attr]
    assert sentence
    button.click()
    drawer.wait_for(state="visible", timeout=5_000)
    shown = " ".join(drawer.locator("blockquote").first.inner_text().split())
    assert shown == sentence
    assert drawer.locator("mark.trigger").count() >= 1
    assert drawer.locator("figcaption a").first.get_attribute("href").startswith("/articles/")  # type: ignore[union-attr]
    page.screenshot(path=str(ARTIFACTS / "web_dyad_pak_rus.png"), full_page=False)
    # The drawer's source link opens the article with the sentence highlighted.
    drawer.locator("figcaption a").first.click()
    page.wait_for_load_state("load")
    assert page.locator(".body .ev").count() >= 1
    assert page.locator(".body .actor").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "web_article.png"), full_page=False)
    assert page.errors == []
    assert page.outside == []
    context.close()


def test_script_in_an_article_is_shown_not_run(server: str, browser: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server}/search?q=wheat+shipment", wait_until="load")
    link = page.locator("ol.hits a").first
    link.click()
    page.wait_for_load_state("load")
    assert "<script>document.title='pwned'" in page.locator(".body").inner_text()
    assert page.evaluate("window.pwned === undefined")
    assert "pwned" not in page.title()
    assert page.locator(".body script, .body img").count() == 0
    page.screenshot(path=str(ARTIFACTS / "web_escaped_article.png"), full_page=True)
    for url in ("/", "/events", "/search?q=wheat"):
        page.goto(f"{server}{url}", wait_until="load")
        assert page.evaluate("window.pwned === undefined"), url
    context.close()


def test_home_network_window_and_search_work_in_the_browser(server: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = watched_page(context, server)
    page.goto(f"{server}/", wait_until="load")
    assert page.locator('a[href="/dyads/PAK/RUS"]').count() >= 1
    # The network over all time, then over a window with nothing in it.
    page.goto(f"{server}/network", wait_until="load")
    page.locator("section.chart svg").first.wait_for(state="visible", timeout=10_000)
    assert page.locator("tbody a", has_text="PAK–RUS").count() == 1
    page.fill('input[name="since"]', "1901")
    page.fill('input[name="until"]', "1902")
    with page.expect_navigation():
        page.click("form.filters button")
    assert "since=1901" in page.url and "until=1902" in page.url
    assert page.locator('input[name="since"]').input_value() == "1901"
    assert page.locator("tbody a", has_text="PAK–RUS").count() == 0
    page.screenshot(path=str(ARTIFACTS / "web_network_window.png"), full_page=False)
    # Search from the form: ranked hits with highlighted words, each linking to its article.
    page.goto(f"{server}/search", wait_until="load")
    page.fill('form.filters input[name="q"]', "Pakistan Russia")
    with page.expect_navigation():
        page.click("form.filters button")
    hits = page.locator("ol.hits li a")
    assert hits.count() >= 2
    assert page.locator("ol.hits mark").count() >= 1
    with page.expect_navigation():
        hits.first.click()
    assert "/articles/" in page.url
    page.screenshot(path=str(ARTIFACTS / "web_search.png"), full_page=False)
    assert page.errors == []
    assert page.outside == []
    context.close()


def test_the_html_brief_keeps_its_styles_under_the_csp(server: str, browser: Any) -> None:
    """Issue #16.5: the pages' policy (style-src 'self') dropped the brief's inline <style>."""
    context = browser.new_context()
    page = context.new_page()
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    page.goto(f"{server}/api/dyads/PAK/RUS/brief?format=html", wait_until="load")
    width = page.evaluate("getComputedStyle(document.body).maxWidth")
    weight = page.evaluate(
        "(() => { const dt = document.querySelector('dl.figures dt');"
        " return dt ? getComputedStyle(dt).fontWeight : null; })()"
    )
    assert width != "none", "the brief's body style did not apply"
    assert weight in (None, "600")
    assert blocked == []
    context.close()
