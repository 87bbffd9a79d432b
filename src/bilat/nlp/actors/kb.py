"""The actor knowledge base: states, IGOs, seats of power and office holders.

Read from the YAML files in ``bilat/resources/actors/`` plus, optionally, one
user file of the same schema (see ``resources/actors/README.md``). Every file
is a mapping with any of these keys:

- ``actors``: ``{code, name, kind?, aliases?, demonyms?, capitals?, prefixes?,
  places?, groups?, seats?, successor?, start?, end?, note?}``; ``kind`` is state,
  historical or igo; ``places`` are cities and regions, ``groups`` armed groups and
  parties based in the state.
- ``extend``: ``{code, aliases?, demonyms?, capitals?, prefixes?, places?, groups?,
  seats?}`` adds names to an actor defined in another file.
- ``people``: ``{names, country, surname?, terms, note?}``; each term is
  ``{role, start, end, country?, sector?, note?}`` (``end: null`` = in office).
- ``roles`` (role -> sector), ``titles``, ``sectors``, ``blockers``,
  ``guarded``, ``common_surnames``.
- ``agents`` (nouns denoting people or organisations), ``counterpart_acts``
  (lemmas of acts done with a counterpart: meet, welcome), ``boundaries``
  (nouns of a line between states: border, frontier).
- ``ambiguous_places``: ``{name, candidates, default, note?}``, a place name
  that stands for several states; every code must be known, the default one
  of the candidates, and the name no actor's name.

Anything else (an unknown key, a bad date, a duplicate code, a reference to an
unknown code or role) raises :class:`~bilat.errors.ResourceInvalid` naming the
file and the entry. The shipped part is parsed once per process
(``functools.cache``); it is immutable.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from bilat.errors import ResourceInvalid
from bilat.nlp.actors.entries import (
    ActorEntry,
    AmbiguousPlace,
    Part,
    Person,
    Seat,
    Term,
    Title,
)
from bilat.nlp.actors.schema import KINDS, NAME_LISTS, parse_file

__all__ = [
    "KINDS",
    "ActorEntry",
    "AmbiguousPlace",
    "KnowledgeBase",
    "Person",
    "Seat",
    "Term",
    "Title",
    "load_kb",
    "shipped_kb",
]


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """Everything the actor resolver knows, validated."""

    actors: tuple[ActorEntry, ...]
    people: tuple[Person, ...]
    roles: tuple[tuple[str, str], ...]
    titles: tuple[Title, ...]
    sectors: tuple[tuple[str, str], ...]
    blockers: tuple[str, ...]
    guarded: tuple[str, ...]
    common_surnames: frozenset[str]
    sources: tuple[str, ...]
    agents: frozenset[str] = frozenset()
    counterpart_acts: frozenset[str] = frozenset()
    answered_acts: frozenset[str] = frozenset()
    boundaries: frozenset[str] = frozenset()
    ambiguous_places: tuple[AmbiguousPlace, ...] = ()

    def actor(self, code: str) -> ActorEntry:
        """The entry for ``code``; KeyError when unknown."""
        for entry in self.actors:
            if entry.code == code:
                return entry
        raise KeyError(code)


def load_kb(extra: Path | None = None) -> KnowledgeBase:
    """The shipped knowledge base, extended with the user's file ``extra``."""
    if extra is None:
        return shipped_kb()
    try:
        text = Path(extra).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ResourceInvalid(f"{extra}: cannot read actor file: {exc}") from exc
    return _assemble((*_shipped_parts(), parse_file(str(extra), text)))


@functools.cache
def shipped_kb() -> KnowledgeBase:
    """The knowledge base shipped with bilat (parsed once per process)."""
    return _assemble(_shipped_parts())


@functools.cache
def _shipped_parts() -> tuple[Part, ...]:
    folder = resources.files("bilat.resources").joinpath("actors")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)
    return tuple(parse_file(f"actors/{f.name}", f.read_text(encoding="utf-8")) for f in files)


