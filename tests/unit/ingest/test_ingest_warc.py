from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from bilat.config import Settings
from bilat.ingest import read_sources
from bilat.records import Article, Rejection

TOPICS = ("Moscow", "Islamabad", "Beijing", "Ankara", "Tehran", "Kabul")


@dataclass(frozen=True)
class Rec:
    """One WARC record to write: a response unless ``kind`` says otherwise."""

    uri: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    kind: str = "response"
    status: str = "200 OK"
    date: str = "2021-10-02T08:30:00Z"


def _html(prose: str, topic: str, published: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    text = prose.replace("Moscow", topic)
    return (
        f"<!DOCTYPE html><html><head><title>Talks in {topic}</title>{meta}</head><body>"
        f"<article><h1>Talks in {topic}</h1><p>{text}</p><p>{text}</p></article></body></html>"
    ).encode()


def _write(path: Path, records: list[Rec], gzip: bool) -> Path:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for rec in records:
            if rec.kind == "request":
                http = StatusAndHeaders(f"GET {rec.uri} HTTP/1.1", [], is_http_request=True)
            else:
                http = StatusAndHeaders(
                    rec.status, [("Content-Type", rec.content_type)], protocol="HTTP/1.1"
                )
            record = writer.create_warc_record(
                rec.uri,
                rec.kind,
                payload=io.BytesIO(rec.body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": rec.date},
            )
            writer.write_record(record)
    return path


def _pages(prose: str, n: int = 3) -> list[Rec]:
    return [Rec(f"https://news.example/{i}", _html(prose, TOPICS[i])) for i in range(n)]


def _articles(items: list[Article | Rejection]) -> list[Article]:
    assert all(isinstance(i, Article) for i in items), items
    return [i for i in items if isinstance(i, Article)]


@pytest.mark.parametrize("packed", [True, False], ids=["warc.gz", "warc"])
def test_warc_html_responses_become_articles(
    tmp_path: Path, settings: Settings, prose: str, packed: bool
) -> None:
    records = [
        Rec("https://news.example/0", b"", kind="request"),
        Rec("https://news.example/0", _html(prose, "Moscow")),
        Rec("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"),
        Rec("https://news.example/old", _html(prose, "Kabul"), status="301 Moved Permanently"),
        Rec("https://news.example/1", _html(prose, "Beijing", published="2021-09-30")),
    ]
    path = _write(tmp_path / ("crawl.warc.gz" if packed else "crawl.warc"), records, packed)
    first, second = _articles(list(read_sources([str(path)], settings)))
    assert first.url == "https://news.example/0"
    assert first.source.startswith(f"{path}#urn:uuid:")
    assert first.title == "Talks in Moscow"
    # No date on the page: the capture date stands in, marked inferred.
    assert first.published is not None
    assert (first.published.start, first.published.inferred) == (date(2021, 10, 2), True)
    assert second.url == "https://news.example/1"
    assert second.published is not None
    assert (second.published.start, second.published.inferred) == (date(2021, 9, 30), False)
    assert first.source != second.source


def test_warc_in_a_folder_and_gzip_without_suffix(
    tmp_path: Path, settings: Settings, prose: str
) -> None:
    _write(tmp_path / "a.warc", _pages(prose, 1), gzip=True)  # gzipped, named .warc
    _write(tmp_path / "b.warc.gz", _pages(prose, 2), gzip=True)
    articles = _articles(list(read_sources([str(tmp_path)], settings)))
    assert [a.source.split("#")[0] for a in articles] == [
        str(tmp_path / "a.warc"),
        str(tmp_path / "b.warc.gz"),
        str(tmp_path / "b.warc.gz"),
    ]


@pytest.mark.parametrize("packed", [True, False], ids=["warc.gz", "warc"])
def test_truncated_warc_keeps_what_came_before(
    tmp_path: Path, settings: Settings, prose: str, packed: bool
) -> None:
    path = _write(tmp_path / ("cut.warc.gz" if packed else "cut.warc"), _pages(prose, 3), packed)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - len(data) // 6])  # cut inside the last record
    *articles, rejection = read_sources([str(path)], settings)
    assert [a.url for a in _articles(articles)] == [
        "https://news.example/0",
        "https://news.example/1",
    ]
    assert isinstance(rejection, Rejection), rejection
    assert rejection.source == str(path)
    assert "\n" not in rejection.reason
    assert rejection.reason.startswith("WARC file is truncated or corrupt after 2 pages")


@pytest.mark.parametrize("cut", [1, 12, 40, 200])
def test_warc_cut_anywhere_early_is_one_rejection(
    tmp_path: Path, settings: Settings, prose: str, cut: int
) -> None:
    for packed in (True, False):
        path = _write(tmp_path / f"early{cut}{packed}.warc", _pages(prose, 2), packed)
        path.write_bytes(path.read_bytes()[:cut])
        (item,) = read_sources([str(path)], settings)
        assert isinstance(item, Rejection), (packed, item)
        assert "truncated or corrupt" in item.reason


@pytest.mark.parametrize(
    "data",
    [b"this is not a WARC file at all\n" * 10, b"\x1f\x8bnot really gzip", b""],
    ids=["text", "bad-gzip", "empty"],
)
def test_not_a_warc(tmp_path: Path, settings: Settings, data: bytes) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(data)
    (item,) = read_sources([str(path)], settings)
    assert isinstance(item, Rejection), item
    assert ("truncated or corrupt" if data else "empty file") in item.reason


def test_oversized_record_is_rejected_alone(tmp_path: Path, settings: Settings, prose: str) -> None:
    big = Rec("https://news.example/big", _html(prose, "Ankara") + b"<!--" + b"x" * 60_000)
    records = [_pages(prose, 1)[0], big, Rec("https://news.example/2", _html(prose, "Tehran"))]
    path = _write(tmp_path / "big.warc.gz", records, gzip=True)
    first, rejected, last = read_sources([str(path)], replace(settings, max_bytes=50_000))
    assert isinstance(first, Article) and isinstance(last, Article)
    assert isinstance(rejected, Rejection), rejected
    assert "max_bytes" in rejected.reason
    assert rejected.source.startswith(f"{path}#urn:uuid:")


def test_warc_record_in_a_legacy_charset(tmp_path: Path, settings: Settings, prose: str) -> None:
    body = _html(prose.replace("Moscow", "Moscow café"), "Moscow").decode().encode("cp1252")
    record = Rec("https://news.example/fr", body, content_type="text/html; charset=windows-1252")
    path = _write(tmp_path / "legacy.warc", [record], gzip=False)
    (article,) = _articles(list(read_sources([str(path)], settings)))
    assert "café" in article.body


def test_warc_streams_record_by_record(tmp_path: Path, settings: Settings, prose: str) -> None:
    path = _write(tmp_path / "s.warc.gz", _pages(prose, 3), gzip=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 10])  # damage at the very end
    stream = read_sources([str(path)], settings)
    first = next(stream)  # the first page arrives before the damage is read
    assert isinstance(first, Article)
    assert isinstance(list(stream)[-1], Rejection)
