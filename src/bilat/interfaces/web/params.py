"""Query parameters shared by the API and the pages, turned into the Python API's values."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bilat import api
from bilat.client import Client
from bilat.errors import BilatError
from bilat.records import EventType, Status


def parse_day(value: str | None, name: str) -> date | None:
    """The first day of a date at any precision (2021, 2021-09, 2021-09-30)."""
    if value is None or not value.strip():
        return None
    from bilat.dates import parse_date

    span = parse_date(value.strip())
    if span is None:
        raise BilatError(f"{name}: not a date: {value[:40]!r} (try 2021, 2021-09 or 2021-09-30)")
    return span.start


def parse_until(value: str | None) -> date | None:
    """The last day of a date at any precision: until=2021 includes December 2021."""
    if value is None or not value.strip():
        return None
    from bilat.dates import parse_date

    span = parse_date(value.strip())
    if span is None:
        raise BilatError(f"until: not a date: {value[:40]!r} (try 2021, 2021-09 or 2021-09-30)")
    return span.end


def parse_pair(value: str, client: Client) -> tuple[str, str]:
    left, sep, right = value.partition("-")
    if not sep or not left or not right:
        raise BilatError("dyad: write a pair as A-B, e.g. PAK-RUS")
    return client.resolve_actor(left).code, client.resolve_actor(right).code


def event_filter(
    client: Client,
    *,
    dyad: str | None,
    actor: str | None,
    type: EventType | None,
    since: str | None,
    until: str | None,
    status: Status | None,
    min_confidence: float,
    limit: int,
) -> api.EventFilter:
    """The filters of ``bilat events``, from request parameters."""
    first, last = parse_day(since, "since"), parse_until(until)
    if first and last and first > last:
        raise BilatError(f"since ({first}) is after until ({last})")
    return api.EventFilter(
        dyad=parse_pair(dyad, client) if dyad else None,
        actor=client.resolve_actor(actor).code if actor else None,
        type=type,
        since=first,
        until=last,
        status=status,
        min_confidence=min_confidence,
        limit=limit,
    )


def page_filter(
    client: Client,
    *,
    dyad: str | None,
    actor: str | None,
    type: str | None,
    since: str | None,
    until: str | None,
    status: str | None,
    min_confidence: float,
    limit: int,
) -> api.EventFilter:
    """``event_filter`` from a page's query string, where type and status are plain text
    and an empty field means no filter."""
    try:
        chosen_type = EventType(type) if type else None
        chosen_status = Status(status) if status else None
    except ValueError as e:
        raise BilatError(f"{e}: pick one from the list") from e
    return event_filter(
        client,
        dyad=dyad or None,
        actor=actor or None,
        type=chosen_type,
        since=since,
        until=until,
        status=chosen_status,
        min_confidence=min_confidence,
        limit=limit,
    )


@dataclass(frozen=True, slots=True)
class ChartFilter:
    """The dyad page's filters: one PLOVER type and a window (all optional)."""

    type: EventType | None = None
    since: date | None = None
    until: date | None = None

    @classmethod
    def of(cls, type: str | None, since: str | None, until: str | None) -> ChartFilter:
        try:
            chosen = EventType(type.upper()) if type else None
        except ValueError as e:
            raise BilatError(f"type: {e}: pick one from the list") from e
        first, last = parse_day(since, "since"), parse_until(until)
        if first and last and first > last:
            raise BilatError(f"since ({first}) is after until ({last})")
        return cls(chosen, first, last)

    def keeper(self) -> Callable[[str, str | None, str | None], bool]:
        """Whether a fused event of the type (its value) and the first and last days (ISO,
        None when undated) passes: of the type, and overlapping the window (an undated
        one passes no window)."""
        kind = self.type.value if self.type is not None else None
        since = self.since.isoformat() if self.since is not None else None
        until = self.until.isoformat() if self.until is not None else None

        def keeps(type: str, start: str | None, end: str | None) -> bool:
            if kind is not None and type != kind:
                return False
            if since is None and until is None:
                return True
            if start is None or end is None:
                return False
            early = since is not None and end < since
            return not (early or (until is not None and start > until))

        return keeps