def _assemble(parts: tuple[Part, ...]) -> KnowledgeBase:
    """Cross-file checks: unique codes, known references, consistent roles."""
    roles = _merged_roles(parts)
    actors = _merged_actors(parts)
    surfaces = _check_surfaces(actors.values())
    ambiguous = tuple(
        _checked_ambiguous(part.source, place, actors, surfaces)
        for part in parts
        for place in part.ambiguous_places
    )
    people = tuple(
        _checked_person(part.source, where, person, actors, roles)
        for part in parts
        for where, person in part.people
    )
    titles = tuple(
        _checked_title(part.source, where, title, roles)
        for part in parts
        for where, title in part.titles
    )
    return KnowledgeBase(
        actors=tuple(actors.values()),
        people=people,
        roles=tuple(roles.items()),
        titles=titles,
        sectors=tuple(s for part in parts for s in part.sectors),
        blockers=tuple(dict.fromkeys(b for part in parts for b in part.blockers)),
        guarded=tuple(dict.fromkeys(g for part in parts for g in part.guarded)),
        common_surnames=frozenset(s for part in parts for s in part.common_surnames),
        sources=tuple(part.source for part in parts),
        agents=frozenset(a for part in parts for a in part.agents),
        counterpart_acts=frozenset(a for part in parts for a in part.counterpart_acts),
        answered_acts=frozenset(a for part in parts for a in part.answered_acts),
        boundaries=frozenset(b for part in parts for b in part.boundaries),
        ambiguous_places=ambiguous,
    )


def _merged_roles(parts: tuple[Part, ...]) -> dict[str, str]:
    """Every role with its sector; a role two files give different sectors is an error."""
    roles: dict[str, str] = {}
    for part in parts:
        for role, sector in part.roles:
            if roles.setdefault(role, sector) != sector:
                raise ResourceInvalid(f"{part.source}: roles: {role!r} redefined as {sector}")
    return roles


def _merged_actors(parts: tuple[Part, ...]) -> dict[str, ActorEntry]:
    """Every actor by code, with the names other files extend it by; a code defined
    twice, an extension of an unknown code or an unknown successor is an error."""
    actors: dict[str, ActorEntry] = {}
    for part in parts:
        for entry in part.actors:
            if entry.code in actors:
                first = actors[entry.code].source
                raise ResourceInvalid(
                    f"{part.source}: actors ({entry.code}): duplicate code, "
                    f"first defined in {first}"
                )
            actors[entry.code] = entry
    for part in parts:
        for i, ext in enumerate(part.extends):
            if ext.code not in actors:
                raise ResourceInvalid(
                    f"{part.source}: extend[{i}] ({ext.code}): unknown actor code"
                )
            old = actors[ext.code]
            merged = {k: getattr(old, k) + getattr(ext, k) for k in (*NAME_LISTS, "seats")}
            actors[ext.code] = replace(old, **merged)
    for entry in actors.values():
        if entry.successor is not None and entry.successor not in actors:
            raise ResourceInvalid(
                f"{entry.source}: actors ({entry.code}): unknown successor {entry.successor!r}"
            )
    return actors


def _check_surfaces(actors: Iterable[ActorEntry]) -> dict[str, str]:
    """The same written name may not stand for two different actors: name -> code."""
    seen: dict[str, str] = {}
    for entry in actors:
        names = (entry.name, *entry.aliases, *entry.demonyms, *entry.capitals, *entry.prefixes)
        names += (*entry.places, *entry.groups)
        for name in (*names, *(s.name for s in entry.seats)):
            other = seen.setdefault(name, entry.code)
            if other != entry.code:
                raise ResourceInvalid(
                    f"{entry.source}: actors ({entry.code}): name {name!r} already "
                    f"stands for {other}"
                )
    return seen


def _checked_ambiguous(
    source: str, place: AmbiguousPlace, actors: dict[str, ActorEntry], surfaces: dict[str, str]
) -> AmbiguousPlace:
    where = f"{source}: ambiguous_places ({place.name})"
    unknown = [c for c in place.candidates if c not in actors]
    if unknown:
        raise ResourceInvalid(f"{where}: unknown code(s) {unknown}")
    if place.name in surfaces:
        raise ResourceInvalid(f"{where}: already the name of {surfaces[place.name]}")
    return place


def _checked_person(
    source: str, where: str, person: Person, actors: dict[str, ActorEntry], roles: dict[str, str]
) -> Person:
    def fail(message: str) -> ResourceInvalid:
        return ResourceInvalid(f"{source}: {where}: {message}")

    if person.country not in actors:
        raise fail(f"unknown country code {person.country!r}")
    terms = []
    for term in person.terms:
        if term.role not in roles:
            raise fail(f"unknown role {term.role!r}; known roles: {sorted(roles)}")
        country = term.country or person.country
        if country not in actors:
            raise fail(f"unknown country code {country!r} in a term")
        terms.append(replace(term, country=country, sector=term.sector or roles[term.role]))
    return replace(person, terms=tuple(terms))


def _checked_title(source: str, where: str, title: Title, roles: dict[str, str]) -> Title:
    unknown = sorted(title.roles - set(roles))
    if unknown:
        raise ResourceInvalid(f"{source}: {where}: unknown role(s) {unknown}")
    if title.sector is None and title.roles:
        sectors = {roles[r] for r in title.roles}
        return replace(title, sector=sectors.pop() if len(sectors) == 1 else None)
    return title
