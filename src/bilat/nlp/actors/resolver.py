"""Actors named in text: states, IGOs and office holders, resolved to codes.

:class:`ActorResolver` reads the knowledge base (:mod:`bilat.nlp.actors.kb`,
files parsed by :mod:`bilat.nlp.actors.schema`) and finds mentions in raw text
without spaCy: one token trie (:mod:`bilat.nlp.actors.gazetteer`), then one pass
over its hits (:mod:`bilat.nlp.actors.mentions`). What it resolves, and why:

- Names, aliases, demonyms ("Pakistani officials"), capitals ("Moscow said"),
  seats of power ("the Kremlin", "the Pentagon" MIL), historical states
  ("the Soviets" -> SUN) and IGOs. Compounds ("Pak-Russia", "Indo-Pak",
  "U.S.- India") give one mention per side; compound prefixes (Pak, Indo,
  Sino, ...) count only inside a compound or before an office ("Pak Army").
- Possessives: "Pakistan's" is a mention of "Pakistan".
- Titled persons ("Russian Foreign Minister Sergey Lavrov", "PM Khan",
  "Secretary of the Security Council of Russia Nikolai Patrushev") give one
  mention over the whole span. A nationality in the span decides the code;
  otherwise the person's office in the KB does. A *titled* person resolves
  whatever the date: a title names the person, and nationality outlasts the
  office ("Prime Minister Imran Khan" on 2023-01-01 is still PAK), so
  articles that look back resolve too. Honorifics (Mr, Dr, former) do not
  make a name titled.
- Bare full names ("Vladimir Putin") resolve while in office on ``when`` (any
  term when ``when`` is None); bare surnames ("Lavrov") only when one office
  the office holders with that surname served one country and the surname is
  not common ("Khan").
- Sector: MIL or GOV from the office ("Russian troops", "Pakistani army
  chief", "the Russian foreign minister"), the seat, or the person's role;
  None when nothing says.
- Not resolved here: "the two countries", "both sides" (coreference is the
  extractor's job). Mentions that resolve to no code are not returned.

- Place names of several states ("Tripoli", "Punjab", a bare "Congo"): the
  candidate the same sentence names, else the one the text names, else the
  name's default (:mod:`bilat.nlp.actors.ambiguous`).

Known limitations: "Georgia" the US state, "Jordan" or "Chad" as person
names are caught only when written next to another capitalised name
("Atlanta, Georgia", "Michael Jordan"), not at a sentence start; capitals
(Moscow) and Brussels (EU) are read as the government even when they name
the city; a surname shared by office holders of two countries at once
resolves to neither; an ambiguous place resolved by its default is not marked
as less certain (a mention carries no confidence).
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType

from bilat.errors import UnknownActor
from bilat.nlp.actors.ambiguous import AmbiguousNames
from bilat.nlp.actors.gazetteer import Gazetteer, normalise, plain, plurals, tokenize
from bilat.nlp.actors.kb import KnowledgeBase, load_kb, shipped_kb
from bilat.nlp.actors.mentions import read_mentions
from bilat.records import Actor, Mention


@dataclass(frozen=True, slots=True)
class ActorResolver:
    """Resolves names and codes to actors and finds actor mentions in text."""

    kb: KnowledgeBase
    gazetteer: Gazetteer
    names: Mapping[str, str]
    canonical: Mapping[str, str]
    offices: Mapping[str, str]
    common_surnames: frozenset[str]
    ambiguous: AmbiguousNames

    @classmethod
    def load(cls, extra: Path | None = None) -> ActorResolver:
        """The shipped knowledge base (built once per process), plus the user's file (built
        once per version of it: a server no longer rebuilds it for every request)."""
        if extra is None:
            return _shipped()
        try:
            version = extra.stat()
        except OSError:
            return cls.build(load_kb(extra))  # fails with load_kb's reason
        return _with_file(str(extra), str(extra.resolve()), version.st_mtime_ns, version.st_size)

    @classmethod
    def build(cls, kb: KnowledgeBase) -> ActorResolver:
        """Index a knowledge base: the trie, the lookup table, the office nouns."""
        names: dict[str, str] = {}
        for actor in kb.actors:
            names.setdefault(actor.code.casefold(), actor.code)
        for actor in kb.actors:
            demonyms = (*actor.demonyms, *(p for d in actor.demonyms for p in plurals(d)))
            seats = (s.name for s in actor.seats)
            places = (*actor.capitals, *actor.places, *actor.groups)
            for name in (actor.name, *actor.aliases, *demonyms, *places, *seats):
                names.setdefault(name.casefold(), actor.code)
                names.setdefault(plain(name).casefold(), actor.code)
        for place in kb.ambiguous_places:
            # looked up alone, with no text around it: its default ("Congo" -> COD)
            names.setdefault(place.name.casefold(), place.default)
        offices = dict(kb.sectors)
        for title in kb.titles:
            if title.sector is not None:
                for text in title.texts:
                    offices.setdefault(text.lower(), title.sector)
        for phrase, sector in list(offices.items()):
            if not phrase.endswith("s"):
                offices.setdefault(phrase + "s", sector)
        common = frozenset(
            v for s in kb.common_surnames for v in (s, plain(s), s.upper(), plain(s).upper())
        )
        return cls(
            kb=kb,
            gazetteer=Gazetteer.build(kb),
            names=MappingProxyType(names),
            canonical=MappingProxyType({a.code: a.name for a in kb.actors}),
            offices=MappingProxyType(offices),
            common_surnames=common,
            ambiguous=AmbiguousNames.of(kb.ambiguous_places),
        )

    def actor(self, code: str, sector: str | None = None) -> Actor:
        """The actor for a known code, with its canonical name."""
        return Actor(code, self.canonical[code], sector)

    def actors(self) -> tuple[Actor, ...]:
        """Every actor the knowledge base knows."""
        return tuple(Actor(code, name) for code, name in self.canonical.items())

    def lookup(self, name_or_code: str) -> Actor:
        """An actor by code or name, any case: "PAK", "pak", "Pakistan", "Russia"."""
        wanted = " ".join(normalise(name_or_code).split()).casefold()
        # "the United States" -> "united states"; but "The Hague" is a name as written
        for key in (wanted, plain(wanted), wanted.removeprefix("the ")):
            if key in self.names:
                return self.actor(self.names[key])
        close = difflib.get_close_matches(wanted, list(self.names), n=5, cutoff=0.8)
        codes = dict.fromkeys(self.names[c] for c in close)
        hints = [f"{self.actor(code).name} ({code})" for code in codes]
        hint = f"; did you mean {', '.join(hints[:3])}?" if hints else ""
        raise UnknownActor(f"unknown actor {name_or_code!r}{hint}")

    def resolve(self, text: str, when: date | None = None) -> Actor | None:
        """The actor one phrase names (its first mention), or None; an exact code also works."""
        mentions = self.find_mentions(text, when)
        if mentions:
            return mentions[0].actor
        code = text.strip()
        if code.isupper() and self.names.get(code.casefold()) == code:
            return self.actor(code)
        return None

    def find_mentions(self, text: str, when: date | None = None) -> list[Mention]:
        """Resolved actor mentions in text order; offsets index ``text``."""
        if isinstance(when, datetime):
            when = when.date()
        toks = tokenize(text)
        hits = self.gazetteer.scan(toks)
        known = read_mentions(self, toks, hits, when)
        if not self.ambiguous.places:
            return known
        # "Tripoli", "Punjab": the state the text around them names
        places = self.ambiguous.mentions(toks, hits, known, self.actor)
        return sorted((*known, *places), key=lambda m: m.start)


@functools.lru_cache(maxsize=4)
def _with_file(given: str, resolved: str, mtime_ns: int, size: int) -> ActorResolver:
    """The resolver of the user's actors file (``given`` as spelled, so that errors name
    it so; ``resolved`` where it is) as it is at (mtime_ns, size)."""
    return ActorResolver.build(load_kb(Path(given)))


@functools.cache
def _shipped() -> ActorResolver:
    """Built once per process: the shipped knowledge base never changes."""
    return ActorResolver.build(shipped_kb())
