"""The trigger lexicon: which words state which PLOVER event (resources/triggers.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from bilat.errors import ResourceInvalid
from bilat.records import EventType

Sense = tuple[EventType, str | None]


@dataclass(frozen=True, slots=True)
class TriggerLexicon:
    """Verb, noun, light-verb and phrasal-verb triggers."""

    verbs: dict[str, Sense]
    nouns: dict[str, Sense]
    # light verb -> {object lemma -> sense, or None for "no event"}
    support: dict[str, dict[str, Sense | None]]
    transfer: frozenset[str]
    phrasal: dict[tuple[str, str], Sense]
    aid_objects: frozenset[str] = frozenset()
    blockers: frozenset[str] = frozenset()

    @classmethod
    def load(cls, extra: Path | None = None) -> TriggerLexicon:
        """The shipped lexicon, extended (and overridden) by a user's YAML file."""
        text = resources.files("bilat.resources").joinpath("triggers.yaml").read_text("utf-8")
        data = _parse(text, "triggers.yaml")
        if extra is not None:
            user = _parse(extra.read_text("utf-8"), str(extra))
            for key in ("verbs", "nouns", "support", "phrasal"):
                data.setdefault(key, {}).update(user.get(key) or {})
            for key in ("transfer", "aid_objects", "blockers"):
                data[key] = list(data.get(key) or []) + list(user.get(key) or [])
        return cls._from_data(data, str(extra or "triggers.yaml"))

    @classmethod
    def _from_data(cls, data: dict[str, Any], where: str) -> TriggerLexicon:
        support: dict[str, dict[str, Sense | None]] = {}
        for verb, objects in (data.get("support") or {}).items():
            support[verb] = {
                obj: (None if sense is None else _sense(sense, f"{where}: support.{verb}.{obj}"))
                for obj, sense in (objects or {}).items()
            }
        phrasal: dict[tuple[str, str], Sense] = {}
        for phrase, sense in (data.get("phrasal") or {}).items():
            verb, _, particle = str(phrase).partition(" ")
            if not particle:
                raise ResourceInvalid(f"{where}: phrasal {phrase!r} needs a verb and a particle")
            phrasal[(verb, particle)] = _sense(sense, f"{where}: phrasal.{phrase}")
        return cls(
            verbs=_senses(data.get("verbs"), f"{where}: verbs"),
            nouns=_senses(data.get("nouns"), f"{where}: nouns"),
            support=support,
            transfer=frozenset(str(v) for v in data.get("transfer") or ()),
            phrasal=phrasal,
            aid_objects=frozenset(str(v) for v in data.get("aid_objects") or ()),
            blockers=frozenset(str(v) for v in data.get("blockers") or ()),
        )


def _parse(text: str, where: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ResourceInvalid(f"{where}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise ResourceInvalid(f"{where}: expected a mapping at the top level")
    return data


def _senses(raw: object, where: str) -> dict[str, Sense]:
    if not isinstance(raw, dict):
        raise ResourceInvalid(f"{where}: expected a mapping of lemma -> [TYPE, mode]")
    return {str(lemma): _sense(sense, f"{where}.{lemma}") for lemma, sense in raw.items()}


def _sense(raw: object, where: str) -> Sense:
    if not (isinstance(raw, list) and len(raw) == 2):
        raise ResourceInvalid(f"{where}: expected [TYPE, mode], got {raw!r}")
    try:
        type_ = EventType(raw[0])
    except ValueError as exc:
        raise ResourceInvalid(f"{where}: {raw[0]!r} is not a PLOVER 2.0 type") from exc
    return type_, (None if raw[1] is None else str(raw[1]))
