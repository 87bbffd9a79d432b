"""Records as JSON-ready dicts for the API (events as ``bilat events --format json``)."""

from __future__ import annotations

from typing import Any

from bilat.analysis.dyads import SeriesPoint, TimelineItem
from bilat.analysis.network import Network
from bilat.api import ArticleHit, DyadOverview
from bilat.codec.json_form import event_json
from bilat.interfaces.web.spans import Piece
from bilat.records import Actor, Article, Event, Mention


def web_url(url: str | None) -> str | None:
    """An article's URL when it is an http(s) one; a javascript: or data: URL (from a page
    or a JSONL line) is no link to hand to a browser."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url
    return None


def actor_json(actor: Actor) -> dict[str, Any]:
    return {"code": actor.code, "name": actor.name}


def article_summary(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": web_url(article.url),
        "publisher": article.publisher,
        "author": article.author,
        "published": article.published.iso() if article.published else None,
        "language": article.language,
        "words": len(article.body.split()),
    }


def article_json(article: Article, events: list[Event], mentions: list[Mention]) -> dict[str, Any]:
    """The article with its body, its events and the spans to highlight (offsets into body)."""
    spans = [
        {"kind": "actor", "start": m.start, "end": m.end, "code": m.actor.code, "event": None}
        for m in mentions
        if m.actor is not None
    ]
    spans += [
        {
            "kind": "event",
            "start": e.evidence.start,
            "end": e.evidence.end,
            "code": None,
            "event": e.id,
        }
        for e in events
    ]
    spans.sort(key=lambda s: (s["start"], s["end"]))
    return {
        **article_summary(article),
        "body": article.body,
        "events": [event_json(e) for e in events],
        "spans": spans,
    }


def timeline_json(item: TimelineItem) -> dict[str, Any]:
    return {
        "cluster": item.cluster_id,
        "date": item.date.iso() if item.date else None,
        "type": item.type.value,
        "status": item.status.value,
        "source": item.source,
        "target": item.target,
        "sentence": item.sentence,
        "sources": item.sources,
        "lead": event_json(item.lead),
        "members": [e.id for e in item.members],
    }


def series_json(point: SeriesPoint) -> dict[str, Any]:
    return {
        "period": point.period,
        "quads": list(point.quads),
        "total": point.total,
        "mean_intensity": round(point.mean_intensity, 4),
        "cooperation": round(point.cooperation, 4),
    }


def dyad_json(view: DyadOverview, limit: int | None = None, offset: int = 0) -> dict[str, Any]:
    """The pair; its timeline from ``offset``, ``limit`` items (all by default)."""
    end = None if limit is None else offset + limit
    return {
        "a": actor_json(view.a),
        "b": actor_json(view.b),
        "events": view.events,
        "timeline_total": len(view.timeline),
        "offset": offset,
        "timeline": [timeline_json(i) for i in view.timeline[offset:end]],
        "series": [series_json(p) for p in view.series],
        "sectors": [{"context": c, "events": n} for c, n in view.sectors],
    }


def network_json(net: Network) -> dict[str, Any]:
    """The export's network JSON (``bilat network``), with the triad counts the page shows."""
    from bilat.report.exports import network_json as exported

    return {
        **exported(net),
        "balanced_triads": len(net.balanced),
        "strained_triads": len(net.strained),
    }


def hit_json(hit: ArticleHit, pieces: list[Piece]) -> dict[str, Any]:
    return {
        **article_summary(hit.article),
        "score": hit.score,
        "snippet": "".join(p.text for p in pieces),
    }
