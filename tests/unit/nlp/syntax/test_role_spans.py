"""Role spans: where the phrase a source or target names begins and ends."""

from __future__ import annotations

from bilat.nlp.syntax.role_spans import role_span
from tests.unit.nlp.handmade import parsed


def test_role_span_runs_to_the_end_of_the_phrase_but_not_into_clauses() -> None:
    doc = parsed([
        ("Troops", 1, "nsubj", "NOUN", "troop"),
        ("attacked", 1, "ROOT", "VERB", "attack"),
        ("the", 3, "det", "DET", "the"),
        ("bastion", 1, "dobj", "NOUN", "bastion"),
        ("in", 3, "prep", "ADP", "in"),
        ("the", 6, "det", "DET", "the"),
        ("country", 4, "pobj", "NOUN", "country"),
        ("that", 8, "nsubj", "PRON", "that"),
        ("fell", 3, "relcl", "VERB", "fall"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert role_span(doc[3]).text == "the bastion in the country"


def test_role_span_leaves_out_an_infinitive_hanging_off_the_head() -> None:
    doc = parsed([
        ("Iran", 1, "nsubj", "PROPN", "Iran"),
        ("condemned", 1, "ROOT", "VERB", "condemn"),
        ("the", 3, "det", "DET", "the"),
        ("decision", 1, "dobj", "NOUN", "decision"),
        ("to", 5, "aux", "PART", "to"),
        ("recognise", 3, "acl", "VERB", "recognise"),
        ("Jerusalem", 5, "dobj", "PROPN", "Jerusalem"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert role_span(doc[3]).text == "the decision"


def test_role_span_leaves_out_a_time_phrase_but_keeps_a_closing_bracket() -> None:
    doc = parsed([
        ("Air", 1, "compound", "PROPN", "Air"),
        ("Force", 7, "nsubj", "PROPN", "Force"),
        ("(", 3, "punct", "PUNCT", "("),
        ("NAF", 1, "appos", "PROPN", "NAF"),
        (")", 3, "punct", "PUNCT", ")"),
        ("on", 1, "prep", "ADP", "on"),
        ("Sunday", 5, "pobj", "PROPN", "Sunday"),
        ("struck", 7, "ROOT", "VERB", "strike"),
        ("a", 9, "det", "DET", "a"),
        ("camp", 7, "dobj", "NOUN", "camp"),
        (".", 7, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert role_span(doc[1]).text == "Air Force ( NAF )"


def test_role_span_leaves_out_a_participle_after_its_head() -> None:
    doc = parsed([
        ("Russia", 1, "nsubj", "PROPN", "Russia"),
        ("vetoed", 1, "ROOT", "VERB", "veto"),
        ("a", 4, "det", "DET", "a"),
        ("draft", 4, "compound", "NOUN", "draft"),
        ("resolution", 1, "dobj", "NOUN", "resolution"),
        ("presented", 4, "acl", "VERB", "present"),
        ("by", 5, "agent", "ADP", "by"),
        ("Britain", 6, "pobj", "PROPN", "Britain"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert role_span(doc[4]).text == "a draft resolution"


def test_role_span_leaves_out_a_place_around_the_actor_but_keeps_of() -> None:
    doc = parsed([
        ("Jets", 1, "nsubj", "NOUN", "jet"),
        ("struck", 1, "ROOT", "VERB", "strike"),
        ("the", 3, "det", "DET", "the"),
        ("camps", 1, "dobj", "NOUN", "camp"),
        ("of", 3, "prep", "ADP", "of"),
        ("rebels", 4, "pobj", "NOUN", "rebel"),
        ("near", 3, "prep", "ADP", "near"),
        ("the", 8, "det", "DET", "the"),
        ("border", 6, "pobj", "NOUN", "border"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert role_span(doc[3]).text == "the camps of rebels"


def test_role_span_reads_a_spaced_curly_possessive_as_the_owned_noun() -> None:
    doc = parsed([
        ("Biden", 1, "nsubj", "PROPN", "Biden"),
        ("defended", 1, "ROOT", "VERB", "defend"),
        ("Japan", 1, "dobj", "PROPN", "Japan"),
        ("’", 1, "punct", "PUNCT", "’"),
        ("s", 1, "dep", "VERB", "s"),
        ("new", 6, "amod", "ADJ", "new"),
        ("policy", 4, "acomp", "NOUN", "policy"),
        ("of", 6, "prep", "ADP", "of"),
        ("defence", 7, "pobj", "NOUN", "defence"),
        ("to", 10, "aux", "PART", "to"),
        ("act", 6, "acl", "VERB", "act"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert role_span(doc[2]).text == "Japan ’ s new policy of defence"


def _apposed(noun: str, lemma: str) -> str:
    """ "Chile shelled Arica, a <noun> of Peru": the target's phrase."""
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("shelled", 1, "ROOT", "VERB", "shell"),
        ("Arica", 1, "dobj", "PROPN", "Arica"),
        (",", 2, "punct", "PUNCT", ","),
        ("a", 5, "det", "DET", "a"),
        (noun, 2, "appos", "NOUN", lemma),
        ("of", 5, "prep", "ADP", "of"),
        ("Peru", 6, "pobj", "PROPN", "Peru"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    return role_span(doc[2]).text


def test_role_span_leaves_out_an_apposition_that_only_describes() -> None:
    assert _apposed("port", "port") == "Arica"


def test_role_span_keeps_an_apposition_naming_a_post() -> None:
    assert _apposed("governor", "governor") == "Arica, a governor of Peru"


def test_role_span_leaves_out_the_heads_place_when_told() -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("expelled", 1, "ROOT", "VERB", "expel"),
        ("envoys", 1, "dobj", "NOUN", "envoy"),
        ("of", 2, "prep", "ADP", "of"),
        ("Peru", 3, "pobj", "PROPN", "Peru"),
        ("at", 2, "prep", "ADP", "at"),
        ("Lima", 5, "pobj", "PROPN", "Lima"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert role_span(doc[2]).text == "envoys of Peru at Lima"
    assert role_span(doc[2], located=False).text == "envoys of Peru"


def test_role_span_leaves_out_the_capacity_an_actor_is_held_in() -> None:
    doc = parsed([
        ("Rebels", 1, "nsubj", "NOUN", "rebel"),
        ("held", 1, "ROOT", "VERB", "hold"),
        ("Chilean", 3, "amod", "ADJ", "chilean"),
        ("miners", 1, "dobj", "NOUN", "miner"),
        ("as", 3, "prep", "ADP", "as"),
        ("hostages", 4, "pobj", "NOUN", "hostage"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert role_span(doc[3]).text == "Chilean miners"


def _on_phrase(noun: str, lemma: str) -> str:
    """ "Chile rejected Peru's <noun> on Bolivia": the object's phrase."""
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("rejected", 1, "ROOT", "VERB", "reject"),
        ("Peru", 4, "poss", "PROPN", "Peru"),
        ("'s", 2, "case", "PART", "'s"),
        (noun, 1, "dobj", "NOUN", lemma),
        ("on", 4, "prep", "ADP", "on"),
        ("Bolivia", 5, "pobj", "PROPN", "Bolivia"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    return role_span(doc[4]).text


def test_role_span_leaves_out_what_a_saying_is_about() -> None:
    assert _on_phrase("comments", "comment") == "Peru's comments"


def test_role_span_keeps_whom_a_measure_is_on() -> None:
    assert _on_phrase("sanctions", "sanction") == "Peru's sanctions on Bolivia"


def test_role_span_leaves_out_a_speaker_misread_as_an_apposition() -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("left", 1, "ROOT", "VERB", "leave"),
        ("Peru", 1, "dobj", "PROPN", "Peru"),
        (",", 2, "punct", "PUNCT", ","),
        ("Minister", 5, "compound", "PROPN", "Minister"),
        ("Soto", 2, "appos", "PROPN", "Soto"),
        ("said", 1, "conj", "VERB", "say"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert role_span(doc[2]).text == "Peru"
