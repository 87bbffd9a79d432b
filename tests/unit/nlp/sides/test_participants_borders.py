"""A name that only says which border another noun's place is near codes nothing."""

from __future__ import annotations

from bilat.nlp.extract import Extractor
from tests.unit.nlp.handmade import facts, mention, parsed


def test_a_village_near_a_countrys_border_is_not_that_countrys(extractor: Extractor) -> None:
    doc = parsed([
        ("Rebels", 1, "nsubj", "NOUN", "rebel"),
        ("attacked", 1, "ROOT", "VERB", "attack"),
        ("a", 3, "det", "DET", "a"),
        ("village", 1, "dobj", "NOUN", "village"),
        ("near", 3, "prep", "ADP", "near"),
        ("the", 7, "det", "DET", "the"),
        ("Chilean", 7, "amod", "ADJ", "chilean"),
        ("border", 4, "pobj", "NOUN", "border"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(doc, facts(doc, [mention(doc, "Chilean", "CHL")]), True)
    assert [(e.source.code, e.target.code if e.target else None) for e in found] == [(None, None)]


def test_troops_leaving_a_countrys_border_act_on_that_country(extractor: Extractor) -> None:
    doc = parsed([
        ("Peruvian", 1, "amod", "ADJ", "peruvian"),
        ("troops", 2, "nsubj", "NOUN", "troop"),
        ("withdrew", 2, "ROOT", "VERB", "withdraw"),
        ("from", 2, "prep", "ADP", "from"),
        ("the", 6, "det", "DET", "the"),
        ("Chilean", 6, "amod", "ADJ", "chilean"),
        ("border", 3, "pobj", "NOUN", "border"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Peruvian", "PER"), mention(doc, "Chilean", "CHL")]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [(e.source.code, e.target.code if e.target else None) for e in found] == [("PER", "CHL")]
