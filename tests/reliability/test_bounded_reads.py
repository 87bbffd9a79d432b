"""Reads bounded before they happen (issue #16.1, #16.3): each hostile input is a recorded
one-line Rejection within SECONDS and MAX_PEAK_MB, and the good files beside it are stored.

Each case runs alone first (`bilat ingest` of it and nothing else: no model is loaded, so
time and memory are the read's own), then all of them together beside good articles.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from bilat.store import open_store
from reliability.conftest import Measured, bilat_measured
from reliability.hostile import good_text

SECONDS = 60
MAX_PEAK_MB = 600
EXIT_REJECTED = 3  # some inputs stored, some rejected
EXIT_NOTHING_STORED = 2
MB = 1 << 20


def _gzip_of(path: Path, head: bytes, filler: bytes, total: int) -> None:
    """A small gzip file that unpacks to ``total`` bytes: ``head``, then ``filler`` repeated."""
    with gzip.open(path, "wb", compresslevel=9) as fh:
        fh.write(head)
        for _ in range(total // len(filler)):
            fh.write(filler)


def warc_without_line_breaks(folder: Path) -> Path:
    path = folder / "no_lines.warc.gz"  # 1 MB that unpacks to 1 GB of one "line"
    _gzip_of(path, b"WARC/1.0\r\nWARC-Type: response", b"A" * MB, 1 << 30)
    return path


def jsonl_gzip_bomb(folder: Path) -> Path:
    path = folder / "bomb.jsonl.gz"  # 1 MB that unpacks to a 1 GB line
    _gzip_of(path, b'{"text": "', b" " * MB, 1 << 30)
    return path


def sparse_jsonl(folder: Path) -> Path:
    path = folder / "sparse.jsonl"  # 2 GB of NULs without a line break, on no disk space
    with path.open("wb") as fh:
        fh.truncate(2 << 30)
    return path


def fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"  # no writer ever comes: opening it plainly blocks forever
    os.mkfifo(path)
    return path


def link_loop(folder: Path) -> Path:
    (folder / "loop_b.txt").symlink_to(folder / "loop_a.txt")
    (folder / "loop_a.txt").symlink_to(folder / "loop_b.txt")
    return folder / "loop_a.txt"


def device(folder: Path) -> Path:
    path = folder / "zeros.txt"  # never ends
    path.symlink_to("/dev/zero")
    return path


def lone_surrogate(folder: Path) -> Path:
    path = folder / "surrogate.jsonl"
    path.write_text('{"text": "Talks in Moscow \\ud800 ended."}\n', encoding="ascii")
    return path


# (maker, which source is rejected: the path, or its first line; words of the reason)
CASES: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    "warc_without_line_breaks": (warc_without_line_breaks, "", "header line runs over"),
    "jsonl_gzip_bomb": (jsonl_gzip_bomb, ":1", "decompression bomb"),
    "sparse_jsonl": (sparse_jsonl, ":1", "over max_bytes"),
    "fifo": (fifo, "", "named pipe (FIFO)"),
    "link_loop": (link_loop, "", "symbolic link loop"),
    "device": (device, "", "a device"),
    "lone_surrogate": (lone_surrogate, ":1", "lone surrogate"),
}


def _check_bounded(result: Measured) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.seconds < SECONDS, f"took {result.seconds:.0f} s: {result.stderr[-500:]}"
    assert result.peak_mb < MAX_PEAK_MB, f"peak {result.peak_mb:.0f} MB"


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_input_alone_is_rejected_within_bounds(tmp_path: Path, case: str) -> None:
    make, suffix, words = CASES[case]
    folder = tmp_path / "in"
    folder.mkdir()
    path = make(folder)
    db = str(tmp_path / "store.duckdb")
    result = bilat_measured(db, "ingest", str(path), timeout=SECONDS)
    print(f"{case}: {result.seconds:.1f} s, peak {result.peak_mb:.0f} MB")
    _check_bounded(result)
    assert result.code == EXIT_NOTHING_STORED, result.stderr
    with open_store(db, read_only=True) as store:
        (rejection,) = store.rejections()
    assert rejection.source == f"{path}{suffix}"
    assert words in rejection.reason, rejection.reason
    assert "\n" not in rejection.reason


@pytest.mark.model
@pytest.mark.slow
def test_good_files_beside_every_hostile_input_are_stored(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    loose = tmp_path / "loose"  # the FIFO and the link loop are also given as paths
    loose.mkdir()
    for make, _, _ in CASES.values():
        make(folder)
    paths = [fifo(loose), link_loop(loose)]
    (folder / "good.txt").write_text(good_text(1), encoding="utf-8")
    lines = [
        json.dumps({"text": good_text(2)}),
        '{"text": "\\udfff"}',
        json.dumps({"text": good_text(3)}),
    ]
    (folder / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "store.duckdb")
    result = bilat_measured(db, "ingest", str(folder), *map(str, paths), timeout=SECONDS)
    print(f"all together: {result.seconds:.1f} s, peak {result.peak_mb:.0f} MB")
    _check_bounded(result)
    assert result.code == EXIT_REJECTED, result.stderr
    with open_store(db, read_only=True) as store:
        stored = {a.source for a in store.articles()}
        (run,) = store.runs()
        rejected = {r.source for r in store.rejections(run.id)}
    assert stored == {f"{folder}/good.txt", f"{folder}/mixed.jsonl:1", f"{folder}/mixed.jsonl:3"}
    in_folder = {
        "no_lines.warc.gz",
        "bomb.jsonl.gz:1",
        "sparse.jsonl:1",
        "pipe.txt",
        "loop_a.txt",
        "loop_b.txt",
        "zeros.txt",
        "surrogate.jsonl:1",
        "mixed.jsonl:2",
    }
    assert rejected == {f"{folder}/{name}" for name in in_folder} | set(map(str, paths))
    assert run.finished is not None
    assert "3 articles stored" in result.stderr
