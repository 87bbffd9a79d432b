"""Misspelt state names: "Ethopia", "Afganistan", "Khatmandu".

Wire copy misspells long country and capital names often enough to lose the
actor. A capitalised word the gazetteer does not know reads as a known name
when it differs from it by one dropped, added or swapped letter. To keep
ordinary words and surnames out ("Hungry" is no Hungary, "Hollande" no
Holland, "Columbia" no Colombia), only names of at least :data:`MIN_NAME`
letters are corrected, never their first letter, never by a changed letter,
and never when two names are that close to the same misspelling.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

MIN_NAME = 8


def _dropped(word: str) -> Iterator[str]:
    """The word with one letter after the first left out."""
    for k in range(1, len(word)):
        yield word[:k] + word[k + 1 :]


def _swapped(word: str) -> Iterator[str]:
    """The word with two neighbouring letters after the first swapped."""
    for k in range(1, len(word) - 1):
        if word[k] != word[k + 1]:
            yield word[:k] + word[k + 1] + word[k] + word[k + 2 :]


@dataclass(frozen=True, slots=True)
class Speller:
    """Maps a misspelt word to the known name it stands for."""

    # misspelling (a letter dropped or two swapped) -> name
    near: Mapping[str, str] = field(default_factory=dict)
    names: frozenset[str] = frozenset()

    @classmethod
    def build(cls, names: Iterable[str]) -> Speller:
        """Index single-word names that may be corrected (long, capitalised, letters only)."""
        kept = frozenset(
            n
            for n in names
            if len(n) >= MIN_NAME and n.isalpha() and n[0].isupper() and n[1:].islower()
        )
        near: dict[str, str] = {}
        clashes: set[str] = set()
        for name in sorted(kept):
            for wrong in (*_dropped(name), *_swapped(name)):
                if wrong in kept:
                    continue
                if near.setdefault(wrong, name) != name:
                    clashes.add(wrong)
        for wrong in clashes:
            del near[wrong]
        return cls(MappingProxyType(near), kept)

    def correct(self, word: str) -> str | None:
        """The known name ``word`` misspells, or None."""
        if len(word) < MIN_NAME - 1 or not word[:1].isupper() or not word.isalpha():
            return None
        if word in self.near:
            return self.near[word]
        extra = {w for w in _dropped(word) if w in self.names}  # "Ethiopiia"
        return extra.pop() if len(extra) == 1 else None
