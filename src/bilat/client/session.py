"""What every call of the Python API works in: a Session holds the settings of a chain of
calls with the store and the actor resolver they share (``bilat.Client`` adds one method per
verb); plus the store query of an event filter."""

from __future__ import annotations

import difflib
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Self

from bilat.config import Settings
from bilat.errors import SchemaOutdated, UnknownActor
from bilat.records import Actor
from bilat.store.base import EventQuery

if TYPE_CHECKING:
    from bilat.nlp.actors import ActorResolver
    from bilat.store.base import Store
    from bilat.store.kept import KeptReads


class Session:
    """The settings of a chain of calls and what they share: the store and the actor
    resolver, each opened when first needed and closed by ``close`` (or at the end of a
    ``with`` block). Used from one thread at a time, like a store.

    ``reads`` (a server's ``KeptReads`` on the store's file) lends the session its
    read-only store instead of opening one."""

    def __init__(self, settings: Settings, reads: KeptReads | None = None) -> None:
        self.settings = settings
        self._reads = reads
        self._resolver: ActorResolver | None = None
        self._store: Store | None = None
        self._writes: bool | None = None  # None: read-only; else whether the file is held
        self._opened = ExitStack()  # closes the store, or gives a lent one back

    @property
    def resolver(self) -> ActorResolver:
        """The shipped actor knowledge base plus the file setting ``actors_file`` names."""
        if self._resolver is None:
            from bilat.nlp.actors import ActorResolver

            extra = self.settings.actors_file
            self._resolver = ActorResolver.load(Path(extra) if extra else None)
        return self._resolver

    def lookup_actor(self, name_or_code: str) -> Actor:
        """An actor by code or name; UnknownActor with the close spellings otherwise."""
        return lookup_actor(self.resolver, name_or_code)

    def reader(self) -> Store:
        """The store, read-only unless this session already opened it for writing. A store
        an earlier bilat wrote is upgraded once first (as the next ingest would)."""
        if self._store is None:
            from bilat.store import open_store

            db, wait = self.settings.db, self.settings.lock_wait
            try:
                self._store = self._read_only()
            except SchemaOutdated:
                # Fails with the store's own reason when the file cannot be written.
                open_store(db, hold=False, lock_wait=wait).close()
                self._store = self._read_only()
        return self._store

    def _read_only(self) -> Store:
        if self._reads is not None:
            return self._opened.enter_context(self._reads.store())
        from bilat.store import open_store

        db, wait = self.settings.db, self.settings.lock_wait
        return self._opened.enter_context(open_store(db, read_only=True, lock_wait=wait))

    def writer(self, *, hold: bool = False) -> Store:
        """The store opened for writing (a read-only one is closed first: a process opens a
        DuckDB file one way at a time). ``hold=False`` locks a DuckDB file only for each
        operation, so ``bilat serve`` and other readers get turns during a long ingest."""
        if self._store is None or self._writes is not hold:
            from bilat.store import open_store

            self.close()
            settings = self.settings
            store = open_store(settings.db, hold=hold, lock_wait=settings.lock_wait)
            self._store = self._opened.enter_context(store)
            self._writes = hold
        return self._store

    def close(self) -> None:
        """Close the store if this session opened it (give it back if it was lent); the
        next call opens it again."""
        self._store, self._writes = None, None
        self._opened.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


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
