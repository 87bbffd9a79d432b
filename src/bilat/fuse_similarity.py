"""How alike two events' evidence sentences are, for fusion (``bilat.fuse``).

A sentence becomes a set of content words without the dyad's own names (always shared,
so no evidence of sameness), plus salient marks: the round of a meeting ("third round"),
acronyms (JMCC), large numbers and amounts. Two sentences are similar when their words
overlap (or one contains the other) and their salient marks agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bilat.dedup import jaccard
from bilat.records import Event

_TOKEN = re.compile(r"[A-Za-z0-9]+")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{2,}\b")
_NUMBER = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b")
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
_ROUND = re.compile(
    r"\b(" + "|".join(_ORDINALS) + r"|\d+(?:st|nd|rd|th))\s+(?:round|session|meeting|edition|"
    r"summit|dialogue|consultations?|sitting|iteration)\b",
    re.IGNORECASE,
)
# The nouns _ROUND ends with: a sentence without one of them has no round.
_ROUND_NOUN = re.compile(
    r"round|session|meeting|edition|summit|dialogue|consultation|sitting|iteration", re.IGNORECASE
)
_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers him his how i if in into is it its itself just me more
    most my no nor not now of off on once only or other our ours out over own said same says she
    should so some such than that the their theirs them then there these they this those through
    to too under until up very was we were what when where which while who whom why will with
    would you your two sides both countries country side new week month year told according
    which whose amid upon within without per via"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@dataclass(frozen=True, slots=True)
class Profile:
    """An event with its evidence reduced to comparable word sets."""

    event: Event
    words: frozenset[str]
    salient: frozenset[str]
    ordinals: frozenset[int]


def similarity(p: Profile, q: Profile) -> float:
    """In [0, 1]; 1.0 for the same sentence."""
    ep, eq = p.event.evidence, q.event.evidence
    if ep.article_id == eq.article_id and ep.start == eq.start:
        return 1.0
    if p.ordinals and q.ordinals and not p.ordinals & q.ordinals:
        return 0.0  # "third round" and "fourth round" are different meetings
    overlap = len(p.words & q.words)
    smaller = min(len(p.words), len(q.words))
    # Containment catches a short lead sentence restated inside a longer one.
    containment = overlap / smaller if smaller >= 4 else 0.0
    shared = len(p.salient & q.salient)
    base = max(jaccard(p.words, q.words), 0.8 * containment)
    if smaller < 3:
        base *= smaller / 3  # one shared word in two near-empty sentences proves little
    return min(1.0, base + 0.2 * min(shared, 2))


def profile(event: Event) -> Profile:
    """One event's profile (``Profiler`` profiles many, sharing work)."""
    return Profiler()(event)


class Profiler:
    """Profiles events, computing each dyad's actor words once: the busy part of a big fuse."""

    def __init__(self) -> None:
        self._actors: dict[tuple[object, ...], _ActorWords] = {}

    def __call__(self, event: Event) -> Profile:
        sentence = event.evidence.sentence
        actor_words = self._actor_words(event)
        words = frozenset(
            w
            for w in {_normal(t) for t in _TOKEN.findall(sentence)}
            if w not in _STOPWORDS and not _is_actor(w, actor_words) and (len(w) > 2 or w.isdigit())
        )
        ordinals: frozenset[int] = frozenset()
        if _ROUND_NOUN.search(sentence):  # the full pattern is slow, and rarely matches
            ordinals = frozenset(_ordinal(m.group(1)) for m in _ROUND.finditer(sentence))
        salient = {f"round:{n}" for n in ordinals}
        salient.update(
            f"acr:{m.group(0)}"
            for m in _ACRONYM.finditer(sentence)
            if not _is_actor(m.group(0).casefold(), actor_words)
        )
        for m in _NUMBER.finditer(sentence):
            value = float(m.group(0).replace(",", ""))
            if value >= 100 and not (1900 <= value <= 2099 and "." not in m.group(0)):
                salient.add(f"num:{value:g}")
        salient.update(f"amt:{a.value.normalize()}{a.unit}" for a in event.amounts)
        return Profile(event, words, frozenset(salient), ordinals)

    def _actor_words(self, event: Event) -> _ActorWords:
        key = tuple(
            (m.text, m.actor.code, m.actor.name) if m.actor else (m.text,)
            for m in (event.source, event.target)
            if m is not None
        )
        found = self._actors.get(key)
        if found is None:
            found = self._actors[key] = _actor_words(event)
        return found


def _actor_words(event: Event) -> _ActorWords:
    out: set[str] = set()
    for mention in (event.source, event.target):
        if mention is None:
            continue
        out.update(_normal(t) for t in _TOKEN.findall(mention.text))
        if mention.actor is not None:
            out.add(mention.actor.code.casefold())
            out.update(_normal(t) for t in _TOKEN.findall(mention.actor.name))
    words = frozenset(w for w in out if len(w) > 2)
    return _ActorWords(words, frozenset(w[:5] for w in words if len(w) >= 5))


@dataclass(frozen=True, slots=True)
class _ActorWords:
    """Words naming the dyad's own actors: always shared, so not evidence of sameness."""

    words: frozenset[str]
    stems: frozenset[str]  # the first five letters of each word that long


def _is_actor(word: str, actor: _ActorWords) -> bool:
    # A shared five-letter stem covers demonyms: "Pakistani" for Pakistan, "Russian" for Russia.
    return word in actor.words or (len(word) >= 5 and word[:5] in actor.stems)


def _normal(token: str) -> str:
    word = token.casefold()
    # Crude plural folding: "talks" and "talk", "exercises" and "exercise".
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _ordinal(text: str) -> int:
    lowered = text.casefold()
    return _ORDINALS.get(lowered) or int(re.sub(r"\D", "", lowered))
