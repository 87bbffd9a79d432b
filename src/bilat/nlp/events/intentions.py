"""What act a trigger states once its status is known: a declined act is a rejection, an
act intended unless something happens a threat, and a stated intention the AGREE or
THREATEN PLOVER codes it as, beside the cooperative act it promises."""

from __future__ import annotations

from dataclasses import replace

from bilat.nlp.events.exercises import exercise_noun
from bilat.nlp.events.lexicon import Sense
from bilat.nlp.events.modality import (
    as_intention,
    declined,
    intended,
    reported_plan,
    unless_clause,
    will_do,
)
from bilat.nlp.events.triggers import Trigger
from bilat.records import DateSpan, Event, EventType, Status, event_id

# Acts a news report tells as scheduled: "will meet", "will hold an exercise", "will send
# aid" are planned acts (news/ANNOTATION.md: status planned), not also a promise.
SCHEDULED = frozenset({EventType.CONSULT, EventType.COOPERATE, EventType.AID})


def act_of(
    trigger: Trigger, sense: Sense, status: Status, scheduled: bool = False
) -> tuple[Sense, Sense | None]:
    """The sense the event is coded as, and the cooperative act a promise states ("will
    hold a joint exercise": the promise is an AGREE, the exercise a planned act), if any.
    With ``scheduled`` (documents), an act of ``SCHEDULED`` told with "will" is the planned
    act alone; sentence coding follows CAMEO, where it is a stated intention."""
    type_, mode = sense
    if declined(type_, status):
        return (EventType.REJECT, None), None
    if intended(trigger.token) and unless_clause(trigger.token):
        return (EventType.THREATEN, None), None
    if scheduled and type_ in SCHEDULED and will_do(trigger.token):
        return (type_, mode), None
    if not trigger.foreseen and _promised(trigger, type_):
        promised = (type_, mode) if type_.quad in (1, 2) else None
        return (as_intention(type_), None), promised
    if status is Status.PROPOSED and type_ is EventType.SUPPORT:
        # "a free trade agreement is under consideration": an agreement not yet signed is
        # future cooperation (AGREE); signing one is the SUPPORT
        return (EventType.AGREE, None), None
    return (type_, mode), None


def _promised(trigger: Trigger, type_: EventType) -> bool:
    """Whether the trigger states an intention coded as such; a meeting a past report
    scheduled ("said they would meet in May") stays a planned meeting."""
    if type_ is EventType.CONSULT and reported_plan(trigger.token):
        return False
    if exercise_noun(trigger) is not None:  # an exercise is scheduled, not promised
        return False
    return intended(trigger.token) and as_intention(type_) is not type_


def promised_act(promise: Event, sense: Sense, reported: DateSpan | None) -> Event:
    """The act a promise states ("will hold a joint exercise in May"), as a planned event
    beside the promise's AGREE: planned, so it weighs nothing in the relationship's scores
    (intensity 0) until it happens, and dated only by a date the text gives it."""
    type_, mode = sense
    status = Status.PLANNED if promise.status is Status.OCCURRED else promise.status
    return replace(
        promise,
        id=event_id(
            promise.evidence.article_id,
            promise.evidence.start,
            f"{type_.value}:{promise.id}",
            promise.source.code or promise.source.text,
            "",
        ),
        type=type_,
        mode=mode,
        status=status,
        date=None if promise.date is reported else promise.date,
        intensity=0.0,
    )
