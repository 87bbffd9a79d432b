"""What an argument phrase denotes: people or organisations, or something else.

The one-country rule of :mod:`bilat.nlp.sides.participants` codes only phrases that denote
people or organisations, and not the unnamed side of an act done with a counterpart.
The word lists live in ``resources/actors/agents.yaml`` (keys ``agents``,
``counterpart_acts``, ``answered_acts`` and ``boundaries``); office nouns (``sectors``)
and title words count as agents too. A name of a border near another noun's place names no side.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Span, Token

from bilat.nlp.actors.kb import KnowledgeBase, shipped_kb
from bilat.nlp.words import Words

WORDS = Words("actors")  # resources/words.yaml, section actors

# How a name hangs off the noun it qualifies ("the *Lima* rail project").
MODIFYING = frozenset({"amod", "compound", "nmod", "poss"})
# Named-entity labels of people, organisations and political entities.
AGENT_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


@dataclass(frozen=True, slots=True)
class AgentLexicon:
    """Nouns that denote people or organisations, and lemmas of counterpart acts."""

    nouns: frozenset[str]
    counterpart_acts: frozenset[str]
    boundaries: frozenset[str] = frozenset()
    # Nouns of another's statement ("the protest", "the demand"), see agents.yaml.
    answered_acts: frozenset[str] = frozenset()

    @classmethod
    def of(cls, kb: KnowledgeBase) -> AgentLexicon:
        """The lexicon a knowledge base holds: its agents, office nouns and title words."""
        offices = {phrase.split()[-1] for phrase, _ in kb.sectors}
        titles = {text.lower().split()[-1] for title in kb.titles for text in title.texts}
        return cls(
            frozenset(kb.agents | offices | titles),
            kb.counterpart_acts,
            kb.boundaries,
            kb.answered_acts,
        )

    def denotes_agent(self, head: Token) -> bool:
        """Whether a phrase headed by ``head`` denotes people or an organisation: a name,
        a personal pronoun, or a noun of the lexicon ("the police", "Haitian activists");
        not an event, object or abstraction ("the drills", "a formula")."""
        if head.pos_ == "PROPN" or head.ent_type_ in AGENT_ENTITIES:  # NER may be off
            return True
        if head.pos_ == "PRON":
            return head.lower_ in WORDS.PERSONAL
        return head.lemma_.lower() in self.nouns or head.lower_ in self.nouns

    def can_be_side(self, name: Span) -> bool:
        """Whether a name can be a side of an act: a name of people or a body ("Israeli
        police"), or one that qualifies a noun of people or organisations ("UN experts",
        "Israeli police custody"); not a place that only qualifies a thing ("the
        Lima-Cusco rail project", "the Kabul airport contract")."""
        if any(t.pos_ == "NOUN" and self.denotes_agent(t) for t in name):
            return True
        token = name.root
        for _ in range(4):
            if token.dep_ not in MODIFYING or token.head.i == token.i:
                break
            token = token.head
        if token.pos_ != "NOUN":
            return True  # a name, or no noun at all: nothing says it is a thing
        nouns = [token, *(c for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN")]
        return any(map(self.denotes_agent, nouns))

    def nested_border(self, name: Token) -> bool:
        """Whether a name only says which border another noun's place is near or on: "a
        village near the *Syrian* border", "a camp on the *Thai*-Cambodian frontier";
        not a border the act itself is at or on ("withdrew from the *Thai* border",
        "closed the border with *Iraq*")."""
        token = name
        for _ in range(4):
            if token.dep_ == "pobj" and token.head.lower_ == "with":
                token = token.head.head  # "the border with Iraq"
            elif token.dep_ in ("amod", "compound", "nmod", "poss") and token.head.i != token.i:
                token = token.head
            else:
                return False
            if token.lemma_.lower() in self.boundaries or token.lower_ in self.boundaries:
                place = token.head.head if token.dep_ == "pobj" else token.head
                return token.dep_ == "pobj" and place.pos_ in ("NOUN", "PROPN")
        return False

    def counterpart_act(self, trigger: Token) -> bool:
        """Whether ``trigger`` is an act done with a counterpart ("met", "a visit", "agreed
        with"), or a light verb whose object is one ("gave a warm *welcome*")."""
        objects = [c for c in trigger.children if c.dep_ == "dobj"]
        if any(
            t.lemma_.lower() in self.counterpart_acts or t.lower_ in self.counterpart_acts
            for t in (trigger, *objects)
        ):
            return True
        # "agreed *with* the Chilean envoy": entries of a lemma and its preposition
        preps = {c.lower_ for c in trigger.children if c.dep_ == "prep"}
        return any(f"{trigger.lemma_.lower()} {p}" in self.counterpart_acts for p in preps)


@functools.cache
def shipped_agents() -> AgentLexicon:
    """The lexicon of the shipped knowledge base (built once per process)."""
    return AgentLexicon.of(shipped_kb())


def names_a_state(phrase: Span) -> bool:
    """Whether a phrase is a state by its name alone ("China", "the United States"), not
    one of its people or bodies ("Chinese police", "the Nigerian teachers' union")."""
    return phrase.root.pos_ == "PROPN" and all(
        t.pos_ in ("PROPN", "DET", "PART", "PUNCT") for t in phrase
    )
