"""The actors an event's evidence sentence names: what a brief's drivers count.

Found once, at ingest, and stored with the event (``Store.write_batch``'s ``named``); an
event stored without them (by a bilat before schema version 6, or imported) has them found
again when a brief reads it, the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol

from bilat.records import Actor, Event, Mention


class MentionFinder(Protocol):
    """What finds actor mentions in a text (``bilat.nlp.actors.ActorResolver``)."""

    def find_mentions(self, text: str, when: date | None = None) -> list[Mention]: ...


class EvidenceActors:
    """Finds the actors each event's sentence names, each sentence once (a sentence often
    carries several events)."""

    def __init__(self, finder: MentionFinder) -> None:
        self._finder = finder
        self._by_sentence: dict[str, tuple[Actor, ...]] = {}

    def __call__(self, events: Iterable[Event]) -> dict[str, tuple[Actor, ...]]:
        """By event id: the distinct actors its sentence names, by code, any era's name
        as the knowledge base gives it today (mentions are read without a date)."""
        return {e.id: self.of_sentence(e.evidence.sentence) for e in events}

    def of_sentence(self, sentence: str) -> tuple[Actor, ...]:
        found = self._by_sentence.get(sentence)
        if found is None:
            mentions = self._finder.find_mentions(sentence, when=None)
            actors = {m.actor.code: m.actor for m in mentions if m.actor is not None}
            found = tuple(Actor(code, actors[code].name) for code in sorted(actors))
            if len(self._by_sentence) > 10_000:
                self._by_sentence.clear()  # a long ingest: keep memory bounded
            self._by_sentence[sentence] = found
        return found
