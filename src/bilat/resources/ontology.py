"""The PLOVER 2.0 ontology: types, modes, scores, contexts and the CAMEO mapping.

Read from two package files, ``plover.yaml`` (types, modes, scores, contexts, from the
PLOVER manual) and ``cameo2plover.yaml`` (CAMEO code -> type, mode, contexts), and
validated on load: a broken file raises :class:`~bilat.errors.ResourceInvalid` naming
the file and the offending entry, never a half-built ontology.

Mode names are the manual's (``third-party``, ``martial-law``); lookups ignore case and
accept ``_`` or a space for ``-``, so ``Third_Party`` finds ``third-party``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Hashable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

from bilat.errors import ResourceInvalid
from bilat.records import EventType

PLOVER_FILE = "plover.yaml"
CAMEO_FILE = "cameo2plover.yaml"

_CONTEXT_NAME = re.compile(r"[a-z][a-z0-9_]*")
_MODE_NAME = re.compile(r"[a-z][a-z0-9-]*")
_CAMEO_CODE = re.compile(r"[0-9]{2,4}")


def mode_key(mode: str) -> str:
    """The form modes are compared in: case-folded, ``_`` and spaces read as ``-``."""
    return "-".join(mode.casefold().replace("_", " ").replace("-", " ").split())


@dataclass(frozen=True, slots=True)
class Mode:
    """A PLOVER mode of one type. ``score`` is None when the manual gives the mode none."""

    name: str
    score: float | None
    description: str


@dataclass(frozen=True, slots=True)
class TypeInfo:
    """One PLOVER type: its quad, bare score, description and modes in manual order."""

    type: EventType
    quad: int
    score: float
    description: str
    modes: tuple[Mode, ...]


@dataclass(frozen=True, slots=True)
class CameoMapping:
    """The PLOVER coding of one CAMEO code. ``description`` is CAMEO's wording."""

    type: EventType
    mode: str | None
    contexts: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True, eq=False)
class Ontology:
    """PLOVER types, modes, scores and contexts, and the CAMEO -> PLOVER table.

    Immutable (the mappings are read-only views), so one instance is shared by every
    caller of :func:`load_ontology`. Build others with :meth:`from_yaml_text`.
    """

    types: Mapping[EventType, TypeInfo]
    context_descriptions: Mapping[str, str]
    cameo_table: Mapping[str, CameoMapping]

    @classmethod
    def from_yaml_text(
        cls,
        plover_text: str,
        where: str = PLOVER_FILE,
        cameo_text: str | None = None,
        cameo_where: str = CAMEO_FILE,
    ) -> Ontology:
        """Parse and validate ontology YAML; ``where`` names the text in error messages.

        Without ``cameo_text`` the CAMEO table is empty. Raises ResourceInvalid.
        """
        types, contexts = _parse_plover(_load_yaml(plover_text, where), where)
        cameo: dict[str, CameoMapping] = {}
        if cameo_text is not None:
            cameo = _parse_cameo(_load_yaml(cameo_text, cameo_where), cameo_where, types, contexts)
        return cls(MappingProxyType(types), MappingProxyType(contexts), MappingProxyType(cameo))

    def intensity(self, type: EventType, mode: str | None = None) -> float:
        """PLOVER score (-10..10): the mode's when it has one, otherwise the type's.

        An unknown or unscored mode falls back to the type's score rather than failing,
        because modes come from free text and the type score is still right.
        """
        info = self.types[type]
        found = self._mode(info, mode)
        return found.score if found is not None and found.score is not None else info.score

    def quad(self, type: EventType) -> int:
        """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
        return self.types[type].quad

    def modes(self, type: EventType) -> tuple[str, ...]:
        """The type's mode names, in the manual's order (empty for types without modes)."""
        return tuple(m.name for m in self.types[type].modes)

    def canonical_mode(self, type: EventType, mode: str) -> str | None:
        """The manual's spelling of ``mode`` for ``type``, or None if it is not one of its modes."""
        found = self._mode(self.types[type], mode)
        return found.name if found is not None else None

    @property
    def contexts(self) -> tuple[str, ...]:
        """The general context names, usable with any type, in the manual's order."""
        return tuple(self.context_descriptions)

    def describe(self, type: EventType) -> str:
        """One-line description of the type, shortened from the manual."""
        return self.types[type].description

    def lookup_cameo(self, code: str) -> CameoMapping:
        """PLOVER coding of a CAMEO code, or of its nearest shorter prefix ("0415" -> "041").

        Raises KeyError (a LookupError) when neither the code nor any prefix of at least
        two digits is in the table, including for codes that are not digit strings.
        """
        code = code.strip()
        if code.isdigit():
            for end in range(len(code), 1, -1):
                found = self.cameo_table.get(code[:end])
                if found is not None:
                    return found
        raise KeyError(f"no PLOVER mapping for CAMEO code {code!r}")

    def from_cameo(self, code: str) -> tuple[EventType, str | None, str | None]:
        """(type, mode, first context) of a CAMEO code; see :meth:`lookup_cameo`.

        A few codes carry two contexts ("091": crime and corruption); the first is the
        one returned here and ``lookup_cameo(code).contexts`` has them all.
        """
        found = self.lookup_cameo(code)
        return found.type, found.mode, found.contexts[0] if found.contexts else None

    @staticmethod
    def _mode(info: TypeInfo, mode: str | None) -> Mode | None:
        if not mode:
            return None
        key = mode_key(mode)
        return next((m for m in info.modes if mode_key(m.name) == key), None)


