"""Where a trigger word stands that keeps it from stating an event: a noun modifying
another noun, a noun repeating the event it counts, an event absent, possible, avoided,
alleged or faced rather than done."""

from __future__ import annotations

from spacy.tokens import Token

from bilat.nlp.events.lexicon import TriggerLexicon
from bilat.nlp.patterns import matches
from bilat.nlp.syntax.conjuncts import first_conjunct
from bilat.nlp.words import Words

WORDS = Words("events")  # resources/words.yaml, section events

MODIFIER_DEPS = ("compound", "amod", "nmod")


def is_modifier(token: Token) -> bool:
    """ "war games", "aid workers": an event noun modifying another noun names no event."""
    return token.dep_ in MODIFIER_DEPS and token.head.pos_ in ("NOUN", "PROPN")


def repeats_outer_noun(token: Token, absorbed: set[int], lexicon: TriggerLexicon) -> bool:
    """ "a round of talks": the inner noun repeats the outer event."""
    head = token.head
    return (
        token.dep_ == "pobj"
        and head.lower_ == "of"
        and (head.head.i in absorbed or head.head.lemma_.lower() in lexicon.nouns)
    )


def is_absent(token: Token) -> bool:
    """ "absence of war", "lack of cooperation", "without talks": an event noun whose
    phrase says the event is missing names no event."""
    first = first_conjunct(token)  # "absence of war and strife"
    if matches("absent-without", first, role="event"):
        return True
    return any(
        m["of"].head.lemma_.lower() in WORDS.ABSENCE_NOUNS
        for m in matches("absent-of", first, role="event")
    )


def is_prospective(token: Token) -> bool:
    """ "opportunities for expansion of its dialogue", "a market for arms sales": an event
    noun in the phrase of a noun of possibility names what may happen, not an event."""
    current = token
    for _ in range(6):
        if current.dep_ not in ("pobj", "prep", "conj") or current.head.i == current.i:
            return False
        current = current.head
        if current.pos_ == "NOUN" and current.lemma_.lower() in WORDS.PROSPECT_NOUNS:
            return True
    return False


def is_avoided(verb: Token) -> bool:
    """ "avoided siding with Iran", "refrained from attacking Peru", "left without meeting
    Peru": a verb that is what its governor keeps from happening names no event (the
    verbal "absence of war")."""
    return governed_by(verb, WORDS.AVOIDANCE_VERBS | WORDS.ABSENCE_PREPS)


def is_alleged(verb: Token) -> bool:
    """ "suspected of blowing up a plane", "charged with attacking a convoy": the act is
    what someone is accused of, not an event the sentence reports."""
    return verb.dep_ == "pcomp" and governed_by(verb, WORDS.ALLEGATION_WORDS)


def governed_by(verb: Token, words: frozenset[str]) -> bool:
    """Whether a word of ``words`` governs the verb through a complement or preposition."""
    current = verb
    for _ in range(2):
        if current.dep_ not in ("xcomp", "pcomp", "prep") or current.head.i == current.i:
            return False
        current = current.head
        if current.lemma_.lower() in words:
            return True
    return False


def is_blocked(token: Token, lexicon: TriggerLexicon) -> bool:
    """ "pledged to tackle the threat": the noun is what the subject faces, not does."""
    if token.dep_ not in ("dobj", "pobj", "conj"):
        return False
    governor = token.head
    while governor.dep_ in ("conj", "prep") or governor.pos_ in ("NOUN", "ADP", "CCONJ"):
        if governor.head.i == governor.i:
            break
        governor = governor.head
    return governor.lemma_.lower() in lexicon.blockers


def is_timed_back_reference(token: Token) -> bool:
    """ "*The visit* came three months after Somalia expelled ...": a definite event noun
    that is the subject of a verb only placing it in time refers back to an event already
    told; the sentence is about what came before it, so the noun reports nothing new."""
    verb = token.head
    if token.dep_ != "nsubj" or verb.lemma_.lower() not in WORDS.TIMING_VERBS:
        return False
    if not any(c.dep_ == "det" and c.lower_ in WORDS.ANAPHORIC_DETERMINERS for c in token.children):
        return False
    return any(_opens_time(c) for c in verb.children if c.i > verb.i)


def _opens_time(child: Token) -> bool:
    if child.dep_ == "prep":
        return child.lower_ in WORDS.TIMING_WORDS
    if child.dep_ == "advcl":
        return any(m.dep_ == "mark" and m.lower_ in WORDS.TIMING_WORDS for m in child.children)
    return False
