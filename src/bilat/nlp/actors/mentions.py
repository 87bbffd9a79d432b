"""Reading actor mentions off the trie's hits: chains, titles, sectors, guards.

The rules (see :mod:`bilat.nlp.actors.resolver` for the choices behind them): a chain
``[titles] [nationality ['s]] [titles] [of nationality] [person]`` of adjacent
hits becomes one mention; a nationality without a person takes its sector
from the title or office after it; compound prefixes need a compound; guarded
names and bare surnames are skipped inside longer capitalised names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Protocol

from bilat.nlp.actors.chains import Chain, Chains
from bilat.nlp.actors.gazetteer import Hit, Kind, Tokens
from bilat.nlp.actors.kb import KnowledgeBase
from bilat.nlp.words import Words
from bilat.records import Actor, Mention

WORDS = Words("actors")  # resources/words.yaml, section actors


class ActorDirectory(Protocol):
    """What reading mentions needs of the resolver (``ActorDirectory`` is one): its
    knowledge base, office names with their sectors, surnames too common to stand alone,
    and the Actor of a code."""

    @property
    def kb(self) -> KnowledgeBase: ...

    @property
    def offices(self) -> Mapping[str, str]: ...

    @property
    def common_surnames(self) -> frozenset[str]: ...

    def actor(self, code: str, sector: str | None = None) -> Actor: ...


def read_mentions(
    r: ActorDirectory, toks: Tokens, hits: list[Hit], when: date | None
) -> list[Mention]:
    """The resolved mentions the hits of one text make, in text order."""
    found = _Reader(r, toks, hits, when).read()
    after: list[Mention | None] = [*found[1:], None]  # one longer when nothing was found
    return [m for m, nxt in zip(found, after, strict=False) if not _member(m, nxt, toks.text)]


# "NATO-member Norway", "EU member state Malta": the first names what the second belongs to.
_MEMBERSHIP = re.compile(r"\s*-?\s*member(?:\s+(?:state|country|nation))?\s+")


def _member(mention: Mention, after: Mention | None, text: str) -> bool:
    """Whether ``mention`` only says what the next-named actor is a member of."""
    return after is not None and _MEMBERSHIP.fullmatch(text[mention.end : after.start]) is not None


class _Reader:
    """One pass over one text's hits; lives for one find_mentions call."""

    __slots__ = (
        *("chains", "covered", "hits", "introduced", "out", "r", "starts", "titled", "toks"),
        "when",
    )

    def __init__(self, r: ActorDirectory, toks: Tokens, hits: list[Hit], when: date | None) -> None:
        self.r, self.toks, self.hits, self.when = r, toks, hits, when
        self.out: list[Mention] = []
        # Surnames of people the KB does not know, introduced with their state's title
        # ("Brazilian Foreign Minister Carlos *Mendes*"): (surname token, its mention).
        self.introduced: list[tuple[int, Mention]] = []
        # People the KB knows, introduced here with a state's title ("Japanese Prime
        # Minister X"): KB person index -> (country, sector) the article gave them.
        self.titled: dict[int, tuple[str, str | None]] = {}
        self.chains = Chains(toks, hits, r.offices)
        self.starts, self.covered = self.chains.starts, self.chains.covered

    def read(self) -> list[Mention]:
        k = 0
        while k < len(self.hits):
            k = self._step(k)
        return sorted((*self.out, *self._surnames_again()), key=lambda m: m.start)

    def _surnames_again(self) -> list[Mention]:
        """ "Brazilian Foreign Minister Carlos Mendes arrived ... *Mendes* held talks": a
        surname standing alone after its bearer was introduced with a state's title is
        that state's, when no two introduced people of different states share it."""
        toks, words = self.toks, self.toks.words
        codes: dict[str, set[str]] = {}
        for tok, m in self.introduced:
            codes.setdefault(words[tok], set()).add(m.code or "")
        taken = [(m.start, m.end) for m in self.out]
        found: list[Mention] = []
        for tok, m in self.introduced:
            if len(codes[words[tok]]) != 1:
                continue
            for k in range(tok + 1, len(words)):
                if words[k] != words[tok] or k in self.covered or not self._alone(k):
                    continue
                s, e = toks.starts[k], toks.ends[k]
                if any(a < e and s < b for a, b in taken):
                    continue
                taken.append((s, e))
                found.append(Mention(toks.text[s:e], s, e, m.actor))
        return found

    def _alone(self, k: int) -> bool:
        """Token ``k`` is a name of its own, not part of a longer capitalised name."""
        toks = self.toks
        before = k > 0 and toks.linked(k) and toks.capitalised(k - 1) and not toks.sentence_start(k)
        after = k + 1 < len(toks.words) and toks.linked(k + 1) and toks.capitalised(k + 1)
        return not before and not after

    def _step(self, k: int) -> int:
        if self.hits[k].entry.blocked:
            return k + 1
        c = self.chains.chain(k)
        if c.person is not None and (c.nat is None or c.possessive or c.titles or _demonym(c.nat)):
            return self._titled_person(c) if c.nat or c.titles else self._bare_person(c)
        if c.nat is not None and c.titles and c.person is None:
            return self._nat_with_title(c)
        if c.nat is not None:
            return self._plain(c)
        return max(c.next_hit, k + 1)

    def _emit(self, first: int, last: int, code: str, sector: str | None) -> None:
        s, e = self.toks.starts[first], self.toks.ends[last - 1]
        self.out.append(Mention(self.toks.text[s:e], s, e, self.r.actor(code, sector)))

    def _span_start(self, c: Chain) -> int:
        """Leading lower-case honorifics ("then", "former") stay outside the span."""
        for h in c.parts:
            title = h.entry.title
            if not (title is not None and title.honorific and self.toks.words[h.i].islower()):
                return h.i
        return c.parts[0].i

    def _titled_person(self, c: Chain) -> int:
        assert c.person is not None
        titled = c.nat is not None or any(
            t.entry.title is not None and not t.entry.title.honorific for t in c.titles
        )
        found = self._person(c.person, c.titles, titled)
        code = c.nat.entry.actor.code if c.nat and c.nat.entry.actor else None
        if code is None and found is not None:
            code = found[0]
        if code is not None:
            sector = _title_sector(c) or (found[1] if found and found[0] == code else None)
            self._emit(self._span_start(c), c.person.j, code, sector or "GOV")
            if c.nat is not None:
                for pi in c.person.entry.persons or c.person.entry.surnames:
                    self.titled[pi] = (code, sector or "GOV")
        return c.next_hit

    def _bare_person(self, c: Chain) -> int:
        assert c.person is not None
        person = c.person
        if self._bracketed_abbreviation(person):
            return c.next_hit
        if person.entry.persons or self.chains.guard_ok(person):
            found = self._person(person, (), titled=False) or self._introduced_as(person)
            if found is not None:
                self._emit(person.i, person.j, *found)
                self._introduce_last_name(person.i, person.j)
        return c.next_hit

    def _introduce_last_name(self, first: int, last: int) -> None:
        """A known person named in full ("Pope Francis") is introduced: the last word of
        the name standing alone later ("*Francis* will then visit the US") is that one."""
        word = self.toks.words[last - 1]
        if last - first < 2 or len(word) < 3 or not word.isalpha() or set(word) <= set("IVXL"):
            return
        self.introduced.append((last - 1, self.out[-1]))

    def _introduced_as(self, hit: Hit) -> tuple[str, str | None] | None:
        """ "Japanese Prime Minister X ... *X's* visit": a name the KB knows but holds in
        no office at the article's date is of the state its titled introduction gave it."""
        states = {
            self.titled[pi] for pi in hit.entry.persons or hit.entry.surnames if pi in self.titled
        }
        return next(iter(states)) if len(states) == 1 else None

    def _bracketed_abbreviation(self, hit: Hit) -> bool:
        """ "the Municipality Association (AKK)": capitals in brackets after a name abbreviate
        it, even when a person goes by the same letters."""
        words, i, j = self.toks.words, hit.i, hit.j
        inside = i > 0 and words[i - 1] == "(" and j < len(words) and words[j] == ")"
        return inside and all(w.isupper() for w in words[i:j])

    def _person(self, hit: Hit, titles: tuple[Hit, ...], titled: bool) -> tuple[str, str] | None:
        """(country, sector) of the office holder a name or surname denotes, if unambiguous."""
        entry, people = hit.entry, self.r.kb.people
        if not titled and not entry.persons:
            written = self.toks.text[self.toks.starts[hit.i] : self.toks.ends[hit.j - 1]]
            if written in self.r.common_surnames:
                return None
        roles = frozenset(r for t in titles if t.entry.title for r in t.entry.title.roles)
        candidates = entry.persons or entry.surnames
        terms = [
            (pi, t) for pi in candidates for t in people[pi].terms if not roles or t.role in roles
        ]
        if not terms and entry.persons and titled:
            terms = [(pi, t) for pi in candidates for t in people[pi].terms]
        active = [(pi, t) for pi, t in terms if t.active(self.when)]
        pool = (active or terms) if titled else active
        # Several holders of one name resolve when they all served one country ("Assad").
        if not pool or len({t.country for _, t in pool}) != 1:
            return None
        return pool[-1][1].country, pool[-1][1].sector

    def _nat_with_title(self, c: Chain) -> int:
        """ "the Russian foreign minister", "Russian Deputy FM Sergei Ryabkov" (not in the KB)."""
        assert c.nat is not None and c.nat.entry.actor is not None
        first, last, next_hit = c.nat.i, c.nat.j, c.next_hit
        if any(t.entry.title is not None and not t.entry.title.honorific for t in c.titles):
            run = self._name_run(c.end)
            if run > c.end:
                first, last = self._span_start(c), run
                if run - c.end >= 2:  # a given name and a surname
                    actor = self.r.actor(c.nat.entry.actor.code, _title_sector(c))
                    s, e = self.toks.starts[first], self.toks.ends[last - 1]
                    self.introduced.append((run - 1, Mention(self.toks.text[s:e], s, e, actor)))
                while next_hit < len(self.hits) and self.hits[next_hit].i < run:
                    next_hit += 1
        self._emit(first, last, c.nat.entry.actor.code, _title_sector(c))
        return next_hit

    def _name_run(self, tok: int) -> int:
        """End of a run of capitalised words (a name the KB does not know) at ``tok``."""
        toks, words, end = self.toks, self.toks.words, tok
        while end < len(words) and end - tok < 6 and toks.linked(end) and toks.capitalised(end):
            if words[end] in WORDS.CALENDAR or (
                end in self.covered and (end not in self.starts or self._actor_at(end))
            ):
                break
            end += 1
            initial = len(words[end - 1]) == 1
            if initial and end < len(words) and words[end] == "." and toks.tight(end):
                end += 1  # "Andrei A. Gromyko"
        return end

    def _actor_at(self, tok: int) -> bool:
        return self.hits[self.starts[tok]].entry.actor is not None

    def _plain(self, c: Chain) -> int:
        nat = c.nat
        assert nat is not None and nat.entry.actor is not None
        sense = nat.entry.actor
        # a person right after a country name is not merged ("... with Pakistan Imran Khan")
        last, next_hit = nat.j, c.next_hit - (1 if c.person is not None else 0)
        sector = sense.sector if sense.kind is Kind.SEAT else None
        nxt = self.hits[next_hit] if next_hit < len(self.hits) else None
        after = c.end if c.possessive else nat.j
        if nxt is not None and nxt.i == after and nxt.entry.actor is not None:
            same = nxt.entry.actor.code == sense.code and nxt.entry.actor.kind is Kind.SEAT
            if same and self.toks.linked(nxt.i):  # "US State Department"
                last, sector, next_hit = nxt.j, nxt.entry.actor.sector, next_hit + 1
            elif _demonym(nat) and _demonym(nxt) and self.toks.linked(nxt.i):
                # "Bosnian Serbs", "Iraqi Turkmens": a people of the first-named state
                last, next_hit = nxt.j, next_hit + 1
        sector = sector or self.chains.office(after) or self.chains.office_before(nat.i)
        self._emit(nat.i, last, sense.code, sector)
        return next_hit


def _demonym(hit: Hit) -> bool:
    return hit.entry.actor is not None and hit.entry.actor.kind is Kind.DEMONYM


def _title_sector(c: Chain) -> str | None:
    for t in reversed(c.titles):
        if t.entry.title is not None and t.entry.title.sector is not None:
            return t.entry.title.sector
    return None
