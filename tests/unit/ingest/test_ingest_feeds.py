from __future__ import annotations

import io
from datetime import date
from html import escape
from pathlib import Path

import pytest

from bilat.config import Settings
from bilat.ingest import read_sources
from bilat.ingest.decode import looks_like_feed
from bilat.records import Article, Rejection
from http_site import Site

CONTENT_NS = 'xmlns:content="http://purl.org/rss/1.0/modules/content/"'
OTHER = (
    "India and Japan signed an agreement on maritime security in Tokyo. The two governments "
    "agreed to share information on shipping, to hold joint naval exercises every year and to "
    "open talks on the supply of defence equipment, officials from both sides said after the "
    "meeting of their foreign and defence ministers."
)


def _item(title: str, link: str, body: str | None = None, guid: str | None = None) -> str:
    content = f"<content:encoded><![CDATA[<p>{body}</p><p>{body}</p>]]></content:encoded>"
    return (
        f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
        + (f"<guid>{guid}</guid>" if guid else "")
        + "<author>desk@news.example (Jane Roe)</author>"
        + "<pubDate>Thu, 30 Sep 2021 10:00:00 GMT</pubDate>"
        + "<description>A teaser.</description>"
        + (content if body else "")
        + "</item>"
    )


def _rss(*items: str) -> str:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" {CONTENT_NS}>'
        "<channel><title>News Example</title><link>https://news.example/</link>"
        + "".join(items)
        + "</channel></rss>"
    )


def _page(prose: str, title: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1><p>{prose}</p><p>{prose}</p></article></body></html>"
    )


def _rejection(item: Article | Rejection) -> Rejection:
    assert isinstance(item, Rejection), item
    assert item.stage == "ingest"
    assert "\n" not in item.reason
    return item


def test_rss_with_full_content(tmp_path: Path, settings: Settings, prose: str) -> None:
    path = tmp_path / "news.rss"
    path.write_text(
        _rss(
            _item("Talks in Moscow", "https://news.example/a", prose, guid="a-1"),
            _item("Pact in Tokyo", "https://news.example/b", OTHER),
        ),
        encoding="utf-8",
    )
    first, second = read_sources([str(path)], settings)
    assert isinstance(first, Article), first
    assert first.source == f"{path}#a-1"
    assert (first.title, first.url, first.publisher) == (
        "Talks in Moscow",
        "https://news.example/a",
        "News Example",
    )
    assert first.author is not None and "Jane Roe" in first.author
    assert first.published is not None
    assert first.published.start == date(2021, 9, 30)
    assert not first.published.inferred
    assert prose in first.body
    assert isinstance(second, Article), second
    assert second.source == f"{path}#https://news.example/b"
    assert OTHER in second.body


def test_atom_with_full_content(tmp_path: Path, settings: Settings, prose: str) -> None:
    path = tmp_path / "news.atom"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Atom News</title><id>urn:feed</id><updated>2021-10-01T00:00:00Z</updated>"
        "<entry><id>urn:entry:1</id><title>Talks</title>"
        '<link href="https://atom.example/1"/><updated>2021-09-30T08:00:00Z</updated>'
        "<author><name>Ann Lee</name></author>"
        f'<content type="html">{escape(f"<p>{prose}</p>")}</content></entry></feed>',
        encoding="utf-8",
    )
    (article,) = read_sources([str(path)], settings)
    assert isinstance(article, Article), article
    assert article.source == f"{path}#urn:entry:1"
    assert (article.title, article.author, article.url) == (
        "Talks",
        "Ann Lee",
        "https://atom.example/1",
    )
    assert article.published is not None and article.published.start == date(2021, 9, 30)


def test_xml_file_is_sniffed_as_feed(tmp_path: Path, settings: Settings, prose: str) -> None:
    (tmp_path / "feed.xml").write_text(
        _rss(_item("Talks", "https://news.example/a", prose)), encoding="utf-8"
    )
    (article,) = read_sources([str(tmp_path / "feed.xml")], settings)
    assert isinstance(article, Article), article
    assert article.title == "Talks"


def test_invalid_xml_feed_is_one_rejection(tmp_path: Path, settings: Settings, prose: str) -> None:
    path = tmp_path / "broken.rss"
    good = _item("Talks", "https://news.example/a", prose)
    path.write_text(_rss(good, good).replace("</channel>", "</chanel>"), encoding="utf-8")
    (item,) = read_sources([str(path)], settings)
    rejection = _rejection(item)
    assert rejection.source == str(path)
    assert rejection.reason.startswith("not a valid RSS/Atom feed: mismatched tag at line 1")


