"""Events as flat rows of strings: ``bilat events --format csv``, tables and exports."""

from __future__ import annotations

from bilat.records import Article, Event

CSV_FIELDS = [
    "id", "date", "date_start", "date_end", "granularity", "type", "mode", "contexts",
    "source", "source_text", "target", "target_text", "symmetric", "status", "amounts",
    "intensity", "confidence", "article", "sentence", "start", "end", "url", "title",
    "published",
]  # fmt: skip


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
