"""A token trie over every name in the actor knowledge base.

Text is split into word and punctuation tokens once; at each token the trie
gives the longest known name starting there (leftmost-longest, one pass, a
dict lookup per token). Matching is case-sensitive, so "US" is not "us" and
"May" is no month of a person; upper-case copies of country names are added
for headlines ("PAKISTAN"), accent-free copies for every name ("Erdogan"),
and plurals for demonyms ("Pakistanis"). A word it does not know may be a
misspelt long state or capital name (:mod:`bilat.nlp.actors.spelling`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from bilat.nlp.actors.kb import ActorEntry, KnowledgeBase, Title
from bilat.nlp.actors.spelling import Speller

TOKEN = re.compile(r"\w+|[^\w\s]")
# Curly quotes and dashes count as their plain forms.
_PUNCT = str.maketrans(dict.fromkeys("’‘ʼ`´", "'") | dict.fromkeys("–—‑‒−", "-"))
_LATIN = str.maketrans({"ı": "i", "İ": "I", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d"})
_NO_PLURAL = ("s", "sh", "ch", "se", "x", "z")


class Kind(StrEnum):
    """How a name stands for its actor."""

    NAME = "name"
    SEAT = "seat"
    CAPITAL = "capital"
    DEMONYM = "demonym"
    PREFIX = "prefix"
    PLACE = "place"
    GROUP = "group"


@dataclass(frozen=True, slots=True)
class Sense:
    """An actor a name stands for."""

    code: str
    kind: Kind
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """Everything one token sequence can mean; ``persons`` index ``kb.people``."""

    actor: Sense | None = None
    persons: tuple[int, ...] = ()
    surnames: tuple[int, ...] = ()
    title: Title | None = None
    blocked: bool = False
    guarded: bool = False

    @property
    def personal(self) -> bool:
        return bool(self.persons or self.surnames)


@dataclass(frozen=True, slots=True)
class Tokens:
    """A text's tokens: normalised spellings and character offsets."""

    text: str
    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def linked(self, k: int) -> bool:
        """Token ``k`` continues the phrase of token ``k - 1`` (no paragraph break)."""
        return (
            0 < k < len(self.words) and self.text.count("\n", self.ends[k - 1], self.starts[k]) < 2
        )

    def tight(self, k: int) -> bool:
        """No space between token ``k - 1`` and token ``k``."""
        return 0 < k < len(self.words) and self.ends[k - 1] == self.starts[k]

    def capitalised(self, k: int) -> bool:
        """Token ``k`` is a word starting with an upper-case letter."""
        return 0 <= k < len(self.words) and self.words[k][:1].isupper()

    def sentence_start(self, k: int) -> bool:
        """Token ``k`` opens a sentence or a line."""
        if k == 0:
            return True
        opener = self.words[k - 1] in {".", "!", "?", ":", '"', "“", "(", "'"}
        return opener or "\n" in self.text[self.ends[k - 1] : self.starts[k]]


def tokenize(text: str) -> Tokens:
    """Word and punctuation tokens; punctuation is normalised (’ -> ', – -> -)."""
    words, starts, ends = [], [], []
    for match in TOKEN.finditer(text):
        word = match.group()
        words.append(word.translate(_PUNCT) if len(word) == 1 else word)
        starts.append(match.start())
        ends.append(match.end())
    return Tokens(text, tuple(words), tuple(starts), tuple(ends))


def normalise(text: str) -> str:
    """Curly quotes and dashes as their plain forms: "Côte d’Ivoire" -> "Côte d'Ivoire"."""
    return text.translate(_PUNCT)


def key(name: str) -> tuple[str, ...]:
    """The token sequence a name is matched as."""
    return tokenize(name).words


