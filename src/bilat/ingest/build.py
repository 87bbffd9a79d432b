"""Turn decoded text or HTML into an Article, or refuse it with a reason."""

from __future__ import annotations

from dataclasses import dataclass

from bilat.config import Settings
from bilat.errors import InputRejected
from bilat.ingest.boilerplate import clean_text, word_count
from bilat.ingest.html import read_html
from bilat.ingest.language import check_language, guess_language
from bilat.ingest.metadata import infer_published, parse_published
from bilat.records import Article, DateSpan, article_id


@dataclass(frozen=True, slots=True)
class Declared:
    """Metadata a source states about itself (JSONL fields); it wins over what bilat finds."""

    url: str | None = None
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None


_NOTHING = Declared()


def from_text(
    source: str,
    text: str,
    settings: Settings,
    declared: Declared = _NOTHING,
    fallback_published: DateSpan | None = None,
) -> Article:
    """An Article from scraped plain text, boilerplate removed."""
    cleaned = clean_text(text)
    found = Declared(title=cleaned.title, author=cleaned.author)
    return _finish(
        source,
        body=cleaned.body,
        removed=cleaned.removed_lines,
        declared=declared,
        found=found,
        page_date=None,
        fallback=fallback_published,
        settings=settings,
    )


def from_html(
    source: str,
    html: str,
    settings: Settings,
    declared: Declared = _NOTHING,
    fallback_published: DateSpan | None = None,
) -> Article:
    """An Article from an HTML page, with the metadata the page declares.

    ``fallback_published`` (e.g. a WARC record's capture date) is used when
    neither the source nor the page states a date; mark it inferred.
    """
    page = read_html(html, url=declared.url)
    found = Declared(url=page.url, title=page.title, author=page.author, publisher=page.publisher)
    return _finish(
        source,
        body=page.body,
        removed=page.removed_lines,
        declared=declared,
        found=found,
        page_date=page.published,
        fallback=fallback_published,
        settings=settings,
    )


def _finish(
    source: str,
    *,
    body: str,
    removed: int,
    declared: Declared,
    found: Declared,
    page_date: DateSpan | None,
    fallback: DateSpan | None,
    settings: Settings,
) -> Article:
    words = word_count(body)
    if words < settings.min_words:
        guess = guess_language(body)
        if guess.script != "Latin":  # a script without spaces has few "words": say why
            check_language(body, settings.languages)
        raise InputRejected(
            f"text too short: {words} words after removing boilerplate "
            f"(min_words={settings.min_words})"
        )
    if len(body) > settings.max_chars:
        raise InputRejected(
            f"text too long: {len(body):,} characters after removing boilerplate "
            f"(max_chars={settings.max_chars:,}): split it or raise the max_chars setting"
        )
    language = check_language(body, settings.languages)
    published = (
        (parse_published(declared.published) if declared.published else None)
        or page_date
        or fallback
        or infer_published(body)
    )
    return Article(
        id=article_id(body),
        source=source,
        body=body,
        title=declared.title or found.title,
        author=declared.author or found.author,
        publisher=declared.publisher or found.publisher,
        url=declared.url or found.url,
        published=published,
        language=language,
        boilerplate_removed=removed,
    )
