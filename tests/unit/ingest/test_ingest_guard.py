"""Whatever an input raises, it is that input's Rejection and the run goes on (issue #16.1)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bilat.config import Settings
from bilat.ingest import read_sources, reader
from bilat.records import Article, Rejection


def _prose(n: int) -> str:
    return f"Report {n}. " + "Pakistan and Russia signed a trade agreement in Moscow. " * 12


def test_a_lone_surrogate_in_a_jsonl_line_is_that_line_s_rejection(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    lines = [
        json.dumps({"text": _prose(1)}),
        '{"text": "' + _prose(2) + '\\ud800"}',
        '{"text": "' + _prose(3) + '", "title": "\\udc80"}',
        json.dumps({"text": _prose(4)}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="ascii")
    items = list(read_sources([str(path)], Settings()))
    assert [type(i) for i in items] == [Article, Rejection, Rejection, Article]
    reasons = [i.reason for i in items if isinstance(i, Rejection)]
    assert reasons[0].startswith('JSON line\'s "text" holds a lone surrogate')
    assert reasons[1].startswith('JSON line\'s "title" holds a lone surrogate')


def test_an_unforeseen_error_reading_an_input_is_its_rejection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(_prose(1), encoding="utf-8")
    (tmp_path / "b.txt").write_text(_prose(2), encoding="utf-8")
    real = reader.from_text

    def fails_on_a(source: str, *args: object, **kwargs: object) -> object:
        if source.endswith("a.txt"):
            raise KeyError("a library's own surprise")
        return real(source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reader, "from_text", fails_on_a)
    first, second = read_sources([str(tmp_path)], Settings())
    assert isinstance(first, Rejection)
    assert first.reason.startswith('could not be read (KeyError: "a library\'s own surprise")')
    assert isinstance(second, Article)


def test_a_reader_failing_midway_rejects_the_rest_of_that_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": _prose(1)}) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(_prose(2), encoding="utf-8")

    def broken(*args: object) -> object:
        raise RuntimeError("disk went away")

    monkeypatch.setattr("bilat.ingest.sources.bounded_lines", broken)
    first, second = read_sources([str(tmp_path)], Settings())
    assert isinstance(first, Rejection)
    assert first.source == str(tmp_path / "a.jsonl")
    assert "RuntimeError: disk went away" in first.reason
    assert "the rest of it is skipped" in first.reason
    assert isinstance(second, Article)


def test_a_file_name_that_is_not_utf8_is_kept_as_escapes(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(_prose(1), encoding="utf-8")
    (item,) = read_sources([str(tmp_path)], Settings())
    assert item.source == f"{tmp_path}/caf\\xe9.txt"
    item.source.encode("utf-8")  # storable and printable
