"""Place names that stand for several states, resolved by the text around them.

``ambiguous_places`` in the actor resources (``places_ambiguous.yaml``) lists names
such as "Tripoli" (Libya or Lebanon) or "Punjab" (Pakistan or India) with their
candidate codes and a default. A mention resolves to the one candidate that the same
sentence names, else the one the whole text names, else the default. A name the
knowledge base knows in full wins, being matched first: "Republic of the Congo",
"Congo-Brazzaville" and "DR Congo" are never read as a bare "Congo".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from bilat.nlp.actors.entries import AmbiguousPlace
from bilat.nlp.actors.gazetteer import Hit, Tokens, key
from bilat.records import Actor, Mention

# Where a sentence ends in raw text: after . ! ? (and closing quotes) before a space,
# or at a line break.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n")


@dataclass(frozen=True, slots=True)
class AmbiguousNames:
    """The ambiguous place names of a knowledge base, as token sequences."""

    places: tuple[tuple[tuple[str, ...], AmbiguousPlace], ...]
    # the same names by their first word, so each token costs one lookup
    by_first: Mapping[str, tuple[tuple[tuple[str, ...], AmbiguousPlace], ...]]

    @classmethod
    def of(cls, places: Sequence[AmbiguousPlace]) -> AmbiguousNames:
        longest_first = tuple(
            (key(p.name), p) for p in sorted(places, key=lambda p: -len(key(p.name)))
        )
        firsts = {words[0] for words, _ in longest_first if words}
        by_first = {w: tuple(e for e in longest_first if e[0][:1] == (w,)) for w in firsts}
        return cls(longest_first, by_first)

    def mentions(
        self,
        toks: Tokens,
        hits: Sequence[Hit],
        known: Sequence[Mention],
        actor: Callable[[str], Actor],
    ) -> list[Mention]:
        """Mentions of the ambiguous names in ``toks`` that no hit of the gazetteer
        covers, each resolved against the ``known`` mentions of the same text."""
        covered = {t for h in hits for t in range(h.i, h.j)}
        out: list[Mention] = []
        k = 0
        while k < len(toks.words):
            found = self._at(toks, k, covered)
            if found is None:
                k += 1
                continue
            length, place = found
            start, end = toks.starts[k], toks.ends[k + length - 1]
            code = _resolve(place, _sentence(toks.text, start), known)
            out.append(Mention(toks.text[start:end], start, end, actor(code)))
            k += length
        return out

    def _at(self, toks: Tokens, k: int, covered: set[int]) -> tuple[int, AmbiguousPlace] | None:
        for words, place in self.by_first.get(toks.words[k], ()):
            n = len(words)
            span = range(k, k + n)
            if k + n > len(toks.words) or any(t in covered for t in span):
                continue
            if toks.words[k : k + n] == words and all(toks.linked(t) for t in span if t > k):
                return n, place
        return None


def _sentence(text: str, at: int) -> tuple[int, int]:
    """Character bounds of the sentence around offset ``at``."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() > at:
            return start, match.start()
        start = match.end()
    return start, len(text)


def _resolve(place: AmbiguousPlace, sentence: tuple[int, int], known: Sequence[Mention]) -> str:
    """The candidate the sentence names, else the one the text names, else the default."""
    lo, hi = sentence
    for scope in ([m for m in known if lo <= m.start < hi], known):
        named = [c for c in place.candidates if any(m.code == c for m in scope)]
        if len(named) == 1:
            return named[0]
    return place.default
