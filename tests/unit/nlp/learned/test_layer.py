"""bilat.nlp.learned.layer: how a reading of the event model overrules the rules.

Readings are written out by hand, so these tests check the layer's logic, not the model
(tests/integration/test_event_model.py runs the shipped model)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bilat.nlp.learned.encoder import TYPES, SentenceReading
from bilat.nlp.learned.layer import LearnedLayer, SentenceFacts, needs_reading, words_of
from bilat.records import Event, EventType, Mention, Status
from factories import event
from tests.unit.nlp.handmade import mention, parsed

# "Russia sent troops to Syria ." with a parse
TOKENS = [
    ("Russia", 1, "nsubj", "PROPN", "Russia"),
    ("sent", 1, "ROOT", "VERB", "send"),
    ("troops", 1, "dobj", "NOUN", "troop"),
    ("to", 1, "prep", "ADP", "to"),
    ("Syria", 3, "pobj", "PROPN", "Syria"),
    (".", 1, "punct", "PUNCT", "."),
]


def reading(
    type_: EventType | None, p: float = 0.9, source: int | None = 0, target: int | None = 4
) -> SentenceReading:
    """A reading that gives ``type_`` (None: no event) probability ``p``."""
    rest = (1 - p) / 16
    types = tuple(p if t is type_ else rest for t in TYPES)
    n = len(TOKENS)
    return SentenceReading(
        none=p if type_ is None else rest,
        types=types,
        source=tuple(0.9 if i == source else 0.05 for i in range(n)),
        target=tuple(0.9 if i == target else 0.05 for i in range(n)),
    )


@pytest.fixture()
def sentence() -> SentenceFacts:
    doc = parsed(TOKENS)
    sent = next(iter(doc.sents))
    return SentenceFacts(
        sent=sent,
        words=words_of(sent),
        events=(),
        mentions=(mention(doc, "Russia", "RUS"), mention(doc, "Syria", "SYR")),
        dates=(),
        article_id="a1",
        anchor=date(2015, 9, 4),
    )


def rule_event(facts: SentenceFacts, type_: EventType, swap: bool = False) -> Event:
    russia, syria = facts.mentions
    source, target = (syria, russia) if swap else (russia, syria)
    return event(
        type_,
        source,
        target,
        id_=f"e-{type_.value}",
        sentence=facts.sent.text,
        start=facts.sent.start_char,
        intensity=float(type_.quad),
    )


def layer(keep_uncoded: bool = False) -> LearnedLayer:
    return LearnedLayer(None, lambda t, m: float(t.quad), keep_uncoded)  # type: ignore[arg-type]


def test_a_sure_no_event_drops_the_rule_events(sentence: SentenceFacts) -> None:
    facts = replace_facts(sentence, events=(rule_event(sentence, EventType.MOBILIZE),))
    assert layer().decide(facts, reading(None, p=0.97)) == []


def test_an_unsure_no_event_leaves_the_rules_standing(sentence: SentenceFacts) -> None:
    facts = replace_facts(sentence, events=(rule_event(sentence, EventType.MOBILIZE),))
    [kept] = layer().decide(facts, reading(None, p=0.9))
    assert kept.type is EventType.MOBILIZE


def test_rule_events_keep_their_types_and_the_rules_confidence(
    sentence: SentenceFacts,
) -> None:
    mobilize_rule, aid_rule = (
        rule_event(sentence, EventType.MOBILIZE),
        rule_event(sentence, EventType.AID),
    )
    facts = replace_facts(sentence, events=(mobilize_rule, aid_rule))
    mobilize, aid = layer().decide(facts, reading(EventType.ASSAULT, p=0.8))
    assert (mobilize.type, aid.type) == (EventType.MOBILIZE, EventType.AID)
    # confidence is the fitted probability of being right, set after the layer
    assert (mobilize.confidence, aid.confidence) == (mobilize_rule.confidence, aid_rule.confidence)


def test_an_event_the_rules_missed_is_the_models_best_class_between_the_marked_sides(
    sentence: SentenceFacts,
) -> None:
    assert layer().decide(sentence, reading(None, p=0.6)) == []  # "no event" is likelier
    [added] = layer().decide(sentence, reading(EventType.MOBILIZE, p=0.5))
    assert added.type is EventType.MOBILIZE
    assert (added.source.code, added.target and added.target.code) == ("RUS", "SYR")
    assert added.status is Status.OCCURRED


def test_no_event_is_added_without_two_coded_sides(sentence: SentenceFacts) -> None:
    sure = reading(EventType.MOBILIZE, p=0.97, target=None)
    assert layer().decide(sentence, sure) == []
    [uncoded] = layer(keep_uncoded=True).decide(sentence, sure)
    assert uncoded.target is None


def test_sides_read_the_other_way_round_are_swapped(sentence: SentenceFacts) -> None:
    facts = replace_facts(sentence, events=(rule_event(sentence, EventType.MOBILIZE, swap=True),))
    [event] = layer().decide(facts, reading(EventType.MOBILIZE))
    assert (event.source.code, event.target and event.target.code) == ("RUS", "SYR")


def test_a_passive_agent_the_rules_read_is_not_swapped() -> None:
    # "Syria was attacked by Russia .": the role head reads Syria as the source
    doc = parsed([
        ("Syria", 2, "nsubjpass", "PROPN", "Syria"),
        ("was", 2, "auxpass", "AUX", "be"),
        ("attacked", 2, "ROOT", "VERB", "attack"),
        ("by", 2, "agent", "ADP", "by"),
        ("Russia", 3, "pobj", "PROPN", "Russia"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    sent = next(iter(doc.sents))
    syria, russia = mention(doc, "Syria", "SYR"), mention(doc, "Russia", "RUS")
    attack = event(EventType.ASSAULT, russia, syria, sentence=sent.text)
    facts = SentenceFacts(sent, words_of(sent), (attack,), (syria, russia), (), "a1", None)
    [kept] = layer().decide(facts, reading(EventType.ASSAULT, source=0, target=4))
    assert (kept.source.code, kept.target and kept.target.code) == ("RUS", "SYR")


def test_a_trigger_nouns_own_modifier_the_rules_read_as_source_is_not_swapped() -> None:
    # "Russia was placed under US sanctions .": "US" says who sanctions
    doc = parsed([
        ("Russia", 2, "nsubjpass", "PROPN", "Russia"),
        ("was", 2, "auxpass", "AUX", "be"),
        ("placed", 2, "ROOT", "VERB", "place"),
        ("under", 2, "prep", "ADP", "under"),
        ("US", 5, "compound", "PROPN", "US"),
        ("sanctions", 3, "pobj", "NOUN", "sanction"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    sent = next(iter(doc.sents))
    russia, us = mention(doc, "Russia", "RUS"), mention(doc, "US", "USA")

    def facts_of(trigger: str) -> SentenceFacts:
        sanction = event(EventType.SANCTION, us, russia, sentence=sent.text, trigger=trigger)
        return SentenceFacts(sent, words_of(sent), (sanction,), (russia, us), (), "a1", None)

    swap = reading(EventType.SANCTION, source=0, target=4)
    [kept] = layer().decide(facts_of("sanctions"), swap)
    assert (kept.source.code, kept.target and kept.target.code) == ("USA", "RUS")
    # a modifier of another word than the trigger is no such sign
    [swapped] = layer().decide(facts_of("placed"), swap)
    assert (swapped.source.code, swapped.target and swapped.target.code) == ("RUS", "USA")


def test_which_sentences_the_model_reads(sentence: SentenceFacts) -> None:
    assert not needs_reading(sentence, keep_uncoded=False)  # the rules found nothing
    assert needs_reading(sentence, keep_uncoded=True)  # sentence coding reads all
    relation = replace_facts(sentence, events=(rule_event(sentence, EventType.MOBILIZE),))
    assert needs_reading(relation, keep_uncoded=False)
    one = replace_facts(sentence, mentions=sentence.mentions[:1])
    one_sided = replace(rule_event(sentence, EventType.MOBILIZE), target=None)
    assert not needs_reading(replace_facts(one, events=(one_sided,)), keep_uncoded=False)
    # a side the role head may fill: another actor is named
    assert needs_reading(replace_facts(sentence, events=(one_sided,)), keep_uncoded=False)


def replace_facts(facts: SentenceFacts, **changes: object) -> SentenceFacts:
    fields = {name: getattr(facts, name) for name in SentenceFacts.__slots__}
    return SentenceFacts(**{**fields, **changes})  # type: ignore[arg-type]


def test_a_reading_sums_its_types_by_class() -> None:
    r = reading(EventType.ACCUSE, p=0.6)
    assert r.quad(3) == pytest.approx(0.6 + 3 * 0.4 / 16)
    assert r.best_type() == (EventType.ACCUSE, pytest.approx(0.6))
    assert r.best_type(4)[0] in (t for t in TYPES if t.quad == 4)
    assert Mention("x", 0, 1).code is None
