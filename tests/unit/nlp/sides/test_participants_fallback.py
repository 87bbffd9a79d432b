"""The weak fallback pairs two names only when both can be sides of the act."""

from __future__ import annotations

from bilat.nlp.extract import Extractor
from tests.unit.nlp.handmade import facts, mention, parsed


def _pairs(extractor: Extractor, modified: str, lemma: str) -> list[tuple[str | None, ...]]:
    doc = parsed([
        ("Talks", 1, "nsubj", "NOUN", "talk"),
        ("covered", 8, "ccomp", "VERB", "cover"),
        ("the", 5, "det", "DET", "the"),
        ("Lima", 5, "compound", "PROPN", "Lima"),
        ("rail", 5, "compound", "NOUN", "rail"),
        (modified, 1, "dobj", "NOUN", lemma),
        (",", 8, "punct", "PUNCT", ","),
        ("Spain", 8, "nsubj", "PROPN", "Spain"),
        ("said", 8, "ROOT", "VERB", "say"),
        (".", 8, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Lima", "PER"), mention(doc, "Spain", "ESP")])
    )
    return [(e.source.code, e.target.code if e.target else None) for e in found]


def test_a_place_naming_a_things_location_is_no_side_of_the_talks(
    extractor: Extractor,
) -> None:
    assert _pairs(extractor, "project", "project") == []


def test_a_place_naming_whose_workers_they_are_is_a_side_of_the_talks(
    extractor: Extractor,
) -> None:
    assert _pairs(extractor, "workers", "worker") == [("PER", "ESP")]
