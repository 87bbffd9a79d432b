"""read_sources: paths in, Articles and Rejections out, one at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from bilat.config import Settings
from bilat.errors import InputRejected
from bilat.ingest.build import from_html, from_text
from bilat.ingest.decode import decode, looks_like_feed, looks_like_html
from bilat.ingest.files import source_name
from bilat.ingest.guard import guarded, unexpected
from bilat.ingest.jsonl import parse_record
from bilat.ingest.raw import Kind, RawInput
from bilat.ingest.sources import is_url, iter_inputs, url_input
from bilat.records import Article, Rejection

if TYPE_CHECKING:
    from bilat.ingest.fetch import Fetcher


def read_sources(
    paths: Iterable[str], settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[Article | Rejection]:
    """Stream Articles from files, folders, JSONL, WARC, feeds, URLs and "-" (stdin).

    Every input that cannot become an article yields a Rejection with a one-line
    reason instead; nothing is dropped silently and bad input never raises.
    """
    web = _Web(settings)
    try:
        for path in paths:
            if is_url(path):
                inputs: Iterable[RawInput | Rejection] = (url_input(path),)
            else:
                inputs = iter_inputs(path, settings.max_bytes, stdin)
            for item in guarded(source_name(path), iter(inputs)):
                yield from guarded(item.source, _expand(item, settings, web, feeds=True))
    finally:
        web.close()


def read_records(
    records: Iterable[tuple[str, bytes]], settings: Settings
) -> Iterator[Article | Rejection]:
    """JSONL records already in hand, each ``(source, line)``, read as the lines of a
    JSONL file are (``POST /api/articles``)."""
    for source, line in records:
        yield _read(RawInput(source, line, Kind.JSONL_RECORD), settings)


def read_fetched(
    raw: RawInput, settings: Settings, skip_link: Callable[[RawInput], bool] | None = None
) -> Iterator[Article | Rejection]:
    """The articles of an input already in hand (``bilat ingest --watch`` fetches its feed
    itself, to tell a changed feed from an unchanged one), read as ``read_sources`` would.
    A link for which ``skip_link`` says yes is not fetched and yields nothing."""
    web = _Web(settings)
    try:
        yield from _expand(raw, settings, web, feeds=True, skip_link=skip_link)
    finally:
        web.close()


class _Web:
    """The run's HTTP client, made (and httpx imported) only when a URL comes up."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._fetcher: Fetcher | None = None

    def fetch(self, raw: RawInput) -> RawInput:
        if self._fetcher is None:
            from bilat.ingest.fetch import Fetcher

            self._fetcher = Fetcher(self._settings)
        return self._fetcher.fetch(raw)

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()


def _expand(
    item: RawInput | Rejection,
    settings: Settings,
    web: _Web,
    *,
    feeds: bool,
    skip_link: Callable[[RawInput], bool] | None = None,
) -> Iterator[Article | Rejection]:
    """Fetch what is a link, open what is a feed (one level deep), read the rest."""
    if isinstance(item, Rejection):
        yield item
        return
    if item.kind is Kind.URL:
        if skip_link is not None and skip_link(item):
            return
        try:
            item = web.fetch(item)
        except InputRejected as exc:
            yield _rejection(item, exc)
            return
    if item.kind is Kind.FEED or (item.kind is Kind.SNIFF and looks_like_feed(item.data)):
        if not feeds:  # a feed entry's link led to another feed: no crawling
            yield Rejection("ingest", "the entry's link is a feed, not an article", item.source)
            return
        from bilat.ingest.feeds import iter_entries  # lazy: feedparser only for feeds

        for entry in guarded(item.source, iter_entries(item)):
            if isinstance(entry, Rejection):
                yield entry
            else:
                yield from _expand(entry, settings, web, feeds=False, skip_link=skip_link)
        return
    yield _read(item, settings)


def _read(raw: RawInput, settings: Settings) -> Article | Rejection:
    try:
        text = decode(raw.data, settings.max_bytes, raw.charset)
        if raw.kind is Kind.JSONL_RECORD:
            record = parse_record(text)
            build = from_html if record.is_html else from_text
            return build(raw.source, record.content, settings, record.declared)
        if raw.kind is Kind.HTML or (raw.kind is Kind.SNIFF and looks_like_html(text)):
            return from_html(raw.source, text, settings, raw.declared, raw.fallback_published)
        return from_text(raw.source, text, settings, raw.declared, raw.fallback_published)
    except InputRejected as exc:
        return _rejection(raw, exc)
    except Exception as exc:  # noqa: BLE001 - unforeseen, still a Rejection: the run goes on
        return Rejection(stage="ingest", reason=unexpected(exc), source=raw.source)


def _rejection(raw: RawInput, exc: InputRejected) -> Rejection:
    return Rejection(stage="ingest", reason=str(exc), source=raw.source)
