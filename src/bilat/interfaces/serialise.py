"""Events as JSON objects and flat rows, for the CLI and the exports."""

from __future__ import annotations

from typing import Any

from bilat.analysis.dyads import TimelineItem
from bilat.records import Amount, Article, DateSpan, Event, Mention

CSV_FIELDS = [
    "id", "date", "date_start", "date_end", "granularity", "type", "mode", "contexts",
    "source", "source_text", "target", "target_text", "symmetric", "status", "amounts",
    "intensity", "confidence", "article", "sentence", "start", "end", "url", "title",
    "published",
]  # fmt: skip


def _date(span: DateSpan | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {
        "start": span.start.isoformat(),
        "end": span.end.isoformat(),
        "granularity": span.granularity.value,
        "text": span.text,
        "inferred": span.inferred,
    }


def _mention(m: Mention | None) -> dict[str, Any] | None:
    if m is None:
        return None
    actor = m.actor
    return {
        "code": actor.code if actor else None,
        "name": actor.name if actor else None,
        "sector": actor.sector if actor else None,
        "text": m.text,
    }


def _amount(a: Amount) -> dict[str, Any]:
    return {
        "value": str(a.value),
        "unit": a.unit,
        "value_usd": None if a.value_usd is None else str(a.value_usd),
        "text": a.text,
    }


def event_json(e: Event) -> dict[str, Any]:
    """The JSON form of an event (documented in docs/records.md)."""
    return {
        "id": e.id,
        "type": e.type.value,
        "mode": e.mode,
        "context": list(e.contexts),
        "source": _mention(e.source),
        "target": _mention(e.target),
        "symmetric": e.symmetric,
        "date": _date(e.date),
        "status": e.status.value,
        "amounts": [_amount(a) for a in e.amounts],
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


def event_row(e: Event, article: Article | None = None) -> dict[str, str]:
    """A flat row (CSV, tables); ``url``, ``title`` and ``published`` come from the cited
    ``article`` (empty without it)."""
    return {
        "id": e.id,
        "date": e.date.label() if e.date else "",
        "date_start": e.date.start.isoformat() if e.date else "",
        "date_end": e.date.end.isoformat() if e.date else "",
        "granularity": e.date.granularity.value if e.date else "",
        "type": e.type.value,
        "mode": e.mode or "",
        "contexts": ";".join(e.contexts),
        "source": e.source.code or "",
        "source_text": e.source.text,
        "target": (e.target.code or "") if e.target else "",
        "target_text": e.target.text if e.target else "",
        "symmetric": str(e.symmetric).lower(),
        "status": e.status.value,
        "amounts": ";".join(f"{a.value} {a.unit}" for a in e.amounts),
        "intensity": f"{e.intensity:g}",
        "confidence": f"{e.confidence:g}",
        "article": e.evidence.article_id,
        "sentence": e.evidence.sentence,
        "start": str(e.evidence.start),
        "end": str(e.evidence.end),
        "url": (article.url or "") if article else "",
        "title": (article.title or "") if article else "",
        "published": article.published.iso() if article and article.published else "",
    }


TIMELINE_FIELDS = ["date", "type", "status", "pair", "sources", "sentence"]


def timeline_row(item: TimelineItem) -> dict[str, str]:
    """One row of `bilat timeline` (table and CSV): the sentence on one line."""
    return {
        "date": item.date.label() if item.date else "undated",
        "type": item.type.value,
        "status": item.status.value,
        "pair": f"{item.source or '?'}-{item.target or '?'}",
        "sources": str(item.sources),
        "sentence": " ".join(item.sentence.split()),
    }


def timeline_json(item: TimelineItem) -> dict[str, Any]:
    """One fused event of `bilat timeline --format json`."""
    return {
        "id": item.cluster_id,
        "date": _date(item.date),
        "type": item.type.value,
        "status": item.status.value,
        "source": item.source,
        "target": item.target,
        "sources": item.sources,
        "sentence": item.sentence,
        "events": [e.id for e in item.members],
    }
