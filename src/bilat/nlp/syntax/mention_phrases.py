"""The phrases actor mentions sit in: their head token, the whole noun phrase a mention
names ("Chadian" -> "Chadian citizens"), coordinations of mentions, and ordering helpers."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from bilat.nlp.syntax.recipients import OBJECTS
from bilat.nlp.syntax.role_spans import role_span
from bilat.nlp.words import Words
from bilat.records import Mention

WORDS = Words("syntax")  # resources/words.yaml, section syntax

# How an actor word hangs off the noun phrase it helps name ("the *Palestinian* people").
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
NOMINAL = frozenset({"NOUN", "PROPN"})


def coordination(mentions: Sequence[Mention], doc: Doc) -> list[Mention]:
    """The mentions, one per actor, when they are all of one coordination ("Somalia,
    Ethiopia and Kenya"); else nothing."""
    first = mention_root(mentions[0], doc)
    if first is None:
        return []
    members = distinct([m for m in mentions if _coordinated(m, first, doc)])
    return members if {m.code for m in members} == {m.code for m in mentions} else []


def coordinated_with(first: Mention | None, others: Sequence[Mention], doc: Doc) -> list[Mention]:
    """The ``others`` of one coordination with ``first`` ("aid to Mali *and Niger*"), or
    inside its phrase ("aid to Mali, *Chad* and *Niger*"): a further phrase of another
    role ("met Merkel *at a summit in Estonia*") is none."""
    head = None if first is None else mention_root(first, doc)
    if first is None or head is None:
        return []
    return [
        m
        for m in others
        if (first.start <= m.start and m.end <= first.end) or _coordinated(m, head, doc)
    ]


def _coordinated(mention: Mention, head: Token, doc: Doc) -> bool:
    """Whether ``mention`` is headed by ``head`` or by a conjunct of it."""
    root = mention_root(mention, doc)
    return root is not None and root.i in {head.i, *(c.i for c in head.conjuncts)}


def mention_root(mention: Mention, doc: Doc) -> Token | None:
    """The syntactic head of the words a mention covers, or None when they make no span."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return None if span is None or not len(span) else span.root


def named_noun(token: Token, through: frozenset[str] = MODIFIER_DEPS) -> Token:
    """The noun a naming word modifies, up through ``through`` dependencies ("*Ghanaian*
    government": government)."""
    while token.dep_ in through and token.head.i != token.i:
        token = token.head
    return token


def ethnic(mention: Mention, doc: Doc) -> bool:
    """ "ethnic Albanians", "ethnic Albanian guerrillas": a people, not a state."""
    start = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return start is not None and start.start > 0 and doc[start.start - 1].lower_ == "ethnic"


def whole_phrase(mention: Mention, doc: Doc, trigger: Token | None = None) -> Mention:
    """The noun phrase a mention sits in ("Chadian" -> "Chadian citizens", "India" -> "the
    Movement of India"), same actor; not the event or what it acts on ("lifted the blockade
    of Qatar")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return mention
    head = span.root
    while head.head.i != head.i:
        if head.dep_ in MODIFIER_DEPS and head.head.pos_ in NOMINAL:
            head = head.head
        elif _of_object(head) and not _acted_on(head.head.head, trigger):
            head = head.head.head
        else:
            break
    if head.i == span.root.i:
        return mention
    whole = role_span(head)
    return Mention(whole.text, whole.start_char, whole.end_char, mention.actor)


def _acted_on(noun: Token, trigger: Token | None) -> bool:
    """Whether ``noun`` is the event itself or the object of a verb ("lifted the *blockade*
    of Qatar", "to demand the *resignation* of X"): what is done, which the actor is
    "of", not part of; nor the noun of a purpose ("in *defiance* of Y"). (An object that
    named an actor was taken as the target already.)"""
    if noun.lemma_.lower() in WORDS.AIMS:
        return True
    return noun.dep_ in OBJECTS or (trigger is not None and trigger.i == noun.i)


def _of_object(token: Token) -> bool:
    """ "the Movement of *India*": the object of an "of" that completes a noun."""
    prep = token.head
    return (
        token.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.i != prep.i
        and prep.head.pos_ in NOMINAL
    )


def distance(mention: Mention, head: Token) -> int:
    centre = head.idx
    return (
        0
        if mention.start <= centre < mention.end
        else min(abs(mention.start - centre), abs(mention.end - centre))
    )


def distinct(mentions: Sequence[Mention]) -> list[Mention]:
    """Drop repeats of the same actor (or the same uncoded text), keeping order."""
    seen: set[str] = set()
    out = []
    for m in mentions:
        key = m.code or m.text.lower()
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out
