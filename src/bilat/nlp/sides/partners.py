"""The other side of an act read as done by a country to itself.

An event's target with the source's own code is kept when its phrase names that country
("Croatia investigated Croatian extremists"). Otherwise:

* a phrase naming both sides together ("reviewed *Pak-Russia relations*") is the other
  side;
* a phrase naming nobody took the code from the rest of the sentence; unless the
  sentence names the source's country outside the source, it is the one other country
  the sentence names, or, when the sentence names none, for a cooperative act, the
  other side of the article's main pair ("the agreement under which Pakistan purchased
  helicopters" in a Pakistan-Russia article). Conflictual acts stay domestic, unless
  force struck them on another state's soil (``struck_abroad``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from bilat.nlp.patterns import matches
from bilat.nlp.sides.participants import Participants
from bilat.nlp.syntax.conjuncts import first_conjunct
from bilat.nlp.syntax.mention_phrases import MODIFIER_DEPS, mention_root, named_noun
from bilat.nlp.words import Words
from bilat.records import Actor, Mention

# From a name up to the place it names: "northern *Iraq*", "*Iraq's* Dohuk province",
# "Turkey and *Iraq*", "Cuba, *Santiago de Cuba*".
PLACE_DEPS = MODIFIER_DEPS | {"appos", "conj"}
OWN_PHRASE = re.compile(r"(?i)(?:its|their|his|her)\b")
WORDS = Words("sides")  # resources/words.yaml, section sides


def other_side(
    source: Mention,
    target: Mention | None,
    named: Sequence[Mention],
    pair: tuple[Actor, Actor] | None,
    cooperative: bool,
) -> Mention | None:
    """``target``, or its phrase resolved to the other side when it had the source's code."""
    if target is None or source.code is None or target.code != source.code:
        return target
    own = [m for m in named if _within(m, target) and m.actor]
    if own:
        inside = _others(own, source.code)
        mine = [m for m in own if m.code == source.code]
        both = len(inside) == 1 and (
            any(_joined(a, b) for a in mine for b in own if b not in mine)
            or any(_partner_in_own_phrase(target, b) for b in own if b not in mine)
        )
        return replace(target, actor=inside[0]) if both else target
    outside = [m for m in named if m.code == source.code and not _within(m, source)]
    if outside:
        # "Croatia tried war crimes by Croatian extremists": the code may be that naming's.
        return target
    others = _others(named, source.code)
    if len(others) == 1:
        return replace(target, actor=others[0])
    if others or not cooperative or pair is None:
        return target
    codes = (pair[0].code, pair[1].code)
    if source.code not in codes:
        return target
    return replace(target, actor=pair[1] if codes[0] == source.code else pair[0])


def struck_abroad(
    source: Mention, target: Mention | None, named: Sequence[Mention], doc: Doc
) -> Mention | None:
    """``target``, or the state on whose soil a state's force struck people of its own
    code ("Turkish jets struck PKK camps *in northern Iraq*"): the act is against the
    state where it happens, the one other country named after "in", "across" or "into",
    also as the owner or a conjunct of the place ("in *Iraq's* Dohuk province", "across
    south-east Turkey and northern *Iraq*")."""
    if target is None or source.code is None or target.code != source.code:
        return target
    hosts = [
        m.actor
        for m in named
        if m.actor
        and m.code != source.code
        and not _within(m, target)
        and (root := mention_root(m, doc)) is not None
        and (place := named_noun(root, PLACE_DEPS)).dep_ == "pobj"
        and place.head.lower_ in WORDS.SOIL_PREPS
    ]
    if len({a.code for a in hosts}) != 1:
        return target
    return replace(target, actor=hosts[0])


def to_destination(found: Participants, trigger: Token, named: Sequence[Mention]) -> Participants:
    """A visit's other side is where it goes, not where it comes from: in "the Pope arrives
    in the U.S. from Cuba" the target read in the "from" phrase yields to the one actor
    named after "in", "to" or "at" on the same verb."""
    target = found.target
    if target is None or _prep_of(target, trigger) not in WORDS.ORIGIN_PREPS:
        return found
    there = [m for m in named if _prep_of(m, trigger) in WORDS.DESTINATION_PREPS]
    if len({m.code for m in there}) != 1 or there[0].code == found.source.code:
        return found
    return replace(found, target=there[0], rule=found.rule + "+destination")


