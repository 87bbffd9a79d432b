"""Walk the paths a user gives and hand out raw inputs, one at a time.

A path is a file, a folder (read recursively in sorted order, hidden entries
skipped) or "-" for stdin. JSONL files are read line by line and WARC files
record by record, so a corpus of any size streams; every other file is read
whole, up to ``max_bytes``. URLs are not paths: the reader fetches them.
"""

from __future__ import annotations

import os
import stat
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from bilat.ingest.bounded import UnpackBomb, bounded_lines, opened_gzip
from bilat.ingest.build import Declared
from bilat.ingest.decode import too_big
from bilat.ingest.files import (
    NotRegular,
    check_regular,
    io_reason,
    open_regular,
    reject,
    source_name,
    walk,
)
from bilat.ingest.guard import guarded
from bilat.ingest.raw import Kind, RawInput
from bilat.records import Rejection

STDIN = "-"
STDIN_SOURCE = "<stdin>"


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
_READ_ERRORS = (OSError, EOFError, zlib.error, NotRegular)


def iter_inputs(
    path: str, max_bytes: int, stdin: BinaryIO | None = None
) -> Iterator[RawInput | Rejection]:
    """Raw inputs under ``path``; a Rejection for each one that cannot be read."""
    if path == STDIN:
        yield _read_stdin(stdin or sys.stdin.buffer, max_bytes)
        return
    target = Path(path)
    try:
        is_dir = stat.S_ISDIR(target.stat().st_mode)
    except FileNotFoundError as exc:
        if not target.is_symlink():
            yield reject(path, "no such file or directory: check the path")
            return
        yield reject(path, io_reason(exc))
        return
    except OSError as exc:  # a parent folder without search permission, a link loop
        yield reject(path, io_reason(exc))
        return
    files = walk(target) if is_dir else iter((target,))
    for item in files:
        if isinstance(item, Rejection):
            yield item
        else:
            yield from guarded(source_name(item), _read_file(item, max_bytes))


def is_url(path: str) -> bool:
    """True for the paths bilat fetches rather than opens."""
    return path[:8].lower().startswith(("http://", "https://"))


def url_input(url: str) -> RawInput:
    """A URL given as a path, to be fetched: the URL (without user and password) is its
    source."""
    from bilat.ingest.fetch import shown

    return RawInput(source=shown(url), data=b"", kind=Kind.URL, declared=Declared(url=url))


def _read_file(path: Path, max_bytes: int) -> Iterator[RawInput | Rejection]:
    source = source_name(path)
    name = path.name.lower()
    packed = name.endswith(".gz")
    inner = Path(name.removesuffix(".gz")).suffix if packed else path.suffix.lower()
    try:
        check_regular(path)  # before opening: a device may act on being opened
    except _READ_ERRORS as exc:
        yield reject(source, io_reason(exc, packed))
        return
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
        yield reject(source, too_big(exc.size, max_bytes))
        return
    except UnpackBomb as exc:
        yield reject(source, exc.reason())
        return
    except _READ_ERRORS as exc:
        yield reject(source, io_reason(exc, packed))
        return
    yield RawInput(source, data, _SUFFIX_KINDS.get(inner, Kind.SNIFF))


def _read_plain(path: Path, max_bytes: int) -> bytes:
    with open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > max_bytes:  # refuse before reading a huge file into memory
            raise _TooBig(size)
        data = fh.read(max_bytes + 1)  # bounded: the file may grow while it is read
    if len(data) > max_bytes:
        raise _TooBig(len(data))
    return data


def _read_packed(path: Path, max_bytes: int) -> bytes:
    with open_regular(path) as raw:
        size = os.fstat(raw.fileno()).st_size
        with opened_gzip(raw, size, max_bytes) as fh:
            data = fh.read(max_bytes + 1)  # bounded: a small .gz can unpack to gigabytes
    if len(data) > max_bytes:
        raise _TooBig(len(data))
    return data


def _jsonl_lines(path: Path, packed: bool, max_bytes: int) -> Iterator[RawInput | Rejection]:
    """One raw input per line, each line bounded before it is read, a packed file bounded
    by what it unpacks to; a Rejection for the rest of the file if reading it fails."""
    base = source_name(path)
    number = 0
    try:
        with open_regular(path) as raw:
            size = os.fstat(raw.fileno()).st_size
            with opened_gzip(raw, size, max_bytes) if packed else raw as fh:
                for number, line in enumerate(bounded_lines(fh, max_bytes), start=1):
                    source = f"{base}:{number}"
                    if isinstance(line, int):
                        yield reject(source, too_big(line, max_bytes))
                    elif line.strip():
                        yield RawInput(source, line, Kind.JSONL_RECORD)
    except UnpackBomb as exc:
        yield reject(f"{base}:{number + 1}", exc.reason())
    except _READ_ERRORS as exc:
        reason = io_reason(exc, packed)
        where = f"{base}:{number + 1}" if number else base
        yield reject(where, f"{reason}; the rest of the file is skipped" if number else reason)


def _read_stdin(stream: BinaryIO, max_bytes: int) -> RawInput | Rejection:
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        return reject(STDIN_SOURCE, f"cannot read stdin: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return reject(STDIN_SOURCE, too_big(len(data), max_bytes))
    return RawInput(STDIN_SOURCE, data, Kind.SNIFF)


class _TooBig(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size
