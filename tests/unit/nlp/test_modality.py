"""Status and stated intentions, through the extractor, on hand-built parses."""

from __future__ import annotations

from bilat.nlp.extract import Extractor
from bilat.nlp.modality import told_in_present
from bilat.records import EventType, Status
from tests.unit.nlp.handmade import facts, mention, parsed


def test_cooperation_withheld_is_a_rejection(extractor: Extractor) -> None:
    doc = parsed([
        ("Britain", 3, "nsubj", "PROPN", "Britain"),
        ("will", 3, "aux", "AUX", "will"),
        ("not", 3, "neg", "PART", "not"),
        ("lift", 3, "ROOT", "VERB", "lift"),
        ("sanctions", 3, "dobj", "NOUN", "sanction"),
        ("on", 4, "prep", "ADP", "on"),
        ("Iran", 5, "pobj", "PROPN", "Iran"),
        (".", 3, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Britain", "GBR"), mention(doc, "Iran", "IRN")])
    )
    assert [(e.type, e.status, e.target.code if e.target else None) for e in found] == [
        (EventType.REJECT, Status.DENIED, "IRN")
    ]


def test_a_stated_intention_to_cooperate_is_an_agreement(extractor: Extractor) -> None:
    doc = parsed([
        ("Finland", 2, "nsubj", "PROPN", "Finland"),
        ("will", 2, "aux", "AUX", "will"),
        ("give", 2, "ROOT", "VERB", "give"),
        ("Tanzania", 2, "dative", "PROPN", "Tanzania"),
        ("aid", 2, "dobj", "NOUN", "aid"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Finland", "FIN"), mention(doc, "Tanzania", "TZA")])
    )
    assert [(e.type, e.status) for e in found] == [(EventType.AGREE, Status.PLANNED)]


def test_a_stated_intention_of_material_conflict_is_a_threat(extractor: Extractor) -> None:
    doc = parsed([
        ("Leaders", 2, "nsubj", "NOUN", "leader"),
        ("would", 2, "aux", "AUX", "would"),
        ("boycott", 2, "ROOT", "VERB", "boycott"),
        ("Washington", 2, "dobj", "PROPN", "Washington"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(doc, facts(doc, [mention(doc, "Washington", "USA")]))
    assert [e.type for e in found] == [EventType.THREATEN]


def _demanded(aux: str | None) -> bool:
    """ "Chile (has|had) demanded talks": the tense of the clause."""
    head = 2 if aux else 1
    words = [("Chile", head, "nsubj", "PROPN", "Chile")]
    if aux:
        words.append((aux, head, "aux", "AUX", "have"))
    words += [
        ("demanded", head, "ROOT", "VERB", "demand"),
        ("talks", head, "dobj", "NOUN", "talk"),
    ]
    doc = parsed(words)
    return told_in_present(doc[head])


def test_a_present_perfect_is_told_as_of_the_writing() -> None:
    assert _demanded("has")


def test_a_past_or_past_perfect_is_told_of_its_own_time() -> None:
    assert not _demanded("had")
    assert not _demanded(None)
