"""Bytes to text, refusing what is not text, and telling text from HTML."""

from __future__ import annotations

import codecs
import re

from bilat.errors import InputRejected

# Control bytes other than tab, newline, carriage return, form feed and vertical tab.
_CONTROL = bytes(sorted((set(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D}) | {0x7F}))
# Text with more control bytes than this is binary, even without NULs.
_MAX_CONTROL_RATIO = 0.05
# Longest BOMs first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|article|section|h[1-6]|table|li|ul|script|meta|title|body)\b[^>]*>",
    re.I,
)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{2,40})", re.I)
# The root element of an RSS 2.0, RSS 1.0 (RDF) or Atom document, after an
# optional BOM, XML declaration, processing instructions, comments and doctype.
_FEED_ROOT = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?.*?\?>\s*|<!DOCTYPE[^>]*>\s*)*"
    rb"<(?:rss|feed|rdf:RDF)\b",
    re.S | re.I,
)
# Tags in the first few kilobytes that make a file without <html> markup.
_SNIFF_CHARS = 4096
_MIN_TAGS = 5


def decode(data: bytes, max_bytes: int, charset: str | None = None) -> str:
    """Decode UTF-8 (or UTF-16/32 with a BOM); raise InputRejected with a reason otherwise.

    Bytes that are not UTF-8 are decoded with ``charset`` (what an HTTP header
    says) or else the charset an HTML head declares, when Python knows it.
    """
    if len(data) > max_bytes:
        raise InputRejected(too_big(len(data), max_bytes))
    if not data:
        raise InputRejected("empty file: nothing to read")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode_as(data, encoding))
    if b"\x00" in data:
        raise InputRejected(
            "binary data (NUL bytes), not text: give a text, HTML or JSONL file "
            "(UTF-16 text needs a byte-order mark)"
        )
    controls = len(data) - len(data.translate(None, _CONTROL))
    if controls > _MAX_CONTROL_RATIO * len(data):
        raise InputRejected(
            f"binary data ({controls / len(data):.0%} control bytes), not text: "
            "give a text, HTML or JSONL file"
        )
    try:
        return _checked(_decode_as(data, "utf-8"))
    except InputRejected:
        # An HTML page may say it is in a legacy charset (<meta charset="windows-1252">).
        legacy = _known_charset(charset) or _declared_charset(data)
        if legacy is None:
            raise
        return _checked(_decode_as(data, legacy))


def too_big(size: int, max_bytes: int) -> str:
    return (
        f"input is {size:,} bytes, over max_bytes={max_bytes:,}: "
        "split it or raise the max_bytes setting"
    )


def looks_like_html(text: str) -> bool:
    """True when the text is markup: an HTML document or a fragment full of tags."""
    head = text[:_SNIFF_CHARS]
    return bool(_HTML_START.match(head)) or (len(_HTML_TAG.findall(head)) >= _MIN_TAGS)


def looks_like_feed(data: bytes) -> bool:
    """True when the bytes start like an RSS or Atom document."""
    return bool(_FEED_ROOT.match(data[:_SNIFF_CHARS]))


def _decode_as(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        name = "UTF-8" if encoding.startswith("utf-8") else encoding.upper()
        raise InputRejected(
            f"not valid {name} (byte 0x{bad} at offset {exc.start}): re-save the file as UTF-8"
        ) from exc


def content_type(value: str | None) -> tuple[str, str | None]:
    """An HTTP Content-Type split into its media type (lower case) and charset."""
    if not value:
        return "", None
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, arg = param.partition("=")
        if name.strip().lower() == "charset":
            charset = arg.strip().strip("\"'") or None
    return media.strip().lower(), charset


def _declared_charset(data: bytes) -> str | None:
    """The non-UTF-8 charset an HTML head declares, if Python knows it."""
    match = _META_CHARSET.search(data[:_SNIFF_CHARS])
    return None if match is None else _known_charset(match.group(1).decode("ascii"))


def _known_charset(label: str | None) -> str | None:
    """Python's name for a non-UTF charset label; None for UTF or an unknown label."""
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except (LookupError, ValueError):  # ValueError: a label with a NUL in it
        return None
    return None if name.startswith("utf") else name


def _checked(text: str) -> str:
    if not text.strip():
        raise InputRejected("only whitespace: nothing to read")
    return text
