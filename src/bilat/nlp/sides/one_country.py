"""The one-country rule: unnamed sides of a sentence that names one country only.

"Police arrested Haitian activists": the police are Haiti's; so are crowds and bombs
by the place they act in, and an act done to someone by nobody named in a state's
territory. Split from :mod:`bilat.nlp.sides.participants`, which applies these rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from bilat.nlp.actors.agents import AgentLexicon, names_a_state
from bilat.nlp.syntax.mention_phrases import mention_root, whole_phrase
from bilat.nlp.words import Words
from bilat.records import Actor, Mention

WORDS = Words("sides")  # resources/words.yaml, section sides


@dataclass(frozen=True, slots=True)
class OneCountry:
    """The one country a sentence names, the article's main pair and the agent nouns."""

    domestic: Actor | None
    pair: tuple[Actor, Actor] | None
    agents: AgentLexicon

    def side(
        self, mention: Mention, other: Mention | None, doc: Doc, acting: bool = False
    ) -> Mention:
        """An unnamed side as the sentence's one country: a phrase that denotes people or
        an organisation ("police arrested Haitian activists"); an event or a thing only
        when the other side is not the state itself ("the teachers' union called off *a
        strike*" is a domestic matter, "China criticised *the drills*" need not be). Who
        acts on a state named as a whole is not taken to be of it ("Amnesty accused
        *Ruritania*", "the archbishop called for sanctions against *Ruritania*")."""
        if mention.code or not mention.text:
            return mention
        head = mention_root(mention, doc)
        if head is None:
            return mention
        agent = self.agents.denotes_agent(head)
        # ... but a thing acted on by one of the article's main pair stays in the pair:
        # "Pakistan purchased helicopters" in a Pakistan-Russia article (partners.py
        # then reads such a cooperative act as done with the other of the pair).
        paired = self.pair is not None and other is not None and other.actor in self.pair
        if other is None or paired:
            return Mention(mention.text, mention.start, mention.end, self.domestic)
        # (a state one goes to or acts in is a place: "resigned without returning to
        # Ruritania" says nothing of who resigned)
        acted_on = acting and not locative(other, doc, WORDS.LOCATIVE_PREPS | WORDS.MOTION_PREPS)
        if (acted_on and names_a_state_phrase(other, doc, strict=True)) or (
            not agent and names_a_state_phrase(other, doc)
        ):
            return mention
        return Mention(mention.text, mention.start, mention.end, self.domestic)


def people_of_place(source: Mention, trigger: Token, clause: Sequence[Mention]) -> Mention:
    """ "Thousands of people blocked streets in Hong Kong": unnamed crowds are of the
    place they act in; so are bombs and gunmen ("a bomb near Mosul killed two")."""
    head = mention_root(source, trigger.doc)
    if head is None or head.lemma_.lower() not in WORDS.CROWDS | WORDS.DEVICES:
        return source
    preps = WORDS.LOCATIVE_PREPS if head.lemma_.lower() in WORDS.DEVICES else frozenset({"in"})
    places = [m for m in clause if locative(m, trigger.doc, preps)]
    if len({m.code for m in places}) != 1:
        return source
    return Mention(source.text, source.start, source.end, places[0].actor)


def passive_place(trigger: Token, target: Mention, clause: Sequence[Mention]) -> Mention | None:
    """ "A missionary was arrested in Lebanon": an act done to someone, by nobody
    named, in a state's territory is that state's."""
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children):
        return None
    places = [
        m
        for m in clause
        if not (target.start <= m.start and m.end <= target.end)
        and locative(m, trigger.doc, frozenset({"in"}))
    ]
    if len({m.code for m in places}) != 1:
        return None
    return whole_phrase(places[0], trigger.doc, trigger)


def names_a_state_phrase(phrase: Mention, doc: Doc, strict: bool = False) -> bool:
    """Whether a coded phrase is a state by its name; ``strict``: by its own full
    name ("Ruritania"), not a city's or a body's ("Strelsau", "Ruritania Airways")."""
    span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    if phrase.actor is None or span is None or not names_a_state(span):
        return False
    words = [t.text for t in span if t.pos_ != "DET"]
    return not strict or " ".join(words) == phrase.actor.name


def locative(mention: Mention, doc: Doc, preps: frozenset[str] | None = None) -> bool:
    """Whether a mention names where something happens: the object of "in", "near", ...
    ("in southern Serbia", "in the town of Cizre"), possessives and modifiers included
    (``preps``: WORDS.LOCATIVE_PREPS unless given)."""
    preps = WORDS.LOCATIVE_PREPS if preps is None else preps
    token = mention_root(mention, doc)
    for _ in range(4):
        if token is None or token.head.i == token.i:
            return False
        if token.dep_ == "pobj":
            prep = token.head
            if prep.lower_ in preps:
                return True
            if prep.lower_ != "of":
                return False
            if prep.head.lower_ in preps:  # "outside of the city"
                return True
            token = prep.head
            continue
        if token.dep_ not in ("compound", "poss", "nmod", "appos"):
            return False  # "the *Israeli*-occupied West Bank": a modifier, not the place
        token = token.head
    return False


def framework(mention: Mention, doc: Doc) -> bool:
    """Whether a mention only says whose framework an act follows: "withdrew under *the
    African Union* plan", "under a *UN* mandate" name its author, not its recipient (a
    partner named in it still is: "under a deal *with Iran*")."""
    token = mention_root(mention, doc)
    for _ in range(4):
        if token is None or token.dep_ not in ("compound", "amod", "nmod", "poss"):
            return False
        token = token.head
        if token.dep_ == "pobj" and token.head.lower_ == "under":
            return True
    return False
