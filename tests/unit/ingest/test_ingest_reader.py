from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as settings_profile
from hypothesis import strategies as st

from bilat.config import Settings
from bilat.ingest import read_sources
from bilat.records import Article, Rejection, article_id

FRENCH = (
    "Le Pakistan et la Russie ont tenu des discussions à Moscou sur la sécurité régionale. "
    "Les deux pays se sont mis d'accord pour renforcer leur coopération dans le domaine de "
    "l'énergie et de la défense, et ils ont annoncé que la prochaine réunion aura lieu dans "
    "la capitale pakistanaise avant la fin de cette année."
)


def _html(prose: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Talks</title>"
        '<meta property="article:published_time" content="2021-09-30">'
        f"</head><body><article><h1>Talks</h1><p>{prose}</p><p>{prose}</p></article>"
        "</body></html>"
    )


def _one(path: Path | str, settings: Settings) -> Article | Rejection:
    items = list(read_sources([str(path)], settings))
    assert len(items) == 1, items
    return items[0]


def _article(path: Path | str, settings: Settings) -> Article:
    item = _one(path, settings)
    assert isinstance(item, Article), item
    return item


def _rejection(path: Path | str, settings: Settings) -> Rejection:
    item = _one(path, settings)
    assert isinstance(item, Rejection), item
    assert item.stage == "ingest"
    assert "\n" not in item.reason
    return item


