"""A mixed corpus of good articles and hostile inputs, generated in a test's tmp_path.

Nothing large is committed: the 50 MB file and the 1 MB line are written on the fly.
``write_corpus`` returns which files must become articles and which must be rejected.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

from bilat.synthetic import BUILTIN_PARAGRAPHS

MB = 1_000_000

FRENCH = (
    "Le ministre des affaires étrangères a rencontré son homologue russe à Moscou pour "
    "discuter de la sécurité régionale et du commerce. Les deux pays ont signé un accord "
    "sur l'énergie et ont annoncé que la prochaine réunion aura lieu à Paris dans le courant "
    "de l'année. Selon le communiqué, les entretiens ont été constructifs et les deux parties "
    "se sont engagées à renforcer leur coopération dans la lutte contre le terrorisme."
)
GERMAN = (
    "Der Außenminister hat sich am Dienstag in Berlin mit seinem polnischen Amtskollegen "
    "getroffen, um über die Lage an der Grenze und die Zusammenarbeit in der Energiepolitik "
    "zu sprechen. Beide Seiten haben sich auf einen gemeinsamen Plan geeinigt, der im "
    "Frühjahr umgesetzt werden soll. Die Gespräche wurden von beiden Regierungen als "
    "konstruktiv bezeichnet, und ein weiteres Treffen ist für den Herbst geplant."
)
RUSSIAN = (
    "Министр иностранных дел России провёл переговоры со своим пакистанским коллегой в "
    "Москве. Стороны обсудили вопросы региональной безопасности, торговли и энергетики и "
    "договорились продолжить консультации в Исламабаде в следующем году. По словам "
    "официальных лиц, переговоры прошли в конструктивной атмосфере."
)


@dataclass(frozen=True, slots=True)
class HostileCorpus:
    """Where the corpus is, which sources must be stored and which must be rejected."""

    folder: Path
    good: frozenset[str]  # sources (file paths, or path:line for JSONL) that become articles
    bad: frozenset[str]  # sources that must each get a Rejection


def good_text(n: int) -> str:
    """An English article of four built-in paragraphs, different for each ``n``."""
    count = len(BUILTIN_PARAGRAPHS)
    picked = [BUILTIN_PARAGRAPHS[(n + k * 5) % count] for k in range(4)]
    return f"Report number {n}\n\n" + "\n\n".join(picked)


def _html_page(body: str, charset: str = "utf-8") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f'<!doctype html><html><head><meta charset="{charset}"><title>News</title></head>'
        f"<body><article>{paragraphs}</article></body></html>"
    )


def _record_id(number: int) -> str:
    return f"<urn:uuid:00000000-0000-0000-0000-00000000000{number}>"


def _truncated_warc(pages: list[str]) -> bytes:
    """A gzipped WARC, one gzip member per response as in CC-NEWS, cut inside the last."""
    members = []
    for number, page in enumerate(pages):
        payload = (
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
        ).encode()
        head = (
            "WARC/1.0\r\nWARC-Type: response\r\n"
            f"WARC-Target-URI: https://news.example/{number}\r\n"
            "WARC-Date: 2021-04-07T10:00:00Z\r\n"
            f"WARC-Record-ID: {_record_id(number)}\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n"
        ).encode()
        members.append(gzip.compress(head + payload + b"\r\n\r\n"))
    members[-1] = members[-1][: len(members[-1]) // 2]
    return b"".join(members)


def write_corpus(folder: Path) -> HostileCorpus:
    """Good articles in several formats and encodings, beside every kind of hostile input."""
    folder.mkdir(parents=True, exist_ok=True)
    good: set[str] = set()
    bad: set[str] = set()

    def put(name: str, data: bytes, *, ok: bool) -> Path:
        path = folder / name
        path.write_bytes(data)
        (good if ok else bad).add(str(path))
        return path

    put("good_plain.txt", good_text(1).encode(), ok=True)
    put("good_page.html", _html_page(good_text(2)).encode(), ok=True)
    put("good_utf16_bom.txt", good_text(3).encode("utf-16"), ok=True)
    # A legacy page that says which charset it is in.
    cp1252 = _html_page(good_text(4).replace("Report", "Report \u2019quoted\u2019"), "windows-1252")
    put("good_cp1252_declared.html", cp1252.encode("cp1252"), ok=True)

    put("empty.txt", b"", ok=False)
    put("whitespace.txt", b" \n\t\r\n   \n" * 100, ok=False)
    put("binary.bin", bytes(range(256)) * 400, ok=False)
    # Over max_bytes (20 MB by default): refused before it is read.
    with (folder / "huge_50mb.txt").open("wb") as fh:
        line = (good_text(5).replace("\n", " ") + "\n").encode()
        for _ in range(50 * MB // len(line) + 1):
            fh.write(line)
    bad.add(str(folder / "huge_50mb.txt"))
    sentence = "The delegation discussed trade and security with its hosts. "
    put("one_line_1mb.txt", (sentence * (MB // len(sentence) + 1)).encode(), ok=False)
    put("invalid_utf8.txt", good_text(6).encode() + b"\xff\xfe\xfa broken" * 3, ok=False)
    # Not UTF-8 and nothing says which charset it is.
    put(
        "undeclared_cp1252.txt",
        (good_text(7) + " caf\u00e9 \u2013 na\u00efve").encode("cp1252"),
        ok=False,
    )
    put("nested_10000.html", ("<div>" * 10_000 + "deep" + "</div>" * 10_000).encode(), ok=False)
    scripts = "".join(f"<script>var x{i} = {i};</script>" for i in range(200))
    put(
        "scripts_only.html",
        f"<html><head>{scripts}</head><body>{scripts}</body></html>".encode(),
        ok=False,
    )
    put("french.txt", (FRENCH + "\n\n" + FRENCH).encode(), ok=False)
    put("german.txt", (GERMAN + "\n\n" + GERMAN).encode(), ok=False)
    put("russian.txt", (RUSSIAN + "\n\n" + RUSSIAN).encode(), ok=False)
    # The first page is whole and kept; the cut second one rejects the rest of the file.
    warc = put(
        "truncated.warc.gz", _truncated_warc([_html_page(good_text(n)) for n in (8, 11)]), ok=False
    )
    good.add(f"{warc}#{_record_id(0).strip('<>')}")
    put(
        "broken_feed.rss",
        b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>A',
        ok=False,
    )

    # One JSONL file: good lines and malformed ones, each judged on its own.
    lines = [
        json.dumps({"text": good_text(9), "title": "Nine", "published": "2021-04-07"}),
        '{"text": "unterminated',
        "[1, 2, 3]",
        '{"title": "no body"}',
        json.dumps({"text": good_text(10)}),
        "{" * 5000,
    ]
    jsonl = folder / "mixed.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for number, line in enumerate(lines, start=1):
        ok = line.startswith('{"text": "Report')
        (good if ok else bad).add(f"{jsonl}:{number}")
    return HostileCorpus(folder, frozenset(good), frozenset(bad))
