"""How many inputs an ingest will read, told before reading them, when it can be.

A text or HTML file is one input, a JSONL file one per line (its line breaks are
counted, a megabyte at a time), a folder the sum of its files. A gzipped JSONL file, a
WARC file, a feed, stdin or a URL hold a number nobody knows before reading them: then
there is no total (the progress shows a count and a rate, no time left). Counting gives
up after ``budget`` seconds, so a huge corpus does not wait to start.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from bilat.ingest.files import NotRegular, open_regular, walk
from bilat.ingest.sources import STDIN, is_url

_JSONL = (".jsonl", ".ndjson")
_UNKNOWN = (".gz", ".warc", ".rss", ".atom", ".xml")
_CHUNK = 1 << 20


class _Unknown(Exception):
    pass


def planned_inputs(paths: Iterable[str], budget: float = 3.0) -> int | None:
    """The number of inputs under ``paths``, or None when it cannot be told in time."""
    deadline = time.monotonic() + budget
    total = 0
    try:
        for path in paths:
            if path == STDIN or is_url(path):
                return None
            target = Path(path)
            files = walk(target) if target.is_dir() else (target,)
            for item in files:
                total += 1 if not isinstance(item, Path) else _inputs_of(item, deadline)
    except (_Unknown, OSError):
        return None
    return total


def _inputs_of(path: Path, deadline: float) -> int:
    name = path.name.lower()
    if name.endswith(_UNKNOWN):
        raise _Unknown
    if not name.endswith(_JSONL):
        return 1
    lines, last = 0, b"\n"
    try:
        with open_regular(path) as fh:
            while chunk := fh.read(_CHUNK):
                lines += chunk.count(b"\n")
                last = chunk[-1:]
                if time.monotonic() > deadline:
                    raise _Unknown
    except NotRegular:
        return 1  # rejected as one input
    return lines + (last != b"\n")
