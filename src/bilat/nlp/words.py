"""The word lists the rules look for (resources/words.yaml), checked and read once.

A module reads its stage's lists through a ``Words`` object (``WORDS.TEMPORAL``); the
file is read and checked on first use, or when the pipeline factory
(``bilat.nlp.build.make_nlp``) calls ``load_words`` so a broken file fails before any
text is read. Each list is ``about`` (what it is for), ``read_by`` (the module) and
``words`` (strings, no repeats).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

from bilat.errors import ResourceInvalid
from bilat.resources.lexicons import checked_words, read_yaml

WORDS_FILE = "words.yaml"
STAGES = ("actors", "syntax", "events", "sides")
_KEYS = frozenset({"about", "read_by", "words"})

WordLists = Mapping[str, Mapping[str, frozenset[str]]]


@functools.cache
def load_words() -> WordLists:
    """The shipped word lists by stage and name (read and checked once per process)."""
    text = resources.files("bilat.resources").joinpath(WORDS_FILE).read_text(encoding="utf-8")
    return parse_words(WORDS_FILE, text)


def parse_words(source: str, text: str) -> WordLists:
    """Word lists from YAML text; ResourceInvalid naming the file and list when a list
    is not what the schema says."""
    raw = read_yaml(source, text)
    if not isinstance(raw, dict):
        raise ResourceInvalid(f"{source}: expected a mapping of stages to word lists")
    unknown = sorted(set(raw) - set(STAGES))
    if unknown:
        raise ResourceInvalid(f"{source}: unknown stage(s) {unknown}; stages are {STAGES}")
    stages: dict[str, Mapping[str, frozenset[str]]] = {}
    for stage in STAGES:
        lists = raw.get(stage) or {}
        if not isinstance(lists, dict):
            raise ResourceInvalid(f"{source}: {stage}: expected a mapping of named lists")
        stages[stage] = MappingProxyType(
            {name: _words(f"{source}: {stage}.{name}", entry) for name, entry in lists.items()}
        )
    return MappingProxyType(stages)


def _words(where: str, entry: Any) -> frozenset[str]:
    if not isinstance(entry, dict) or set(entry) != _KEYS:
        raise ResourceInvalid(f"{where}: expected exactly the keys {sorted(_KEYS)}")
    for key in ("about", "read_by"):
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise ResourceInvalid(f"{where}: {key} must be a non-empty string")
    return frozenset(checked_words(where, entry["words"]))


class Words:
    """The word lists of one stage, read from the shipped file on first use (each list is
    then kept on the object, so the rules' hot loops read a plain attribute)."""

    def __init__(self, stage: str) -> None:
        self._stage = stage

    def __getattr__(self, name: str) -> frozenset[str]:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            words = load_words()[self._stage][name]
        except KeyError:
            raise AttributeError(
                f"resources/{WORDS_FILE} has no list {name!r} in section {self._stage!r}"
            ) from None
        setattr(self, name, words)
        return words
