"""The trigger lexicon: which words state which PLOVER event (resources/triggers.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
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
    # verb + particle -> sense, or None for a statement ("call on")
    phrasal: dict[tuple[str, str], Sense | None]
    aid_objects: frozenset[str] = frozenset()
    blockers: frozenset[str] = frozenset()
    # Speech PLOVER does not code (CAMEO 01 "make statement", 02 "appeal"): such a verb
    # reports no event, but what it says ("urged Iran to release ...") is not one either.
    statements: frozenset[str] = frozenset()
    # Appeals among the statements ("urged X to ..."), which the news gold codes REQUEST.
    appeals: frozenset[str] = frozenset()
    # verb -> accusation nouns: rejecting one, a statement to CAMEO (016), is a REJECT
    # to the news gold ("Athens rejected the charge").
    rebuttals: dict[str, frozenset[str]] = field(default_factory=dict)
    # Verbs that report speech: "said that X must ..." is a demand (CAMEO 10).
    reporting: frozenset[str] = frozenset()
    # verb -> {object or complement lemma -> sense, or None for a statement}, checked
    # before any other entry: "declined to comment", "denied the charges".
    complements: dict[str, dict[str, Sense | None]] = field(default_factory=dict)
    # Phrasal appeals that an insistent adverb ("pushed *hard* for") makes demands.
    insistent: dict[tuple[str, str], Sense] = field(default_factory=dict)
    insistent_adverbs: frozenset[str] = frozenset()
    # Verbs of protest that a place or a crowd makes a demonstration ("protested outside
    # the embassy"), the place prepositions and the crowd subjects.
    demonstration_verbs: frozenset[str] = frozenset()
    demonstration_places: frozenset[str] = frozenset()
    demonstrators: frozenset[str] = frozenset()

    @classmethod
    def load(cls, extra: Path | None = None) -> TriggerLexicon:
        """The shipped lexicon, extended (and overridden) by a user's YAML file."""
        text = resources.files("bilat.resources").joinpath("triggers.yaml").read_text("utf-8")
        data = _parse(text, "triggers.yaml")
        if extra is not None:
            user = _parse(extra.read_text("utf-8"), str(extra))
            mappings = ("verbs", "nouns", "support", "phrasal", "complements", "insistent")
            for key in (*mappings, "rebuttals"):
                data.setdefault(key, {}).update(user.get(key) or {})
            lists = ("transfer", "aid_objects", "blockers", "statements", "appeals", "reporting")
            crowds = ("demonstration_verbs", "demonstration_places", "demonstrators")
            for key in (*lists, "insistent_adverbs", *crowds):
                data[key] = list(data.get(key) or []) + list(user.get(key) or [])
        return cls._from_data(data, str(extra or "triggers.yaml"))

    def with_appeals_as_requests(self) -> TriggerLexicon:
        """The lexicon with its appeals coded as REQUEST, as news event gold codes them."""
        request: Sense = (EventType.REQUEST, None)
        verbs = {a for a in self.appeals if " " not in a}
        phrases = [_phrase(a, "appeals") for a in self.appeals if " " in a]
        return replace(
            self,
            verbs={**self.verbs, **dict.fromkeys(verbs, request)},
            phrasal={**self.phrasal, **dict.fromkeys(phrases, request)},
            statements=self.statements - verbs,
        )

    def with_rebuttals_as_rejections(self) -> TriggerLexicon:
        """The lexicon with a rejected accusation coded as REJECT, as news event gold
        codes it ("Kenya rejected the accusation")."""
        reject: Sense = (EventType.REJECT, None)
        complements = {verb: dict(objects) for verb, objects in self.complements.items()}
        for verb, nouns in self.rebuttals.items():
            complements.setdefault(verb, {}).update(dict.fromkeys(nouns, reject))
        return replace(self, complements=complements)

    @classmethod
    def _from_data(cls, data: dict[str, Any], where: str) -> TriggerLexicon:
        phrasal = {
            _phrase(phrase, where): _optional(sense, f"{where}: phrasal.{phrase}")
            for phrase, sense in (data.get("phrasal") or {}).items()
        }
        insistent = {
            _phrase(phrase, where): _sense(sense, f"{where}: insistent.{phrase}")
            for phrase, sense in (data.get("insistent") or {}).items()
        }
        return cls(
            verbs=_senses(data.get("verbs"), f"{where}: verbs"),
            nouns=_senses(data.get("nouns"), f"{where}: nouns"),
            support=_by_object(data.get("support"), f"{where}: support"),
            transfer=_words(data.get("transfer")),
            phrasal=phrasal,
            aid_objects=_words(data.get("aid_objects")),
            blockers=_words(data.get("blockers")),
            statements=_words(data.get("statements")),
            appeals=_words(data.get("appeals")),
            reporting=_words(data.get("reporting")),
            complements=_by_object(data.get("complements"), f"{where}: complements"),
            rebuttals=_word_lists(data.get("rebuttals"), f"{where}: rebuttals"),
            insistent=insistent,
            insistent_adverbs=_words(data.get("insistent_adverbs")),
            demonstration_verbs=_words(data.get("demonstration_verbs")),
            demonstration_places=_words(data.get("demonstration_places")),
            demonstrators=_words(data.get("demonstrators")),
        )


def _phrase(phrase: object, where: str) -> tuple[str, str]:
    verb, _, particle = str(phrase).partition(" ")
    if not particle:
        raise ResourceInvalid(f"{where}: phrasal {phrase!r} needs a verb and a particle")
    return verb, particle


def _words(raw: object) -> frozenset[str]:
    return frozenset(str(v) for v in raw) if isinstance(raw, list | tuple) else frozenset()


def _word_lists(raw: object, where: str) -> dict[str, frozenset[str]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(isinstance(v, list) for v in raw.values()):
        raise ResourceInvalid(f"{where}: expected a mapping of verb -> [object, ...]")
    return {str(verb): _words(objects) for verb, objects in raw.items()}


def _by_object(raw: object, where: str) -> dict[str, dict[str, Sense | None]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ResourceInvalid(f"{where}: expected a mapping of verb -> {{object: sense}}")
    return {
        str(verb): {
            str(obj): _optional(sense, f"{where}.{verb}.{obj}")
            for obj, sense in (objects or {}).items()
        }
        for verb, objects in raw.items()
    }


def _optional(raw: object, where: str) -> Sense | None:
    return None if raw is None else _sense(raw, where)


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
