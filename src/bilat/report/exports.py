"""Events and the alignment network as files: CSV, JSONL, Parquet, PLOVER JSON, network JSON
(GraphML is in ``bilat.report.graphml``, pictures in ``bilat.report.charts``).

JSONL is bilat's lossless interchange format, the one ``bilat import`` reads:
one JSON object a line, first an ``{"kind": "article", ...}`` line for every
article the events cite (with its body, whose hash is the article id), then an
``{"kind": "event", ...}`` line per event in the form of docs/records.md
("Event as JSON") with the character offsets of its actor mentions added.

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
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from bilat.analysis.network import Network
from bilat.errors import BilatError, ImportInvalid
from bilat.interfaces import serialise
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
    (name, _PARQUET_TYPES.get(name, "VARCHAR")) for name in serialise.CSV_FIELDS
)


# -- events -----------------------------------------------------------------------


def events_csv(events: Iterable[Event], articles: Mapping[str, Article]) -> str:
    """One row per event: the columns of ``bilat events --format csv`` and the cited
    article's ``url``, ``title`` and ``published`` date (``articles`` by id)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=serialise.CSV_FIELDS)
    writer.writeheader()
    writer.writerows(serialise.event_row(e, articles.get(e.evidence.article_id)) for e in events)
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
    row: dict[str, Any] = {k: v or None for k, v in serialise.event_row(e, article).items()}
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


def event_record(e: Event) -> dict[str, Any]:
    """The JSON form of an event with its mention offsets: enough to rebuild it exactly."""
    out = serialise.event_json(e)
    for side, mention in (("source", e.source), ("target", e.target)):
        if mention is not None:
            out[side]["start"] = mention.start
            out[side]["end"] = mention.end
    return out


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
        "published": _span_json(a.published),
        "language": a.language,
        "boilerplate_removed": a.boilerplate_removed,
    }


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
                article = _article(raw)
                articles[article.id] = article
                events.setdefault(article.id, [])
            elif kind == "event":
                event = _event(raw)
                events.setdefault(event.evidence.article_id, []).append(event)
            else:
                raise ValueError('each line needs "kind": "article" or "event"')
        except (ValueError, KeyError, TypeError, ArithmeticError) as e:
            raise ImportInvalid(f"{where}, line {number}: {e!s}") from e
    return [(articles.get(aid), aid, found) for aid, found in events.items()]


def _span_json(span: DateSpan | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {
        "start": span.start.isoformat(),
        "end": span.end.isoformat(),
        "granularity": span.granularity.value,
        "text": span.text,
        "inferred": span.inferred,
    }


def _span(raw: Any) -> DateSpan | None:
    if raw is None:
        return None
    return DateSpan(
        start=date.fromisoformat(raw["start"]),
        end=date.fromisoformat(raw["end"]),
        granularity=Granularity(raw["granularity"]),
        text=str(raw.get("text", "")),
        inferred=bool(raw.get("inferred", False)),
    )


def _article(raw: Mapping[str, Any]) -> Article:
    return Article(
        id=str(raw["id"]),
        source=str(raw["source"]),
        body=str(raw["body"]),
        title=raw.get("title"),
        author=raw.get("author"),
        publisher=raw.get("publisher"),
        url=raw.get("url"),
        published=_span(raw.get("published")),
        language=str(raw.get("language", "en")),
        boilerplate_removed=int(raw.get("boilerplate_removed", 0)),
    )


def _mention(raw: Any) -> Mention | None:
    if raw is None:
        return None
    code, name = raw.get("code"), raw.get("name")
    actor = None if code is None else Actor(code, code if name is None else name, raw.get("sector"))
    return Mention(str(raw["text"]), int(raw["start"]), int(raw["end"]), actor)


def _decimal(text: Any) -> Decimal:
    return Decimal(str(text))


def _event(raw: Mapping[str, Any]) -> Event:
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
        date=_span(raw.get("date")),
        status=Status(raw.get("status", "occurred")),
        amounts=tuple(
            Amount(
                value=_decimal(a["value"]),
                unit=str(a["unit"]),
                text=str(a.get("text", "")),
                value_usd=None if a.get("value_usd") is None else _decimal(a["value_usd"]),
            )
            for a in raw.get("amounts", ())
        ),
        intensity=float(raw.get("intensity", 0.0)),
        confidence=float(raw.get("confidence", 0.5)),
        extractor_version=str(raw.get("extractor", "")),
        rule=str(raw.get("rule", "")),
    )


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
