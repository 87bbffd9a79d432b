"""Which of a sentence's located triggers it reports, and as what.

Dominance (``bilat.nlp.events.dominance``) keeps one event per act; on top of it: a meeting a
reported agreement sets up is reported too ("agreed to hold talks"), a background event
in a phrase of time is reported when that phrase names both its sides, a vow whose
content is violence is a threat, and material conflict an appeal asks for ("called for
sanctions against X") is disapproval of its target.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import replace

from spacy.tokens import Token

from bilat.nlp.events.dominance import adjunct_phrase, dominator, undominated
from bilat.nlp.events.lexicon import Sense
from bilat.nlp.events.triggers import Trigger
from bilat.nlp.sides.participants import Participants
from bilat.nlp.words import Words
from bilat.records import Event, EventType

WORDS = Words("events")  # resources/words.yaml, section events

# A reference-list entry: Author, “Title,” Outlet, 2 December 2021. The title is another
# article's headline; what it reports is not an event this text states.
CITATION = re.compile(
    r",\s*[”\"]\s*(?:[A-Z][\w&.'’-]*\s+){0,5}[A-Z][\w&.'’-]*\s*,[^,\n]{0,40}\b\d{4}\W*$"
)
# A trigger with its sense and the participants found for it.
Located = tuple[Trigger, Sense, Participants]


def reportable(located: Sequence[Located], statements: Sequence[Trigger]) -> list[Located]:
    """The located triggers the sentence reports, with their final senses. ``statements``
    are the triggers that report no event but still govern what they contain."""
    if located and _names_a_topic(located[0][0].token):
        return []
    statements = _vehicles_dropped(statements, located)
    tokens = {t.token.i: t.token for t in (*statements, *(t for t, _, _ in located))}
    governing = undominated(tokens.keys(), tokens)
    background = undominated(tokens.keys(), tokens, across_adjuncts=False) - governing
    threats = _vowed_violence(located, tokens)
    statement_indices = {t.token.i for t in statements}
    sides = {t.token.i: found for t, _, found in located}
    calls = _calls_for_conflict(located, tokens, statement_indices)
    rallied = _rallied_support(located, tokens, statement_indices)
    warned, predicted = _predictions(located, tokens, governing, sides)
    meetings = _agreed_meetings(located, tokens, governing)
    reported = governing | meetings.keys() | calls | rallied
    accusing = _accusing_participles(located, governing)
    reported |= accusing.keys()
    reported = (reported - warned) | predicted
    return [
        (
            replace(
                trigger,
                foreseen=trigger.token.i in predicted,
                agreed_in=meetings.get(trigger.token.i),
            ),
            _final_sense(trigger.token.i, sense, threats, calls),
            _accused_side(found, sides.get(accusing.get(trigger.token.i, -1))),
        )
        for trigger, sense, found in located
        if trigger.token.i in reported
        or (trigger.token.i in background and _names_both_sides(found, trigger.token))
    ]


def _names_a_topic(token: Token) -> bool:
    """Whether the sentence is a bare noun phrase ("Pope Francis' visit to the United
    States" as a heading): it names a topic the text goes on to tell, it reports no act."""
    root = token.sent.root
    return root.pos_ in ("NOUN", "PROPN") and not any(t.pos_ in ("VERB", "AUX") for t in token.sent)


def _vehicles_dropped(statements: Sequence[Trigger], located: Sequence[Located]) -> list[Trigger]:
    """The statements minus those whose statement noun a participle trigger describes:
    "issued a statement condemning the raid", "released a communique welcoming the deal"
    say what the statement did; the statement is its vehicle and governs nothing."""
    participles = {
        t.token.i
        for t, _, _ in located
        if not t.nominal and t.token.dep_ == "acl" and t.token.tag_ == "VBG"
    }
    return [
        s
        for s in statements
        if s.obj is None or not any(c.i in participles for c in s.obj.children)
    ]


def _accusing_participles(located: Sequence[Located], governing: Set[int]) -> dict[int, int]:
    """ "expelled two diplomats, *accusing* them of spying": a participle of accusation
    after a reported act is a second act, the charge the actor levels while acting, not
    the content of the first. Only accusation participles: other participles after an act
    mostly describe it ("met the minister, discussing trade"); after an accusation it only
    repeats it. Maps each such participle to the act it follows."""
    senses = {t.token.i: sense for t, sense, _ in located}
    return {
        trigger.token.i: head.i
        for trigger, sense, _ in located
        if sense[0] is EventType.ACCUSE
        and not trigger.nominal
        and trigger.token.lemma_.lower() in WORDS.ACCUSING_VERBS
        and trigger.token.tag_ == "VBG"
        and trigger.token.dep_ == "advcl"
        and (head := trigger.token.head).i in governing
        and head.i in senses
        and senses[head.i][0] is not EventType.ACCUSE
        and any(t.lower_ == "," for t in trigger.token.doc[head.i : trigger.token.i])
    }


def _accused_side(found: Participants, act: Participants | None) -> Participants:
    """ "expelled two Egyptian diplomats, accusing *them*": an accusation whose target is
    no known actor accuses the one the act it follows was done to."""
    if act is None or act.target is None or (found.target and found.target.code):
        return found
    return replace(found, target=act.target)


def _final_sense(index: int, sense: Sense, threats: Set[int], calls: Set[int]) -> Sense:
    if index in threats:
        return EventType.THREATEN, None
    if index in calls:
        return EventType.ACCUSE, "disapprove"
    return sense


def _calls_for_conflict(
    located: Sequence[Located], tokens: Mapping[int, Token], statements: Set[int]
) -> set[int]:
    """Material conflict an appeal asks for: "called for sanctions against Turkey", "urged
    followers to rally against the war" voice disapproval of its target (CAMEO 11)."""
    calls: set[int] = set()
    for trigger, sense, _ in located:
        above = dominator(trigger.token, tokens.keys())
        if above is None or above not in statements or sense[0].quad != 4:
            continue
        if tokens[above].lemma_.lower() in WORDS.APPEAL_VERBS:
            calls.add(trigger.token.i)
    return calls


def _rallied_support(
    located: Sequence[Located], tokens: Mapping[int, Token], statements: Set[int]
) -> set[int]:
    """Verbal support an appeal asks for: "urged the EU to back the plan", "called on
    members to recognise the state" rally support on behalf of its target (CAMEO 053,
    PLOVER SUPPORT), the counterpart of rallying opposition."""
    return {
        trigger.token.i
        for trigger, sense, _ in located
        if sense[0] is EventType.SUPPORT
        and not trigger.nominal
        and trigger.obj is None
        and trigger.token.dep_ in ("xcomp", "ccomp")
        and trigger.token.head.i in statements
        and trigger.token.head.lemma_.lower() in WORDS.APPEAL_VERBS
    }


def _vowed_violence(located: Sequence[Located], tokens: Mapping[int, Token]) -> set[int]:
    """The commissive triggers whose content is material conflict: "vowed to fight on",
    "swore to retaliate" are threats (CAMEO 13), not agreements."""
    threats: set[int] = set()
    for trigger, sense, _ in located:
        if sense[0].quad != 4:
            continue
        above = dominator(trigger.token, tokens.keys())
        if above is not None and tokens[above].lemma_.lower() in WORDS.COMMISSIVE_VERBS:
            threats.add(above)
    return threats


def _agreed_meetings(
    located: Sequence[Located],
    tokens: Mapping[int, Token],
    governing: Set[int],
) -> dict[int, int]:
    """Meetings a reported agreement sets up, each with the agreement: "agreed to hold a
    fourth round of talks" reports the agreement and a planned meeting (the modality of
    "agreed to" makes it planned). A rejected offer of talks sets up nothing."""
    agreements = {
        t.token.i
        for t, sense, _ in located
        if sense[0] is EventType.AGREE and t.token.i in governing
    }
    return {
        trigger.token.i: above
        for trigger, sense, _ in located
        if sense[0] is EventType.CONSULT
        and (above := dominator(trigger.token, tokens.keys())) in agreements
    }


def _predictions(
    located: Sequence[Located],
    tokens: Mapping[int, Token],
    governing: Set[int],
    sides: Mapping[int, Participants],
) -> tuple[set[int], set[int]]:
    """ "Analysts warn that the EU would impose sanctions on Turkey": a warning by no
    actor about what an actor would do is a prediction, not a threat; the act it foresees
    is reported (with its own modality) instead. ``sides`` are the participants found
    for each trigger. Returns (warnings, foreseen acts)."""
    warned: set[int] = set()
    predicted: set[int] = set()
    for trigger, _, found in located:
        above = dominator(trigger.token, tokens.keys())
        if above is None or above not in governing or above not in sides:
            continue
        warning = sides[above]
        if (
            trigger.token.dep_ == "ccomp"
            and trigger.token.head.i == above
            and tokens[above].lemma_.lower() in WORDS.WARNING_VERBS
            and warning.source.code is None
            and found.source.code is not None
        ):
            warned.add(above)
            predicted.add(trigger.token.i)
    return warned, predicted


def _names_both_sides(found: Participants, trigger: Token) -> bool:
    """Whether the phrase a background trigger sits in names both sides of its event, as
    different actors ("during the 1971 *Indo-Pakistan* war"), rather than the event
    borrowing them from the rest of the sentence."""
    target = found.target
    if found.source.code is None or target is None or target.code in (None, found.source.code):
        return False
    phrase = adjunct_phrase(trigger)
    start = phrase.left_edge.idx
    end = phrase.right_edge.idx + len(phrase.right_edge)
    return all(start <= side.start and side.end <= end for side in (found.source, target))


def is_citation(sentence: str) -> bool:
    """Whether the sentence is a reference-list entry, which reports nothing."""
    return CITATION.search(sentence) is not None


def without_partial_repeats(events: list[Event]) -> list[Event]:
    """A sentence's events minus those with one side unresolved that repeat, with less
    said, an event of the same type the sentence codes in full: in "Iran has found a
    market for arms sales and cooperation, notably Syria", the cooperation whose partner
    the parse missed is the one with Syria; in "after Iraq invaded Kuwait, the US and
    Britain went to war to defeat the Iraqis", the war with an unnamed side is theirs."""
    full = [e for e in events if e.dyad is not None]
    return [e for e in events if e.dyad is not None or not _repeats(e, full)]


def _repeats(partial: Event, full: list[Event]) -> bool:
    """Whether a full event of ``partial``'s type has its one resolved side among its own
    (an act of a country on itself, both sides resolved, repeats nothing)."""
    codes = {partial.source.code, partial.target.code if partial.target else None}
    if None not in codes or len(codes) != 2:
        return False
    code = next(c for c in codes if c is not None)
    return any(e.type is partial.type and code in (e.dyad or ()) for e in full)
