"""Timeline items as JSON objects and flat rows, for the CLI (records: ``bilat.codec``)."""

from __future__ import annotations

from typing import Any

from bilat.analysis.dyads import TimelineItem
from bilat.codec.json_form import span_json

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
        "date": span_json(item.date),
        "type": item.type.value,
        "status": item.status.value,
        "source": item.source,
        "target": item.target,
        "sources": item.sources,
        "sentence": item.sentence,
        "events": [e.id for e in item.members],
    }
