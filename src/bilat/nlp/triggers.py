"""Words that state events: verbs, event nouns and light verbs with their objects."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from bilat.nlp.lexicon import Sense, TriggerLexicon
from bilat.records import EventType

OBJECT_DEPS = ("dobj", "nsubjpass", "attr")
ANY_OBJECT = "*"


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that states an event, and the sense the lexicon gives it.

    ``obj`` is the object noun a light verb took its sense from ("held *talks*").
    """

    token: Token
    sense: Sense
    nominal: bool
    obj: Token | None = None


def find_triggers(sent: Span, lexicon: TriggerLexicon) -> list[Trigger]:
    """Triggers in a sentence; a light verb absorbs its event noun ("held talks")."""
    found: list[Trigger] = []
    absorbed: set[int] = set()
    for token in sent:
        if token.pos_ == "VERB":
            trigger = verb_trigger(token, lexicon)
            if trigger is not None:
                found.append(trigger)
                if trigger.obj is not None:
                    absorbed.add(trigger.obj.i)
    for token in sent:
        lemma = token.lemma_.lower()
        if (
            token.pos_ in ("NOUN", "PROPN")
            and token.i not in absorbed
            and lemma in lexicon.nouns
            and not _repeats_outer_noun(token, absorbed, lexicon)
            and not _is_blocked(token, lexicon)
        ):
            found.append(Trigger(token, lexicon.nouns[lemma], nominal=True))
    return found


def verb_trigger(token: Token, lexicon: TriggerLexicon) -> Trigger | None:
    """The sense of a verb, from phrasal, light-verb, transfer or plain verb entries."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in ("prt", "prep") and (lemma, child.lower_) in lexicon.phrasal:
            return Trigger(token, lexicon.phrasal[(lemma, child.lower_)], nominal=False)
    objects = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    if lemma in lexicon.support:
        overrides = lexicon.support[lemma]
        for obj in objects:
            obj_lemma = obj.lemma_.lower()
            if obj_lemma in overrides:
                sense = overrides[obj_lemma]
                return None if sense is None else Trigger(token, sense, nominal=False, obj=obj)
            if obj_lemma in lexicon.nouns:
                return Trigger(token, lexicon.nouns[obj_lemma], nominal=False, obj=obj)
        if ANY_OBJECT in overrides and objects:
            sense = overrides[ANY_OBJECT]
            return None if sense is None else Trigger(token, sense, nominal=False)
    if lemma in lexicon.transfer:
        for obj in objects:
            if obj.lemma_.lower() in lexicon.aid_objects or _counted(obj, lexicon):
                return Trigger(token, (EventType.AID, None), nominal=False, obj=obj)
        return None
    if lemma in lexicon.verbs:
        return Trigger(token, lexicon.verbs[lemma], nominal=False)
    return None


def _counted(obj: Token, lexicon: TriggerLexicon) -> bool:
    """ "sent 50,000 doses of its vaccine": the counted noun or what it is "of"."""
    for child in obj.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.dep_ == "pobj" and grand.lemma_.lower() in lexicon.aid_objects:
                    return True
    return False


def _repeats_outer_noun(token: Token, absorbed: set[int], lexicon: TriggerLexicon) -> bool:
    """ "a round of talks": the inner noun repeats the outer event."""
    head = token.head
    return (
        token.dep_ == "pobj"
        and head.lower_ == "of"
        and (head.head.i in absorbed or head.head.lemma_.lower() in lexicon.nouns)
    )


def _is_blocked(token: Token, lexicon: TriggerLexicon) -> bool:
    """ "pledged to tackle the threat": the noun is what the subject faces, not does."""
    if token.dep_ not in ("dobj", "pobj", "conj"):
        return False
    governor = token.head
    while governor.dep_ in ("conj", "prep") or governor.pos_ in ("NOUN", "ADP", "CCONJ"):
        if governor.head.i == governor.i:
            break
        governor = governor.head
    return governor.lemma_.lower() in lexicon.blockers
