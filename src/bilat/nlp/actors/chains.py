"""Chains of adjacent trie hits: ``[titles] [nationality ['s]] [titles] [of nationality]
[person]``, and the guards on what a hit may read as (a title, a nationality, a
compound prefix, a guarded name that is no part of a longer name, an office after it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bilat.nlp.actors.gazetteer import Hit, Kind, Tokens
from bilat.nlp.words import Words

WORDS = Words("actors")  # resources/words.yaml, section actors


@dataclass(frozen=True, slots=True)
class Chain:
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


class Chains:
    """Reads the chains and guards of one text's hits."""

    def __init__(self, toks: Tokens, hits: list[Hit], offices: Mapping[str, str]) -> None:
        self.toks, self.hits, self.offices = toks, hits, offices
        self.starts = {h.i: n for n, h in enumerate(hits) if not h.entry.blocked}
        self.covered = {t for h in hits if not h.entry.blocked for t in range(h.i, h.j)}

    def chain(self, k: int) -> Chain:
        hits, words = self.hits, self.toks.words
        parts: list[Hit] = []
        nat: Hit | None = None
        person: Hit | None = None
        possessive = False
        p, cur = k, hits[k].i

        def at(q: int, tok: int) -> bool:
            return q < len(hits) and hits[q].i == tok and (q == k or self.toks.linked(tok))

        while at(p, cur) and self.as_title(p):
            parts.append(hits[p])
            cur, p = hits[p].j, p + 1
        if at(p, cur) and self.as_nat(p):
            nat = hits[p]
            parts.append(nat)
            cur, p = nat.j, p + 1
            n = self.possessive(cur)
            possessive, cur = n > 0, cur + n
            while at(p, cur) and self.as_title(p):
                parts.append(hits[p])
                cur, p = hits[p].j, p + 1
        if nat is None and parts and cur < len(words) and words[cur] == "of":
            of = cur + 2 if cur + 1 < len(words) and words[cur + 1] == "the" else cur + 1
            if at(p, of) and self.as_nat(p):
                nat = hits[p]
                parts.append(nat)
                cur, p = nat.j, p + 1
        if at(p, cur) and hits[p].entry.personal and hits[p].entry.actor is None:
            person = hits[p]
            parts.append(person)
            cur, p = person.j, p + 1
        return Chain(tuple(parts), nat, possessive, person, cur, p)

    def as_title(self, p: int) -> bool:
        entry = self.hits[p].entry
        if entry.title is None or entry.blocked:
            return False
        if not entry.personal:
            return True
        nxt = self.hits[p + 1] if p + 1 < len(self.hits) else None
        return nxt is not None and nxt.i == self.hits[p].j and nxt.entry.personal

    def as_nat(self, p: int) -> bool:
        hit = self.hits[p]
        sense = hit.entry.actor
        if sense is None or hit.entry.blocked:
            return False
        words = self.toks.words
        if hit.j < len(words) and words[hit.j] == "$" and self.toks.tight(hit.j):
            return False  # US$ 2 billion
        if sense.kind is Kind.PREFIX and not self.prefix_ok(p):
            return False
        if self.opposed(hit.i):
            return False
        return not hit.entry.guarded or self.guard_ok(hit)

    def opposed(self, tok: int) -> bool:
        """ "anti-Syria journalist", "anti-American protesters": a name after "anti-"
        says what the actor opposes, not whose it is."""
        words, toks = self.toks.words, self.toks
        if tok >= 2 and words[tok - 1] == "-" and toks.tight(tok) and toks.tight(tok - 1):
            return words[tok - 2].lower() in WORDS.AGAINST
        # a tokeniser that keeps the hyphen on the prefix: "anti-" "Syria"
        return tok >= 1 and toks.tight(tok) and _hyphened_prefix(words[tok - 1].lower())

    def prefix_ok(self, p: int) -> bool:
        """Pak, Indo, Sino: only in a compound or before an office."""
        hits, words, h = self.hits, self.toks.words, self.hits[p]
        nxt = hits[p + 1] if p + 1 < len(hits) else None
        prev = hits[p - 1] if p > 0 else None
        if nxt and nxt.entry.actor and nxt.i == h.j + 1 and words[h.j] in "-/":
            return True  # "Pak-Russia", "Indo-Pak"
        if prev and prev.entry.actor and prev.j == h.i - 1 and words[h.i - 1] in "-/":
            return True
        titled = nxt is not None and nxt.i == h.j and nxt.entry.title is not None
        return titled or self.office(h.j) is not None

    def guard_ok(self, hit: Hit) -> bool:
        """False when a guarded name is part of a longer capitalised name."""
        toks, words = self.toks, self.toks.words
        nxt = hit.j
        spaced = toks.linked(nxt) and not toks.tight(nxt)
        if spaced and toks.capitalised(nxt) and nxt not in self.starts and not self.office(nxt):
            return False  # "Chad Smith", "Jordan Peterson"
        prev = hit.i - 1
        if prev >= 1 and words[prev] == "," and toks.linked(prev):
            prev -= 1  # "Atlanta, Georgia"
            if self.place_of_other_state(prev, hit):
                return False  # the city's region, not a state of its own
        if prev >= 0 and toks.linked(hit.i) and toks.capitalised(prev) and prev not in self.covered:
            return toks.sentence_start(prev) or words[prev] in WORDS.CALENDAR
        return True

    def place_of_other_state(self, last: int, hit: Hit) -> bool:
        """A known city ends at token ``last`` and lies in another state than ``hit``."""
        before = next((h for h in self.hits if h.j == last + 1 and not h.entry.blocked), None)
        if before is None or before.entry.actor is None or hit.entry.actor is None:
            return False
        kind, code = before.entry.actor.kind, before.entry.actor.code
        return kind in (Kind.PLACE, Kind.CAPITAL) and code != hit.entry.actor.code

    def possessive(self, tok: int) -> int:
        words, toks = self.toks.words, self.toks
        if tok < len(words) and words[tok] == "'" and toks.tight(tok):
            if tok + 1 < len(words) and words[tok + 1] == "s" and toks.tight(tok + 1):
                return 2
            return 1 if words[tok - 1].endswith("s") else 0
        return 0

    def office(self, tok: int) -> str | None:
        """The sector of an office phrase starting at token ``tok`` ("troops", "army chief")."""
        words = self.toks.words
        for n in (3, 2, 1):
            if tok + n <= len(words) and all(self.toks.linked(t) for t in range(tok, tok + n)):
                sector = self.offices.get(" ".join(words[tok : tok + n]).lower())
                if sector is not None:
                    return sector
        return None

    def office_before(self, tok: int) -> str | None:
        """ "the government of Pakistan", "the Army of the Soviet Union"."""
        words = self.toks.words
        of = tok - 2 if tok >= 2 and words[tok - 1] == "the" else tok - 1
        if of < 1 or words[of] != "of":
            return None
        for n in (3, 2, 1):
            if of - n >= 0:
                sector = self.offices.get(" ".join(words[of - n : of]).lower())
                if sector is not None:
                    return sector
        return None


def _hyphened_prefix(word: str) -> bool:
    """ "anti-" as one token: a prefix of opposition with its hyphen."""
    return word.endswith("-") and word[:-1] in WORDS.AGAINST
