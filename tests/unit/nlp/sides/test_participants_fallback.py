"""The weak fallback pairs two names only when both can be sides of the act."""

from __future__ import annotations

from bilat.nlp.events.contexts import ContextCues
from bilat.nlp.events.lexicon import TriggerLexicon
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


def _sales_to(second_preposition: str) -> list[tuple[str | None, ...]]:
    # "Sales rose: two to Ghana and three to / from Kenya." (no subject, no object)
    doc = parsed([
        ("Sales", 1, "nsubj", "NOUN", "sale"),
        ("rose", 1, "ROOT", "VERB", "rise"),
        (":", 1, "punct", "PUNCT", ":"),
        ("two", 0, "appos", "NUM", "two"),
        ("to", 3, "prep", "ADP", "to"),
        ("Ghana", 4, "pobj", "PROPN", "Ghana"),
        ("and", 3, "cc", "CCONJ", "and"),
        ("three", 3, "conj", "NUM", "three"),
        (second_preposition, 7, "prep", "ADP", second_preposition),
        ("Kenya", 8, "pobj", "PROPN", "Kenya"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    extractor = Extractor(TriggerLexicon.load(), ContextCues.load(), lambda t, m: float(t.quad))
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Ghana", "GHA"), mention(doc, "Kenya", "KEN")])
    )
    return [(e.source.code, e.target.code if e.target else None) for e in found]


def test_two_names_in_the_same_role_are_not_each_others_sides() -> None:
    # Both bought: the sale was to each, not between them.
    assert _sales_to("to") == []
