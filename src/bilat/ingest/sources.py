"""Walk the paths a user gives and hand out raw inputs, one at a time.

A path is a file, a folder (read recursively in sorted order, hidden entries
skipped) or "-" for stdin. JSONL files are read line by line and WARC files
record by record, so a corpus of any size streams; every other file is read
whole, up to ``max_bytes``. URLs are not paths: the reader fetches them.
"""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from bilat.ingest.build import Declared
from bilat.ingest.decode import too_big
from bilat.records import DateSpan, Rejection

STDIN = "-"
STDIN_SOURCE = "<stdin>"


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


_SUFFIX_KINDS = {
    ".txt": Kind.TEXT,
    ".text": Kind.TEXT,
    ".html": Kind.HTML,
    ".htm": Kind.HTML,
    ".xhtml": Kind.HTML,
    ".rss": Kind.FEED,
    ".atom": Kind.FEED,
    # .xml stays SNIFF: the reader tells a feed from other XML by its root element.
}
_JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_WARC_SUFFIXES = frozenset({".warc"})
_READ_ERRORS = (OSError, EOFError, zlib.error)


def iter_inputs(
    path: str, max_bytes: int, stdin: BinaryIO | None = None
) -> Iterator[RawInput | Rejection]:
    """Raw inputs under ``path``; a Rejection for each one that cannot be read."""
    if path == STDIN:
        yield _read_stdin(stdin or sys.stdin.buffer, max_bytes)
        return
    target = Path(path)
    try:
        is_dir, exists = target.is_dir(), target.exists()
    except OSError as exc:  # e.g. a parent folder without search permission
        yield _reject(path, _io_reason(exc, packed=False))
        return
    if is_dir:
        for item in _walk(target):
            yield from (_read_file(item, max_bytes) if isinstance(item, Path) else (item,))
    elif exists:
        yield from _read_file(target, max_bytes)
    else:
        yield _reject(path, "no such file or directory: check the path")


def is_url(path: str) -> bool:
    """True for the paths bilat fetches rather than opens."""
    return path[:8].lower().startswith(("http://", "https://"))


def url_input(url: str) -> RawInput:
    """A URL given as a path, to be fetched: the URL is its source."""
    return RawInput(source=url, data=b"", kind=Kind.URL, declared=Declared(url=url))


def _walk(folder: Path) -> Iterator[Path | Rejection]:
    """Files under ``folder``, depth first in sorted order, hidden ones skipped."""
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            # Only regular files: a FIFO or socket in a folder would block the run.
            if not name.startswith(".") and path.is_file():
                yield path
        while errors:  # a folder os.walk could not list
            error = errors.pop(0)
            yield _reject(str(error.filename or folder), _io_reason(error, packed=False))
    for error in errors:
        yield _reject(str(error.filename or folder), _io_reason(error, packed=False))


def _read_file(path: Path, max_bytes: int) -> Iterator[RawInput | Rejection]:
    source = str(path)
    name = path.name.lower()
    packed = name.endswith(".gz")
    inner = Path(name.removesuffix(".gz")).suffix if packed else path.suffix.lower()
    if inner in _WARC_SUFFIXES:
        from bilat.ingest.warc import iter_warc  # lazy: warcio only when a WARC is read

        yield from iter_warc(path, max_bytes)
        return
    try:
        if inner in _JSONL_SUFFIXES:
            yield from _jsonl_lines(path, packed, max_bytes)
            return
        data = _read_packed(path, max_bytes) if packed else _read_plain(path, max_bytes)
    except _TooBig as exc:
        yield _reject(source, too_big(exc.size, max_bytes))
        return
    except _READ_ERRORS as exc:
        yield _reject(source, _io_reason(exc, packed))
        return
    yield RawInput(source, data, _SUFFIX_KINDS.get(inner, Kind.SNIFF))


def _read_plain(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:  # refuse before reading a huge file into memory
        raise _TooBig(size)
    with path.open("rb") as fh:
        data = fh.read(max_bytes + 1)  # bounded: a pipe or device reports size 0
    if len(data) > max_bytes:
        raise _TooBig(len(data))
    return data


def _read_packed(path: Path, max_bytes: int) -> bytes:
    with gzip.open(path, "rb") as fh:
        data = fh.read(max_bytes + 1)  # bounded: a small .gz can unpack to gigabytes
    if len(data) > max_bytes:
        raise _TooBig(len(data))
    return data


def _jsonl_lines(path: Path, packed: bool, max_bytes: int) -> Iterator[RawInput | Rejection]:
    opener = gzip.open if packed else open
    with opener(path, "rb") as fh:
        for number, line in enumerate(fh, start=1):
            source = f"{path}:{number}"
            if len(line) > max_bytes:
                yield _reject(source, too_big(len(line), max_bytes))
            elif line.strip():
                yield RawInput(source, line, Kind.JSONL_RECORD)


def _read_stdin(stream: BinaryIO, max_bytes: int) -> RawInput | Rejection:
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        return _reject(STDIN_SOURCE, f"cannot read stdin: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return _reject(STDIN_SOURCE, too_big(len(data), max_bytes))
    return RawInput(STDIN_SOURCE, data, Kind.SNIFF)


def _io_reason(exc: BaseException, packed: bool) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied: make the file readable"
    if packed and isinstance(exc, gzip.BadGzipFile | EOFError | zlib.error):
        return f"not a valid gzip file ({exc}): re-compress it or drop the .gz suffix"
    if isinstance(exc, OSError):
        return f"cannot read file: {exc.strerror or exc}"
    return f"cannot read file: {exc}"


def _reject(source: str, reason: str) -> Rejection:
    return Rejection(stage="ingest", reason=reason, source=source)


class _TooBig(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size
