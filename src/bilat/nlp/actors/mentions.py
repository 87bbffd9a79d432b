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
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from bilat.nlp.actors.gazetteer import Hit, Kind, Tokens
from bilat.nlp.actors.kb import KnowledgeBase
from bilat.records import Actor, Mention


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


# Capitalised words that are no names: "On Monday, Jordan", "Russian President Monday".
_CALENDAR = frozenset(
    (
        *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        *("January", "February", "March", "April", "May", "June", "July", "August"),
        *("September", "October", "November", "December"),
    )
)


# Prefixes that turn a name into what the actor is against.
_AGAINST = frozenset({"anti", "counter"})
_AGAINST_HYPHENED = frozenset(f"{p}-" for p in _AGAINST)


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


@dataclass(frozen=True, slots=True)
class _Chain:
    """[titles] [nationality ['s]] [titles] [of nationality] [person], adjacent."""

    parts: tuple[Hit, ...]
    nat: Hit | None
    possessive: bool
    person: Hit | None
    end: int
    next_hit: int

    @property
    def titles(self) -> tuple[Hit, ...]:
        return tuple(h for h in self.parts if h.entry.title is not None and h is not self.person)


class _Reader:
    """One pass over one text's hits; lives for one find_mentions call."""

    __slots__ = ("covered", "hits", "introduced", "out", "r", "starts", "titled", "toks", "when")

    def __init__(self, r: ActorDirectory, toks: Tokens, hits: list[Hit], when: date | None) -> None:
        self.r, self.toks, self.hits, self.when = r, toks, hits, when
        self.out: list[Mention] = []
        # Surnames of people the KB does not know, introduced with their state's title
        # ("Brazilian Foreign Minister Carlos *Mendes*"): (surname token, its mention).
        self.introduced: list[tuple[int, Mention]] = []
        # People the KB knows, introduced here with a state's title ("Japanese Prime
        # Minister X"): KB person index -> (country, sector) the article gave them.
        self.titled: dict[int, tuple[str, str | None]] = {}
        self.starts = {h.i: n for n, h in enumerate(hits) if not h.entry.blocked}
        self.covered = {t for h in hits if not h.entry.blocked for t in range(h.i, h.j)}

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
        c = self._chain(k)
        if c.person is not None and (c.nat is None or c.possessive or c.titles or _demonym(c.nat)):
            return self._titled_person(c) if c.nat or c.titles else self._bare_person(c)
        if c.nat is not None and c.titles and c.person is None:
            return self._nat_with_title(c)
        if c.nat is not None:
            return self._plain(c)
        return max(c.next_hit, k + 1)

    def _chain(self, k: int) -> _Chain:
        hits, words = self.hits, self.toks.words
        parts: list[Hit] = []
        nat: Hit | None = None
        person: Hit | None = None
        possessive = False
        p, cur = k, hits[k].i

        def at(q: int, tok: int) -> bool:
            return q < len(hits) and hits[q].i == tok and (q == k or self.toks.linked(tok))

        while at(p, cur) and self._as_title(p):
            parts.append(hits[p])
            cur, p = hits[p].j, p + 1
        if at(p, cur) and self._as_nat(p):
            nat = hits[p]
            parts.append(nat)
            cur, p = nat.j, p + 1
            n = self._possessive(cur)
            possessive, cur = n > 0, cur + n
            while at(p, cur) and self._as_title(p):
                parts.append(hits[p])
                cur, p = hits[p].j, p + 1
        if nat is None and parts and cur < len(words) and words[cur] == "of":
            of = cur + 2 if cur + 1 < len(words) and words[cur + 1] == "the" else cur + 1
            if at(p, of) and self._as_nat(p):
                nat = hits[p]
                parts.append(nat)
                cur, p = nat.j, p + 1
        if at(p, cur) and hits[p].entry.personal and hits[p].entry.actor is None:
            person = hits[p]
            parts.append(person)
            cur, p = person.j, p + 1
        return _Chain(tuple(parts), nat, possessive, person, cur, p)

    def _as_title(self, p: int) -> bool:
        entry = self.hits[p].entry
        if entry.title is None or entry.blocked:
            return False
        if not entry.personal:
            return True
        nxt = self.hits[p + 1] if p + 1 < len(self.hits) else None
        return nxt is not None and nxt.i == self.hits[p].j and nxt.entry.personal

    def _as_nat(self, p: int) -> bool:
        hit = self.hits[p]
        sense = hit.entry.actor
        if sense is None or hit.entry.blocked:
            return False
        words = self.toks.words
        if hit.j < len(words) and words[hit.j] == "$" and self.toks.tight(hit.j):
            return False  # US$ 2 billion
        if sense.kind is Kind.PREFIX and not self._prefix_ok(p):
            return False
        if self._opposed(hit.i):
            return False
        return not hit.entry.guarded or self._guard_ok(hit)

    def _opposed(self, tok: int) -> bool:
        """ "anti-Syria journalist", "anti-American protesters": a name after "anti-"
        says what the actor opposes, not whose it is."""
        words, toks = self.toks.words, self.toks
        if tok >= 2 and words[tok - 1] == "-" and toks.tight(tok) and toks.tight(tok - 1):
            return words[tok - 2].lower() in _AGAINST
        # a tokeniser that keeps the hyphen on the prefix: "anti-" "Syria"
        return tok >= 1 and toks.tight(tok) and words[tok - 1].lower() in _AGAINST_HYPHENED

    def _prefix_ok(self, p: int) -> bool:
        """Pak, Indo, Sino: only in a compound or before an office."""
        hits, words, h = self.hits, self.toks.words, self.hits[p]
        nxt = hits[p + 1] if p + 1 < len(hits) else None
        prev = hits[p - 1] if p > 0 else None
        if nxt and nxt.entry.actor and nxt.i == h.j + 1 and words[h.j] in "-/":
            return True  # "Pak-Russia", "Indo-Pak"
        if prev and prev.entry.actor and prev.j == h.i - 1 and words[h.i - 1] in "-/":
            return True
        titled = nxt is not None and nxt.i == h.j and nxt.entry.title is not None
        return titled or self._office(h.j) is not None

    def _guard_ok(self, hit: Hit) -> bool:
        """False when a guarded name is part of a longer capitalised name."""
        toks, words = self.toks, self.toks.words
        nxt = hit.j
        spaced = toks.linked(nxt) and not toks.tight(nxt)
        if spaced and toks.capitalised(nxt) and nxt not in self.starts and not self._office(nxt):
            return False  # "Chad Smith", "Jordan Peterson"
        prev = hit.i - 1
        if prev >= 1 and words[prev] == "," and toks.linked(prev):
            prev -= 1  # "Atlanta, Georgia"
            if self._place_of_other_state(prev, hit):
                return False  # the city's region, not a state of its own
        if prev >= 0 and toks.linked(hit.i) and toks.capitalised(prev) and prev not in self.covered:
            return toks.sentence_start(prev) or words[prev] in _CALENDAR
        return True

    def _place_of_other_state(self, last: int, hit: Hit) -> bool:
        """A known city ends at token ``last`` and lies in another state than ``hit``."""
        before = next((h for h in self.hits if h.j == last + 1 and not h.entry.blocked), None)
        if before is None or before.entry.actor is None or hit.entry.actor is None:
            return False
        kind, code = before.entry.actor.kind, before.entry.actor.code
        return kind in (Kind.PLACE, Kind.CAPITAL) and code != hit.entry.actor.code

    def _possessive(self, tok: int) -> int:
        words, toks = self.toks.words, self.toks
        if tok < len(words) and words[tok] == "'" and toks.tight(tok):
            if tok + 1 < len(words) and words[tok + 1] == "s" and toks.tight(tok + 1):
                return 2
            return 1 if words[tok - 1].endswith("s") else 0
        return 0

    def _office(self, tok: int) -> str | None:
        """The sector of an office phrase starting at token ``tok`` ("troops", "army chief")."""
        words = self.toks.words
        for n in (3, 2, 1):
            if tok + n <= len(words) and all(self.toks.linked(t) for t in range(tok, tok + n)):
                sector = self.r.offices.get(" ".join(words[tok : tok + n]).lower())
                if sector is not None:
                    return sector
        return None

    def _office_before(self, tok: int) -> str | None:
        """ "the government of Pakistan", "the Army of the Soviet Union"."""
        words = self.toks.words
        of = tok - 2 if tok >= 2 and words[tok - 1] == "the" else tok - 1
        if of < 1 or words[of] != "of":
            return None
        for n in (3, 2, 1):
            if of - n >= 0:
                sector = self.r.offices.get(" ".join(words[of - n : of]).lower())
                if sector is not None:
                    return sector
        return None

    def _emit(self, first: int, last: int, code: str, sector: str | None) -> None:
        s, e = self.toks.starts[first], self.toks.ends[last - 1]
        self.out.append(Mention(self.toks.text[s:e], s, e, self.r.actor(code, sector)))

    def _span_start(self, c: _Chain) -> int:
        """Leading lower-case honorifics ("then", "former") stay outside the span."""
        for h in c.parts:
            title = h.entry.title
            if not (title is not None and title.honorific and self.toks.words[h.i].islower()):
                return h.i
        return c.parts[0].i

    def _titled_person(self, c: _Chain) -> int:
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

    def _bare_person(self, c: _Chain) -> int:
        assert c.person is not None
        person = c.person
        if self._bracketed_abbreviation(person):
            return c.next_hit
        if person.entry.persons or self._guard_ok(person):
            found = self._person(person, (), titled=False) or self._introduced_as(person)
            if found is not None:
                self._emit(person.i, person.j, *found)
        return c.next_hit

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

    def _nat_with_title(self, c: _Chain) -> int:
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
            if words[end] in _CALENDAR or (
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

    def _plain(self, c: _Chain) -> int:
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
        sector = sector or self._office(after) or self._office_before(nat.i)
        self._emit(nat.i, last, sense.code, sector)
        return next_hit


def _demonym(hit: Hit) -> bool:
    return hit.entry.actor is not None and hit.entry.actor.kind is Kind.DEMONYM


def _title_sector(c: _Chain) -> str | None:
    for t in reversed(c.titles):
        if t.entry.title is not None and t.entry.title.sector is not None:
            return t.entry.title.sector
    return None
