"""Word lists and word tables of the rules that need no spaCy (dates, money), checked and
read once.

Each file under resources/ (dates.yaml, money.yaml) maps a name to an entry with
``about`` (what it is for), ``read_by`` (the module) and exactly one of ``words`` (a
list of strings, no repeats, order kept) or ``table`` (a mapping of strings to numbers
or to strings, one kind per table; numbers that must stay exact, such as exchange rates,
are written as quoted strings). A file that is not so raises ResourceInvalid naming the
file and the entry. The word lists of bilat.nlp are in words.yaml (bilat.nlp.words).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

from bilat.errors import ResourceInvalid

_KINDS = ("words", "table")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The checked entries of one file: ``words("MONTHS")``, ``ints(...)``, ``strings(...)``."""

    source: str
    lists: Mapping[str, tuple[str, ...]]
    tables: Mapping[str, Mapping[str, int | str]]

    def words(self, name: str) -> tuple[str, ...]:
        if name not in self.lists:
            raise ResourceInvalid(f"{self.source}: no words entry {name!r}")
        return self.lists[name]

    def ints(self, name: str) -> Mapping[str, int]:
        return self._table(name, int)

    def strings(self, name: str) -> Mapping[str, str]:
        return self._table(name, str)

    def _table(self, name: str, kind: type[Any]) -> Mapping[str, Any]:
        if name not in self.tables:
            raise ResourceInvalid(f"{self.source}: no table entry {name!r}")
        table = self.tables[name]
        if not all(type(v) is kind for v in table.values()):
            raise ResourceInvalid(f"{self.source}: {name}: values must be {kind.__name__}s")
        return table


@functools.cache
def load_lexicon(file: str) -> Lexicon:
    """A shipped file of resources/ (read and checked once per process)."""
    text = resources.files("bilat.resources").joinpath(file).read_text(encoding="utf-8")
    return parse_lexicon(file, text)


def parse_lexicon(source: str, text: str) -> Lexicon:
    """A Lexicon from YAML text; ResourceInvalid naming the file and entry when an entry
    is not what the schema says."""
    raw = read_yaml(source, text)
    if not isinstance(raw, dict) or not raw:
        raise ResourceInvalid(f"{source}: expected a mapping of named entries")
    lists: dict[str, tuple[str, ...]] = {}
    tables: dict[str, Mapping[str, int | str]] = {}
    for name, entry in raw.items():
        where = f"{source}: {name}"
        kind = _kind(where, entry)
        if kind == "words":
            lists[name] = checked_words(where, entry["words"])
        else:
            tables[name] = _table(where, entry["table"])
    return Lexicon(source, MappingProxyType(lists), MappingProxyType(tables))


def read_yaml(source: str, text: str) -> Any:
    """YAML text as Python values; ResourceInvalid naming ``source`` when it is not YAML."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ResourceInvalid(f"{source}: not valid YAML: {exc}") from exc


def _kind(where: str, entry: Any) -> str:
    if not isinstance(entry, dict):
        raise ResourceInvalid(f"{where}: expected a mapping with about, read_by and words or table")
    kinds = [k for k in _KINDS if k in entry]
    if len(kinds) != 1 or set(entry) != {"about", "read_by", *kinds}:
        raise ResourceInvalid(
            f"{where}: expected about, read_by and one of words or table, got {sorted(entry)}"
        )
    for key in ("about", "read_by"):
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise ResourceInvalid(f"{where}: {key} must be a non-empty string")
    return kinds[0]


def checked_words(where: str, words: Any) -> tuple[str, ...]:
    """``words`` when a non-empty list of distinct words, else ResourceInvalid at ``where``."""
    if not isinstance(words, list) or not words:
        raise ResourceInvalid(f"{where}: words must be a non-empty list")
    for i, word in enumerate(words):
        if not isinstance(word, str) or not word.strip():
            raise ResourceInvalid(
                f"{where}: words[{i}] is {word!r}, not a word (quote words such as on, no, 's)"
            )
    repeated = sorted({w for w in words if words.count(w) > 1})
    if repeated:
        raise ResourceInvalid(f"{where}: words repeated: {repeated}")
    return tuple(words)


def _table(where: str, table: Any) -> Mapping[str, int | str]:
    if not isinstance(table, dict) or not table:
        raise ResourceInvalid(f"{where}: table must be a non-empty mapping")
    kinds = set()
    for key, value in table.items():
        if not isinstance(key, str) or not key.strip():
            raise ResourceInvalid(f"{where}: key {key!r} is not a word (quote keys such as on, no)")
        if type(value) not in (int, str):
            raise ResourceInvalid(
                f"{where}: {key}: {value!r} is neither a whole number nor a string"
            )
        kinds.add(type(value))
    if len(kinds) > 1:
        raise ResourceInvalid(f"{where}: mixes numbers and strings")
    return MappingProxyType(dict(table))