@functools.cache
def load_ontology() -> Ontology:
    """The ontology shipped with bilat (validated; cached, as it is immutable)."""
    package = resources.files("bilat.resources")
    return Ontology.from_yaml_text(
        package.joinpath(PLOVER_FILE).read_text("utf-8"),
        PLOVER_FILE,
        package.joinpath(CAMEO_FILE).read_text("utf-8"),
        CAMEO_FILE,
    )


# --- loading and validation -------------------------------------------------------------


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that rejects duplicate keys, which PyYAML would silently overwrite."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        self.flatten_mapping(node)
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            # an unhashable key is left to SafeLoader, which reports it
            if isinstance(key, Hashable) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _load_yaml(text: str, where: str) -> dict[str, Any]:
    try:
        # _StrictLoader is a SafeLoader: it builds plain data only, never objects
        data = yaml.load(text, Loader=_StrictLoader)
    except yaml.YAMLError as exc:
        raise ResourceInvalid(f"{where}: not valid YAML: {exc}") from exc
    return _mapping(data, where, "top level")


def _invalid(where: str, entry: str, problem: str) -> ResourceInvalid:
    return ResourceInvalid(f"{where}: {entry}: {problem}")


def _mapping(value: object, where: str, entry: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _invalid(where, entry, f"expected a mapping, got {type(value).__name__}")
    for key in value:
        if not isinstance(key, str):
            # e.g. an unquoted CAMEO code 042, which YAML reads as the octal number 34
            raise _invalid(where, f"{entry}: {key!r}", "keys must be strings (quote them)")
    return value


def _keys(
    value: dict[str, Any],
    where: str,
    entry: str,
    required: AbstractSet[str],
    optional: AbstractSet[str] = frozenset(),
) -> None:
    missing = required - value.keys()
    if missing:
        raise _invalid(where, entry, f"missing {', '.join(sorted(missing))}")
    unknown = value.keys() - required - optional
    if unknown:
        raise _invalid(where, entry, f"unknown field {', '.join(sorted(unknown))}")


def _text(value: object, where: str, entry: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _invalid(where, entry, "expected a non-empty description")
    return " ".join(value.split())


def _score(value: object, where: str, entry: str) -> float:
    # bool is an int subclass: `score: yes` must not read as 1
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _invalid(where, entry, f"score must be a number, got {value!r}")
    if not -10 <= value <= 10:
        raise _invalid(where, entry, f"score {value} is outside -10..10")
    return float(value)


def _parse_plover(
    data: dict[str, Any], where: str
) -> tuple[dict[EventType, TypeInfo], dict[str, str]]:
    _keys(data, where, "top level", {"types", "contexts"})
    raw_types = _mapping(data["types"], where, "types")
    types: dict[EventType, TypeInfo] = {}
    for name, body in raw_types.items():
        if name not in EventType.__members__:
            raise _invalid(where, f"types.{name}", "not a PLOVER 2.0 type")
        types[EventType(name)] = _parse_type(EventType(name), body, where)
    missing = [t.value for t in EventType if t not in types]
    if missing:
        raise _invalid(where, "types", f"missing {', '.join(missing)}")

    contexts: dict[str, str] = {}
    for name, text in _mapping(data["contexts"], where, "contexts").items():
        if not _CONTEXT_NAME.fullmatch(name):
            # contexts are single tokens (snake_case) wherever they are written
            raise _invalid(where, f"contexts.{name}", "context names are lower_snake_case")
        contexts[name] = _text(text, where, f"contexts.{name}")
    if not contexts:
        raise _invalid(where, "contexts", "no contexts")
    return types, contexts


def _parse_type(type_: EventType, body: object, where: str) -> TypeInfo:
    entry = f"types.{type_.value}"
    fields = _mapping(body, where, entry)
    _keys(fields, where, entry, {"quad", "score", "description", "modes"})
    quad = fields["quad"]
    if isinstance(quad, bool) or quad != type_.quad:
        raise _invalid(where, entry, f"quad {quad!r}, but records.EventType says {type_.quad}")
    score = _score(fields["score"], where, entry)
    # a cooperation type scored <= 0 (or conflict > 0) is a dropped or stray minus sign
    if (score > 0) != (type_.quad <= 2):
        raise _invalid(where, entry, f"score {score:g} has the wrong sign for quad {type_.quad}")
    modes: list[Mode] = []
    for name, mode_body in _mapping(fields["modes"] or {}, where, f"{entry}.modes").items():
        mode_entry = f"{entry}.modes.{name}"
        if not _MODE_NAME.fullmatch(name):
            # one spelling per mode, so "third_party" cannot sit beside "third-party"
            raise _invalid(where, mode_entry, "mode names are lower-case words joined by '-'")
        mode_fields = _mapping(mode_body, where, mode_entry)
        _keys(mode_fields, where, mode_entry, {"score", "description"})
        # null is an explicit "the manual gives no score"; a missing key is an error above
        mode_score = mode_fields["score"]
        modes.append(
            Mode(
                name,
                None if mode_score is None else _score(mode_score, where, mode_entry),
                _text(mode_fields["description"], where, mode_entry),
            )
        )
    return TypeInfo(
        type_, type_.quad, score, _text(fields["description"], where, entry), tuple(modes)
    )


def _parse_cameo(
    data: dict[str, Any],
    where: str,
    types: Mapping[EventType, TypeInfo],
    contexts: Mapping[str, str],
) -> dict[str, CameoMapping]:
    _keys(data, where, "top level", {"codes"})
    table: dict[str, CameoMapping] = {}
    for code, body in _mapping(data["codes"], where, "codes").items():
        entry = f"codes.{code}"
        if not _CAMEO_CODE.fullmatch(code):
            raise _invalid(where, entry, "a CAMEO code is 2 to 4 digits")
        fields = _mapping(body, where, entry)
        _keys(fields, where, entry, {"type", "mode", "contexts"}, {"description"})
        name = fields["type"]
        if not isinstance(name, str) or name not in EventType.__members__:
            raise _invalid(where, entry, f"{name!r} is not a PLOVER 2.0 type")
        type_ = EventType(name)
        table[code] = CameoMapping(
            type_,
            _cameo_mode(fields["mode"], types[type_], where, entry),
            _cameo_contexts(fields["contexts"], contexts, where, entry),
            " ".join(str(fields.get("description") or "").split()),
        )
    return table


def _cameo_mode(mode: object, info: TypeInfo, where: str, entry: str) -> str | None:
    if mode is None:
        return None
    key = mode_key(mode) if isinstance(mode, str) else None
    for known in info.modes:
        if mode_key(known.name) == key:
            return known.name
    raise _invalid(where, entry, f"{mode!r} is not a mode of {info.type.value}")


def _cameo_contexts(
    value: object, contexts: Mapping[str, str], where: str, entry: str
) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _invalid(where, entry, "contexts must be a list")
    for context in value:
        if not isinstance(context, str) or context not in contexts:
            raise _invalid(where, entry, f"{context!r} is not a PLOVER context")
    if len(set(value)) != len(value):
        raise _invalid(where, entry, "a context is listed twice")
    return tuple(value)
