"""Which events a sentence of an analysis article yields, on hand-built parses."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

import factories
from bilat.nlp.events.contexts import ContextCues
from bilat.nlp.events.dominance import is_adjunct, sequence_phrase
from bilat.nlp.events.lexicon import TriggerLexicon
from bilat.nlp.events.reportable import without_partial_repeats
from bilat.nlp.events.triggers import find_triggers, noun_sense
from bilat.nlp.extract import Extractor
from bilat.nlp.facts import DatedText
from bilat.records import DateSpan, Event, EventType, Granularity, Mention
from tests.unit.nlp.handmade import facts, mention, parsed


def _triples(found: list[Event]) -> list[tuple[EventType, tuple[str, str] | None, str]]:
    return sorted((e.type, e.dyad, e.evidence.trigger) for e in found)


def _ties_and_treaty(preposition: str) -> tuple[Doc, list[Mention]]:
    """ "Chile established ties with Peru <preposition> the treaty between Chile and Peru." """
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("established", 1, "ROOT", "VERB", "establish"),
        ("ties", 1, "dobj", "NOUN", "tie"),
        ("with", 2, "prep", "ADP", "with"),
        ("Peru", 3, "pobj", "PROPN", "Peru"),
        (preposition, 1, "prep", "ADP", preposition),
        ("the", 7, "det", "DET", "the"),
        ("treaty", 5, "pobj", "NOUN", "treaty"),
        ("between", 7, "prep", "ADP", "between"),
        ("Chile", 8, "pobj", "PROPN", "Chile"),
        ("and", 9, "cc", "CCONJ", "and"),
        ("Peru", 9, "conj", "PROPN", "Peru"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    return doc, [
        mention(doc, "Chile", "CHL"),
        mention(doc, "Peru", "PER"),
        mention(doc, "Chile", "CHL", nth=1),
        mention(doc, "Peru", "PER", nth=1),
    ]


def test_an_act_after_another_of_the_same_kind_is_a_second_event(extractor: Extractor) -> None:
    doc, named = _ties_and_treaty("following")
    assert sequence_phrase(doc[7]) == "following"
    found = extractor.extract(doc, facts(doc, named))
    triggers = [e.evidence.trigger for e in found if e.dyad == ("CHL", "PER")]
    assert sorted(triggers) == ["established", "treaty"]


def test_an_act_during_another_is_not_put_in_sequence() -> None:
    doc, _ = _ties_and_treaty("during")
    assert sequence_phrase(doc[7]) == ""
    assert sequence_phrase(doc[1]) == ""


def _event(trigger: str, type_: EventType, source: str | None, target: str | None) -> Event:
    return factories.event(
        type_,
        factories.mention(source, source or "", end=0),
        None if target is None else factories.mention(target, target, end=0),
        id_=f"{trigger}-{source}-{target}",
        sentence="Iran found a market for arms and cooperation.",
        trigger=trigger,
    )


def test_a_half_resolved_event_repeating_a_full_one_of_its_type_is_dropped() -> None:
    # "Iran found a market for cooperation and arms sales, one being Syria".
    sales = _event("sales", EventType.COOPERATE, "IRN", "SYR")
    cooperation = _event("cooperation", EventType.COOPERATE, "IRN", None)
    assert without_partial_repeats([cooperation, sales]) == [sales]


def test_a_half_resolved_event_of_another_type_or_side_is_kept() -> None:
    sales = _event("sales", EventType.COOPERATE, "IRN", "SYR")
    aid = _event("aid", EventType.AID, "IRN", None)
    elsewhere = _event("cooperation", EventType.COOPERATE, None, "IRQ")
    assert without_partial_repeats([aid, elsewhere, sales]) == [aid, elsewhere, sales]


def _with_clause(extractor: Extractor) -> tuple[list[Event], Doc]:
    """ "With Canada imposing tariffs on Mexico, Mexico reached out to Brazil." """
    doc = parsed([
        ("With", 8, "prep", "ADP", "with"),
        ("Canada", 2, "nsubj", "PROPN", "Canada"),
        ("imposing", 0, "pcomp", "VERB", "impose"),
        ("tariffs", 2, "dobj", "NOUN", "tariff"),
        ("on", 3, "prep", "ADP", "on"),
        ("Mexico", 4, "pobj", "PROPN", "Mexico"),
        (",", 8, "punct", "PUNCT", ","),
        ("Mexico", 8, "nsubj", "PROPN", "Mexico"),
        ("reached", 8, "ROOT", "VERB", "reach"),
        ("out", 8, "prt", "ADP", "out"),
        ("to", 8, "prep", "ADP", "to"),
        ("Brazil", 10, "pobj", "PROPN", "Brazil"),
        (".", 8, "punct", "PUNCT", "."),
    ])  # fmt: skip
    named = [
        mention(doc, "Canada", "CAN"),
        mention(doc, "Mexico", "MEX"),
        mention(doc, "Mexico", "MEX", nth=1),
        mention(doc, "Brazil", "BRA"),
    ]
    return extractor.extract(doc, facts(doc, named)), doc


def test_an_absolute_with_clause_is_circumstance(extractor: Extractor) -> None:
    found, doc = _with_clause(extractor)
    assert is_adjunct(doc[0])
    dyads = {(e.type, e.dyad) for e in found}
    # The overture is the sentence's lead; the tariffs, whose sides the clause names,
    # are reported beside it rather than swallowed as its content.
    assert (EventType.SUPPORT, ("BRA", "MEX")) in dyads
    assert any(e.dyad == ("CAN", "MEX") and e.evidence.trigger == "imposing" for e in found)


def test_with_naming_a_partner_is_no_adjunct() -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("agreed", 1, "ROOT", "VERB", "agree"),
        ("with", 1, "prep", "ADP", "with"),
        ("Peru", 2, "pobj", "PROPN", "Peru"),
    ])  # fmt: skip
    assert not is_adjunct(doc[2])


def test_reaching_out_is_diplomatic_support() -> None:
    assert TriggerLexicon.load().phrasal[("reach", "out")] == (EventType.SUPPORT, None)


def test_an_avoided_or_refrained_act_is_no_event(extractor: Extractor) -> None:
    avoided = parsed([
        ("Ghana", 1, "nsubj", "PROPN", "Ghana"),
        ("avoided", 1, "ROOT", "VERB", "avoid"),
        ("siding", 1, "xcomp", "VERB", "side"),
        ("with", 2, "prep", "ADP", "with"),
        ("Togo", 3, "pobj", "PROPN", "Togo"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    refrained = parsed([
        ("Ghana", 1, "nsubj", "PROPN", "Ghana"),
        ("refrained", 1, "ROOT", "VERB", "refrain"),
        ("from", 1, "prep", "ADP", "from"),
        ("attacking", 2, "pcomp", "VERB", "attack"),
        ("Togo", 3, "dobj", "PROPN", "Togo"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    for doc in (avoided, refrained):
        named = [mention(doc, "Ghana", "GHA"), mention(doc, "Togo", "TGO")]
        assert extractor.extract(doc, facts(doc, named)) == []


def test_a_sided_act_not_avoided_is_still_an_event(extractor: Extractor) -> None:
    doc = parsed([
        ("Ghana", 1, "nsubj", "PROPN", "Ghana"),
        ("sided", 1, "ROOT", "VERB", "side"),
        ("with", 1, "prep", "ADP", "with"),
        ("Togo", 2, "pobj", "PROPN", "Togo"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    named = [mention(doc, "Ghana", "GHA"), mention(doc, "Togo", "TGO")]
    found = extractor.extract(doc, facts(doc, named))
    assert _triples(found) == [(EventType.SUPPORT, ("GHA", "TGO"), "sided")]


def test_cooperation_against_a_country_does_not_make_it_the_partner(
    extractor: Extractor,
) -> None:
    # "Kenya's collaboration against Somalia": Somalia is the opponent, not the partner.
    doc = parsed([
        ("Kenya", 2, "poss", "PROPN", "Kenya"),
        ("'s", 0, "case", "PART", "'s"),
        ("collaboration", 2, "ROOT", "NOUN", "collaboration"),
        ("against", 2, "prep", "ADP", "against"),
        ("Somalia", 3, "pobj", "PROPN", "Somalia"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    named = [mention(doc, "Kenya", "KEN"), mention(doc, "Somalia", "SOM")]
    found = extractor.extract(doc, facts(doc, named))
    assert all(e.dyad != ("KEN", "SOM") for e in found)


def test_lifting_sanctions_against_a_country_keeps_it_as_the_target(
    extractor: Extractor,
) -> None:
    doc = parsed([
        ("Canada", 1, "nsubj", "PROPN", "Canada"),
        ("lifted", 1, "ROOT", "VERB", "lift"),
        ("sanctions", 1, "dobj", "NOUN", "sanction"),
        ("against", 2, "prep", "ADP", "against"),
        ("Cuba", 3, "pobj", "PROPN", "Cuba"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    named = [mention(doc, "Canada", "CAN"), mention(doc, "Cuba", "CUB")]
    found = extractor.extract(doc, facts(doc, named))
    assert [(e.type, e.dyad) for e in found] == [(EventType.RETREAT, ("CAN", "CUB"))]


def test_an_act_of_a_country_on_itself_is_no_partial_repeat() -> None:
    sales = _event("sales", EventType.COOPERATE, "IRN", "SYR")
    domestic = _event("cooperation", EventType.COOPERATE, "IRN", "IRN")
    assert without_partial_repeats([domestic, sales]) == [domestic, sales]


def _cooperation_matches(verb: list[tuple[str, int, str, str, str]]) -> list[Event]:
    """ "Greece cooperation with Turkey <verb> its potential." """
    extractor = Extractor(TriggerLexicon.load(), ContextCues.load(), lambda t, m: float(t.quad))
    root = 4 + len(verb) - 1
    doc = parsed([
        ("Greece", 1, "compound", "PROPN", "Greece"),
        ("cooperation", root, "nsubj", "NOUN", "cooperation"),
        ("with", 1, "prep", "ADP", "with"),
        ("Turkey", 2, "pobj", "PROPN", "Turkey"),
        *verb,
        ("its", root + 2, "poss", "PRON", "its"),
        ("potential", root, "dobj", "NOUN", "potential"),
        (".", root, "punct", "PUNCT", "."),
    ])  # fmt: skip
    named = [mention(doc, "Greece", "GRC"), mention(doc, "Turkey", "TUR")]
    return extractor.extract(doc, facts(doc, named))


def test_an_event_noun_subject_of_a_simple_present_verb_is_no_act() -> None:
    present = [
        ("does", 6, "aux", "AUX", "do"),
        ("not", 6, "neg", "PART", "not"),
        ("match", 6, "ROOT", "VERB", "match"),
    ]
    assert _cooperation_matches(present) == []


def test_an_event_noun_subject_of_a_past_verb_is_an_act() -> None:
    found = _cooperation_matches([("matched", 4, "ROOT", "VERB", "match")])
    assert [(e.type, e.dyad) for e in found] == [(EventType.COOPERATE, ("GRC", "TUR"))]


def _visit_marks_a_shift(dated: bool) -> list[Event]:
    """ "Greece's visit to Turkey [in 2019] marks a shift." """
    extractor = Extractor(TriggerLexicon.load(), ContextCues.load(), lambda t, m: float(t.quad))
    when = [("in", 2, "prep", "ADP", "in"), ("2019", 5, "pobj", "NUM", "2019")] if dated else []
    verb = 5 + len(when)
    doc = parsed([
        ("Greece", 2, "poss", "PROPN", "Greece"),
        ("'s", 0, "case", "PART", "'s"),
        ("visit", verb, "nsubj", "NOUN", "visit"),
        ("to", 2, "prep", "ADP", "to"),
        ("Turkey", 3, "pobj", "PROPN", "Turkey"),
        *when,
        ("marks", verb, "ROOT", "VERB", "mark"),
        ("a", verb + 2, "det", "DET", "a"),
        ("shift", verb, "dobj", "NOUN", "shift"),
        (".", verb, "punct", "PUNCT", "."),
    ])  # fmt: skip
    doc[verb].tag_ = "VBZ"
    year = DateSpan(date(2019, 1, 1), date(2019, 12, 31), Granularity.YEAR, "2019")
    dates = [DatedText(doc[6].idx, doc[6].idx + 4, year)] if dated else []
    named = [mention(doc, "Greece", "GRC"), mention(doc, "Turkey", "TUR")]
    return extractor.extract(doc, facts(doc, named, dates))


def test_a_dated_event_noun_in_a_simple_present_clause_is_still_an_act() -> None:
    assert [e.dyad for e in _visit_marks_a_shift(dated=True)] == [("GRC", "TUR")]
    assert _visit_marks_a_shift(dated=False) == []


def test_an_event_noun_in_a_phrase_of_possibility_is_no_event(extractor: Extractor) -> None:
    # "Kenya found opportunities for expansion of its dialogue with Uganda."
    doc = parsed([
        ("Kenya", 1, "nsubj", "PROPN", "Kenya"),
        ("found", 1, "ROOT", "VERB", "find"),
        ("opportunities", 1, "dobj", "NOUN", "opportunity"),
        ("for", 2, "prep", "ADP", "for"),
        ("expansion", 3, "pobj", "NOUN", "expansion"),
        ("of", 4, "prep", "ADP", "of"),
        ("its", 7, "poss", "PRON", "its"),
        ("dialogue", 5, "pobj", "NOUN", "dialogue"),
        ("with", 7, "prep", "ADP", "with"),
        ("Uganda", 8, "pobj", "PROPN", "Uganda"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    named = [mention(doc, "Kenya", "KEN"), mention(doc, "Uganda", "UGA")]
    assert extractor.extract(doc, facts(doc, named)) == []


def test_an_event_noun_in_an_ordinary_phrase_is_an_event(extractor: Extractor) -> None:
    # "Kenya held rounds of dialogue with Uganda."
    doc = parsed([
        ("Kenya", 1, "nsubj", "PROPN", "Kenya"),
        ("held", 1, "ROOT", "VERB", "hold"),
        ("rounds", 1, "dobj", "NOUN", "round"),
        ("of", 2, "prep", "ADP", "of"),
        ("dialogue", 3, "pobj", "NOUN", "dialogue"),
        ("with", 4, "prep", "ADP", "with"),
        ("Uganda", 5, "pobj", "PROPN", "Uganda"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    named = [mention(doc, "Kenya", "KEN"), mention(doc, "Uganda", "UGA")]
    found = extractor.extract(doc, facts(doc, named))
    assert [(e.type, e.dyad) for e in found] == [(EventType.CONSULT, ("KEN", "UGA"))]


def _discussed(passive: bool) -> list[Event]:
    """ "The situation in Mali was discussed." / "Niger discussed the situation in Mali." """
    extractor = Extractor(TriggerLexicon.load(), ContextCues.load(), lambda t, m: float(t.quad))
    if passive:
        doc = parsed([
            ("The", 1, "det", "DET", "the"),
            ("situation", 5, "nsubjpass", "NOUN", "situation"),
            ("in", 1, "prep", "ADP", "in"),
            ("Mali", 2, "pobj", "PROPN", "Mali"),
            ("was", 5, "auxpass", "AUX", "be"),
            ("discussed", 5, "ROOT", "VERB", "discuss"),
            (".", 5, "punct", "PUNCT", "."),
        ])  # fmt: skip
        named = [mention(doc, "Mali", "MLI")]
    else:
        doc = parsed([
            ("Niger", 1, "nsubj", "PROPN", "Niger"),
            ("discussed", 1, "ROOT", "VERB", "discuss"),
            ("the", 3, "det", "DET", "the"),
            ("situation", 1, "dobj", "NOUN", "situation"),
            ("with", 1, "prep", "ADP", "with"),
            ("Mali", 4, "pobj", "PROPN", "Mali"),
            (".", 1, "punct", "PUNCT", "."),
        ])  # fmt: skip
        named = [mention(doc, "Niger", "NER"), mention(doc, "Mali", "MLI")]
    return extractor.extract(doc, facts(doc, named))


def test_a_topic_discussed_by_nobody_named_is_no_side() -> None:
    assert _discussed(passive=True) == []


def test_a_discussion_with_a_named_partner_keeps_it() -> None:
    found = _discussed(passive=False)
    assert [(e.type, e.dyad) for e in found] == [(EventType.CONSULT, ("MLI", "NER"))]


def test_an_act_someone_is_suspected_of_is_no_event() -> None:
    """ "Two Ghanaians suspected of attacking Benin were freed." """
    doc = parsed([
        ("Two", 1, "nummod", "NUM", "two"),
        ("Ghanaians", 7, "nsubjpass", "PROPN", "Ghanaians"),
        ("suspected", 1, "acl", "VERB", "suspect"),
        ("of", 2, "prep", "ADP", "of"),
        ("attacking", 3, "pcomp", "VERB", "attack"),
        ("Benin", 4, "dobj", "PROPN", "Benin"),
        ("were", 7, "auxpass", "AUX", "be"),
        ("freed", 7, "ROOT", "VERB", "free"),
        (".", 7, "punct", "PUNCT", "."),
    ])  # fmt: skip
    triggers = find_triggers(doc[:], TriggerLexicon.load())
    assert "attacking" not in [t.token.text for t in triggers]


def test_an_act_not_alleged_is_still_a_trigger() -> None:
    """ "Ghana tired of attacking Benin.": only an allegation governs the act away."""
    doc = parsed([
        ("Ghana", 1, "nsubj", "PROPN", "Ghana"),
        ("tired", 1, "ROOT", "VERB", "tire"),
        ("of", 1, "prep", "ADP", "of"),
        ("attacking", 2, "pcomp", "VERB", "attack"),
        ("Benin", 3, "dobj", "PROPN", "Benin"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    triggers = find_triggers(doc[:], TriggerLexicon.load())
    assert "attacking" in [t.token.text for t in triggers]


def test_blowing_up_is_a_bombing() -> None:
    assert TriggerLexicon.load().phrasal[("blow", "up")] == (EventType.ASSAULT, None)


def test_allowing_is_a_concession_and_allowing_relief_gives_access() -> None:
    lexicon = TriggerLexicon.load()
    assert lexicon.verbs["allow"] == (EventType.CONCEDE, None)
    assert lexicon.verbs["permit"] == (EventType.CONCEDE, None)
    assert lexicon.complements["allow"]["relief"] == (EventType.RETREAT, "access")


def test_an_act_done_without_is_no_event(extractor: Extractor) -> None:
    doc = parsed([
        ("Ghana", 1, "nsubj", "PROPN", "Ghana"),
        ("withdrew", 1, "ROOT", "VERB", "withdraw"),
        ("without", 1, "prep", "ADP", "without"),
        ("attacking", 2, "pcomp", "VERB", "attack"),
        ("Togo", 3, "dobj", "PROPN", "Togo"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    triggers = find_triggers(doc[:], TriggerLexicon.load())
    assert [t.token.text for t in triggers] == ["withdrew"]


def test_inspectors_sent_or_dispatched_investigate(extractor: Extractor) -> None:
    for verb in ("sent", "dispatched"):
        doc = parsed([
            ("Ghana", 1, "nsubj", "PROPN", "Ghana"),
            (verb, 1, "ROOT", "VERB", "send" if verb == "sent" else "dispatch"),
            ("inspectors", 1, "dobj", "NOUN", "inspector"),
            ("to", 1, "prep", "ADP", "to"),
            ("Togo", 3, "pobj", "PROPN", "Togo"),
            (".", 1, "punct", "PUNCT", "."),
        ])  # fmt: skip
        named = [mention(doc, "Ghana", "GHA"), mention(doc, "Togo", "TGO")]
        found = extractor.extract(doc, facts(doc, named))
        assert _triples(found) == [(EventType.ACCUSE, ("GHA", "TGO"), verb)]
        assert found[0].mode == "investigate"


def test_dispatching_aid_is_a_transfer() -> None:
    assert "dispatch" in TriggerLexicon.load().transfer


def _arrived(subject: str, lemma: str) -> Doc:
    """ "Ghanaian <subject> arrived in Togo." """
    return parsed([
        ("Ghanaian", 1, "amod", "ADJ", "ghanaian"),
        (subject, 2, "nsubj", "NOUN", lemma),
        ("arrived", 2, "ROOT", "VERB", "arrive"),
        ("in", 2, "prep", "ADP", "in"),
        ("Togo", 3, "pobj", "PROPN", "Togo"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip


def test_what_an_arrival_reports_depends_on_who_arrives() -> None:
    lexicon = TriggerLexicon.load()
    senses = {
        lemma: [t.sense for t in find_triggers(_arrived(word, lemma)[:], lexicon)]
        for word, lemma in (("peacekeepers", "peacekeeper"), ("envoy", "envoy"), ("fans", "fan"))
    }
    assert senses == {
        "peacekeeper": [(EventType.AID, "peacekeeping")],
        "envoy": [(EventType.CONSULT, "visit")],
        "fan": [],
    }


def test_breaking_up_or_preventing_a_protest_is_repression(extractor: Extractor) -> None:
    for verb, lemma in (("dispersed", "disperse"), ("prevented", "prevent"), ("quelled", "quell")):
        doc = parsed([
            ("Ghanaian", 1, "amod", "ADJ", "ghanaian"),
            ("police", 2, "nsubj", "NOUN", "police"),
            (verb, 2, "ROOT", "VERB", lemma),
            ("a", 4, "det", "DET", "a"),
            ("protest", 2, "dobj", "NOUN", "protest"),
            ("in", 2, "prep", "ADP", "in"),
            ("Accra", 5, "pobj", "PROPN", "Accra"),
            (".", 2, "punct", "PUNCT", "."),
        ])  # fmt: skip
        triggers = find_triggers(doc[:], TriggerLexicon.load())
        assert [(t.token.text, t.sense and t.sense[0]) for t in triggers] == [
            (verb, EventType.COERCE)
        ]


def test_preventing_what_is_no_protest_is_no_repression() -> None:
    doc = parsed([
        ("Ghana", 1, "nsubj", "PROPN", "Ghana"),
        ("prevented", 1, "ROOT", "VERB", "prevent"),
        ("floods", 1, "dobj", "NOUN", "flood"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert find_triggers(doc[:], TriggerLexicon.load()) == []


def _strike_sentence(subject: str, lemma: str) -> Doc:
    """ "<subject> began a strike ." """
    return parsed([
        (subject, 1, "nsubj", "NOUN", lemma),
        ("began", 1, "ROOT", "VERB", "begin"),
        ("a", 3, "det", "DET", "a"),
        ("strike", 1, "dobj", "NOUN", "strike"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip


def test_a_strike_among_workers_is_a_labour_strike() -> None:
    lexicon = TriggerLexicon.load()
    teachers = _strike_sentence("Teachers", "teacher")
    jets = _strike_sentence("Jets", "jet")
    assert noun_sense(teachers[3], lexicon) == (EventType.PROTEST, "strike")
    assert noun_sense(jets[3], lexicon) == (EventType.ASSAULT, None)


def test_going_on_strike_is_a_labour_strike() -> None:
    doc = parsed([
        ("Pilots", 1, "nsubj", "NOUN", "pilot"),
        ("went", 1, "ROOT", "VERB", "go"),
        ("on", 1, "prep", "ADP", "on"),
        ("strike", 2, "pobj", "NOUN", "strike"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert noun_sense(doc[3], TriggerLexicon.load()) == (EventType.PROTEST, "strike")


def test_cancelling_a_strike_is_a_concession() -> None:
    assert TriggerLexicon.load().complements["cancel"]["strike"] == (EventType.CONCEDE, None)


def test_artillery_and_rocket_fire_are_attacks() -> None:
    nouns = TriggerLexicon.load().nouns
    for pair in ("artillery fire", "rocket fire", "mortar fire"):
        assert nouns[pair] == (EventType.ASSAULT, None)
    assert "fire" not in nouns


def test_a_gerund_after_a_preposition_is_its_event_noun() -> None:
    """ "Chile summoned a Peruvian diplomat for questioning." """
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("summoned", 1, "ROOT", "VERB", "summon"),
        ("a", 4, "det", "DET", "a"),
        ("Peruvian", 4, "amod", "ADJ", "peruvian"),
        ("diplomat", 1, "dobj", "NOUN", "diplomat"),
        ("for", 1, "prep", "ADP", "for"),
        ("questioning", 5, "pobj", "VERB", "question"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    triggers = find_triggers(doc[:], TriggerLexicon.load())
    assert [(t.token.text, t.sense, t.nominal) for t in triggers] == [
        ("questioning", (EventType.ACCUSE, "investigate"), True)
    ]


def test_interrogating_is_investigating() -> None:
    assert TriggerLexicon.load().verbs["interrogate"] == (EventType.ACCUSE, "investigate")


def test_reminding_someone_what_they_must_do_is_a_demand(extractor: Extractor) -> None:
    """ "Chile reminded Peru that it must pay." """
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("reminded", 1, "ROOT", "VERB", "remind"),
        ("Peru", 1, "dobj", "PROPN", "Peru"),
        ("that", 6, "mark", "SCONJ", "that"),
        ("it", 6, "nsubj", "PRON", "it"),
        ("must", 6, "aux", "AUX", "must"),
        ("pay", 1, "ccomp", "VERB", "pay"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    named = [mention(doc, "Chile", "CHL"), mention(doc, "Peru", "PER")]
    found = extractor.extract(doc, facts(doc, named))
    assert _triples(found) == [(EventType.REQUEST, ("CHL", "PER"), "reminded")]
