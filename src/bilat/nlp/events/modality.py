"""Whether a reported event happened: occurred, planned, proposed, denied or hypothetical."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from bilat.nlp.events.dominance import is_adjunct
from bilat.nlp.patterns import below
from bilat.nlp.syntax.conjuncts import first_conjunct
from bilat.nlp.words import Words
from bilat.records import DateSpan, EventType, Status

WORDS = Words("events")  # resources/words.yaml, section events


def _clause_chain(token: Token) -> list[Token]:
    """The trigger and the verbs that govern it, nearest first (at most four). A phrase of
    time stops the chain: in "agreed to cooperate during the talks" the talks took place."""
    chain = [token]
    current = token
    for _ in range(4):
        if current.head.i == current.i or is_adjunct(current):
            break
        current = current.head
        chain.append(current)
    return chain


def _aux(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}


def future_in_past(verb: Token) -> bool:
    """Whether ``verb`` is a "would" clause reported by a past-tense verb of saying, with
    no condition on it: "said the two sides would meet in May" reports a plan; "said it
    would retaliate if attacked" and "could meet" stay hypothetical."""
    if "would" not in _aux(verb):
        return False
    clause = first_conjunct(verb)  # "... and would deny entry"
    if clause.dep_ != "ccomp":
        return False
    reporter = clause.head
    if reporter.lemma_.lower() not in WORDS.REPORTING_VERBS or reporter.tag_ != "VBD":
        return False
    return not any(_conditional(v) for v in (verb, reporter))


def _conditional(verb: Token) -> bool:
    """ "would retaliate if attacked": a clause of condition hangs off the verb."""
    return bool(below("condition-clause", verb))


def told_in_present(trigger: Token) -> bool:
    """Whether the nearest finite verb over ``trigger`` is present or future ("has
    demanded", "says"): an event of the writer's time, not of an era the text recalls."""
    for verb in _clause_chain(trigger):
        aux = _aux(verb)
        if aux & WORDS.PRESENT_AUX or verb.tag_ in ("VBZ", "VBP") or _untagged_present(verb):
            return True
        if aux & WORDS.PAST_AUX or verb.tag_ == "VBD":
            return False
    return False


