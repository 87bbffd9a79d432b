from __future__ import annotations

import pytest

from bilat.errors import InputRejected
from bilat.ingest.jsonl import parse_record


def test_parse_record_text_with_metadata() -> None:
    record = parse_record(
        '{"text": "Body.", "url": "https://x.org/a", "title": " T ", "published": "2021-09-30",'
        ' "author": "Jane Doe", "publisher": "X Daily", "extra": 1}'
    )
    assert record.content == "Body."
    assert not record.is_html
    assert record.declared.url == "https://x.org/a"
    assert record.declared.title == "T"
    assert record.declared.published == "2021-09-30"
    assert record.declared.author == "Jane Doe"
    assert record.declared.publisher == "X Daily"


def test_parse_record_html() -> None:
    record = parse_record('{"html": "<p>x</p>", "title": 5}')
    assert record.is_html
    assert record.declared.title is None  # a non-string field is ignored


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"text": "unterminated', "malformed JSON"),
        ("not json at all", "malformed JSON"),
        ('["a", "list"]', "not an object"),
        ('{"title": "no body"}', 'no "text" or "html"'),
        ('{"text": "   "}', 'no "text" or "html"'),
        ('{"text": 42}', 'no "text" or "html"'),
        ("[" * 100_000, "malformed JSON"),
    ],
)
def test_parse_record_rejects(line: str, reason: str) -> None:
    with pytest.raises(InputRejected, match=reason):
        parse_record(line)
