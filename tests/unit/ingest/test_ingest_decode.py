from __future__ import annotations

import codecs

import pytest

from bilat.errors import InputRejected
from bilat.ingest.decode import decode, looks_like_html


def _reason(data: bytes, max_bytes: int = 1000) -> str:
    with pytest.raises(InputRejected) as caught:
        decode(data, max_bytes)
    return str(caught.value)


def test_decode_plain_utf8() -> None:
    assert decode("Café in Moscow".encode(), 100) == "Café in Moscow"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + b"Hello", "Hello"),
        ("Hello Ω".encode("utf-16"), "Hello Ω"),  # Python writes a BOM
        (codecs.BOM_UTF16_BE + "Hi".encode("utf-16-be"), "Hi"),
        ("Hi there".encode("utf-32"), "Hi there"),
    ],
)
def test_decode_accepts_byte_order_marks(data: bytes, expected: str) -> None:
    assert decode(data, 1000) == expected


def test_decode_rejects_empty() -> None:
    assert "empty" in _reason(b"")


def test_decode_rejects_whitespace_only() -> None:
    assert "whitespace" in _reason(b"  \n\t\r\n  ")


def test_decode_rejects_nul_bytes_as_binary() -> None:
    assert "binary" in _reason(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_decode_rejects_control_bytes_as_binary() -> None:
    assert "binary" in _reason(bytes(range(1, 32)) * 3 + b"some text")


def test_decode_names_bad_utf8_byte_and_offset() -> None:
    reason = _reason("Caf\xe9 au lait".encode("latin-1"))
    assert "not valid UTF-8" in reason
    assert "0xe9" in reason
    assert "offset 3" in reason


def test_decode_rejects_oversize_input() -> None:
    reason = _reason(b"x" * 50, max_bytes=10)
    assert "max_bytes=10" in reason


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body><p>x</p></body></html>",
        "  <html lang='en'><p>x</p></html>",
        "<?xml version='1.0'?>\n<html><body/></html>",
        "<!-- saved page --><html><body>x</body></html>",
        "<div><p>one</p><p>two</p><p>three</p><a href='#'>x</a></div>",
    ],
)
def test_looks_like_html_sees_markup(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    ["Plain article text.\nSecond line.", "Prices rose 5% when a < b and c > d.", ""],
)
def test_looks_like_html_leaves_prose(text: str) -> None:
    assert not looks_like_html(text)


def test_decode_honours_declared_html_charset() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body>Café — ok</body></html>'
    assert "Café — ok" in decode(page.encode("cp1252"), 1000)


def test_decode_rejects_latin1_text_without_declaration() -> None:
    assert "not valid UTF-8" in _reason("<p>Café</p>".encode("latin-1"))


def test_decode_reports_wrong_declared_charset() -> None:
    page = '<meta http-equiv="Content-Type" content="text/html; charset=ascii"><p>Caf\xe9</p>'
    assert "not valid ASCII" in _reason(page.encode("latin-1"))
