"""One JSONL line: an article as {"text" or "html", url, title, published, author, publisher}."""

from __future__ import annotations

import json
from dataclasses import dataclass

from bilat.errors import InputRejected
from bilat.ingest.build import Declared

_FIELDS = ("url", "title", "author", "publisher", "published")


@dataclass(frozen=True, slots=True)
class Record:
    """The content of a JSONL line and the metadata it declares."""

    content: str
    is_html: bool
    declared: Declared


def parse_record(line: str) -> Record:
    """Parse one line; InputRejected says what is wrong with it."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputRejected(
            f"malformed JSON line ({exc.msg} at column {exc.colno}): fix or remove the line"
        ) from exc
    except RecursionError as exc:
        raise InputRejected("malformed JSON line (nested too deeply): fix or remove it") from exc
    if not isinstance(value, dict):
        raise InputRejected(
            f'JSON line is a {type(value).__name__}, not an object like {{"text": "..."}}'
        )
    text, html = value.get("text"), value.get("html")
    if isinstance(text, str) and text.strip():
        content, is_html = text, False
    elif isinstance(html, str) and html.strip():
        content, is_html = html, True
    else:
        raise InputRejected('JSON line has no "text" or "html" string: add one of them')
    fields = {name: value.get(name) for name in _FIELDS}
    for name, field in [("text" if not is_html else "html", content), *fields.items()]:
        if isinstance(field, str) and not _is_unicode(field):
            raise InputRejected(
                f'JSON line\'s "{name}" holds a lone surrogate (an escape such as \\ud800 '
                "that is half of a character): not valid Unicode; fix the line"
            )
    declared = Declared(
        **{name: v.strip() or None if isinstance(v, str) else None for name, v in fields.items()}
    )
    return Record(content=content, is_html=is_html, declared=declared)


def _is_unicode(text: str) -> bool:
    """False for a string with a lone surrogate, which no UTF encoding can write."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