def told_in_past(trigger: Token) -> bool:
    """Whether the act's own verb tells it in a past tense ("held talks", "talks were
    held", "had met"). The verb of another clause does not count: "agreed to hold talks
    in March" tells a plan."""
    verb = next((t for t in _clause_chain(trigger) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    aux = _aux(verb)
    if aux & (WORDS.FUTURE_AUX | WORDS.CONDITIONAL_AUX | WORDS.OBLIGATION_AUX | {"to"}):
        return False
    return bool(aux & WORDS.PAST_AUX) or (verb.tag_ == "VBD" and not aux)


def _untagged_present(verb: Token) -> bool:
    """A base form with a subject of its own and no auxiliary or "to" is a present tense
    the tagger missed: "Gunmen *abduct* a resort manager" (tagged VB, not VBP); so is a
    verb it took for a noun."""
    if untagged_verb(verb):
        return True
    return (
        verb.tag_ == "VB"
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def untagged_verb(token: Token) -> bool:
    """A word tagged as a noun that heads the sentence with a subject and an object is a
    verb the tagger missed: "Russia and Estonia *exchange* two spies" (tagged NN)."""
    if token.pos_ != "NOUN" or token.dep_ != "ROOT":
        return False
    deps = {c.dep_ for c in token.children}
    return "nsubj" in deps and "dobj" in deps


def told_in_future(trigger: Token) -> bool:
    """Whether the nearest finite verb over ``trigger`` is future ("will hold talks")."""
    for verb in _clause_chain(trigger):
        aux = _aux(verb)
        if aux & WORDS.FUTURE_AUX:
            return True
        if aux or verb.tag_ in ("VBZ", "VBP", "VBD"):
            return False
    return False


def declined(type_: EventType, status: Status) -> bool:
    """ "will not lift the ban", "failed to reach a deal": cooperation withheld is a
    refusal (CAMEO 12 "decline to ..."), which PLOVER codes as REJECT."""
    return status is Status.DENIED and type_.quad in (1, 2)


def reported_plan(trigger: Token) -> bool:
    """ "said the two countries would hold talks in May": a meeting in a past report's
    future is an arrangement the report tells of, a planned meeting, not a promise (which
    "will meet" from the speaker's own mouth is: CAMEO 036)."""
    for verb in _clause_chain(trigger):
        if future_in_past(verb):
            return True
        if verb.pos_ == "VERB" and verb.dep_ not in ("xcomp", "ccomp"):
            return False
    return False


def intended(trigger: Token) -> bool:
    """ "will withdraw", "would boycott", "is ready to send": the sentence reports a
    stated intention, which CAMEO and PLOVER code as the speaker's AGREE (cooperation)
    or THREATEN (conflict) rather than as the act itself."""
    return _intention(trigger) is not None


def will_do(trigger: Token) -> bool:
    """ "will meet", "will hold an exercise": an act told in the future tense by "will" or
    "shall", not by a word of intention ("is ready to send") or a conditional ("would")."""
    return _intention(trigger) == "future"


def _intention(trigger: Token) -> str | None:
    """What in the clauses over ``trigger``, nearest first, tells an intention: a
    "conditional" or "future" auxiliary, or a word of "intent" governing it; None."""
    for depth, verb in enumerate(_clause_chain(trigger)):
        aux = _aux(verb)
        if aux & WORDS.CONDITIONAL_AUX:
            return "conditional"
        if aux & WORDS.FUTURE_AUX:
            return "future"
        if depth > 0 and verb.lemma_.lower() in WORDS.INTENT_WORDS | WORDS.PLAN_INTENT:
            return "intent"
        if verb.pos_ == "VERB" and verb.dep_ not in ("xcomp", "ccomp"):
            return None
    return None


def unless_clause(trigger: Token) -> bool:
    """ "will withdraw its troops unless the talks resume": an intention made to hang on
    the other side's compliance is a threat (CAMEO 13), whatever the act."""
    for verb in _clause_chain(trigger):
        if below("unless-clause", verb):
            return True
        if verb.pos_ == "VERB" and verb.dep_ not in ("xcomp", "ccomp"):
            return False
    return False


def as_intention(type_: EventType) -> EventType:
    """The type of a stated intention to do ``type_``."""
    if type_.quad in (1, 2):
        return EventType.AGREE
    return EventType.THREATEN if type_.quad == 4 else type_


def status_of(trigger: Token, when: DateSpan | None, anchor: date | None) -> Status:
    """Classify the modality of the event ``trigger`` states.

    The nearest governing verb decides: "agreed to hold a fourth round" is a
    planned round; "denied that talks took place" denies the talks.
    """
    sentence_lower = trigger.sent.text.lower()
    if any(c.dep_ == "neg" for c in trigger.children):
        return Status.DENIED
    modifiers = {c.lower_ for c in trigger.children if c.dep_ in ("amod", "compound")}
    if modifiers & WORDS.PLAN_MODIFIERS:
        return Status.PLANNED
    if modifiers & WORDS.PROPOSE_MODIFIERS:
        return Status.PROPOSED
    for depth, verb in enumerate(_clause_chain(trigger)):
        aux = _aux(verb)
        lemma = verb.lemma_.lower()
        if depth > 0 and lemma in WORDS.DENY_VERBS:
            return Status.DENIED
        if any(c.dep_ == "mark" and c.lower_ in WORDS.CONDITION_MARKS for c in verb.children):
            return Status.HYPOTHETICAL
        if _wished_for(verb, aux):
            return Status.PROPOSED
        if aux & WORDS.FUTURE_AUX or future_in_past(verb):
            return Status.PLANNED
        if aux & WORDS.CONDITIONAL_AUX:
            return Status.HYPOTHETICAL
        if aux & WORDS.OBLIGATION_AUX:
            return Status.PROPOSED
        if depth > 0 and lemma in WORDS.PROPOSE_VERBS:
            return Status.PROPOSED
        if depth > 0 and lemma in WORDS.PLAN_VERBS:
            return Status.PLANNED
        if verb.tag_ == "VBG" and aux & {"is", "are", "'s", "'re"} and lemma in WORDS.MOTION_VERBS:
            return Status.PLANNED
        if verb.pos_ == "VERB" and verb.dep_ not in ("xcomp", "ccomp") and not _bare_conjunct(verb):
            break  # a complement clause takes the modality of the verb above it
    if "under consideration" in sentence_lower or "is being considered" in sentence_lower:
        return Status.PROPOSED
    if when is not None and anchor is not None and when.start > anchor:
        return Status.PLANNED
    return Status.OCCURRED


def _wished_for(verb: Token, aux: set[str]) -> bool:
    """An infinitive with its own subject after "for" is an act wished for, not done:
    "the pressure must continue *for Damascus to allow* the U.N. to deliver aid"."""
    return "to" in aux and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)


def _bare_conjunct(verb: Token) -> bool:
    """A bare infinitive coordinated with the verb above it shares that verb's "to" and
    modality: "wants Trump to eliminate the tariffs, as well as *provide* relief"."""
    return verb.dep_ == "conj" and verb.tag_ == "VB" and not _aux(verb)


def describes_state(noun: Token) -> bool:
    """Whether an event noun is (in) the subject of a full verb in the simple present,
    which says how things stand, not what was done ("Turkish-Greek cooperation does not
    match its potential", "the summit proposal holds promise"), or of a copula in any
    tense, which says what it is ("a trade deal between the US and China was supposed to
    be a limited agreement")."""
    current = noun
    for _ in range(8):
        head = current.head
        if head.i == current.i:
            return False
        if head.pos_ in ("VERB", "AUX"):
            if current.dep_ == "attr":  # "... was supposed to be *a limited agreement*"
                return _copular(head)
            if current.dep_ not in ("nsubj", "nsubjpass"):
                return False
            if _copular(head):
                return True
            happening = head.lemma_.lower() in WORDS.HAPPENING_VERBS
            return current.dep_ == "nsubj" and _simple_present(head) and not happening
        current = head
    return False


def _copular(verb: Token) -> bool:
    """ "was a success", "seems unlikely", "was supposed to be a limited agreement"; not
    "is under consideration", which tells where a proposal stands (proposed)."""
    if any(c.dep_ == "prep" and c.lower_ == "under" for c in verb.children):
        return False
    if verb.lemma_.lower() in WORDS.COPULAS:
        return True
    return verb.lemma_.lower() in WORDS.EXPECTATION_VERBS and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in WORDS.COPULAS for c in verb.children
    )


def _simple_present(verb: Token) -> bool:
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.pos_ != "VERB" or aux & (WORDS.ASPECT_AUX | WORDS.FUTURE_AUX | WORDS.CONDITIONAL_AUX):
        return False
    return verb.tag_ in ("VBZ", "VBP") or bool(aux & {"does", "do"})
