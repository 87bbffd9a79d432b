"""The side rules: named, ordered, each with its example and confidence; the rule that
decided is the event's provenance (hand-built parses)."""

from __future__ import annotations

from bilat.nlp.extract import Extractor
from bilat.nlp.sides.rules import SIDE_RULES
from bilat.nlp.sides.subject_object import (
    CLAUSE_RECIPIENT,
    CODED_SOURCE,
    CODED_TARGET,
    INHERITED,
    ONE_COUNTRY,
)
from tests.unit.nlp.handmade import facts, mention, parsed


def test_every_rule_has_a_name_of_its_own_an_example_and_a_confidence() -> None:
    names = [r.name for r in SIDE_RULES]
    assert len(set(names)) == len(names)
    for rule in SIDE_RULES:
        assert rule.example.endswith(".") and len(rule.example.split()) >= 3, rule.name
        assert 0 < rule.confidence < 1, rule.name
    # the catch-all comes last: every rule before it would never be tried otherwise
    assert names[-1] == "subject-object"


def test_the_steps_keep_the_offsets_the_rule_always_had() -> None:
    offsets = [s.offset for s in (CLAUSE_RECIPIENT, CODED_SOURCE, CODED_TARGET)]
    assert offsets == [-0.1, 0.2, 0.15]
    assert (INHERITED.offset, ONE_COUNTRY.offset) == (-0.05, -0.1)


def test_coordinated_subjects_acting_together_are_joint_subjects(extractor: Extractor) -> None:
    doc = parsed([
        ("Pakistan", 3, "nsubj", "PROPN", "Pakistan"),
        ("and", 0, "cc", "CCONJ", "and"),
        ("Russia", 0, "conj", "PROPN", "Russia"),
        ("signed", 3, "ROOT", "VERB", "sign"),
        ("an", 5, "det", "DET", "an"),
        ("agreement", 3, "dobj", "NOUN", "agreement"),
        (".", 3, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Pakistan", "PAK"), mention(doc, "Russia", "RUS")]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [(e.rule, e.confidence, e.symmetric) for e in found] == [("joint-subjects", 0.8, True)]


def test_talks_between_two_states_are_between_them(extractor: Extractor) -> None:
    doc = parsed([
        ("Talks", 5, "nsubj", "NOUN", "talk"),
        ("between", 0, "prep", "ADP", "between"),
        ("Pakistan", 1, "pobj", "PROPN", "Pakistan"),
        ("and", 2, "cc", "CCONJ", "and"),
        ("Russia", 2, "conj", "PROPN", "Russia"),
        ("resumed", 5, "ROOT", "VERB", "resume"),
        (".", 5, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Pakistan", "PAK"), mention(doc, "Russia", "RUS")]
    found = extractor.extract(doc, facts(doc, mentions))
    # an event noun: the rule's 0.85 less 0.1
    assert [(e.rule, e.confidence, e.dyad) for e in found] == [("between", 0.75, ("PAK", "RUS"))]


def test_a_subject_acting_on_its_object_is_subject_object(extractor: Extractor) -> None:
    doc = parsed([
        ("France", 1, "nsubj", "PROPN", "France"),
        ("sent", 1, "ROOT", "VERB", "send"),
        ("aid", 1, "dobj", "NOUN", "aid"),
        ("to", 1, "dative", "ADP", "to"),
        ("Mali", 3, "pobj", "PROPN", "Mali"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "France", "FRA"), mention(doc, "Mali", "MLI")]
    found = extractor.extract(doc, facts(doc, mentions))
    # 0.55, a coded source (+0.2) and a coded target (+0.15)
    assert [(e.rule, e.confidence, e.dyad) for e in found] == [
        ("subject-object", 0.9, ("FRA", "MLI"))
    ]


def test_sides_the_one_country_gives_name_that_step(extractor: Extractor) -> None:
    doc = parsed([
        ("Police", 1, "nsubj", "NOUN", "police"),
        ("arrested", 1, "ROOT", "VERB", "arrest"),
        ("protesters", 1, "dobj", "NOUN", "protester"),
        ("in", 1, "prep", "ADP", "in"),
        ("Haiti", 3, "pobj", "PROPN", "Haiti"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(doc, facts(doc, [mention(doc, "Haiti", "HTI")]))
    assert [e.rule for e in found] == ["subject-object+clause-recipient+one-country"]
