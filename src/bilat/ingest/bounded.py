"""Reads bounded before they happen: the bytes a gzip file unpacks to, the length of a line.

A 1 MB gzip file can unpack to a gigabyte, and a file without line breaks is one line:
neither may be held in memory, nor unpacked without end.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from typing import IO, Any

# Real text and WARC files unpack to 3-10 times their size; more than this is a bomb.
MAX_UNPACK_RATIO = 100
_SKIP = 1 << 20  # what an over-long line is skipped by, a read at a time


class UnpackBomb(Exception):
    """A gzip file unpacks to more than its bound."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit

    def reason(self) -> str:
        return (
            f"gzip file unpacks to over {self.limit:,} bytes ({MAX_UNPACK_RATIO} times its "
            "size, or max_bytes): a decompression bomb? The rest of it is skipped"
        )


def unpack_limit(packed_size: int, max_bytes: int) -> int:
    """The most a gzip file of ``packed_size`` bytes may unpack to."""
    return max(max_bytes, MAX_UNPACK_RATIO * packed_size)


class Unpacked(io.RawIOBase):
    """A gzip stream (of one or many members) unpacked in short reads, at most ``limit``
    bytes of it (then UnpackBomb).

    GzipFile.read(n) raises EOFError on a cut-off stream before returning what it could
    unpack; read1 returns it first, so what came before the damage is kept.
    """

    def __init__(self, raw: IO[bytes], limit: int) -> None:
        super().__init__()
        self._gzip = gzip.GzipFile(fileobj=raw, mode="rb")
        self._limit = limit
        self._unpacked = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._gzip.read1(len(buffer))
        self._unpacked += len(data)
        if self._unpacked > self._limit:
            raise UnpackBomb(self._limit)
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._gzip.close()
        super().close()


def opened_gzip(raw: IO[bytes], packed_size: int, max_bytes: int) -> io.BufferedReader:
    """A buffered reader of what ``raw`` unpacks to, bounded by ``unpack_limit``."""
    return io.BufferedReader(Unpacked(raw, unpack_limit(packed_size, max_bytes)), 1 << 16)


def bounded_lines(stream: IO[bytes], max_line: int) -> Iterator[bytes | int]:
    """Each line of ``stream`` (with its line break), or, for a line over ``max_line``
    bytes, its length: such a line is skipped a megabyte at a time, never held whole."""
    while line := stream.readline(max_line + 1):
        if len(line) <= max_line:
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n") and (line := stream.readline(_SKIP)):
            size += len(line)
        yield size
