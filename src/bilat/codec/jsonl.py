"""JSONL, bilat's lossless interchange file (``bilat export --format jsonl``, the file
``bilat import`` reads, the shards of the Ray engine).

One JSON object a line: first an ``{"kind": "article", ...}`` line for every article the
events cite (with its body, whose hash is the article id), then an
``{"kind": "event", ...}`` line per event in the form of docs/records.md ("Event as JSON")
with the character offsets of its actor mentions added.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from bilat.codec.json_form import (
    article_from_record,
    article_record,
    event_from_record,
    event_record,
)
from bilat.errors import BilatError, ImportInvalid
from bilat.records import Article, Event


def events_jsonl(events: Sequence[Event], articles: Mapping[str, Article]) -> str:
    """Article lines (those the events cite, by id) then event lines; see the module docstring."""
    cited = sorted({e.evidence.article_id for e in events})
    missing = [a for a in cited if a not in articles]
    if missing:
        raise BilatError(f"cannot export: article {missing[0][:12]} is not in the store")
    lines = [{"kind": "article", **article_record(articles[a])} for a in cited]
    lines += [{"kind": "event", **event_record(e)} for e in events]
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)


def read_jsonl(text: str, where: str = "input") -> list[tuple[Article | None, str, list[Event]]]:
    """Parse ``events_jsonl`` output: (article or None if not in the file, its id, events).

    Grouped by article in order of first appearance; raises ImportInvalid naming
    the line of the first malformed record.
    """
    articles: dict[str, Article] = {}
    events: dict[str, list[Event]] = {}
    # Split on newlines only: JSON leaves U+2028 and friends unescaped inside strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            kind = raw.get("kind") if isinstance(raw, dict) else None
            if kind == "article":
                article = article_from_record(raw)
                articles[article.id] = article
                events.setdefault(article.id, [])
            elif kind == "event":
                event = event_from_record(raw)
                events.setdefault(event.evidence.article_id, []).append(event)
            else:
                raise ValueError('each line needs "kind": "article" or "event"')
        except (ValueError, KeyError, TypeError, ArithmeticError) as e:
            raise ImportInvalid(f"{where}, line {number}: {e!s}") from e
    return [(articles.get(aid), aid, found) for aid, found in events.items()]
