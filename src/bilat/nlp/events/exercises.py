"""Military exercises: "Joint military operations are coded as COOPERATE but
single-country exercises should be coded as MOBILIZE" (PLOVER manual). The lexicon gives
an exercise noun COOPERATE; an exercise that no modifier (JOINT), partner ("with
Belarus") or pair of actors makes joint is one country's show of force. A scheduled
exercise is a planned act, not a threat."""

from __future__ import annotations

from spacy.tokens import Token

from bilat.nlp.events.lexicon import Sense
from bilat.nlp.events.triggers import Trigger
from bilat.nlp.sides.participants import Participants
from bilat.nlp.words import Words
from bilat.records import EventType

WORDS = Words("events")  # resources/words.yaml, section events
SOLO_EXERCISE: Sense = (EventType.MOBILIZE, None)


def exercise_noun(trigger: Trigger) -> Token | None:
    """The exercise noun a trigger states ("held *drills*", "the *exercise* began")."""
    noun = trigger.obj if trigger.obj is not None else trigger.token
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() not in WORDS.EXERCISES:
        return None
    return noun


def exercise_sense(trigger: Trigger, sense: Sense, found: Participants) -> Sense:
    """MOBILIZE for an exercise of one country, the lexicon's sense otherwise."""
    noun = exercise_noun(trigger)
    if noun is None or sense[0] is not EventType.COOPERATE or _joint(noun, trigger, found):
        return sense
    return SOLO_EXERCISE


def _joint(noun: Token, trigger: Trigger, found: Participants) -> bool:
    if found.symmetric or found.also:
        return True
    if any(c.lemma_.lower() in WORDS.JOINT for c in noun.children):
        return True
    # "held drills with Belarus": the partner hangs off the noun or its verb; "the US
    # and its allies launch war games": the subject is several forces
    heads = (noun, trigger.token, noun.head)
    return any(
        (c.dep_ == "prep" and c.lower_ in WORDS.PARTNER_PREPOSITIONS)
        or (c.dep_ in ("nsubj", "nsubjpass") and _several(c))
        for head in heads
        for c in head.children
    )


def _several(subject: Token) -> bool:
    """ "Russia and China", "Western allies", "coalition forces": more than one force."""
    words = (subject, *(c for c in subject.children if c.dep_ == "compound"))
    return any(g.dep_ == "conj" for g in subject.children) or any(
        w.lemma_.lower() in WORDS.ALLIES for w in words
    )
