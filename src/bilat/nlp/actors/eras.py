"""Which state a name meant at an event's date: "Moscow" in 1975 is the Soviet Union.

A current state whose knowledge-base entry has a ``start`` did not exist before it; an
event dated wholly before that start is about the historical state it continues (the
entry whose ``successor`` it is and which existed then). This applies to capitals,
demonyms, office holders and "the two countries"; the state's own name stays as written
("Czechia and China signed" in 1983 is how the writer coded it). Undated events, states
without a ``start`` (Germany continued beside East Germany) and dates two historical
states cover (North and South Vietnam) are left as read. An undated event takes the era
its paragraph speaks of: "Moscow" beside "the Soviet Union" and no "Russia".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from bilat.nlp.actors.kb import KnowledgeBase
from bilat.records import Actor, DateSpan, Mention


@dataclass(frozen=True, slots=True)
class Era:
    """A historical state standing for ``successor`` from ``start`` until ``until``."""

    successor: str
    state: Actor
    start: date
    until: date
    # The successor's own names, casefolded: they are never rewritten.
    names: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Eras:
    """Every era of the knowledge base; empty means resolution never looks at dates."""

    eras: tuple[Era, ...] = ()

    @classmethod
    def from_kb(cls, kb: KnowledgeBase) -> Eras:
        states = {entry.code: entry for entry in kb.actors if entry.kind == "state"}
        eras = []
        for entry in kb.actors:
            successor = states.get(entry.successor or "")
            born = successor.start if successor else None
            if entry.kind != "historical" or successor is None or not (born and entry.start):
                continue
            until = min(born, entry.end) if entry.end else born
            state = Actor(entry.code, entry.name)
            names = frozenset(n.casefold() for n in (successor.name, *successor.aliases))
            eras.append(Era(successor.code, state, entry.start, until, names))
        return cls(tuple(eras))

    def at(self, mention: Mention, when: DateSpan | None) -> Mention:
        """``mention`` with the state that existed at ``when`` when its own did not yet."""
        actor = mention.actor
        if actor is None or when is None or _bare_name(mention.text) in self.names(actor.code):
            return mention
        then = [
            era
            for era in self.eras
            if era.successor == actor.code and era.start <= when.start and when.end < era.until
        ]
        if len(then) != 1:
            return mention
        state = replace(then[0].state, sector=actor.sector)
        return replace(mention, actor=state)

    def of_paragraph(self, mention: Mention, named: Sequence[Mention]) -> Mention:
        """``mention`` (of an undated event) with the historical state its paragraph
        names, when the paragraph never names the successor by its own name."""
        actor = mention.actor
        if actor is None or _bare_name(mention.text) in self.names(actor.code):
            return mention
        then = [
            era
            for era in self.eras
            if era.successor == actor.code and any(m.code == era.state.code for m in named)
        ]
        if len(then) != 1 or any(_bare_name(m.text) in then[0].names for m in named):
            return mention
        return replace(mention, actor=replace(then[0].state, sector=actor.sector))

    def names(self, code: str) -> frozenset[str]:
        """The own names of the state ``code``, when it has eras."""
        return next((era.names for era in self.eras if era.successor == code), frozenset())


def _bare_name(text: str) -> str:
    """ "the Russia's" -> "russia": the form a state's own name is compared in."""
    bare = text.strip().casefold().removeprefix("the ")
    for suffix in ("'s", "’s"):
        bare = bare.removesuffix(suffix)
    return bare
