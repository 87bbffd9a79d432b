"""The one-country rule: which unnamed sides take the one country a sentence names."""

from __future__ import annotations

from dataclasses import replace

from bilat.nlp.extract import Extractor
from bilat.records import Actor
from tests.unit.nlp.handmade import facts, mention, parsed

Sides = list[tuple[str | None, str | None]]


def _sides(
    extractor: Extractor, tokens: list[tuple[str, int, str, str, str]], word: str, code: str
) -> Sides:
    doc = parsed(tokens)
    # the canonical name, as the resolver gives it: "Chile" names the state itself
    named = replace(mention(doc, word, code), actor=Actor(code, "Chile"))
    found = extractor.extract(doc, facts(doc, [named]))
    return [(e.source.code, e.target.code if e.target else None) for e in found]


def test_a_thing_a_state_acts_on_does_not_take_the_states_code(extractor: Extractor) -> None:
    tokens = [
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("criticised", 1, "ROOT", "VERB", "criticise"),
        ("the", 3, "det", "DET", "the"),
        ("manoeuvres", 1, "dobj", "NOUN", "manoeuvre"),
        (".", 1, "punct", "PUNCT", "."),
    ]  # fmt: skip
    assert _sides(extractor, tokens, "Chile", "CHL") == [("CHL", None)]


def test_people_a_state_acts_on_take_the_states_code(extractor: Extractor) -> None:
    tokens = [
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("criticised", 1, "ROOT", "VERB", "criticise"),
        ("the", 5, "det", "DET", "the"),
        ("miners", 5, "poss", "NOUN", "miner"),
        ("'", 3, "case", "PART", "'"),
        ("union", 1, "dobj", "NOUN", "union"),
        (".", 1, "punct", "PUNCT", "."),
    ]  # fmt: skip
    assert _sides(extractor, tokens, "Chile", "CHL") == [("CHL", "CHL")]


def test_a_thing_a_states_own_body_acts_on_stays_domestic(extractor: Extractor) -> None:
    tokens = [
        ("Chilean", 1, "amod", "ADJ", "chilean"),
        ("police", 2, "nsubj", "NOUN", "police"),
        ("criticised", 2, "ROOT", "VERB", "criticise"),
        ("the", 4, "det", "DET", "the"),
        ("march", 2, "dobj", "NOUN", "march"),
        (".", 2, "punct", "PUNCT", "."),
    ]  # fmt: skip
    assert _sides(extractor, tokens, "Chilean", "CHL") == [("CHL", "CHL")]


def test_the_host_of_a_visitor_does_not_take_the_visitors_country(
    extractor: Extractor,
) -> None:
    tokens = [
        ("The", 1, "det", "DET", "the"),
        ("president", 2, "nsubj", "NOUN", "president"),
        ("met", 2, "ROOT", "VERB", "meet"),
        ("the", 5, "det", "DET", "the"),
        ("Chilean", 5, "amod", "ADJ", "chilean"),
        ("envoy", 2, "dobj", "NOUN", "envoy"),
        (".", 2, "punct", "PUNCT", "."),
    ]  # fmt: skip
    assert _sides(extractor, tokens, "Chilean", "CHL") == [(None, "CHL")]


def test_a_light_verb_with_a_counterpart_noun_is_a_counterpart_act(
    extractor: Extractor,
) -> None:
    tokens = [
        ("The", 1, "det", "DET", "the"),
        ("president", 2, "nsubj", "NOUN", "president"),
        ("gave", 2, "ROOT", "VERB", "give"),
        ("a", 4, "det", "DET", "a"),
        ("welcome", 2, "dobj", "NOUN", "welcome"),
        ("to", 2, "prep", "ADP", "to"),
        ("Chilean", 7, "amod", "ADJ", "chilean"),
        ("envoys", 5, "pobj", "NOUN", "envoy"),
        (".", 2, "punct", "PUNCT", "."),
    ]  # fmt: skip
    assert all(source is None for source, _ in _sides(extractor, tokens, "Chilean", "CHL"))


def test_police_arresting_a_countrys_people_are_that_countrys(extractor: Extractor) -> None:
    tokens = [
        ("Police", 1, "nsubj", "NOUN", "police"),
        ("arrested", 1, "ROOT", "VERB", "arrest"),
        ("Chilean", 3, "amod", "ADJ", "chilean"),
        ("activists", 1, "dobj", "NOUN", "activist"),
        (".", 1, "punct", "PUNCT", "."),
    ]  # fmt: skip
    assert _sides(extractor, tokens, "Chilean", "CHL") == [("CHL", "CHL")]


def test_who_acts_on_a_state_named_as_a_whole_is_not_taken_to_be_of_it(
    extractor: Extractor,
) -> None:
    tokens = [
        ("The", 1, "det", "DET", "the"),
        ("bishop", 2, "nsubj", "NOUN", "bishop"),
        ("criticised", 2, "ROOT", "VERB", "criticise"),
        ("Chile", 2, "dobj", "PROPN", "Chile"),
        (".", 2, "punct", "PUNCT", "."),
    ]  # fmt: skip
    assert _sides(extractor, tokens, "Chile", "CHL") == [(None, "CHL")]


def test_who_acts_on_a_states_officials_may_be_of_it(extractor: Extractor) -> None:
    tokens = [
        ("The", 1, "det", "DET", "the"),
        ("bishop", 2, "nsubj", "NOUN", "bishop"),
        ("criticised", 2, "ROOT", "VERB", "criticise"),
        ("Chilean", 4, "amod", "ADJ", "chilean"),
        ("officials", 2, "dobj", "NOUN", "official"),
        (".", 2, "punct", "PUNCT", "."),
    ]  # fmt: skip
    assert _sides(extractor, tokens, "Chilean", "CHL") == [("CHL", "CHL")]


def test_who_goes_to_a_state_named_as_a_whole_may_be_of_it(extractor: Extractor) -> None:
    tokens = [
        ("The", 1, "det", "DET", "the"),
        ("bishop", 2, "nsubj", "NOUN", "bishop"),
        ("resigned", 2, "ROOT", "VERB", "resign"),
        ("and", 2, "cc", "CCONJ", "and"),
        ("returned", 2, "conj", "VERB", "return"),
        ("to", 4, "prep", "ADP", "to"),
        ("Chile", 5, "pobj", "PROPN", "Chile"),
        (".", 2, "punct", "PUNCT", "."),
    ]  # fmt: skip
    assert all(source == "CHL" for source, _ in _sides(extractor, tokens, "Chile", "CHL"))


def _with_chileans(verb: str, lemma: str) -> list[tuple[str, int, str, str, str]]:
    return [
        ("The", 1, "det", "DET", "the"),
        ("police", 2, "nsubj", "NOUN", "police"),
        (verb, 2, "ROOT", "VERB", lemma),
        ("with", 2, "prep", "ADP", "with"),
        ("Chilean", 5, "amod", "ADJ", "chilean"),
        ("envoys", 3, "pobj", "NOUN", "envoy"),
        (".", 2, "punct", "PUNCT", "."),
    ]


def test_who_cooperates_with_a_countrys_envoys_is_not_taken_to_be_of_it(
    extractor: Extractor,
) -> None:
    found = _sides(extractor, _with_chileans("cooperated", "cooperate"), "Chilean", "CHL")
    assert found and all(source is None for source, _ in found)


def test_who_clashes_with_a_countrys_people_may_be_of_it(extractor: Extractor) -> None:
    found = _sides(extractor, _with_chileans("clashed", "clash"), "Chilean", "CHL")
    assert found and all(source == "CHL" for source, _ in found)