def test_reads_text_file(tmp_path: Path, settings: Settings, prose: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Talks in Moscow\n\n{prose}\n\nShare this article\n", encoding="utf-8")
    article = _article(path, settings)
    assert article.source == str(path)
    assert article.title == "Talks in Moscow"
    assert article.body == prose
    assert article.id == article_id(prose)
    assert article.boilerplate_removed == 1
    assert article.language == "en"
    assert article.publisher is None


def test_rereading_gives_same_id(tmp_path: Path, settings: Settings, prose: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(prose, encoding="utf-8")
    assert _article(path, settings).id == _article(path, settings).id


def test_reads_html_file(tmp_path: Path, settings: Settings, prose: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(_html(prose), encoding="utf-8")
    article = _article(path, settings)
    assert prose in article.body
    assert article.title == "Talks"
    assert article.published is not None
    assert article.published.start == date(2021, 9, 30)
    assert not article.published.inferred


def test_reads_gzipped_files(tmp_path: Path, settings: Settings, prose: str) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(prose.encode()))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(_html(prose).encode()))
    items = list(read_sources([str(tmp_path)], settings))
    assert [type(i) for i in items] == [Article, Article]


def test_sniffs_unknown_extension(tmp_path: Path, settings: Settings, prose: str) -> None:
    (tmp_path / "page.dat").write_text(_html(prose), encoding="utf-8")
    (tmp_path / "note.md").write_text(f"<b>{prose}</b> is not markup enough", encoding="utf-8")
    note, page = read_sources([str(tmp_path)], settings)
    assert isinstance(page, Article)
    assert page.title == "Talks"
    assert isinstance(note, Article)
    assert note.body.startswith("<b>")


def test_folder_is_recursive_sorted_and_skips_hidden(
    tmp_path: Path, settings: Settings, prose: str
) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for rel in ("z.txt", "a.txt", "b/c.txt", ".hidden.txt", ".git/d.txt"):
        (tmp_path / rel).write_text(f"{rel}: {prose}", encoding="utf-8")
    sources = [i.source for i in read_sources([str(tmp_path)], settings)]
    assert sources == [str(tmp_path / n) for n in ("a.txt", "z.txt", "b/c.txt")]


def test_jsonl_good_and_bad_lines(tmp_path: Path, settings: Settings, prose: str) -> None:
    lines = [
        json.dumps(
            {
                "text": prose,
                "url": "https://x.org/1",
                "published": "2021-09-30",
                "publisher": "X Daily",
                "author": "Jane Doe",
                "title": "One",
            }
        ),
        '{"text": "broken',
        "",
        json.dumps({"html": _html(prose)}),
        json.dumps({"title": "no body"}),
        json.dumps({"text": "too short"}),
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_sources([str(path)], settings))
    assert [i.source for i in items] == [f"{path}:{n}" for n in (1, 2, 4, 5, 6)]
    first, broken, html, no_body, short = items
    assert isinstance(first, Article)
    assert (first.url, first.publisher, first.author, first.title) == (
        "https://x.org/1",
        "X Daily",
        "Jane Doe",
        "One",
    )
    assert first.published is not None
    assert first.published.start == date(2021, 9, 30)
    assert isinstance(broken, Rejection)
    assert "malformed JSON" in broken.reason
    assert isinstance(html, Article)
    assert isinstance(no_body, Rejection)
    assert isinstance(short, Rejection)
    assert "too short" in short.reason


def test_jsonl_gz(tmp_path: Path, settings: Settings, prose: str) -> None:
    path = tmp_path / "corpus.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps({"text": prose}) + "\n").encode()))
    assert isinstance(_one(path, settings), Article)


def test_stdin_text_and_html(settings: Settings, prose: str) -> None:
    article = next(read_sources(["-"], settings, stdin=io.BytesIO(prose.encode())))
    assert isinstance(article, Article)
    assert article.source == "<stdin>"
    page = next(read_sources(["-"], settings, stdin=io.BytesIO(_html(prose).encode())))
    assert isinstance(page, Article)
    assert page.title == "Talks"


def test_stdin_empty(settings: Settings) -> None:
    item = next(read_sources(["-"], settings, stdin=io.BytesIO(b"")))
    assert isinstance(item, Rejection)
    assert "empty" in item.reason


def test_streams_lazily(tmp_path: Path, settings: Settings, prose: str) -> None:
    (tmp_path / "a.txt").write_text(prose, encoding="utf-8")
    asked: list[str] = []

    def paths() -> Iterator[str]:
        for name in ("a.txt", "b.txt"):
            asked.append(name)
            yield str(tmp_path / name)

    stream = read_sources(paths(), settings)
    assert isinstance(next(stream), Article)
    assert asked == ["a.txt"]  # the second path is not touched before it is needed


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n\t ", "whitespace"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("latin1.txt", "Le café est très bon. ".encode("latin-1") * 10, "not valid UTF-8"),
        ("short.txt", b"Pakistan and Russia met in Moscow.", "too short"),
        ("french.txt", FRENCH.encode(), "not English: looks like French"),
        ("russian.txt", "Пакистан и Россия провели переговоры в Москве.".encode(), "Cyrillic"),
        ("chinese.txt", "巴基斯坦和俄罗斯在莫斯科举行了关于地区安全和贸易的会谈。".encode(), "Han"),
        ("bad.gz", b"not gzip at all", "not a valid gzip file"),
        ("truncated.txt.gz", gzip.compress(b"x" * 1000)[:20], "gzip"),
        ("nothing.html", b"<html><body><script>var x = 1;</script></body></html>", "no article"),
        ("furniture.txt", b"Share this article\nRead more: elsewhere\nLatest news\n", "0 words"),
    ],
)
def test_rejections(
    tmp_path: Path, settings: Settings, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    rejection = _rejection(path, settings)
    assert reason in rejection.reason
    assert rejection.source == str(path)


def test_rejects_utf8_bom_free_utf16(tmp_path: Path, settings: Settings, prose: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(prose.encode("utf-16-le"))
    assert "binary" in _rejection(path, settings).reason


def test_accepts_utf16_with_bom(tmp_path: Path, settings: Settings, prose: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(prose.encode("utf-16"))
    assert _article(path, settings).body == prose


def test_rejects_oversize_file(tmp_path: Path, settings: Settings, prose: str) -> None:
    path = tmp_path / "big.txt"
    path.write_text(prose, encoding="utf-8")
    rejection = _rejection(path, replace(settings, max_bytes=100))
    assert "max_bytes=100" in rejection.reason


def test_rejects_oversize_gzip_content(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a " * 10_000))
    assert "max_bytes" in _rejection(path, replace(settings, max_bytes=1000)).reason


def test_missing_path(tmp_path: Path, settings: Settings) -> None:
    assert "no such file" in _rejection(tmp_path / "nope.txt", settings).reason


def test_languages_setting_admits_french(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "french.txt"
    path.write_text(FRENCH, encoding="utf-8")
    assert _article(path, replace(settings, languages=("en", "fr"))).language == "fr"


def test_text_without_date_gets_inferred_date(
    tmp_path: Path, settings: Settings, prose: str
) -> None:
    path = tmp_path / "dated.txt"
    path.write_text(f"{prose} The ministers met on 14 September 2021.", encoding="utf-8")
    published = _article(path, settings).published
    assert published is not None
    assert published.start == date(2021, 9, 14)
    assert published.inferred


def test_seeds_become_articles(seeds: Path) -> None:
    items = list(read_sources([str(seeds)], Settings()))
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) >= 2
    by_name = {Path(a.source).name: a for a in articles}
    nias = by_name.get("004_11de32dacf5df8ab.txt")
    if nias is not None:
        assert nias.author == "Abigail Miriam Fernandez"
        assert nias.published is not None
        assert nias.published.inferred
        assert nias.published.start == date(2021, 12, 2)
        assert "CWA" not in nias.body


@settings_profile(max_examples=150, deadline=None)
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    items = list(read_sources(["-"], Settings(min_words=5), stdin=io.BytesIO(data)))
    assert len(items) == 1
    assert isinstance(items[0], Article | Rejection)


@settings_profile(max_examples=100, deadline=None)
@given(
    parts=st.lists(
        st.sampled_from(
            [
                "<html>",
                "<p>",
                "</p>",
                "<div>",
                "<script>",
                "</script>",
                "<!--",
                "-->",
                "&#0;",
                '<?xml version="1.0" encoding="utf-8"?>',
                "<table><tr><td>",
                "\x00",
                "<br/>",
                "Moscow and Islamabad agreed to hold talks on energy and trade. ",
            ]
        ),
        max_size=60,
    )
)
def test_arbitrary_markup_never_raises(parts: list[str]) -> None:
    stdin = io.BytesIO("".join(parts).encode())
    items = list(read_sources(["-"], Settings(min_words=5), stdin=stdin))
    assert len(items) == 1
