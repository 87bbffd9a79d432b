"""Events and the alignment network as files: CSV, Parquet, PLOVER JSON, network JSON
(JSONL, bilat's lossless interchange format, is ``bilat.codec.jsonl``; GraphML is in
``bilat.report.graphml``, pictures in ``bilat.report.charts``).

PLOVER JSON follows the field names of the PLOVER manual's "PLOVER JSON" table
(``id``, ``date``, ``enddate``, ``actor``, ``recipient``, ``event``,
``quad_code``, ``event_scale``, ``mode``, ``context``, ``event_text``,
``text``, ``text_info``, ``cite_info``, ``coder``), one record a line as the
manual suggests, plus bilat's ``status`` and ``confidence``.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from bilat.analysis.network import Network
from bilat.codec.flat import CSV_FIELDS, event_row
from bilat.records import (
    Article,
    Event,
    Mention,
)

ExportFormat = Literal["csv", "jsonl", "parquet", "plover-json", "graphml"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "jsonl", "parquet", "plover-json", "graphml")
PLOVER_CODEBOOK = "plover-2.0"

# Parquet columns: the CSV fields, typed; contexts and amounts as lists.
AMOUNT_STRUCT = "STRUCT(value DOUBLE, unit VARCHAR, value_usd DOUBLE, text VARCHAR)"
_PARQUET_TYPES = {
    "date_start": "DATE",
    "date_end": "DATE",
    "contexts": "VARCHAR[]",
    "symmetric": "BOOLEAN",
    "amounts": f"{AMOUNT_STRUCT}[]",
    "intensity": "DOUBLE",
    "confidence": "DOUBLE",
    "start": "BIGINT",
    "end": "BIGINT",
    "published": "DATE",
}
PARQUET_SPEC: tuple[tuple[str, str], ...] = tuple(
    (name, _PARQUET_TYPES.get(name, "VARCHAR")) for name in CSV_FIELDS
)


# -- events -----------------------------------------------------------------------


def events_csv(events: Iterable[Event], articles: Mapping[str, Article]) -> str:
    """One row per event: the columns of ``bilat events --format csv`` and the cited
    article's ``url``, ``title`` and ``published`` date (``articles`` by id)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS)
    writer.writeheader()
    writer.writerows(event_row(e, articles.get(e.evidence.article_id)) for e in events)
    return buffer.getvalue()


def events_parquet(events: Iterable[Event], articles: Mapping[str, Article]) -> bytes:
    """The CSV columns as a typed Parquet file (written by DuckDB), lists as lists."""
    from bilat.store.files import write_parquet

    rows = [_parquet_row(e, articles.get(e.evidence.article_id)) for e in events]
    with tempfile.TemporaryDirectory(prefix="bilat-export-") as tmp:
        path = Path(tmp) / "events.parquet"
        write_parquet(path, PARQUET_SPEC, rows)
        return path.read_bytes()


def _parquet_row(e: Event, article: Article | None) -> list[Any]:
    row: dict[str, Any] = {k: v or None for k, v in event_row(e, article).items()}
    row["date_start"] = e.date.start if e.date else None
    row["date_end"] = e.date.end if e.date else None
    row["contexts"] = list(e.contexts)
    row["symmetric"] = e.symmetric
    row["amounts"] = [
        {
            "value": float(a.value),
            "unit": a.unit,
            "value_usd": None if a.value_usd is None else float(a.value_usd),
            "text": a.text,
        }
        for a in e.amounts
    ]
    row["intensity"] = e.intensity
    row["confidence"] = e.confidence
    row["start"] = e.evidence.start
    row["end"] = e.evidence.end
    published = article.published if article else None
    row["published"] = published.start if published else None
    return [row[name] for name, _ in PARQUET_SPEC]


# -- PLOVER JSON ----------------------------------------------------------------------


def plover_record(e: Event, article: Article | None = None) -> dict[str, Any]:
    """One event under the PLOVER manual's field names."""
    record: dict[str, Any] = {
        "id": e.id,
        "has_event": True,
        "date": e.date.start.isoformat() if e.date else None,
        "enddate": e.date.end.isoformat() if e.date else None,
        "actor": [_plover_entity(e.source)],
        "recipient": [_plover_entity(e.target)] if e.target else [],
        "event": [e.type.value],
        "quad_code": e.type.quad,
        "event_scale": e.intensity,
        "mode": [e.mode] if e.mode else [],
        "context": list(e.contexts),
        "event_text": [e.evidence.trigger] if e.evidence.trigger else [],
        "text": e.evidence.sentence,
        "text_info": {"start": e.evidence.start, "end": e.evidence.end},
        "cite_info": _cite_info(e, article),
        "coder": e.extractor_version or "bilat",
        # Named fields beyond the manual's, as it allows.
        "status": e.status.value,
        "confidence": e.confidence,
        "date_precision": e.date.granularity.value if e.date else None,
    }
    return record


def _plover_entity(m: Mention | None) -> dict[str, Any]:
    if m is None:
        return {}
    actor = m.actor
    return {
        "code": actor.code if actor else None,
        "sector": actor.sector if actor else None,
        "entity_text": m.text,
        "identifier_text": actor.name if actor else None,
    }


def _cite_info(e: Event, article: Article | None) -> dict[str, Any]:
    info: dict[str, Any] = {"citation": e.evidence.article_id, "codebook": PLOVER_CODEBOOK}
    if article is not None:
        info.update(
            url=article.url,
            title=article.title,
            published=article.published.iso() if article.published else None,
            publication=article.publisher,
            language=article.language,
        )
    return info


def events_plover(events: Iterable[Event], articles: Mapping[str, Article]) -> str:
    """One PLOVER JSON record a line (JSONL, as the manual suggests)."""
    return "".join(
        json.dumps(plover_record(e, articles.get(e.evidence.article_id)), ensure_ascii=False) + "\n"
        for e in events
    )


# -- the network ----------------------------------------------------------------------


def network_json(net: Network) -> dict[str, Any]:
    """Nodes, signed edges, balanced and strained triads and centrality as JSON."""

    def triad(t: Any) -> dict[str, Any]:
        ab, ac, bc = t.signs
        return {
            "actors": [t.a, t.b, t.c],
            "signs": {f"{t.a}-{t.b}": ab, f"{t.a}-{t.c}": ac, f"{t.b}-{t.c}": bc},
        }

    return {
        "since": net.since.isoformat() if net.since else None,
        "until": net.until.isoformat() if net.until else None,
        "nodes": [{"code": n.code, "name": n.name, "events": n.events} for n in net.nodes],
        "edges": [
            {
                "a": e.a,
                "b": e.b,
                "events": e.events,
                "cooperation": e.cooperation,
                "conflict": e.conflict,
                "weight": round(e.weight, 6),
                "sign": e.sign,
                "score": round(e.score, 6),
            }
            for e in net.edges
        ],
        "balanced": [triad(t) for t in net.balanced],
        "strained": [triad(t) for t in net.strained],
        "centrality": [
            {
                "code": c.code,
                "degree": c.degree,
                "degree_centrality": c.degree_centrality,
                "strength": c.strength,
                "positive": c.positive,
                "negative": c.negative,
                "betweenness": c.betweenness,
            }
            for c in net.centrality
        ],
    }
