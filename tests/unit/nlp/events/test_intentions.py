"""What act a trigger states once its status is known."""

from __future__ import annotations

from bilat.nlp.events.intentions import act_of
from bilat.nlp.events.modality import describes_state
from bilat.nlp.events.triggers import Trigger
from bilat.records import EventType, Status
from tests.unit.nlp.handmade import parsed


def _under_consideration() -> Trigger:
    doc = parsed([
        ("A", 2, "det", "DET", "a"),
        ("trade", 2, "compound", "NOUN", "trade"),
        ("agreement", 3, "nsubj", "NOUN", "agreement"),
        ("is", 3, "ROOT", "AUX", "be"),
        ("under", 3, "prep", "ADP", "under"),
        ("consideration", 4, "pobj", "NOUN", "consideration"),
        (".", 3, "punct", "PUNCT", "."),
    ])  # fmt: skip
    return Trigger(doc[2], (EventType.SUPPORT, None), nominal=True)


def test_an_agreement_under_consideration_is_proposed_future_cooperation() -> None:
    trigger = _under_consideration()
    # Where a proposal stands is no description of it: it is reported, as proposed.
    assert not describes_state(trigger.token)
    sense, promised = act_of(trigger, (EventType.SUPPORT, None), Status.PROPOSED)
    assert sense == (EventType.AGREE, None) and promised is None


def test_a_signed_agreement_stays_support() -> None:
    trigger = _under_consideration()
    assert act_of(trigger, (EventType.SUPPORT, None), Status.OCCURRED)[0] == (
        EventType.SUPPORT,
        None,
    )
