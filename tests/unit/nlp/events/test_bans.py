"""A ban on another state's people or goods is a SANCTION; a ban at home a COERCE."""

from __future__ import annotations

from bilat.nlp.events.bans import ban_sense
from bilat.nlp.events.triggers import Trigger
from bilat.nlp.sides.participants import Participants
from bilat.records import EventType
from factories import mention
from tests.unit.nlp.handmade import parsed

BAN = (EventType.COERCE, "restrict")


def _bans(target_code: str) -> EventType:
    doc = parsed([
        ("Ukraine", 1, "nsubj", "PROPN", "Ukraine"),
        ("bans", 1, "ROOT", "VERB", "ban"),
        ("airlines", 1, "dobj", "NOUN", "airline"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = Participants(mention("UKR", "Ukraine"), mention(target_code, "airlines"), False, 0.5)
    return ban_sense(Trigger(doc[1], BAN, nominal=False), BAN, found)[0]


def test_a_ban_on_another_states_carriers_is_a_sanction() -> None:
    assert _bans("RUS") is EventType.SANCTION


def test_a_ban_at_home_stays_coercion() -> None:
    assert _bans("UKR") is EventType.COERCE
