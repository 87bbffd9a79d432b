"""An accusation participle after an act, and an event noun that only places itself in
time, on hand-built parses."""

from __future__ import annotations

from bilat.nlp.events.trigger_context import is_timed_back_reference
from bilat.nlp.extract import Extractor
from bilat.records import EventType
from tests.unit.nlp.handmade import facts, mention, parsed


def _expelled_then(participle: str, lemma: str, obj: str) -> list[tuple[str, int, str, str, str]]:
    return [
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("expelled", 1, "ROOT", "VERB", "expel"),
        ("Peru", 4, "poss", "PROPN", "Peru"),
        ("'s", 2, "case", "PART", "'s"),
        ("envoys", 1, "dobj", "NOUN", "envoy"),
        (",", 1, "punct", "PUNCT", ","),
        (participle, 1, "advcl", "VERB", lemma),
        (obj, 6, "dobj", "PRON" if obj == "them" else "NOUN", obj.lower()),
        (".", 1, "punct", "PUNCT", "."),
    ]


def test_an_accusing_participle_after_an_expulsion_is_its_own_accusation(
    extractor: Extractor,
) -> None:
    doc = parsed(_expelled_then("accusing", "accuse", "them"))
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Chile", "CHL"), mention(doc, "Peru", "PER")])
    )
    by_type = {e.type: e for e in found}
    assert EventType.SANCTION in by_type
    accusation = by_type[EventType.ACCUSE]
    # "them" are the envoys expelled: the accusation is of the side the act was done to.
    assert accusation.source.code == "CHL"
    assert accusation.target is not None and accusation.target.code == "PER"


def test_a_condemning_participle_after_an_act_stays_part_of_it(extractor: Extractor) -> None:
    doc = parsed(_expelled_then("condemning", "condemn", "raids"))
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Chile", "CHL"), mention(doc, "Peru", "PER")])
    )
    assert [e.type for e in found] == [EventType.SANCTION]


def test_the_subject_of_came_after_refers_back_to_a_told_event() -> None:
    doc = parsed([
        ("The", 1, "det", "DET", "the"),
        ("visit", 2, "nsubj", "NOUN", "visit"),
        ("came", 2, "ROOT", "VERB", "come"),
        ("days", 6, "npadvmod", "NOUN", "day"),
        ("after", 6, "mark", "SCONJ", "after"),
        ("Chile", 6, "nsubj", "PROPN", "Chile"),
        ("expelled", 2, "advcl", "VERB", "expel"),
        ("envoys", 6, "dobj", "NOUN", "envoy"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert is_timed_back_reference(doc[1])


def test_an_indefinite_event_noun_before_came_after_is_told_anew() -> None:
    doc = parsed([
        ("A", 1, "det", "DET", "a"),
        ("visit", 2, "nsubj", "NOUN", "visit"),
        ("came", 2, "ROOT", "VERB", "come"),
        ("after", 2, "prep", "ADP", "after"),
        ("talks", 3, "pobj", "NOUN", "talk"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert not is_timed_back_reference(doc[1])


def test_the_subject_of_came_without_a_time_clause_is_not_a_back_reference() -> None:
    doc = parsed([
        ("The", 1, "det", "DET", "the"),
        ("visit", 2, "nsubj", "NOUN", "visit"),
        ("came", 2, "ROOT", "VERB", "come"),
        ("to", 2, "prep", "ADP", "to"),
        ("Lima", 3, "pobj", "PROPN", "Lima"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert not is_timed_back_reference(doc[1])
