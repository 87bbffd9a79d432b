"""RSS and Atom feeds, through feedparser: each entry becomes a raw input.

An entry that carries its full text (``content:encoded``, Atom ``content``)
is read from the feed; any other entry is fetched from its link. Title,
author, date and link come from the entry and win over what the page says.
"""

from __future__ import annotations

import io
import xml.sax
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import feedparser

from bilat.ingest.build import Declared
from bilat.ingest.raw import Kind, RawInput
from bilat.records import Rejection

# bozo exceptions feedparser recovers from fully: a charset it had to guess.
_HARMLESS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def iter_entries(feed: RawInput) -> Iterator[RawInput | Rejection]:
    """The entries of a feed, one raw input each; one Rejection if it is no valid feed."""
    headers: dict[str, str] = {}
    if feed.declared.url:  # resolves relative links in the feed
        headers["content-location"] = feed.declared.url
    if feed.charset:
        headers["content-type"] = f"application/xml; charset={feed.charset}"
    # A stream, never a str: feedparser.parse fetches a str that looks like a URL itself.
    parsed = feedparser.parse(io.BytesIO(feed.data), response_headers=headers or None)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and not isinstance(problem, _HARMLESS):
        yield _reject(feed.source, f"not a valid RSS/Atom feed: {_bozo_reason(problem)}")
        return
    if not parsed.get("version"):
        yield _reject(
            feed.source, "not an RSS/Atom feed: no <rss>, <feed> or <rdf:RDF> root element"
        )
        return
    entries = parsed.get("entries") or []
    if not entries:
        yield _reject(feed.source, "feed has no entries: nothing to read")
        return
    publisher = _text(parsed.get("feed", {}).get("title"))
    for number, entry in enumerate(entries, start=1):
        yield _entry(feed.source, number, entry, publisher)


def _entry(feed: str, number: int, entry: Any, publisher: str | None) -> RawInput | Rejection:
    link = _text(entry.get("link"))
    source = f"{feed}#{_text(entry.get('id')) or link or number}"
    declared = Declared(
        url=link,
        title=_text(entry.get("title")),
        author=_text(entry.get("author")),
        published=_text(entry.get("published")) or _text(entry.get("updated")),
    )
    content = _content(entry.get("content"))
    if content is None and link is None:  # a summary is a teaser: the last resort
        content = _content([entry.get("summary_detail")])
    if content is not None:
        text, is_html = content
        # The feed itself is the publisher of text it carries; a fetched page names its own.
        declared = replace(declared, publisher=publisher)
        if is_html:  # a fragment: give the extractor a page to look in
            text = f"<html><body><article>{text}</article></body></html>"
        return RawInput(source, text.encode("utf-8"), Kind.HTML if is_html else Kind.TEXT, declared)
    if link is None:
        return _reject(source, "feed entry has no content and no link: nothing to read")
    return RawInput(source, b"", Kind.URL, declared)


def _content(items: Any) -> tuple[str, bool] | None:
    """The first non-empty content of an entry and whether it is HTML."""
    for item in items if isinstance(items, list) else []:
        value = item.get("value") if isinstance(item, dict) else None
        if isinstance(value, str) and value.strip():
            kind = str(item.get("type") or "text/html").lower()
            return value, kind in _HTML_TYPES
    return None


def _text(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _bozo_reason(problem: BaseException) -> str:
    if isinstance(problem, xml.sax.SAXParseException):
        message = " ".join(str(problem.getMessage()).split())
        return f"{message} at line {problem.getLineNumber()}, column {problem.getColumnNumber()}"
    detail = " ".join(str(problem).split())[:160]
    return f"{type(problem).__name__}: {detail}" if detail else type(problem).__name__


def _reject(source: str, reason: str) -> Rejection:
    return Rejection(stage="ingest", reason=reason, source=source)
