"""A raw input: bytes from one source and how to read them. What the sources (files,
stdin, JSONL lines, WARC records, fetches, feed entries) hand the reader."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from bilat.ingest.build import Declared
from bilat.records import DateSpan


class Kind(StrEnum):
    """How to read a raw input."""

    TEXT = "text"
    HTML = "html"
    JSONL_RECORD = "jsonl-record"
    SNIFF = "sniff"
    FEED = "feed"  # an RSS/Atom document: each entry becomes an input
    URL = "url"  # nothing yet: fetch ``declared.url``


@dataclass(frozen=True, slots=True)
class RawInput:
    """Bytes from one source (a file, a JSONL line, a WARC record, a fetch) and how to read them.

    ``declared`` is metadata the container states (a feed entry's title, a WARC
    record's URI); ``fallback_published`` is used when the page gives no date;
    ``charset`` is the one an HTTP header names, tried when the bytes are not UTF-8.
    """

    source: str
    data: bytes
    kind: Kind
    declared: Declared = field(default_factory=Declared)
    fallback_published: DateSpan | None = None
    charset: str | None = None
