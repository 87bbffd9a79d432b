"""Who acts and who receives, through the extractor, on hand-built parses."""

from __future__ import annotations

from bilat.nlp.extract import Extractor
from bilat.records import EventType
from tests.unit.nlp.handmade import facts, mention, parsed


def test_a_recipient_found_in_the_clause_spans_its_whole_phrase(extractor: Extractor) -> None:
    doc = parsed([
        ("India", 1, "nsubj", "PROPN", "India"),
        ("pledged", 1, "ROOT", "VERB", "pledge"),
        ("help", 1, "dobj", "NOUN", "help"),
        ("to", 1, "prep", "ADP", "to"),
        ("the", 6, "det", "DET", "the"),
        ("Palestinian", 6, "amod", "ADJ", "palestinian"),
        ("people", 3, "pobj", "NOUN", "people"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "India", "IND"), mention(doc, "Palestinian", "PSE")])
    )
    assert [(e.type, e.target.text if e.target else None) for e in found] == [
        (EventType.AGREE, "the Palestinian people")
    ]


def test_unnamed_sides_take_the_sentences_only_country(extractor: Extractor) -> None:
    doc = parsed([
        ("Police", 1, "nsubj", "NOUN", "police"),
        ("arrested", 1, "ROOT", "VERB", "arrest"),
        ("protesters", 1, "dobj", "NOUN", "protester"),
        ("in", 1, "prep", "ADP", "in"),
        ("Haiti", 3, "pobj", "PROPN", "Haiti"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(doc, facts(doc, [mention(doc, "Haiti", "HTI")]))
    assert [(e.type, e.source.text, e.source.code) for e in found] == [
        (EventType.COERCE, "Police", "HTI")
    ]


def test_coordinated_senders_with_one_recipient_make_one_event_each(
    extractor: Extractor,
) -> None:
    doc = parsed([
        ("Norway", 3, "nsubj", "PROPN", "Norway"),
        ("and", 0, "cc", "CCONJ", "and"),
        ("Sweden", 0, "conj", "PROPN", "Sweden"),
        ("suspended", 3, "ROOT", "VERB", "suspend"),
        ("aid", 3, "dobj", "NOUN", "aid"),
        ("to", 4, "prep", "ADP", "to"),
        ("Mali", 5, "pobj", "PROPN", "Mali"),
        (".", 3, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [
        mention(doc, "Norway", "NOR"),
        mention(doc, "Sweden", "SWE"),
        mention(doc, "Mali", "MLI"),
    ]
    found = extractor.extract(doc, facts(doc, mentions))
    assert sorted(e.dyad or () for e in found) == [("MLI", "NOR"), ("MLI", "SWE")]
    assert not any(e.symmetric for e in found)


def test_its_in_an_unnamed_phrase_is_the_sentences_first_actor(extractor: Extractor) -> None:
    doc = parsed([
        ("Russia", 1, "nsubj", "PROPN", "Russia"),
        ("announced", 1, "ROOT", "VERB", "announce"),
        ("the", 3, "det", "DET", "the"),
        ("withdrawal", 1, "dobj", "NOUN", "withdrawal"),
        ("of", 3, "prep", "ADP", "of"),
        ("its", 6, "poss", "PRON", "its"),
        ("troops", 4, "pobj", "NOUN", "troop"),
        ("from", 3, "prep", "ADP", "from"),
        ("Syria", 7, "pobj", "PROPN", "Syria"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Russia", "RUS"), mention(doc, "Syria", "SYR")])
    )
    assert [(e.type, e.dyad) for e in found] == [(EventType.RETREAT, ("RUS", "SYR"))]
