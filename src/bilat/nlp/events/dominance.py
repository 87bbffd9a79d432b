"""Which triggers of a sentence state its events and which only name their content.

"Russia rejected the offer of talks", "the EU condemned the attack", "Pakistan agreed
to resign": the rejection, the condemnation and the agreement are the events the
sentence reports; the offer, the attack and the resignation are what they are about.
A trigger below another trigger in the parse (in its object, complement, clause or a
phrase hanging off it) is *dominated*, and the dominating trigger's event stands for
the sentence. Coordination does not dominate: in "held talks and signed a deal" both
verbs report events.

Adjuncts are circumstance, not content: a phrase of time or concession ("agreed to
cooperate *during the third round of Russia-Pakistan talks*") names an event of its own
beside the governing one. Such a background event is reported only when the text says
who took part in it (the caller decides); "agreed to a truce *after days of fighting*"
reports one event.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from bilat.nlp.words import Words

WORDS = Words("events")  # resources/words.yaml, section events

# A trigger this far up the tree no longer governs the lower one's meaning.
MAX_STEPS = 8


def dominator(token: Token, triggers: Collection[int], across_adjuncts: bool = True) -> int | None:
    """The index of the nearest trigger above ``token`` that governs it, or None.

    ``triggers`` holds the token indices of the sentence's triggers that yield events.
    A path made only of ``conj`` links is coordination, not government; with
    ``across_adjuncts`` false, a path through an adjunct link is not government either.
    """
    current = token
    coordinated = True
    for _ in range(MAX_STEPS):
        head = current.head
        if head.i == current.i:
            return None
        if not across_adjuncts and is_adjunct(current):
            return None
        coordinated = coordinated and current.dep_ == "conj"
        if head.i in triggers and not coordinated:
            return head.i
        noun = _noun_of_clause(current, triggers)
        if noun is not None and not coordinated:
            return noun.i
        current = head
    return None


def undominated(
    indices: Collection[int], tokens: dict[int, Token], across_adjuncts: bool = True
) -> set[int]:
    """The trigger indices that no other trigger of the same set governs."""
    return {i for i in indices if dominator(tokens[i], indices, across_adjuncts) is None}


def _noun_of_clause(clause: Token, triggers: Collection[int]) -> Token | None:
    """ "reiterated its *demand* today that Israel ease restrictions": the parse hangs the
    noun's "that" clause off the verb; it is the content of the event noun object before
    it."""
    if clause.dep_ != "ccomp":
        return None
    return next(
        (
            c
            for c in clause.head.children
            if c.dep_ == "dobj" and c.i in triggers and c.i < clause.i and c.pos_ == "NOUN"
        ),
        None,
    )


def adjunct_phrase(token: Token) -> Token:
    """The head of the phrase of time or concession ``token`` sits in ("*during* the 1971
    Indo-Pakistan war"), or ``token`` itself when it sits in none."""
    current = token
    for _ in range(MAX_STEPS):
        if is_adjunct(current) or current.head.i == current.i:
            return current if is_adjunct(current) else token
        current = current.head
    return token


def sequence_phrase(token: Token) -> str:
    """The preposition of the phrase of time that puts ``token``'s event before or after
    the one governing it ("*after* the invasion"), or "" when it sits in no such phrase."""
    phrase = adjunct_phrase(token)
    if phrase is token or phrase.lower_ not in WORDS.SEQUENCE_PREPS:
        return ""
    return phrase.lower_


def is_adjunct(token: Token) -> bool:
    """Whether ``token`` hangs off its head as an adjunct rather than as its content."""
    if is_scene_clause(token):
        return True
    if token.dep_ != "prep":
        return False
    return token.lower_ in WORDS.ADJUNCT_PREPS or _absolute_with(token)


def is_scene_clause(token: Token) -> bool:
    """ "met in Delhi on Monday, *where* the two leaders signed a pact": a relative clause
    opened by "where" or "when" tells a separate act at that place or time, not what the
    governing act is about."""
    return token.dep_ == "relcl" and any(
        c.dep_ == "advmod" and c.lower_ in WORDS.SCENE_ADVERBS for c in token.children
    )


def _absolute_with(token: Token) -> bool:
    """ "*With* Canada imposing tariffs, Mexico turned to Brazil": "with" taking a clause
    of its own, subject and all, sets the scene; "agreed with Chile" names a side."""
    return token.lower_ == "with" and any(
        child.dep_ == "pcomp" and any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children)
        for child in token.children
    )
