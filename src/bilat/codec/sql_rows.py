"""Records to table rows and back, for any SQL backend.

The column order of each row is the one named in ``bilat.store.sql``; keep the
two files in step. Decimals travel as their exact text so they round-trip.
"""

from __future__ import annotations

from collections.abc import Sequence
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

Row = tuple[Any, ...]

# Enum(value) is slow next to a dict lookup, and reading events makes three per row.
_TYPES = {t.value: t for t in EventType}
_STATUSES = {s.value: s for s in Status}
_GRANULARITIES = {g.value: g for g in Granularity}

_NO_SPAN: Row = (None, None, None, None, None)
_NO_MENTION: Row = (None, None, None, None, None, None)


def _span_row(span: DateSpan | None) -> Row:
    if span is None:
        return _NO_SPAN
    return (span.start, span.end, span.granularity.value, span.text, span.inferred)


def _span(row: Sequence[Any]) -> DateSpan | None:
    start, end, granularity, text, inferred = row
    if start is None:
        return None
    return DateSpan(start, end, _GRANULARITIES[granularity], text, inferred)


def _mention_row(mention: Mention | None) -> Row:
    if mention is None:
        return _NO_MENTION
    actor = mention.actor
    if actor is None:
        return (mention.text, mention.start, mention.end, None, None, None)
    return (mention.text, mention.start, mention.end, actor.code, actor.name, actor.sector)


def _mention(row: Sequence[Any]) -> Mention | None:
    text, start, end, code, name, sector = row
    if text is None:
        return None
    actor = None if code is None else Actor(code, name, sector)
    return Mention(text, start, end, actor)


def article_row(article: Article) -> Row:
    a = article
    head = (a.id, a.source, a.body, a.title, a.author, a.publisher, a.url)
    return (*head, *_span_row(a.published), a.language, a.boilerplate_removed)


def article(row: Sequence[Any]) -> Article:
    id_, source, body, title, author, publisher, url = row[:7]
    language, removed = row[12:14]
    return Article(
        id=id_,
        source=source,
        body=body,
        title=title,
        author=author,
        publisher=publisher,
        url=url,
        published=_span(row[7:12]),
        language=language,
        boilerplate_removed=removed,
    )


def event_row(e: Event) -> Row:
    ev = e.evidence
    head = (e.id, ev.article_id, e.type.value, e.mode, e.symmetric, e.status.value)
    scores = (e.intensity, e.confidence, e.extractor_version)
    sides = (*_mention_row(e.source), *_mention_row(e.target))
    evidence = (ev.sentence, ev.start, ev.end, ev.trigger)
    return (*head, *scores, *sides, *_span_row(e.date), *evidence, e.rule)


def event(row: Sequence[Any], contexts: tuple[str, ...], amounts: tuple[Amount, ...]) -> Event:
    id_, article_id, type_, mode, symmetric, status, intensity, confidence, version = row[:9]
    source = _mention(row[9:15])
    if source is None:
        raise ValueError(f"event {id_} has no source mention")
    sentence, start, end, trigger = row[26:30]
    rule = row[30] if len(row) > 30 else ""  # rows read while migrating stop before it
    return Event(
        id=id_,
        type=_TYPES[type_],
        source=source,
        evidence=Evidence(article_id, sentence, start, end, trigger),
        target=_mention(row[15:21]),
        mode=mode,
        contexts=contexts,
        symmetric=symmetric,
        date=_span(row[21:26]),
        status=_STATUSES[status],
        amounts=amounts,
        intensity=intensity,
        confidence=confidence,
        extractor_version=version,
        rule=rule or "",
    )


def amount_row(event_id: str, position: int, a: Amount) -> Row:
    usd = None if a.value_usd is None else str(a.value_usd)
    return (event_id, position, str(a.value), a.unit, a.text, usd)


def amount(row: Sequence[Any]) -> Amount:
    value, unit, text, usd = row
    return Amount(Decimal(value), unit, text, None if usd is None else Decimal(usd))
