"""What every call of the Python API starts from: an opened store, the actor resolver and
the store query of an event filter."""

from __future__ import annotations

import difflib
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from bilat.config import Settings
from bilat.errors import SchemaOutdated, UnknownActor
from bilat.records import Actor
from bilat.store.base import EventQuery

if TYPE_CHECKING:
    from collections.abc import Iterator

    from bilat.nlp.actors import ActorResolver
    from bilat.store.base import Store


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


def lookup_actor(resolver: ActorResolver, name_or_code: str) -> Actor:
    """The actor a user names; UnknownActor otherwise, suggesting only actors whose own name
    or code is a close spelling of it ("Pakistn": Pakistan; "Narnia": nothing, though an
    airport in Japan is spelt a little like it)."""
    try:
        return resolver.lookup(name_or_code)
    except UnknownActor:
        pass
    wanted = " ".join(name_or_code.split()).casefold()
    spellings: dict[str, Actor] = {}
    for actor in resolver.actors():
        spellings.setdefault(actor.name.casefold(), actor)
        spellings.setdefault(actor.code.casefold(), actor)
    close = difflib.get_close_matches(wanted, list(spellings), n=3, cutoff=0.8)
    hints = list(dict.fromkeys(f"{spellings[c].name} ({spellings[c].code})" for c in close))
    if hints:
        raise UnknownActor(f"unknown actor {name_or_code!r}; did you mean {' or '.join(hints)}?")
    raise UnknownActor(f"unknown actor {name_or_code!r}: no country or organisation by that name")


# The filters of ``bilat events`` are the store's query: one record, public as
# ``bilat.EventFilter``.
EventFilter = EventQuery


def event_query(flt: EventFilter, settings: Settings, offset: int | None = None) -> EventQuery:
    """The store query for a filter (from ``offset`` when given); the confidence floor of
    the settings always applies."""
    floor = max(flt.min_confidence, settings.min_confidence)
    return replace(flt, min_confidence=floor, offset=flt.offset if offset is None else offset)
