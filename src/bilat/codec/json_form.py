"""Articles and events as JSON objects, and back.

``event_json`` is the public form of an event (docs/records.md, "Event as JSON");
``event_record`` adds the character offsets of its actor mentions, enough to rebuild
the event exactly (``event_from_record``). ``article_record`` holds every field of an
article, body included. Decimals travel as their exact text.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from bilat.records import (
    Actor,
    Amount,
    Article,
    DateSpan,
    Event,
    EventType,
    Evidence,
    Granularity,
    Mention,
    Status,
)


def span_json(span: DateSpan | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {
        "start": span.start.isoformat(),
        "end": span.end.isoformat(),
        "granularity": span.granularity.value,
        "text": span.text,
        "inferred": span.inferred,
    }


def span_from_json(raw: Any) -> DateSpan | None:
    if raw is None:
        return None
    return DateSpan(
        start=date.fromisoformat(raw["start"]),
        end=date.fromisoformat(raw["end"]),
        granularity=Granularity(raw["granularity"]),
        text=str(raw.get("text", "")),
        inferred=bool(raw.get("inferred", False)),
    )


def _mention_json(m: Mention | None) -> dict[str, Any] | None:
    if m is None:
        return None
    actor = m.actor
    return {
        "code": actor.code if actor else None,
        "name": actor.name if actor else None,
        "sector": actor.sector if actor else None,
        "text": m.text,
    }


def _mention(raw: Any) -> Mention | None:
    if raw is None:
        return None
    code, name = raw.get("code"), raw.get("name")
    actor = None if code is None else Actor(code, code if name is None else name, raw.get("sector"))
    return Mention(str(raw["text"]), int(raw["start"]), int(raw["end"]), actor)


def _amount_json(a: Amount) -> dict[str, Any]:
    return {
        "value": str(a.value),
        "unit": a.unit,
        "value_usd": None if a.value_usd is None else str(a.value_usd),
        "text": a.text,
    }


def _amount(raw: Mapping[str, Any]) -> Amount:
    usd = raw.get("value_usd")
    return Amount(
        value=Decimal(str(raw["value"])),
        unit=str(raw["unit"]),
        text=str(raw.get("text", "")),
        value_usd=None if usd is None else Decimal(str(usd)),
    )


def event_json(e: Event) -> dict[str, Any]:
    """The JSON form of an event (documented in docs/records.md)."""
    return {
        "id": e.id,
        "type": e.type.value,
        "mode": e.mode,
        "context": list(e.contexts),
        "source": _mention_json(e.source),
        "target": _mention_json(e.target),
        "symmetric": e.symmetric,
        "date": span_json(e.date),
        "status": e.status.value,
        "amounts": [_amount_json(a) for a in e.amounts],
        "intensity": e.intensity,
        "confidence": e.confidence,
        "evidence": {
            "article": e.evidence.article_id,
            "sentence": e.evidence.sentence,
            "start": e.evidence.start,
            "end": e.evidence.end,
            "trigger": e.evidence.trigger,
        },
        "extractor": e.extractor_version,
        "rule": e.rule,
    }


def event_record(e: Event) -> dict[str, Any]:
    """The JSON form of an event with its mention offsets: enough to rebuild it exactly."""
    out = event_json(e)
    for side, mention in (("source", e.source), ("target", e.target)):
        if mention is not None:
            out[side]["start"] = mention.start
            out[side]["end"] = mention.end
    return out


def event_from_record(raw: Mapping[str, Any]) -> Event:
    """The event an ``event_record`` describes (missing optional fields take defaults)."""
    evidence = raw["evidence"]
    source = _mention(raw["source"])
    if source is None:
        raise ValueError("an event needs a source")
    return Event(
        id=str(raw["id"]),
        type=EventType(raw["type"]),
        source=source,
        evidence=Evidence(
            article_id=str(evidence["article"]),
            sentence=str(evidence["sentence"]),
            start=int(evidence["start"]),
            end=int(evidence["end"]),
            trigger=str(evidence.get("trigger", "")),
        ),
        target=_mention(raw.get("target")),
        mode=raw.get("mode"),
        contexts=tuple(str(c) for c in raw.get("context", ())),
        symmetric=bool(raw.get("symmetric", False)),
        date=span_from_json(raw.get("date")),
        status=Status(raw.get("status", "occurred")),
        amounts=tuple(_amount(a) for a in raw.get("amounts", ())),
        intensity=float(raw.get("intensity", 0.0)),
        confidence=float(raw.get("confidence", 0.5)),
        extractor_version=str(raw.get("extractor", "")),
        rule=str(raw.get("rule", "")),
    )


def article_record(a: Article) -> dict[str, Any]:
    """Every field of an article, body included."""
    return {
        "id": a.id,
        "source": a.source,
        "body": a.body,
        "title": a.title,
        "author": a.author,
        "publisher": a.publisher,
        "url": a.url,
        "published": span_json(a.published),
        "language": a.language,
        "boilerplate_removed": a.boilerplate_removed,
    }


def article_from_record(raw: Mapping[str, Any]) -> Article:
    return Article(
        id=str(raw["id"]),
        source=str(raw["source"]),
        body=str(raw["body"]),
        title=raw.get("title"),
        author=raw.get("author"),
        publisher=raw.get("publisher"),
        url=raw.get("url"),
        published=span_from_json(raw.get("published")),
        language=str(raw.get("language", "en")),
        boilerplate_removed=int(raw.get("boilerplate_removed", 0)),
    )