def plain(name: str) -> str:
    """The name without accents: Erdoğan -> Erdogan, Côte -> Cote."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_LATIN))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def plurals(demonym: str) -> tuple[str, ...]:
    """ "Pakistani" -> ("Pakistanis",); "Chinese", "British" have none."""
    return () if demonym.endswith(_NO_PLURAL) else (demonym + "s",)


class _Node:
    """A trie node; built once, never changed after :meth:`Gazetteer.build`."""

    __slots__ = ("children", "entry")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.entry: Entry | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    """The longest name starting at token ``i``; it ends before token ``j``."""

    i: int
    j: int
    entry: Entry


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Token trie over the knowledge base's names, titles and blockers."""

    root: Mapping[str, _Node]
    size: int = field(default=0, compare=False)
    speller: Speller = field(default_factory=Speller, compare=False)

    @classmethod
    def build(cls, kb: KnowledgeBase) -> Gazetteer:
        drafts: dict[tuple[str, ...], _Draft] = {}

        def draft(name: str) -> _Draft:
            return drafts.setdefault(key(name), _Draft())

        for name in _all(kb.blockers, upper=True):
            draft(name).blocked = True
        for name in _all(kb.guarded, upper=True):
            draft(name).guarded = True
        # Names as written first, generated variants second: a variant never
        # takes a name another actor spells that way.
        for variants in (False, True):
            for actor in kb.actors:
                for sense, names in _actor_names(actor, variants):
                    for name in names:
                        d = draft(name)
                        d.actor = d.actor or sense
        for title in kb.titles:
            for name in _all(title.texts, upper=False, lower=True):
                d = draft(name)
                d.title = d.title or title
        for i, person in enumerate(kb.people):
            for name in _all(person.names, upper=False):
                draft(name).persons.append(i)
            if person.surname:
                for name in _all((person.surname,), upper=False):
                    draft(name).surnames.append(i)
        root = _Node()
        for k, d in drafts.items():
            if not k:
                continue
            node = root
            for word in k:
                node = node.children.setdefault(word, _Node())
            node.entry = d.freeze()
        spelt = (
            word
            for word, node in root.children.items()
            if (e := node.entry) is not None
            and e.actor is not None
            and e.actor.kind in (Kind.NAME, Kind.CAPITAL, Kind.DEMONYM)
            and not (e.personal or e.title or e.blocked or e.guarded)
        )
        return cls(MappingProxyType(root.children), len(drafts), Speller.build(spelt))

    def scan(self, toks: Tokens) -> list[Hit]:
        """Leftmost-longest known names, not overlapping, in text order."""
        hits: list[Hit] = []
        words, root, n = toks.words, self.root, len(toks.words)
        i = 0
        while i < n:
            node = root.get(words[i])
            if node is None and (fixed := self.speller.correct(words[i])) is not None:
                node = root.get(fixed)
            if node is None:
                i += 1
                continue
            best: Hit | None = None
            k = i
            while True:
                if node.entry is not None:
                    best = Hit(i, k + 1, node.entry)
                k += 1
                if k >= n or not node.children or not toks.linked(k):
                    break
                child = node.children.get(words[k])
                if child is None:
                    break
                node = child
            if best is None:
                i += 1
            else:
                hits.append(best)
                i = best.j
        return hits


class _Draft:
    """An entry while the trie is being built."""

    __slots__ = ("actor", "blocked", "guarded", "persons", "surnames", "title")

    def __init__(self) -> None:
        self.actor: Sense | None = None
        self.persons: list[int] = []
        self.surnames: list[int] = []
        self.title: Title | None = None
        self.blocked = False
        self.guarded = False

    def freeze(self) -> Entry:
        return Entry(
            actor=self.actor,
            persons=tuple(dict.fromkeys(self.persons)),
            surnames=tuple(dict.fromkeys(self.surnames)),
            title=self.title,
            blocked=self.blocked,
            guarded=self.guarded,
        )


def _actor_names(actor: ActorEntry, variants: bool) -> Iterable[tuple[Sense, tuple[str, ...]]]:
    """Each way the actor is named, as written or (``variants``) generated."""
    code = actor.code

    def pick(names: Iterable[str], upper: bool) -> tuple[str, ...]:
        if not variants:
            return tuple(names)
        return tuple(v for n in names for v in _variants(n, upper=upper)[1:])

    for seat in actor.seats:
        yield Sense(code, Kind.SEAT, seat.sector), pick((seat.name,), upper=False)
    yield Sense(code, Kind.NAME), pick((actor.name, *actor.aliases), upper=True)
    yield Sense(code, Kind.CAPITAL), pick(actor.capitals, upper=True)
    yield Sense(code, Kind.PLACE), pick(actor.places, upper=True)
    yield Sense(code, Kind.GROUP), pick(actor.groups, upper=False)
    plural = (p for d in actor.demonyms for p in plurals(d))
    yield Sense(code, Kind.DEMONYM), pick((*actor.demonyms, *plural), upper=True)
    yield Sense(code, Kind.PREFIX), pick(actor.prefixes, upper=False)


def _variants(name: str, *, upper: bool, lower: bool = False) -> tuple[str, ...]:
    out = [name, plain(name)]
    if upper and len(name) >= 4 and name != name.upper():
        out += [name.upper(), plain(name).upper()]
    # "foreign minister" as well as "Foreign Minister"; not for abbreviations (PM, NSA)
    if lower and name != name.upper() and (len(name) >= 5 or " " in name):
        out.append(name.lower())
    return tuple(dict.fromkeys(out))


def _all(names: Iterable[str], *, upper: bool, lower: bool = False) -> tuple[str, ...]:
    return tuple(v for name in names for v in _variants(name, upper=upper, lower=lower))
