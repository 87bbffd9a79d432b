"""The records of the actor knowledge base: states, people, titles, as one YAML file
gives them (``schema`` parses them, ``kb`` merges the files)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Seat:
    """A name standing for an actor's institution ("Kremlin", "Pentagon")."""

    name: str
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A state, historical state or IGO with every name it goes by."""

    code: str
    name: str
    kind: str = "state"
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    # Cities and regions inside the state: "shelled Kirkuk" names Iraq as the target.
    places: tuple[str, ...] = ()
    # Armed groups, parties and movements based in the state, coded as its actors
    # (CAMEO's convention: "Hamas" -> PSE, "the Taliban" -> AFG).
    groups: tuple[str, ...] = ()
    seats: tuple[Seat, ...] = ()
    successor: str | None = None
    start: date | None = None
    end: date | None = None
    source: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class Term:
    """One spell in one office; ``country`` is the actor the office belongs to."""

    role: str
    start: date
    end: date | None
    country: str
    sector: str

    def active(self, when: date | None) -> bool:
        """In office on ``when`` (inclusive); any term counts when ``when`` is None."""
        if when is None:
            return True
        return self.start <= when and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    """An office holder: ``names[0]`` is the full name, the rest are variants."""

    names: tuple[str, ...]
    country: str
    surname: str | None
    terms: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class Title:
    """Words written before a name; empty ``roles`` means any role."""

    texts: tuple[str, ...]
    roles: frozenset[str] = frozenset()
    sector: str | None = None

    @property
    def honorific(self) -> bool:
        """Mr, Dr, former: says nothing about the office."""
        return not self.roles and self.sector is None


@dataclass(frozen=True, slots=True)
class Extension:
    """Names an ``extend`` entry adds to an actor defined elsewhere."""

    code: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    seats: tuple[Seat, ...] = ()


@dataclass(frozen=True, slots=True)
class AmbiguousPlace:
    """A place name that stands for several states ("Tripoli": Libya or Lebanon): read as
    the candidate the context names, else as ``default``."""

    name: str
    candidates: tuple[str, ...]
    default: str


@dataclass(frozen=True, slots=True)
class Part:
    """One parsed file, before cross-file checks."""

    source: str
    actors: tuple[ActorEntry, ...] = ()
    extends: tuple[Extension, ...] = ()
    people: tuple[tuple[str, Person], ...] = ()
    roles: tuple[tuple[str, str], ...] = ()
    titles: tuple[tuple[str, Title], ...] = ()
    sectors: tuple[tuple[str, str], ...] = ()
    blockers: tuple[str, ...] = ()
    guarded: tuple[str, ...] = ()
    common_surnames: tuple[str, ...] = ()
    # Nouns that denote people or organisations ("police", "rebels"): phrases headed by
    # them may take the one country a sentence names.
    agents: tuple[str, ...] = ()
    # Lemmas of acts done with a counterpart ("meet", "welcome"): their unnamed side is
    # not taken to share the named side's country.
    counterpart_acts: tuple[str, ...] = ()
    # Nouns of another's statement ("the protest"): answered by one of a main pair,
    # they stand for the other of it.
    answered_acts: tuple[str, ...] = ()
    # Nouns of a line between states ("border"): "near the Syrian border" names no side.
    boundaries: tuple[str, ...] = ()
    ambiguous_places: tuple[AmbiguousPlace, ...] = ()
