"""What every call of the Python API starts from: an opened store, the actor resolver and
the store query of an event filter."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from bilat.config import Settings
from bilat.errors import SchemaOutdated
from bilat.records import EventType, Status

if TYPE_CHECKING:
    from collections.abc import Iterator

    from bilat.nlp.actors import ActorResolver
    from bilat.store.base import EventQuery, Store


@contextmanager
def opened_store(settings: Settings, read_only: bool, hold: bool = True) -> Iterator[Store]:
    """The store of ``settings``, upgraded first when an earlier bilat wrote it."""
    from bilat.store import open_store

    def opened() -> Store:
        return open_store(settings.db, read_only=read_only, hold=hold, lock_wait=settings.lock_wait)

    try:
        store = opened()
    except SchemaOutdated:
        # A store from an earlier bilat: upgrade it once (as the next ingest would), then
        # read. Fails with the store's own reason when the file cannot be written.
        open_store(settings.db, hold=False, lock_wait=settings.lock_wait).close()
        store = opened()
    try:
        yield store
    finally:
        store.close()


def resolver_for(settings: Settings) -> ActorResolver:
    """The shipped actor knowledge base plus the user's own file, if ``settings`` names one."""
    from bilat.nlp.actors import ActorResolver

    return ActorResolver.load(Path(settings.actors_file) if settings.actors_file else None)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The filters of ``bilat events`` (all optional)."""

    dyad: tuple[str, str] | None = None
    actor: str | None = None
    type: EventType | None = None
    since: date | None = None
    until: date | None = None
    status: Status | None = None
    min_confidence: float = 0.0
    limit: int | None = None


def event_query(flt: EventFilter, settings: Settings, offset: int = 0) -> EventQuery:
    """The store query for a filter; the confidence floor of the settings always applies."""
    from bilat.store.base import EventQuery

    return EventQuery(
        dyad=flt.dyad,
        actor=flt.actor,
        type=flt.type,
        since=flt.since,
        until=flt.until,
        status=flt.status,
        min_confidence=max(flt.min_confidence, settings.min_confidence),
        limit=flt.limit,
        offset=offset,
    )
