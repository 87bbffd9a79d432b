"""read_sources: paths in, Articles and Rejections out, one at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import BinaryIO

from bilat.config import Settings
from bilat.errors import InputRejected
from bilat.ingest.build import from_html, from_text
from bilat.ingest.decode import decode, looks_like_html
from bilat.ingest.jsonl import parse_record
from bilat.ingest.sources import Kind, RawInput, iter_inputs
from bilat.records import Article, Rejection


def read_sources(
    paths: Iterable[str], settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[Article | Rejection]:
    """Stream Articles from files, folders, JSONL corpora and "-" (stdin).

    Every input that cannot become an article yields a Rejection with a one-line
    reason instead; nothing is dropped silently and bad input never raises.
    """
    for path in paths:
        for item in iter_inputs(path, settings.max_bytes, stdin):
            yield item if isinstance(item, Rejection) else _read(item, settings)


def _read(raw: RawInput, settings: Settings) -> Article | Rejection:
    try:
        text = decode(raw.data, settings.max_bytes)
        if raw.kind is Kind.JSONL_RECORD:
            record = parse_record(text)
            build = from_html if record.is_html else from_text
            return build(raw.source, record.content, settings, record.declared)
        if raw.kind is Kind.HTML or (raw.kind is Kind.SNIFF and looks_like_html(text)):
            return from_html(raw.source, text, settings)
        return from_text(raw.source, text, settings)
    except InputRejected as exc:
        return Rejection(stage="ingest", reason=str(exc), source=raw.source)
