"""Status and stated intentions, through the extractor, on hand-built parses."""

from __future__ import annotations

from bilat.nlp.events.contexts import ContextCues
from bilat.nlp.events.lexicon import TriggerLexicon
from bilat.nlp.events.modality import (
    describes_state,
    future_in_past,
    status_of,
    told_in_future,
    told_in_present,
)
from bilat.nlp.extract import Extractor
from bilat.records import EventType, Status
from tests.unit.nlp.handmade import facts, mention, parsed


def test_cooperation_withheld_is_a_rejection(extractor: Extractor) -> None:
    doc = parsed([
        ("Britain", 3, "nsubj", "PROPN", "Britain"),
        ("will", 3, "aux", "AUX", "will"),
        ("not", 3, "neg", "PART", "not"),
        ("lift", 3, "ROOT", "VERB", "lift"),
        ("sanctions", 3, "dobj", "NOUN", "sanction"),
        ("on", 4, "prep", "ADP", "on"),
        ("Iran", 5, "pobj", "PROPN", "Iran"),
        (".", 3, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Britain", "GBR"), mention(doc, "Iran", "IRN")])
    )
    assert [(e.type, e.status, e.target.code if e.target else None) for e in found] == [
        (EventType.REJECT, Status.DENIED, "IRN")
    ]


def test_a_stated_intention_to_cooperate_is_an_agreement(extractor: Extractor) -> None:
    doc = parsed([
        ("Finland", 2, "nsubj", "PROPN", "Finland"),
        ("will", 2, "aux", "AUX", "will"),
        ("give", 2, "ROOT", "VERB", "give"),
        ("Tanzania", 2, "dative", "PROPN", "Tanzania"),
        ("aid", 2, "dobj", "NOUN", "aid"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    named = facts(doc, [mention(doc, "Finland", "FIN"), mention(doc, "Tanzania", "TZA")])
    # sentence coding (CAMEO): the promise, and the aid it promises beside it, planned
    coded = extractor.extract(doc, named, keep_uncoded=True)
    assert [(e.type, e.status) for e in coded] == [
        (EventType.AGREE, Status.PLANNED),
        (EventType.AID, Status.PLANNED),
    ]
    # a document: the aid, planned (news/ANNOTATION.md)
    found = extractor.extract(doc, named)
    assert [(e.type, e.status) for e in found] == [(EventType.AID, Status.PLANNED)]


def test_a_stated_intention_of_material_conflict_is_a_threat(extractor: Extractor) -> None:
    doc = parsed([
        ("Leaders", 2, "nsubj", "NOUN", "leader"),
        ("would", 2, "aux", "AUX", "would"),
        ("boycott", 2, "ROOT", "VERB", "boycott"),
        ("Washington", 2, "dobj", "PROPN", "Washington"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(doc, facts(doc, [mention(doc, "Washington", "USA")]))
    assert [e.type for e in found] == [EventType.THREATEN]


def _demanded(aux: str | None) -> bool:
    """ "Chile (has|had) demanded talks": the tense of the clause."""
    head = 2 if aux else 1
    words = [("Chile", head, "nsubj", "PROPN", "Chile")]
    if aux:
        words.append((aux, head, "aux", "AUX", "have"))
    words += [
        ("demanded", head, "ROOT", "VERB", "demand"),
        ("talks", head, "dobj", "NOUN", "talk"),
    ]
    doc = parsed(words)
    return told_in_present(doc[head])


def test_a_present_perfect_is_told_as_of_the_writing() -> None:
    assert _demanded("has")


def test_a_past_or_past_perfect_is_told_of_its_own_time() -> None:
    assert not _demanded("had")
    assert not _demanded(None)


def _announced_talks(condition: bool) -> list[tuple[EventType, Status]]:
    """ "Chile announced the two sides would hold talks [if Peru withdrew]"."""
    words = [
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("announced", 1, "ROOT", "VERB", "announce"),
        ("Peru", 5, "nsubj", "PROPN", "Peru"),
        ("would", 5, "aux", "AUX", "would"),
        ("jointly", 5, "advmod", "ADV", "jointly"),
        ("hold", 1, "ccomp", "VERB", "hold"),
        ("talks", 5, "dobj", "NOUN", "talk"),
        ("with", 6, "prep", "ADP", "with"),
        ("Chile", 7, "pobj", "PROPN", "Chile"),
    ]
    if condition:
        words += [
            ("if", 11, "mark", "SCONJ", "if"),
            ("Peru", 11, "nsubj", "PROPN", "Peru"),
            ("withdrew", 5, "advcl", "VERB", "withdraw"),
        ]
    doc = parsed([*words, (".", 1, "punct", "PUNCT", ".")])
    found = Extractor(TriggerLexicon.load(), ContextCues.load(), lambda t, m: 1.0).extract(
        doc,
        facts(doc, [mention(doc, "Chile", "CHL", 1), mention(doc, "Peru", "PER")]),
    )
    return [(e.type, e.status) for e in found if e.evidence.trigger == "hold"]


def test_would_after_a_past_report_is_a_planned_meeting() -> None:
    assert _announced_talks(condition=False) == [(EventType.CONSULT, Status.PLANNED)]


def test_would_with_a_condition_stays_a_hypothetical_intention() -> None:
    assert _announced_talks(condition=True) == [
        (EventType.AGREE, Status.HYPOTHETICAL),
        (EventType.CONSULT, Status.HYPOTHETICAL),
    ]


def test_could_is_never_read_as_a_reported_future() -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("announced", 1, "ROOT", "VERB", "announce"),
        ("it", 4, "nsubj", "PRON", "it"),
        ("could", 4, "aux", "AUX", "could"),
        ("meet", 1, "ccomp", "VERB", "meet"),
        ("Peru", 4, "dobj", "PROPN", "Peru"),
    ])  # fmt: skip
    assert not future_in_past(doc[4])
    assert status_of(doc[4], None, None) is Status.HYPOTHETICAL


def _planned(verb: str, lemma: str, act: str, act_lemma: str) -> list[EventType]:
    """ "Chile <verb> to <act> Peru"."""
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        (verb, 1, "ROOT", "VERB", lemma),
        ("to", 3, "aux", "PART", "to"),
        (act, 1, "xcomp", "VERB", act_lemma),
        ("Peru", 3, "dobj", "PROPN", "Peru"),
    ])  # fmt: skip
    found = Extractor(TriggerLexicon.load(), ContextCues.load(), lambda t, m: 1.0).extract(
        doc, facts(doc, [mention(doc, "Chile", "CHL"), mention(doc, "Peru", "PER")])
    )
    return [e.type for e in found]


def test_a_plan_to_sanction_is_a_threat_and_a_plan_to_aid_an_agreement() -> None:
    assert _planned("plans", "plan", "sanction", "sanction") == [EventType.THREATEN]
    assert _planned("plans", "plan", "aid", "aid") == [EventType.AGREE, EventType.AID]


def test_starting_to_sanction_is_no_stated_intention() -> None:
    assert _planned("started", "start", "sanction", "sanction") == [EventType.SANCTION]


def test_a_second_would_clause_shares_the_reported_future() -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("announced", 1, "ROOT", "VERB", "announce"),
        ("it", 4, "nsubj", "PRON", "it"),
        ("would", 4, "aux", "AUX", "would"),
        ("close", 1, "ccomp", "VERB", "close"),
        ("ports", 4, "dobj", "NOUN", "port"),
        ("and", 4, "cc", "CCONJ", "and"),
        ("would", 8, "aux", "AUX", "would"),
        ("expel", 4, "conj", "VERB", "expel"),
        ("envoys", 8, "dobj", "NOUN", "envoy"),
        ("Peru", 1, "npadvmod", "PROPN", "Peru"),
        ("hoped", 1, "conj", "VERB", "hope"),
        ("they", 14, "nsubj", "PRON", "they"),
        ("would", 14, "aux", "AUX", "would"),
        ("talk", 11, "ccomp", "VERB", "talk"),
    ])  # fmt: skip
    assert future_in_past(doc[4]) and future_in_past(doc[8])
    # "hoped" is no verb of saying: its "would" stays a wish
    assert not future_in_past(doc[14])


def _wants_trump_to(conjoined: bool) -> list[tuple[str, int, str, str, str]]:
    # "Beijing wants Trump to lift tariffs (and grant relief)."
    rows = [
        ("Beijing", 1, "nsubj", "PROPN", "Beijing"),
        ("wants", 1, "ROOT", "VERB", "want"),
        ("Trump", 4, "nsubj", "PROPN", "Trump"),
        ("to", 4, "aux", "PART", "to"),
        ("lift", 1, "ccomp", "VERB", "lift"),
        ("tariffs", 4, "dobj", "NOUN", "tariff"),
    ]
    if conjoined:
        rows += [
            ("and", 4, "cc", "CCONJ", "and"),
            ("grant", 4, "conj", "VERB", "grant"),
            ("relief", 7, "dobj", "NOUN", "relief"),
        ]
    return [*rows, (".", 1, "punct", "PUNCT", ".")]


def test_an_act_someone_wants_another_to_do_is_called_for_not_done() -> None:
    doc = parsed(_wants_trump_to(conjoined=True))
    assert status_of(doc[4], None, None) is Status.PROPOSED
    # The bare infinitive coordinated with "to lift" shares its modality.
    assert status_of(doc[7], None, None) is Status.PROPOSED


def test_a_finite_conjunct_keeps_its_own_modality() -> None:
    doc = parsed([
        ("Iran", 1, "nsubj", "PROPN", "Iran"),
        ("wants", 1, "ROOT", "VERB", "want"),
        ("peace", 1, "dobj", "NOUN", "peace"),
        ("and", 1, "cc", "CCONJ", "and"),
        ("signed", 1, "conj", "VERB", "sign"),
        ("a", 6, "det", "DET", "a"),
        ("deal", 4, "dobj", "NOUN", "deal"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert status_of(doc[4], None, None) is Status.OCCURRED


def test_a_future_is_told_in_the_future_and_a_present_perfect_is_not() -> None:
    doc = parsed([
        ("China", 2, "nsubj", "PROPN", "China"),
        ("will", 2, "aux", "AUX", "will"),
        ("hold", 2, "ROOT", "VERB", "hold"),
        ("talks", 2, "dobj", "NOUN", "talk"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert told_in_future(doc[2]) and told_in_future(doc[3])
    perfect = parsed([
        ("China", 2, "nsubj", "PROPN", "China"),
        ("has", 2, "aux", "AUX", "have"),
        ("held", 2, "ROOT", "VERB", "hold"),
        ("talks", 2, "dobj", "NOUN", "talk"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert not told_in_future(perfect[2])


def test_a_base_form_with_its_own_subject_is_a_present_the_tagger_missed() -> None:
    doc = parsed([
        ("Gunmen", 1, "nsubj", "NOUN", "gunman"),
        ("abduct", 1, "ROOT", "VERB", "abduct"),
        ("tourists", 1, "dobj", "NOUN", "tourist"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert doc[1].tag_ == "VB" and told_in_present(doc[1])
    infinitive = parsed([
        ("Gunmen", 1, "nsubj", "NOUN", "gunman"),
        ("tried", 1, "ROOT", "VERB", "try"),
        ("to", 3, "aux", "PART", "to"),
        ("abduct", 1, "xcomp", "VERB", "abduct"),
        ("tourists", 3, "dobj", "NOUN", "tourist"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert not told_in_present(infinitive[3])


def test_an_act_someone_must_do_is_called_for_not_done() -> None:
    doc = parsed([
        ("Iran", 2, "nsubj", "PROPN", "Iran"),
        ("must", 2, "aux", "AUX", "must"),
        ("release", 2, "ROOT", "VERB", "release"),
        ("the", 4, "det", "DET", "the"),
        ("sailors", 2, "dobj", "NOUN", "sailor"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert status_of(doc[2], None, None) is Status.PROPOSED


def test_an_event_noun_a_copula_describes_is_no_reported_act() -> None:
    # "The deal was supposed to be a limited agreement."
    doc = parsed([
        ("The", 1, "det", "DET", "the"),
        ("deal", 3, "nsubjpass", "NOUN", "deal"),
        ("was", 3, "auxpass", "AUX", "be"),
        ("supposed", 3, "ROOT", "VERB", "suppose"),
        ("to", 5, "aux", "PART", "to"),
        ("be", 3, "xcomp", "AUX", "be"),
        ("a", 8, "det", "DET", "a"),
        ("limited", 8, "amod", "ADJ", "limited"),
        ("agreement", 5, "attr", "NOUN", "agreement"),
        (".", 3, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert describes_state(doc[1]) and describes_state(doc[8])
    held = parsed([
        ("The", 1, "det", "DET", "the"),
        ("meeting", 3, "nsubjpass", "NOUN", "meeting"),
        ("was", 3, "auxpass", "AUX", "be"),
        ("held", 3, "ROOT", "VERB", "hold"),
        (".", 3, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert not describes_state(held[1])


def test_an_event_noun_a_present_verb_tells_as_happening_is_news_not_a_state() -> None:
    def fighting(verb: str, lemma: str) -> bool:
        doc = parsed([
            ("Fighting", 1, "nsubj", "NOUN", "fighting"),
            (verb, 1, "ROOT", "VERB", lemma),
            (".", 1, "punct", "PUNCT", "."),
        ])  # fmt: skip
        doc[1].tag_ = "VBZ"
        return describes_state(doc[0])

    assert not fighting("erupts", "erupt")  # "Fighting erupts between ...": news
    assert fighting("matters", "matter")  # how things stand


def test_an_act_wished_for_with_for_and_to_is_called_for_not_done() -> None:
    doc = parsed([
        ("Pressure", 2, "nsubj", "NOUN", "pressure"),
        ("must", 2, "aux", "AUX", "must"),
        ("continue", 2, "ROOT", "VERB", "continue"),
        ("for", 6, "mark", "SCONJ", "for"),
        ("Syria", 6, "nsubj", "PROPN", "Syria"),
        ("to", 6, "aux", "PART", "to"),
        ("allow", 2, "advcl", "VERB", "allow"),
        ("aid", 6, "dobj", "NOUN", "aid"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert status_of(doc[6], None, None) is Status.PROPOSED


def test_a_conditional_act_told_in_the_present_is_not_dated_on_the_report(
    extractor: Extractor,
) -> None:
    # "If Russia attacks Ukraine, ..." vs "Russia attacks Ukraine": only the second is news
    conditional = parsed([
        ("If", 2, "mark", "SCONJ", "if"),
        ("Russia", 2, "nsubj", "PROPN", "Russia"),
        ("attacks", 5, "advcl", "VERB", "attack"),
        ("Ukraine", 2, "dobj", "PROPN", "Ukraine"),
        ("NATO", 5, "nsubj", "PROPN", "NATO"),
        ("acts", 5, "ROOT", "VERB", "act"),
        (".", 5, "punct", "PUNCT", "."),
    ])  # fmt: skip
    names = [mention(conditional, "Russia", "RUS"), mention(conditional, "Ukraine", "UKR")]
    [attack] = extractor.extract(conditional, facts(conditional, names))
    assert attack.status is Status.HYPOTHETICAL and attack.date is None
    news = parsed([
        ("Russia", 1, "nsubj", "PROPN", "Russia"),
        ("attacks", 1, "ROOT", "VERB", "attack"),
        ("Ukraine", 1, "dobj", "PROPN", "Ukraine"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    names = [mention(news, "Russia", "RUS"), mention(news, "Ukraine", "UKR")]
    [attack] = extractor.extract(news, facts(news, names))
    assert attack.status is Status.OCCURRED and attack.date is not None
