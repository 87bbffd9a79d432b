"""Which triggers govern others, on hand-built parses."""

from __future__ import annotations

from bilat.nlp.dominance import dominator, undominated
from tests.unit.nlp.handmade import parsed


def test_a_trigger_in_an_object_is_governed_and_a_coordinated_one_is_not() -> None:
    doc = parsed([
        ("Iran", 1, "nsubj", "PROPN", "Iran"),
        ("condemned", 1, "ROOT", "VERB", "condemn"),
        ("the", 3, "det", "DET", "the"),
        ("attack", 1, "dobj", "NOUN", "attack"),
        ("and", 1, "cc", "CCONJ", "and"),
        ("recalled", 1, "conj", "VERB", "recall"),
        ("envoys", 5, "dobj", "NOUN", "envoy"),
    ])  # fmt: skip
    triggers = {1, 3, 5}
    assert dominator(doc[3], triggers) == 1
    assert dominator(doc[5], triggers) is None
    assert undominated(triggers, {i: doc[i] for i in triggers}) == {1, 5}


def test_a_phrase_of_time_is_circumstance_not_content_when_asked() -> None:
    doc = parsed([
        ("India", 1, "nsubj", "PROPN", "India"),
        ("agreed", 1, "ROOT", "VERB", "agree"),
        ("to", 1, "prep", "ADP", "to"),
        ("talks", 2, "pobj", "NOUN", "talk"),
        ("during", 1, "prep", "ADP", "during"),
        ("the", 6, "det", "DET", "the"),
        ("war", 4, "pobj", "NOUN", "war"),
    ])  # fmt: skip
    triggers = {1, 3, 6}
    assert dominator(doc[6], triggers) == 1
    assert dominator(doc[6], triggers, across_adjuncts=False) is None
    # What was agreed stays the agreement's content either way.
    assert dominator(doc[3], triggers, across_adjuncts=False) == 1
