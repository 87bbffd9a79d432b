"""One actor YAML file: its records, parsed and checked on their own.

The schema is documented in ``bilat/resources/actors/README.md`` and in
:mod:`bilat.nlp.actors.kb`, which merges the files and checks references
between them. Every error names the file and the entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import yaml

from bilat.errors import ResourceInvalid
from bilat.nlp.actors.entries import (
    ActorEntry,
    AmbiguousPlace,
    Extension,
    Part,
    Person,
    Seat,
    Term,
    Title,
)

KINDS = ("state", "historical", "igo")
# libyaml's safe loader when present: the shipped files parse five times faster.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")
_SECTOR = re.compile(r"^[A-Z]{3}$")
_TOP = frozenset(
    (
        *("actors", "extend", "people", "roles", "titles", "sectors"),
        *("blockers", "guarded", "common_surnames"),
        *("agents", "counterpart_acts", "answered_acts", "boundaries", "ambiguous_places"),
    )
)
NAME_LISTS = ("aliases", "demonyms", "capitals", "prefixes", "places", "groups")
_ACTOR_KEYS = frozenset(
    ("code", "name", "kind", "seats", "successor", "start", "end", "note", *NAME_LISTS)
)
_EXTEND_KEYS = frozenset(("code", "seats", "note", *NAME_LISTS))
_PERSON_KEYS = frozenset(("names", "country", "surname", "terms", "note"))
_TERM_KEYS = frozenset(("role", "start", "end", "country", "sector", "note"))
_TITLE_KEYS = frozenset(("text", "roles", "sector"))
_AMBIGUOUS_KEYS = frozenset(("name", "candidates", "default", "note"))


def parse_file(source: str, text: str) -> Part:
    try:
        raw = yaml.load(text, Loader=_LOADER)
    except (yaml.YAMLError, ValueError) as exc:
        raise ResourceInvalid(f"{source}: not valid YAML: {exc}") from exc
    if raw is None:
        return Part(source)
    if not isinstance(raw, dict):
        raise ResourceInvalid(f"{source}: expected a mapping with keys {sorted(_TOP)}")
    unknown = sorted(str(k) for k in raw if k not in _TOP)
    if unknown:
        raise ResourceInvalid(f"{source}: unknown top-level key(s) {unknown}")
    ctx = _Ctx(source)
    return Part(
        source=source,
        actors=tuple(_actor(ctx.at("actors", i, e), e) for i, e in _items(ctx, raw, "actors")),
        extends=tuple(_extend(ctx.at("extend", i, e), e) for i, e in _items(ctx, raw, "extend")),
        people=tuple(_person(ctx.at("people", i, e), e) for i, e in _items(ctx, raw, "people")),
        roles=_roles(ctx.at("roles"), raw.get("roles", {})),
        titles=tuple(_title(ctx.at("titles", i, e), e) for i, e in _items(ctx, raw, "titles")),
        sectors=_sectors(ctx.at("sectors"), raw.get("sectors", {})),
        blockers=_strings(ctx.at("blockers"), raw.get("blockers", [])),
        guarded=_strings(ctx.at("guarded"), raw.get("guarded", [])),
        common_surnames=_strings(ctx.at("common_surnames"), raw.get("common_surnames", [])),
        agents=_lower(_strings(ctx.at("agents"), raw.get("agents", []))),
        counterpart_acts=_lower(
            _strings(ctx.at("counterpart_acts"), raw.get("counterpart_acts", []))
        ),
        answered_acts=_lower(_strings(ctx.at("answered_acts"), raw.get("answered_acts", []))),
        boundaries=_lower(_strings(ctx.at("boundaries"), raw.get("boundaries", []))),
        ambiguous_places=tuple(
            _ambiguous(ctx.at("ambiguous_places", i, e), e)
            for i, e in _items(ctx, raw, "ambiguous_places")
        ),
    )


@dataclass(frozen=True, slots=True)
class _Ctx:
    """Where in which file: every error message starts with it."""

    source: str
    where: str = ""

    def at(self, section: str, index: int | None = None, entry: object = None) -> _Ctx:
        label = section if index is None else f"{section}[{index}]"
        if isinstance(entry, dict):
            name = entry.get("code") or entry.get("name") or entry.get("names") or entry.get("text")
            if isinstance(name, list) and name:
                name = name[0]
            if isinstance(name, str):
                label += f" ({name})"
        return _Ctx(self.source, label)

    def fail(self, message: str) -> ResourceInvalid:
        return ResourceInvalid(f"{self.source}: {self.where}: {message}")


def _items(ctx: _Ctx, raw: dict[str, Any], key: str) -> Iterable[tuple[int, dict[str, Any]]]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise ctx.at(key).fail("expected a list")
    for i, entry in enumerate(value):
        if not isinstance(entry, dict):
            raise ctx.at(key, i).fail("expected a mapping")
        yield i, entry


def _check_keys(ctx: _Ctx, raw: dict[str, Any], allowed: frozenset[str], *required: str) -> None:
    unknown = sorted(str(k) for k in raw if k not in allowed)
    if unknown:
        raise ctx.fail(f"unknown key(s) {unknown}; allowed: {sorted(allowed)}")
    missing = [k for k in required if raw.get(k) in (None, "", [])]
    if missing:
        raise ctx.fail(f"missing {missing}")


def _string(ctx: _Ctx, value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ctx.fail(f"{what} must be a non-empty string, got {value!r}")
    return value.strip()


def _strings(ctx: _Ctx, value: object, what: str = "entries") -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ctx.fail(f"{what} must be a list")
    return tuple(dict.fromkeys(_string(ctx, v, what) for v in value))


def _code(ctx: _Ctx, value: object, what: str = "code") -> str:
    code = _string(ctx, value, what)
    if not _CODE.match(code):
        raise ctx.fail(f"{what} {code!r} must be 2-8 upper-case letters or digits")
    return code


def _sector(ctx: _Ctx, value: object) -> str | None:
    if value is None:
        return None
    sector = _string(ctx, value, "sector")
    if not _SECTOR.match(sector):
        raise ctx.fail(f"sector {sector!r} must be three upper-case letters (GOV, MIL)")
    return sector


def _date(ctx: _Ctx, value: object, what: str) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ctx.fail(f"{what} must be a date YYYY-MM-DD, got {value!r}")


def _optional_date(ctx: _Ctx, value: object, what: str) -> date | None:
    return None if value is None else _date(ctx, value, what)


def _seats(ctx: _Ctx, value: object) -> tuple[Seat, ...]:
    if not isinstance(value, list):
        raise ctx.fail("seats must be a list")
    seats = []
    for raw in value:
        if isinstance(raw, str):
            seats.append(Seat(_string(ctx, raw, "seat")))
            continue
        if not isinstance(raw, dict) or set(raw) - {"name", "sector"}:
            raise ctx.fail(f"seat must be a name or {{name, sector}}, got {raw!r}")
        seats.append(
            Seat(_string(ctx, raw.get("name"), "seat name"), _sector(ctx, raw.get("sector")))
        )
    return tuple(seats)


def _actor(ctx: _Ctx, raw: dict[str, Any]) -> ActorEntry:
    _check_keys(ctx, raw, _ACTOR_KEYS, "code", "name")
    kind = raw.get("kind", "state")
    if kind not in KINDS:
        raise ctx.fail(f"kind must be one of {KINDS}, got {kind!r}")
    start = _optional_date(ctx, raw.get("start"), "start")
    end = _optional_date(ctx, raw.get("end"), "end")
    if start and end and end < start:
        raise ctx.fail(f"end {end} is before start {start}")
    successor = raw.get("successor")
    return ActorEntry(
        code=_code(ctx, raw["code"]),
        name=_string(ctx, raw["name"], "name"),
        kind=kind,
        seats=_seats(ctx, raw.get("seats", [])),
        successor=None if successor is None else _code(ctx, successor, "successor"),
        start=start,
        end=end,
        source=ctx.source,
        **{k: _strings(ctx, raw.get(k, []), k) for k in NAME_LISTS},
    )


def _extend(ctx: _Ctx, raw: dict[str, Any]) -> Extension:
    _check_keys(ctx, raw, _EXTEND_KEYS, "code")
    return Extension(
        code=_code(ctx, raw["code"]),
        seats=_seats(ctx, raw.get("seats", [])),
        **{k: _strings(ctx, raw.get(k, []), k) for k in NAME_LISTS},
    )


def _person(ctx: _Ctx, raw: dict[str, Any]) -> tuple[str, Person]:
    _check_keys(ctx, raw, _PERSON_KEYS, "names", "country", "terms")
    names = _strings(ctx, raw["names"], "names")
    country = _code(ctx, raw["country"], "country")
    if "surname" in raw:
        surname = None if raw["surname"] is None else _string(ctx, raw["surname"], "surname")
    else:
        surname = names[0].split()[-1]
    if not isinstance(raw["terms"], list):
        raise ctx.fail("terms must be a list")
    terms = []
    for i, term in enumerate(raw["terms"]):
        tctx = _Ctx(ctx.source, f"{ctx.where} terms[{i}]")
        if not isinstance(term, dict):
            raise tctx.fail("expected a mapping {role, start, end}")
        _check_keys(tctx, term, _TERM_KEYS, "role", "start")
        if "end" not in term:
            raise tctx.fail("missing 'end' (write end: null for an office still held)")
        start = _date(tctx, term["start"], "start")
        end = _optional_date(tctx, term["end"], "end")
        if end is not None and end < start:
            raise tctx.fail(f"end {end} is before start {start}")
        term_country = term.get("country")
        terms.append(
            Term(
                role=_string(tctx, term["role"], "role"),
                start=start,
                end=end,
                # "" = filled in by _assemble: the person's country, the role's sector
                country="" if term_country is None else _code(tctx, term_country, "country"),
                sector=_sector(tctx, term.get("sector")) or "",
            )
        )
    return ctx.where, Person(names, country, surname, tuple(terms))


def _roles(ctx: _Ctx, raw: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(raw, dict):
        raise ctx.fail("roles must be a mapping of role -> sector")
    out: list[tuple[str, str]] = []
    for role, sector in raw.items():
        checked = _sector(ctx, sector)
        if checked is None:
            raise ctx.fail(f"role {role!r} needs a sector")
        out.append((_string(ctx, role, "role"), checked))
    return tuple(out)


def _title(ctx: _Ctx, raw: dict[str, Any]) -> tuple[str, Title]:
    _check_keys(ctx, raw, _TITLE_KEYS, "text")
    roles = frozenset(_strings(ctx, raw.get("roles", []), "roles"))
    title = Title(_strings(ctx, raw["text"], "text"), roles, _sector(ctx, raw.get("sector")))
    return ctx.where, title


def _sectors(ctx: _Ctx, raw: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(raw, dict):
        raise ctx.fail("sectors must be a mapping of sector -> office nouns")
    out: list[tuple[str, str]] = []
    for sector, words in raw.items():
        checked = _sector(ctx, sector) or ""
        out.extend((w.lower(), checked) for w in _strings(ctx, words, f"sectors.{sector}"))
    return tuple(out)


def _lower(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w.lower() for w in words))


def _ambiguous(ctx: _Ctx, raw: dict[str, Any]) -> AmbiguousPlace:
    _check_keys(ctx, raw, _AMBIGUOUS_KEYS, "name", "candidates", "default")
    if not isinstance(raw["candidates"], list):
        raise ctx.fail("candidates must be a list of codes")
    candidates = tuple(dict.fromkeys(_code(ctx, c, "candidate") for c in raw["candidates"]))
    if len(candidates) < 2:
        raise ctx.fail("an ambiguous place needs at least two candidates")
    default = _code(ctx, raw["default"], "default")
    if default not in candidates:
        raise ctx.fail(f"default {default!r} is not among the candidates {list(candidates)}")
    return AmbiguousPlace(_string(ctx, raw["name"], "name"), candidates, default)