def test_truncated_feed_is_one_rejection(tmp_path: Path, settings: Settings, prose: str) -> None:
    path = tmp_path / "cut.xml"
    path.write_text(_rss(_item("Talks", "https://news.example/a", prose))[:-40], encoding="utf-8")
    (item,) = read_sources([str(path)], settings)
    assert "not a valid RSS/Atom feed" in _rejection(item).reason


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("page.rss", "<html><body><p>hello</p></body></html>", "not an RSS/Atom feed"),
        ("empty.rss", _rss(), "feed has no entries"),
        ("bare.rss", _rss("<item><title>Only a title</title></item>"), "no content and no link"),
    ],
)
def test_feeds_that_hold_no_article(
    tmp_path: Path, settings: Settings, name: str, text: str, reason: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    (item,) = read_sources([str(tmp_path / name)], settings)
    assert reason in _rejection(item).reason


def test_other_xml_is_not_taken_for_a_feed(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "data.xml").write_text('<?xml version="1.0"?><root><a>1</a></root>')
    (item,) = read_sources([str(tmp_path / "data.xml")], settings)
    assert "feed" not in _rejection(item).reason


def test_feed_on_stdin(settings: Settings, prose: str) -> None:
    data = _rss(_item("Talks", "https://news.example/a", prose)).encode()
    (article,) = read_sources(["-"], settings, stdin=io.BytesIO(data))
    assert isinstance(article, Article), article
    assert article.source == "<stdin>#https://news.example/a"


def test_looks_like_feed() -> None:
    assert looks_like_feed(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- hi --><rss version="2.0">')
    assert looks_like_feed(b'<feed xmlns="http://www.w3.org/2005/Atom">')
    assert looks_like_feed(b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">')
    assert not looks_like_feed(b"<!DOCTYPE html><html><body>rss</body></html>")
    assert not looks_like_feed(b"The <rss> element starts a feed.")


def test_entries_without_content_are_fetched(site: Site, fetching: Settings, prose: str) -> None:
    one = site.add("/one.html", _page(prose, "Page title one"))
    two = site.add("/two.html", _page(OTHER, "Page title two"))
    feed = site.add(
        "/feed.rss",
        _rss(_item("Feed title one", one), _item("Feed title two", two)),
        content_type="application/rss+xml",
    )
    items = read_sources([feed], fetching)
    first = next(items)
    assert site.paths == ["/feed.rss", "/one.html"]  # streamed: entry two not fetched yet
    second = next(items)
    assert list(items) == []
    assert isinstance(first, Article), first
    assert isinstance(second, Article), second
    assert (first.source, first.url, first.title) == (f"{feed}#{one}", one, "Feed title one")
    assert first.published is not None and first.published.start == date(2021, 9, 30)
    assert prose in first.body
    assert OTHER in second.body
    assert {agent for _, agent in site.requests} == {fetching.user_agent}


def test_relative_entry_links_resolve_against_the_feed(
    site: Site, fetching: Settings, prose: str
) -> None:
    site.add("/news/one.html", _page(prose, "One"))
    feed = site.add("/news/feed.xml", _rss(_item("One", "one.html")), content_type="text/xml")
    (article,) = read_sources([feed], fetching)
    assert isinstance(article, Article), article
    assert article.url == site.url("/news/one.html")


def test_a_failed_entry_does_not_stop_the_feed(site: Site, fetching: Settings, prose: str) -> None:
    good = site.add("/good.html", _page(prose, "Good"))
    feed = site.add("/feed.rss", _rss(_item("Gone", site.url("/gone.html")), _item("Good", good)))
    gone, article = read_sources([feed], fetching)
    assert "HTTP 404" in _rejection(gone).reason
    assert gone.source == f"{feed}#{site.url('/gone.html')}"
    assert isinstance(article, Article), article


def test_an_entry_linking_to_a_feed_is_not_crawled(
    site: Site, fetching: Settings, prose: str
) -> None:
    inner = site.add("/inner.rss", _rss(_item("x", "https://news.example/x", prose)))
    feed = site.add("/outer.rss", _rss(_item("Feed", inner)))
    (item,) = read_sources([feed], fetching)
    assert "is a feed, not an article" in _rejection(item).reason
    assert site.paths == ["/outer.rss", "/inner.rss"]


def test_entry_links_obey_the_private_address_rule(
    tmp_path: Path, settings: Settings, site: Site, prose: str
) -> None:
    """A local feed cannot make bilat fetch from loopback either."""
    link = site.add("/one.html", _page(prose, "One"))
    (tmp_path / "local.rss").write_text(_rss(_item("One", link)), encoding="utf-8")
    (item,) = read_sources([str(tmp_path / "local.rss")], settings)
    assert "loopback" in _rejection(item).reason
    assert site.requests == []


def test_invalid_feed_from_a_url(site: Site, fetching: Settings) -> None:
    feed = site.add("/bad.rss", "<rss><channel><item>", content_type="application/rss+xml")
    (item,) = read_sources([feed], fetching)
    rejection = _rejection(item)
    assert rejection.source == feed
    assert rejection.reason.startswith("not a valid RSS/Atom feed")
