"""PLOVER JSON files (``bilat export --format plover-json`` and others with the manual's
field names): one record a line, or one JSON array of records.

A record carries its sentence (``text``) but not the article's body, so the
records citing one article (``cite_info.citation``) become one article whose
body is their sentences (see ``bilat.interop.stories``).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from bilat.errors import BilatError, ImportInvalid
from bilat.interop.stories import CodedRow, Side, Story
from bilat.interop.tables import RowInvalid, Table
from bilat.nlp.actors import ActorResolver
from bilat.records import Actor, DateSpan, EventType, Granularity, Rejection, Status


def records(text: str, where: str) -> list[tuple[int, Any]]:
    """(line number, record) of a JSON Lines file or a JSON array."""
    if text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except ValueError as e:
            raise ImportInvalid(f"{where}: not JSON: {e}") from e
        return [(1, item) for item in items]
    out = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            try:
                out.append((number, json.loads(line)))
            except ValueError as e:
                raise ImportInvalid(f"{where}, line {number}: not JSON: {e}") from e
    return out


def read_plover(text: str, where: str, resolver: ActorResolver) -> Table:
    """The records of a PLOVER JSON file; a record bilat cannot read is a Rejection."""
    rows: list[CodedRow] = []
    rejected: list[Rejection] = []
    for number, raw in records(text, where):
        try:
            if not isinstance(raw, dict):
                raise RowInvalid("a PLOVER record is a JSON object")
            if raw.get("has_event") is False:
                continue
            rows.append(_row(raw, resolver, where))
        except (RowInvalid, ValueError, KeyError, TypeError) as e:
            reason = f"missing field {e}" if isinstance(e, KeyError) else str(e)
            rejected.append(Rejection("import", reason, f"{where}, line {number}"))
    return Table(tuple(rows), tuple(rejected))


def _row(raw: dict[str, Any], resolver: ActorResolver, where: str) -> CodedRow:
    kinds = raw["event"]
    name = kinds[0] if isinstance(kinds, list) and kinds else kinds
    try:
        type_ = EventType(str(name).upper())
    except ValueError:
        raise RowInvalid(f"not a PLOVER event type: {name!r}") from None
    cite = raw.get("cite_info") or {}
    citation = str(cite.get("citation") or raw["id"])
    story = Story(
        key=f"plover:{citation}",
        source=f"{where}#{citation}",
        heading=str(cite.get("title") or f"PLOVER citation {citation}"),
        title=cite.get("title"),
        url=cite.get("url"),
        publisher=cite.get("publication"),
        published=_span(cite.get("published"), None),
        language=str(cite.get("language") or "en"),
    )
    modes = raw.get("mode") or []
    mode = modes[0] if isinstance(modes, list) and modes else (modes or None)
    sides = [_side(e, resolver) for e in raw.get("actor") or [] if e]
    targets = [_side(e, resolver) for e in raw.get("recipient") or [] if e]
    if not sides:
        raise RowInvalid("a record needs an actor")
    triggers = raw.get("event_text") or []
    return CodedRow(
        story=story,
        id=str(raw["id"]),
        type=type_,
        source=sides[0],
        target=targets[0] if targets else None,
        date=_span(raw.get("date"), raw.get("enddate"), raw.get("date_precision")),
        verb=str(triggers[0]) if triggers else type_.value,
        mode=None if mode is None else str(mode),
        contexts=tuple(str(c) for c in raw.get("context") or ()),
        intensity=float(raw.get("event_scale") or 0.0),
        confidence=float(raw.get("confidence", 1.0)),
        status=Status(raw.get("status", "occurred")),
        coder=str(raw.get("coder") or "plover-json"),
        sentence=str(raw.get("text") or "") or None,
    )


def _side(entity: dict[str, Any], resolver: ActorResolver) -> Side:
    """An entity object: a known code gets bilat's actor, an unknown one is kept as written."""
    code = entity.get("code")
    text = str(entity.get("entity_text") or entity.get("identifier_text") or code or "unknown")
    if not code:
        return Side(text, None)
    sector = entity.get("sector")
    try:
        known = resolver.lookup(str(code))
        actor = Actor(known.code, known.name, sector)
    except BilatError:
        actor = Actor(str(code), str(entity.get("identifier_text") or code), sector)
    return Side(text, actor)


def _span(start: Any, end: Any, precision: Any = None) -> DateSpan | None:
    """``date``/``enddate`` (ISO days) or a bilat ISO date at its precision (2021-09)."""
    if not start:
        return None
    text = str(start)
    if len(text) == 7:
        first = date.fromisoformat(text + "-01")
        after = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return DateSpan(first, date.fromordinal(after.toordinal() - 1), Granularity.MONTH, text)
    if len(text) == 4:
        year = int(text)
        return DateSpan(date(year, 1, 1), date(year, 12, 31), Granularity.YEAR, text)
    first = date.fromisoformat(text[:10])
    last = date.fromisoformat(str(end)[:10]) if end else first
    granularity = Granularity(precision) if precision else Granularity.DAY
    return DateSpan(first, last, granularity, text[:10])