def _prep_of(mention: Mention, verb: Token) -> str | None:
    """The preposition whose object names ``mention``, when it hangs off ``verb``."""
    named = mention_root(mention, verb.doc)
    if named is None:
        return None
    head = named_noun(named, PLACE_DEPS)  # "Cuba, Santiago de Cuba"
    if head.dep_ != "pobj" or head.head.head.i != verb.i:
        return None
    return head.head.lower_


def _others(mentions: Sequence[Mention], code: str) -> list[Actor]:
    """The distinct actors other than ``code``, in text order."""
    return list({m.code: m.actor for m in mentions if m.actor and m.code != code}.values())


def _joined(a: Mention, b: Mention) -> bool:
    """Named together ("Pak-Russia", "India and China"), not in separate phrases."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    return 0 <= second.start - first.end <= len(" and ")


def _partner_in_own_phrase(phrase: Mention, other: Mention) -> bool:
    """ "*its* border *with* Austria", "their ties with India": a phrase the source owns
    whose "with" names the other of a relation between the two."""
    before = phrase.text[: other.start - phrase.start]
    return OWN_PHRASE.match(phrase.text) is not None and before.rstrip().endswith(" with")


def _within(mention: Mention, phrase: Mention) -> bool:
    return phrase.start <= mention.start and mention.end <= phrase.end


def without_opponents(found: Participants, trigger: Token) -> Participants:
    """The participants of a cooperative act minus the targets the act itself is aimed
    against: in "close collaboration against the Taliban" the Taliban are not the
    partner (in "lifted sanctions against Sudan" the phrase belongs to the sanctions)."""
    target = found.target
    if target is not None and _opposed(target, trigger):
        target = None
    also = tuple((s, t) for s, t in found.also if t is None or not _opposed(t, trigger))
    if target is found.target and also == found.also:
        return found
    return replace(found, target=target, also=also)


def _opposed(mention: Mention, trigger: Token) -> bool:
    """Whether ``mention`` is the object of an opposing preposition on ``trigger``."""
    return _object_of("opposing-prep", mention, trigger)


def _object_of(pattern: str, mention: Mention, trigger: Token) -> bool:
    """Whether ``mention`` is the object of the preposition of ``pattern`` on ``trigger``
    (or the first of objects coordinated there: "against Iraq and Syria")."""
    named = mention_root(mention, trigger.doc)
    if named is None:
        return False
    found = matches(pattern, first_conjunct(named), role="object")
    return any(m["prep"].head.i == trigger.i for m in found)


def without_topics(found: Participants, trigger: Token) -> Participants:
    """A deliberation keeps no topic as its other side: in "talks on Syria" or "talks
    with Russia over Syria" Syria is what is talked about, and so is Mali when nobody is
    named as holding "matters like the situation in Mali were discussed"."""
    target = found.target
    if target is None:
        return found
    if _about(target, trigger):
        also = tuple((s, t) for s, t in found.also if t is None or not _about(t, trigger))
        return replace(found, target=None, also=also)
    if found.source.code is not None:
        return found
    if trigger.lemma_.lower() not in WORDS.TOPIC_VERBS or not _topic(target, trigger):
        return found
    return replace(found, target=None, also=())


def _about(mention: Mention, trigger: Token) -> bool:
    """Whether ``mention`` is the object of a topic preposition on ``trigger``."""
    return _object_of("topic-prep", mention, trigger)


def _topic(mention: Mention, trigger: Token) -> bool:
    """Whether ``mention`` lies in the object (or passive subject) of ``trigger``."""
    root = mention_root(mention, trigger.doc)
    if root is None:
        return False
    topics = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(t.i == root.i or t in root.ancestors for t in topics)
