"""Which triggers govern others, on hand-built parses."""

from __future__ import annotations

from bilat.nlp.events.dominance import dominator, is_scene_clause, undominated
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


def test_a_where_clause_is_a_scene_not_content() -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("met", 1, "ROOT", "VERB", "meet"),
        ("Peru", 1, "dobj", "PROPN", "Peru"),
        ("in", 1, "prep", "ADP", "in"),
        ("Lima", 3, "pobj", "PROPN", "Lima"),
        ("where", 7, "advmod", "SCONJ", "where"),
        ("they", 7, "nsubj", "PRON", "they"),
        ("signed", 4, "relcl", "VERB", "sign"),
        ("which", 9, "nsubj", "PRON", "which"),
        ("ended", 4, "relcl", "VERB", "end"),
    ])  # fmt: skip
    assert is_scene_clause(doc[7]) and not is_scene_clause(doc[9])
    assert dominator(doc[7], {1, 7}) == 1
    assert dominator(doc[7], {1, 7}, across_adjuncts=False) is None
    assert dominator(doc[9], {1, 9}, across_adjuncts=False) == 1


def test_a_that_clause_after_an_event_noun_object_is_the_nouns_content() -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("repeated", 1, "ROOT", "VERB", "repeat"),
        ("its", 3, "poss", "PRON", "its"),
        ("demand", 1, "dobj", "NOUN", "demand"),
        ("that", 6, "mark", "SCONJ", "that"),
        ("Peru", 6, "nsubj", "PROPN", "Peru"),
        ("withdraw", 1, "ccomp", "VERB", "withdraw"),
    ])  # fmt: skip
    assert dominator(doc[6], {3, 6}) == 3
    # with no event noun before it, the clause is nobody's content
    assert dominator(doc[6], {6}) is None
