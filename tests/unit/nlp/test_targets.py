"""Who an event is aimed at: lists, sides of "between", agents of acts, demands, recipients."""

from __future__ import annotations

from bilat.nlp.roles import verb_arguments
from tests.unit.nlp.handmade import parsed


def test_with_and_a_bare_participle_is_a_circumstance_not_a_partner() -> None:
    doc = parsed([
        ("Canada", 1, "nsubj", "PROPN", "Canada"),
        ("agreed", 1, "ROOT", "VERB", "agree"),
        (",", 1, "punct", "PUNCT", ","),
        ("with", 1, "prep", "ADP", "with"),
        ("conditions", 3, "pobj", "NOUN", "condition"),
        ("attached", 4, "acl", "VERB", "attach"),
        (",", 1, "punct", "PUNCT", ","),
        ("to", 8, "aux", "PART", "to"),
        ("help", 1, "xcomp", "VERB", "help"),
        ("Chile", 8, "dobj", "PROPN", "Chile"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert [t.text for t in verb_arguments(doc[1]).target] == ["Chile"]


def test_with_and_a_participle_of_its_own_words_still_names_a_partner() -> None:
    doc = parsed([
        ("Oman", 1, "nsubj", "PROPN", "Oman"),
        ("met", 1, "ROOT", "VERB", "meet"),
        ("with", 1, "prep", "ADP", "with"),
        ("envoys", 2, "pobj", "NOUN", "envoy"),
        ("sent", 3, "acl", "VERB", "send"),
        ("by", 4, "agent", "ADP", "by"),
        ("Peru", 5, "pobj", "PROPN", "Peru"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert [t.text for t in verb_arguments(doc[1]).target] == ["envoys"]


def test_hosting_a_meeting_between_two_sides_joins_both() -> None:
    doc = parsed([
        ("Qatar", 1, "nsubj", "PROPN", "Qatar"),
        ("hosted", 1, "ROOT", "VERB", "host"),
        ("a", 3, "det", "DET", "a"),
        ("meeting", 1, "dobj", "NOUN", "meeting"),
        ("between", 3, "prep", "ADP", "between"),
        ("Chad", 4, "pobj", "PROPN", "Chad"),
        ("and", 5, "cc", "CCONJ", "and"),
        ("Mali", 5, "conj", "PROPN", "Mali"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    args = verb_arguments(doc[1])
    assert [t.text for t in args.source] == ["Qatar"]
    assert [t.text for t in args.joint] == ["Chad", "Mali"]


def test_hosting_a_meeting_without_between_joins_nobody() -> None:
    doc = parsed([
        ("Qatar", 1, "nsubj", "PROPN", "Qatar"),
        ("hosted", 1, "ROOT", "VERB", "host"),
        ("a", 3, "det", "DET", "a"),
        ("meeting", 1, "dobj", "NOUN", "meeting"),
        ("in", 3, "prep", "ADP", "in"),
        ("Doha", 4, "pobj", "PROPN", "Doha"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    args = verb_arguments(doc[1])
    assert args.joint == ()
    assert [t.text for t in args.target] == ["meeting"]
