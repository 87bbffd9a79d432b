"""The classifier's say over the rules' events, on constructed events."""

from __future__ import annotations

from bilat.nlp.hybrid import lead_quad, reconcile
from bilat.records import Actor, Event, EventType, Evidence, Mention


def event(type_: EventType, intensity: float, confidence: float = 0.8) -> Event:
    pak = Mention("Pakistan", 0, 8, Actor("PAK", "Pakistan"))
    rus = Mention("Russia", 13, 19, Actor("RUS", "Russia"))
    return Event(
        id=type_.value,
        type=type_,
        source=pak,
        target=rus,
        evidence=Evidence("a", "Pakistan met Russia.", 0, 20, "met"),
        intensity=intensity,
        confidence=confidence,
    )


def no_event(type_: EventType) -> Event | None:
    return None


def score(type_: EventType, mode: str | None) -> float:
    return {1: 2.5, 2: 9.5, 3: -3.0, 4: -9.0}[type_.quad]


CONSULT = event(EventType.CONSULT, 2.5)
ASSAULT = event(EventType.ASSAULT, -9.0)


def test_lead_quad_is_the_strongest_events() -> None:
    assert lead_quad([CONSULT, ASSAULT]) == 4
    assert lead_quad([]) == 0


def test_rules_stand_when_the_model_does_not_rule_them_out() -> None:
    kept = reconcile([CONSULT], [0.1, 0.5, 0.2, 0.1, 0.1], score, no_event)
    assert [e.type for e in kept] == [EventType.CONSULT]
    assert kept[0].confidence == round(0.7 * 0.8 + 0.3 * 0.5, 3)


def test_a_sure_no_event_drops_the_sentence() -> None:
    assert reconcile([ASSAULT], [0.9, 0.02, 0.02, 0.02, 0.04], score, no_event) == []


def test_the_models_quad_keeps_only_its_events() -> None:
    kept = reconcile([CONSULT, ASSAULT], [0.05, 0.8, 0.05, 0.05, 0.05], score, no_event)
    assert [e.type for e in kept] == [EventType.CONSULT]


def test_filter_keeps_what_it_cannot_recode_and_recode_retypes() -> None:
    proba = [0.02, 0.03, 0.9, 0.03, 0.02]
    assert reconcile([ASSAULT], proba, score, no_event, retype=False)[0].type is EventType.ASSAULT
    recoded = reconcile([ASSAULT], proba, score, no_event, retype=True)
    assert [(e.type, e.intensity) for e in recoded] == [(EventType.COOPERATE, 9.5)]
    assert recoded[0].confidence < ASSAULT.confidence
