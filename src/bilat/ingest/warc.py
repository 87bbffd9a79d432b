"""WARC files (the format of CC-NEWS), gzipped or not, read one record at a time.

Every ``response`` record holding an HTML page becomes a raw input; other
records (requests, metadata, images, redirects) are not articles and are
skipped. A file cut short or corrupt yields one Rejection for the rest of it,
after the complete records before the damage.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.utils import BUFF_SIZE

from bilat.ingest.bounded import UnpackBomb, Unpacked, unpack_limit
from bilat.ingest.build import Declared
from bilat.ingest.decode import content_type, too_big
from bilat.ingest.files import NotRegular, io_reason, open_regular, source_name
from bilat.ingest.raw import Kind, RawInput
from bilat.records import DateSpan, Granularity, Rejection

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 16
_MAX_LINE = 1 << 16  # WARC and HTTP header lines are short; 64 KB is no header
# What a damaged file raises: gzip (EOFError, BadGzipFile, zlib.error), warcio's own
# error, a bad length (ValueError) and AttributeError, which warcio 1.8 raises on a
# record cut inside its headers.
_DAMAGE = (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError, AttributeError)


class _Truncated(Exception):
    """A record ends before its Content-Length says it should."""


def iter_warc(path: Path, max_bytes: int) -> Iterator[RawInput | Rejection]:
    """HTML responses in a WARC file, one at a time, each at most ``max_bytes``."""
    source = source_name(path)
    try:
        raw = open_regular(path)
    except (OSError, NotRegular) as exc:
        yield Rejection(stage="ingest", reason=io_reason(exc), source=source)
        return
    kept = 0
    try:
        with raw:
            start = raw.read(2)
            if not start:
                yield Rejection(stage="ingest", reason="empty file: nothing to read", source=source)
                return
            raw.seek(0)
            # gzip.GzipFile, not warcio's own reader: it raises EOFError on a cut-off member.
            size = os.fstat(raw.fileno()).st_size
            stream = Unpacked(raw, unpack_limit(size, max_bytes)) if start == _GZIP_MAGIC else raw
            seen = 0
            for record in _Records(stream):
                seen += 1
                item = _response(source, record, max_bytes)
                _drain(record)
                if item is not None:
                    kept += 1
                    yield item
            # warcio ends quietly on a file cut inside the first record's headers.
            if not seen:
                raise ArchiveLoadFailed("no complete WARC record")
            if stream.read(1):  # warcio stopped before the end: what is left is no record
                raise ArchiveLoadFailed("data after the last record is not a WARC record")
    except UnpackBomb as exc:
        reason = f"{exc.reason()} (after {kept} pages)"
        yield Rejection(stage="ingest", reason=reason, source=source)
    except (*_DAMAGE, _Truncated) as exc:
        yield Rejection(
            stage="ingest",
            reason=(
                f"WARC file is truncated or corrupt after {kept} pages "
                f"({_describe(exc)}): the rest of the file is skipped; fetch it again"
            ),
            source=source,
        )


def _response(path: str, record: Any, max_bytes: int) -> RawInput | Rejection | None:
    """The raw input a record holds, or None when it is not an HTML page."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = str(record.http_headers.get_statuscode() or "")
    media, charset = content_type(record.http_headers.get_header("Content-Type"))
    if not status.startswith("2") or media not in _HTML_TYPES:
        return None
    headers = record.rec_headers
    uri = _header(headers, "WARC-Target-URI")
    record_id = (_header(headers, "WARC-Record-ID") or "").strip("<>")
    source = f"{path}#{record_id}" if record_id else (uri or path)
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return Rejection(stage="ingest", reason=too_big(len(data), max_bytes), source=source)
    return RawInput(
        source=source,
        data=data,
        kind=Kind.HTML,
        declared=Declared(url=uri),
        fallback_published=_capture_day(_header(headers, "WARC-Date")),
        charset=charset,
    )


class _Records(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator, but a record longer than its Content-Length is damage.

    warcio writes a warning to stderr and reads on from the wrong place; bilat
    rejects the rest of the file instead, and nothing reaches the user's terminal.
    """

    def __init__(self, stream: IO[bytes] | Unpacked) -> None:
        super().__init__(stream)
        self.reader = _BoundedLines(self.fh, block_size=BUFF_SIZE)

    def _consume_blanklines(self) -> tuple[bytes | None, int]:
        empty_size = 0
        first_line = True
        while True:
            line: bytes = self.reader.readline()
            if not line:
                return None, empty_size
            if line.rstrip():
                if first_line:
                    raise _Truncated("a record runs past its Content-Length")
                return line, empty_size
            empty_size += len(line)
            first_line = False


class _BoundedLines(DecompressingBufferedReader):  # type: ignore[misc]
    """warcio's reader, but a line (of WARC or HTTP headers) is at most ``_MAX_LINE`` bytes,
    gathered in linear time: warcio's own readline has no bound and grows a line by
    concatenation, so a file without line breaks took minutes and all its bytes in memory.
    """

    def readline(self, length: int | None = None) -> bytes:
        cap = _MAX_LINE if not length or length < 0 else min(length, _MAX_LINE)
        parts: list[bytes] = []
        size = 0
        while size < cap:
            self._fillbuff()
            if self.empty():
                break
            part: bytes = self.buff.readline(cap - size)
            parts.append(part)
            size += len(part)
            if part.endswith(b"\n"):
                break
        line = b"".join(parts)
        if size >= _MAX_LINE and not line.endswith(b"\n"):
            raise _Truncated(f"a header line runs over {_MAX_LINE:,} bytes: not a WARC record")
        return line


def _drain(record: Any) -> None:
    """Read the rest of a record and check it was all there."""
    if record.rec_headers.get_header("Content-Length") is None:
        raise _Truncated("a record without Content-Length (cut inside its headers?)")
    stream = record.raw_stream
    while stream.read(_CHUNK):
        pass
    missing = getattr(stream, "limit", 0)
    if missing:
        raise _Truncated(f"a record ends {missing:,} bytes short")


def _header(headers: Any, name: str) -> str | None:
    value = headers.get_header(name)
    return value.strip() or None if isinstance(value, str) else None


def _capture_day(value: str | None) -> DateSpan | None:
    """The day a crawler fetched the page: a fallback publication date, so inferred."""
    if not value:
        return None
    try:
        day = datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None
    return DateSpan(day, day, Granularity.DAY, text=value, inferred=True)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "gzip stream cut short"
    if isinstance(exc, AttributeError):
        return "a record's headers are cut short"
    detail = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
