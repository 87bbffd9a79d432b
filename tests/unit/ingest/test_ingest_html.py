from __future__ import annotations

from datetime import date

import pytest

from bilat.errors import InputRejected
from bilat.ingest.html import day_span, extract_body, read_html
from bilat.records import Granularity

PARAGRAPHS = [
    "Pakistan and Russia held talks in Moscow on regional security and trade on Monday, "
    "and the two delegations agreed to expand cooperation in energy and defence.",
    "Officials said the next round would take place in Islamabad, where ministers are "
    "expected to sign an agreement on the long-delayed gas pipeline project.",
    "Analysts in both capitals described the meeting as a sign that the relationship has "
    "entered a more pragmatic phase after decades of mistrust during the Cold War.",
]


def _page(extra_body: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Talks in Moscow | Example Times</title>
<meta property="og:title" content="Talks in Moscow">
<meta property="og:site_name" content="Example Times">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2021-09-30T08:00:00Z">
<link rel="canonical" href="https://example.com/news/talks-in-moscow">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Talks in Moscow</h1>{paragraphs}{extra_body}</article>
<footer>Copyright Example Times. All rights reserved.</footer>
</body></html>"""


def test_read_html_body_and_metadata() -> None:
    page = read_html(_page())
    for paragraph in PARAGRAPHS:
        assert paragraph in page.body
    assert "All rights reserved" not in page.body
    assert page.title == "Talks in Moscow"
    assert page.author == "Jane Doe"
    assert page.publisher == "Example Times"
    assert page.url == "https://example.com/news/talks-in-moscow"
    assert page.published is not None
    assert page.published.start == date(2021, 9, 30)
    assert page.published.granularity is Granularity.DAY
    assert page.published.inferred is False


def test_read_html_drops_furniture_lines_in_article() -> None:
    page = read_html(_page("<p>Read more: Another story about something else</p>"))
    assert "Read more" not in page.body
    assert page.removed_lines == 1


def test_read_html_rejects_page_without_text() -> None:
    html = "<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>"
    with pytest.raises(InputRejected, match="no article text"):
        read_html(html)


def test_extract_body_matches_read_html() -> None:
    assert extract_body(_page()) == read_html(_page()).body


def test_extract_body_of_empty_page_is_empty() -> None:
    assert extract_body("<html><body></body></html>") == ""


def test_day_span_reads_iso_day_and_refuses_junk() -> None:
    span = day_span("2019-11-19")
    assert span is not None
    assert span.start == span.end == date(2019, 11, 19)
    assert day_span("yesterday") is None
    assert day_span(None) is None
