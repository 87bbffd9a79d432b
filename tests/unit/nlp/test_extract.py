"""Event extraction logic on hand-built parses."""

from __future__ import annotations

from datetime import date

import pytest

from bilat.nlp.actors.eras import Eras
from bilat.nlp.actors.kb import shipped_kb
from bilat.nlp.events.contexts import ContextCues
from bilat.nlp.events.lexicon import TriggerLexicon
from bilat.nlp.events.reportable import CITATION
from bilat.nlp.events.timeline import paragraph_bounds, with_context_year
from bilat.nlp.extract import Extractor
from bilat.nlp.facts import DatedText
from bilat.nlp.sides import main_pair
from bilat.records import Actor, DateSpan, Event, EventType, Granularity, Mention, Status
from tests.unit.nlp.handmade import facts, mention, parsed


def test_joint_subject_makes_a_symmetric_agreement(extractor: Extractor) -> None:
    doc = parsed([
        ("Pakistan", 3, "nsubj", "PROPN", "Pakistan"),
        ("and", 0, "cc", "CCONJ", "and"),
        ("Russia", 0, "conj", "PROPN", "Russia"),
        ("agreed", 3, "ROOT", "VERB", "agree"),
        ("to", 5, "aux", "PART", "to"),
        ("strengthen", 3, "xcomp", "VERB", "strengthen"),
        ("cooperation", 5, "dobj", "NOUN", "cooperation"),
        (".", 3, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Pakistan", "PAK"), mention(doc, "Russia", "RUS")])
    )
    agree = [e for e in found if e.type is EventType.AGREE]
    assert len(agree) == 1
    assert agree[0].symmetric and agree[0].dyad == ("PAK", "RUS")
    assert agree[0].status is Status.OCCURRED
    # What they agreed on is the agreement's content, not a second event.
    assert not [e for e in found if e.type is EventType.COOPERATE]


def test_nominal_visit_takes_possessor_as_source_and_destination_as_target(
    extractor: Extractor,
) -> None:
    doc = parsed([
        ("Lavrov", 2, "poss", "PROPN", "Lavrov"),
        ("'s", 0, "case", "PART", "'s"),
        ("visit", 5, "nsubj", "NOUN", "visit"),
        ("to", 2, "prep", "ADP", "to"),
        ("Islamabad", 3, "pobj", "PROPN", "Islamabad"),
        ("ended", 5, "ROOT", "VERB", "end"),
        (".", 5, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Lavrov", "RUS"), mention(doc, "Islamabad", "PAK")])
    )
    assert len(found) == 1
    visit = found[0]
    assert (visit.type, visit.mode) == (EventType.CONSULT, "visit")
    assert visit.source.code == "RUS" and visit.target is not None and visit.target.code == "PAK"
    assert not visit.symmetric
    assert visit.evidence.trigger == "visit"


def test_future_auxiliary_makes_a_planned_event(extractor: Extractor) -> None:
    doc = parsed([
        ("Pakistan", 2, "nsubj", "PROPN", "Pakistan"),
        ("will", 2, "aux", "AUX", "will"),
        ("host", 2, "ROOT", "VERB", "host"),
        ("Russia", 2, "dobj", "PROPN", "Russia"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    named = facts(doc, [mention(doc, "Pakistan", "PAK"), mention(doc, "Russia", "RUS")])
    # In a document, a planned visit, weighing nothing yet (news/ANNOTATION.md)
    found = extractor.extract(doc, named)
    assert {e.type: e.status for e in found} == {EventType.CONSULT: Status.PLANNED}
    assert all(e.intensity == 0.0 for e in found)
    # in sentence coding (CAMEO), also the stated intention (AGREE)
    coded = extractor.extract(doc, named, keep_uncoded=True)
    assert {e.type: e.status for e in coded} == {
        EventType.AGREE: Status.PLANNED,
        EventType.CONSULT: Status.PLANNED,
    }


def _will(
    extractor: Extractor, verb: str, lemma: str, sentence_coding: bool = False
) -> list[Event]:
    doc = parsed([
        ("Kenya", 2, "nsubj", "PROPN", "Kenya"),
        ("will", 2, "aux", "AUX", "will"),
        (verb, 2, "ROOT", "VERB", lemma),
        ("Somalia", 2, "dobj", "PROPN", "Somalia"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    return extractor.extract(
        doc,
        facts(doc, [mention(doc, "Kenya", "KEN"), mention(doc, "Somalia", "SOM")]),
        keep_uncoded=sentence_coding,
    )


def test_a_promised_cooperative_act_is_reported_beside_the_promise(
    extractor: Extractor,
) -> None:
    found = _will(extractor, "aid", "aid", sentence_coding=True)
    types = sorted(e.type.value for e in found)
    assert "AGREE" in types and len(types) == 2
    act = next(e for e in found if e.type is not EventType.AGREE)
    assert act.status is Status.PLANNED and act.intensity == 0.0
    assert (act.source.code, act.target.code if act.target else None) == ("KEN", "SOM")


def test_a_threatened_attack_is_only_a_threat(extractor: Extractor) -> None:
    # Negative: conflict promised is a THREATEN; no planned attack is reported beside it.
    assert [e.type for e in _will(extractor, "attack", "attack")] == [EventType.THREATEN]


def test_negated_attack_is_denied(extractor: Extractor) -> None:
    doc = parsed([
        ("India", 3, "nsubj", "PROPN", "India"),
        ("did", 3, "aux", "AUX", "do"),
        ("not", 3, "neg", "PART", "not"),
        ("attack", 3, "ROOT", "VERB", "attack"),
        ("Pakistan", 3, "dobj", "PROPN", "Pakistan"),
        (".", 3, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "India", "IND"), mention(doc, "Pakistan", "PAK")])
    )
    assert [(e.type, e.status, e.source.code) for e in found] == [
        (EventType.ASSAULT, Status.DENIED, "IND")
    ]


def test_uncoded_events_are_kept_only_when_asked(extractor: Extractor) -> None:
    doc = parsed([
        ("Protesters", 1, "nsubj", "NOUN", "protester"),
        ("burned", 1, "ROOT", "VERB", "burn"),
        ("flags", 1, "dobj", "NOUN", "flag"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert extractor.extract(doc, facts(doc, [])) == []
    kept = extractor.extract(doc, facts(doc, []), keep_uncoded=True)
    assert [(e.type, e.source.text, e.target.text if e.target else None) for e in kept] == [
        (EventType.ASSAULT, "Protesters", "flags")
    ]


def test_the_date_nearest_the_trigger_is_the_events(extractor: Extractor) -> None:
    doc = parsed([
        ("Pakistan", 1, "nsubj", "PROPN", "Pakistan"),
        ("met", 1, "ROOT", "VERB", "meet"),
        ("Russia", 1, "dobj", "PROPN", "Russia"),
        ("in", 1, "prep", "ADP", "in"),
        ("September", 3, "pobj", "PROPN", "September"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    september = DateSpan(date(2021, 9, 1), date(2021, 9, 30), Granularity.MONTH, "September")
    start = doc[4].idx
    found = extractor.extract(
        doc,
        facts(doc, [mention(doc, "Pakistan", "PAK"), mention(doc, "Russia", "RUS")],
              [DatedText(start, start + 9, september)]),
    )  # fmt: skip
    assert [e.date for e in found] == [september]


def test_a_bare_month_takes_the_year_the_text_is_talking_about() -> None:
    april = DateSpan(date(2022, 4, 1), date(2022, 4, 30), Granularity.MONTH, "April")
    moved = with_context_year(april, 2021, date(2022, 5, 1))
    assert (moved.start, moved.end) == (date(2021, 4, 1), date(2021, 4, 30))
    written = DateSpan(date(2022, 4, 1), date(2022, 4, 30), Granularity.MONTH, "April 2022")
    assert with_context_year(written, 2021, date(2022, 5, 1)) is written


def test_a_bare_month_keeps_its_tense_reading_when_the_text_is_in_the_publication_year() -> None:
    # "signed a pact in August" in a story of May 2026 whose dateline wrote 2026: last August.
    august = DateSpan(date(2025, 8, 1), date(2025, 8, 31), Granularity.MONTH, "August")
    assert with_context_year(august, 2026, date(2026, 5, 4)) is august
    # Negative: a year the text recalls still moves the month ("in 2019 ... in August").
    moved = with_context_year(august, 2019, date(2026, 5, 4))
    assert moved.start == date(2019, 8, 1)


def test_main_pair_is_the_most_co_mentioned() -> None:
    doc = parsed([
        ("Pakistan", 1, "nsubj", "PROPN", "Pakistan"),
        ("met", 1, "ROOT", "VERB", "meet"),
        ("Russia", 1, "dobj", "PROPN", "Russia"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    pair = main_pair(doc, [mention(doc, "Pakistan", "PAK"), mention(doc, "Russia", "RUS")])
    assert pair is not None and {a.code for a in pair} == {"PAK", "RUS"}


def _agreed_during_war(extractor: Extractor, named: bool) -> set[tuple[EventType, object, Status]]:
    sides = [
        ("between", 8, "prep", "ADP", "between"),
        ("India", 9, "pobj", "PROPN", "India"),
        ("and", 10, "cc", "CCONJ", "and"),
        ("Pakistan", 10, "conj", "PROPN", "Pakistan"),
    ]
    doc = parsed([
        ("Russia", 1, "nsubj", "PROPN", "Russia"),
        ("agreed", 1, "ROOT", "VERB", "agree"),
        ("to", 1, "prep", "ADP", "to"),
        ("talks", 2, "pobj", "NOUN", "talk"),
        ("with", 3, "prep", "ADP", "with"),
        ("China", 4, "pobj", "PROPN", "China"),
        ("during", 1, "prep", "ADP", "during"),
        ("the", 8, "det", "DET", "the"),
        ("war", 6, "pobj", "NOUN", "war"),
        *(sides if named else []),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    codes = [("Russia", "RUS"), ("China", "CHN")]
    codes += [("India", "IND"), ("Pakistan", "PAK")] if named else []
    found = extractor.extract(doc, facts(doc, [mention(doc, w, c) for w, c in codes]))
    return {(e.type, e.dyad, e.status) for e in found}


def test_a_background_event_is_reported_when_its_sides_are_named(extractor: Extractor) -> None:
    # The war took place: "agreed to" plans the talks, not what happened during them.
    war = (EventType.ASSAULT, ("IND", "PAK"), Status.OCCURRED)
    assert war in _agreed_during_war(extractor, named=True)
    unnamed = _agreed_during_war(extractor, named=False)
    assert EventType.AGREE in {t for t, _, _ in unnamed}
    assert EventType.ASSAULT not in {t for t, _, _ in unnamed}


def test_agreeing_to_hold_talks_reports_the_agreement_and_a_planned_meeting(
    extractor: Extractor,
) -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("agreed", 1, "ROOT", "VERB", "agree"),
        ("to", 3, "aux", "PART", "to"),
        ("hold", 1, "xcomp", "VERB", "hold"),
        ("talks", 3, "dobj", "NOUN", "talk"),
        ("with", 4, "prep", "ADP", "with"),
        ("Peru", 5, "pobj", "PROPN", "Peru"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Chile", "CHL"), mention(doc, "Peru", "PER")])
    )
    assert {(e.type, e.status, e.dyad) for e in found} == {
        (EventType.AGREE, Status.OCCURRED, ("CHL", "PER")),
        (EventType.CONSULT, Status.PLANNED, ("CHL", "PER")),
    }


def test_a_rejected_offer_of_talks_sets_up_no_meeting(extractor: Extractor) -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("rejected", 1, "ROOT", "VERB", "reject"),
        ("an", 3, "det", "DET", "an"),
        ("offer", 1, "dobj", "NOUN", "offer"),
        ("of", 3, "prep", "ADP", "of"),
        ("talks", 4, "pobj", "NOUN", "talk"),
        ("with", 5, "prep", "ADP", "with"),
        ("Peru", 6, "pobj", "PROPN", "Peru"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Chile", "CHL"), mention(doc, "Peru", "PER")])
    )
    assert [e.type for e in found] == [EventType.REJECT]


def test_vowing_to_attack_is_a_threat(extractor: Extractor) -> None:
    doc = parsed([
        ("Rebels", 1, "nsubj", "NOUN", "rebel"),
        ("vowed", 1, "ROOT", "VERB", "vow"),
        ("to", 3, "aux", "PART", "to"),
        ("attack", 1, "xcomp", "VERB", "attack"),
        ("Kabul", 3, "dobj", "PROPN", "Kabul"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(doc, facts(doc, [mention(doc, "Kabul", "AFG")]), keep_uncoded=True)
    assert [e.type for e in found] == [EventType.THREATEN]


def test_an_intention_that_hangs_on_unless_is_a_threat(extractor: Extractor) -> None:
    def will(verb: str, lemma: str) -> list[EventType]:
        doc = parsed([
            ("Chad", 2, "nsubj", "PROPN", "Chad"),
            ("will", 2, "aux", "AUX", "will"),
            (verb, 2, "ROOT", "VERB", lemma),
            ("troops", 2, "dobj", "NOUN", "troop"),
            ("from", 2, "prep", "ADP", "from"),
            ("Mali", 4, "pobj", "PROPN", "Mali"),
            ("unless", 8, "mark", "SCONJ", "unless"),
            ("Mali", 8, "nsubj", "PROPN", "Mali"),
            ("pays", 2, "advcl", "VERB", "pay"),
            (".", 2, "punct", "PUNCT", "."),
        ])  # fmt: skip
        mentions = [mention(doc, "Chad", "TCD"), mention(doc, "Mali", "MLI")]
        return [e.type for e in extractor.extract(doc, facts(doc, mentions))]

    assert will("withdraw", "withdraw") == [EventType.THREATEN]


def test_a_promise_without_unless_stays_an_agreement(extractor: Extractor) -> None:
    doc = parsed([
        ("Chad", 2, "nsubj", "PROPN", "Chad"),
        ("will", 2, "aux", "AUX", "will"),
        ("withdraw", 2, "ROOT", "VERB", "withdraw"),
        ("troops", 2, "dobj", "NOUN", "troop"),
        ("from", 2, "prep", "ADP", "from"),
        ("Mali", 4, "pobj", "PROPN", "Mali"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Chad", "TCD"), mention(doc, "Mali", "MLI")]
    found = extractor.extract(doc, facts(doc, mentions))
    # the promise, and beside it the withdrawal it promises, planned
    assert [(e.type, e.status) for e in found] == [
        (EventType.AGREE, Status.PLANNED),
        (EventType.RETREAT, Status.PLANNED),
    ]


@pytest.mark.parametrize(
    ("line", "is_reference"),
    [
        ("Jane Roe, “Chile, Peru hold talks on trade,” Daily Post, 2 December 2021", True),
        ("Peru to open border,” The Gazette, 30 September 2021", True),
        ("He said, “We will attack,” and left in 2021.", False),
        ("“We will retaliate,” the minister said on 3 June, 2021.", False),
        ("The two sides met in Lima on 1 December, 2021.", False),
    ],
)
def test_reference_list_entries_are_recognised(line: str, is_reference: bool) -> None:
    assert bool(CITATION.search(line)) is is_reference


def test_a_reference_list_entry_reports_no_event(extractor: Extractor) -> None:
    doc = parsed([
        ("Roe", 2, "punct", "PROPN", "Roe"),
        (",", 2, "punct", "PUNCT", ","),
        ("“Chile", 3, "nsubj", "PROPN", "Chile"),
        ("meets", 3, "ROOT", "VERB", "meet"),
        ("Peru", 3, "dobj", "PROPN", "Peru"),
        (",", 3, "punct", "PUNCT", ","),
        ("”", 3, "punct", "PUNCT", "”"),
        ("Post", 3, "npadvmod", "PROPN", "Post"),
        (",", 3, "punct", "PUNCT", ","),
        ("2021", 3, "npadvmod", "NUM", "2021"),
    ])  # fmt: skip
    chile = Mention("Chile", doc[2].idx + 1, doc[2].idx + 6, Actor("CHL", "CHL"))
    found = extractor.extract(doc, facts(doc, [chile, mention(doc, "Peru", "PER")]))
    assert CITATION.search(doc.text) and found == []


def test_the_two_countries_of_1948_are_the_states_of_1948() -> None:
    eras = Eras.from_kb(shipped_kb())
    dated = Extractor(TriggerLexicon.load(), ContextCues.load(), lambda t, m: 1.0, eras)
    doc = parsed(
        [
            ("Pakistan", 1, "nsubj", "PROPN", "Pakistan"),
            ("met", 1, "ROOT", "VERB", "meet"),
            ("Russia", 1, "dobj", "PROPN", "Russia"),
            (".", 1, "punct", "PUNCT", "."),
            ("The", 6, "det", "DET", "the"),
            ("two", 6, "nummod", "NUM", "two"),
            ("countries", 7, "nsubj", "NOUN", "country"),
            ("met", 7, "ROOT", "VERB", "meet"),
            ("in", 7, "prep", "ADP", "in"),
            ("1948", 8, "pobj", "NUM", "1948"),
            (".", 7, "punct", "PUNCT", "."),
        ],
        starts=(0, 4),
    )
    year = DateSpan(date(1948, 1, 1), date(1948, 12, 31), Granularity.YEAR, "1948")
    start = doc[9].idx
    named = [mention(doc, "Pakistan", "PAK"), mention(doc, "Russia", "RUS")]
    found = dated.extract(doc, facts(doc, named, [DatedText(start, start + 4, year)]))
    assert {e.dyad for e in found} == {("PAK", "RUS"), ("PAK", "SUN")}


def test_a_paragraph_is_the_line_a_sentence_is_on() -> None:
    text = "Heading\nFirst sentence. Second one.\nNext paragraph."
    start = text.index("Second")
    assert paragraph_bounds(text, start, start + 11) == (8, text.index("\nNext"))
    assert paragraph_bounds(text, text.index("Next"), len(text)) == (text.index("Next"), len(text))


def test_a_bare_noun_phrase_names_a_topic_and_reports_no_act(extractor: Extractor) -> None:
    heading = [
        ("Lavrov", 2, "poss", "PROPN", "Lavrov"),
        ("'s", 0, "case", "PART", "'s"),
        ("visit", 2, "ROOT", "NOUN", "visit"),
        ("to", 2, "prep", "ADP", "to"),
        ("Islamabad", 3, "pobj", "PROPN", "Islamabad"),
    ]
    doc = parsed(heading)
    sides = [mention(doc, "Lavrov", "RUS"), mention(doc, "Islamabad", "PAK")]
    assert extractor.extract(doc, facts(doc, sides)) == []
    # The same phrase as what a sentence tells of is an act.
    told = parsed([*heading[:2], ("visit", 5, "nsubj", "NOUN", "visit"), *heading[3:],
                   ("ended", 5, "ROOT", "VERB", "end")])  # fmt: skip
    sides = [mention(told, "Lavrov", "RUS"), mention(told, "Islamabad", "PAK")]
    assert [e.type for e in extractor.extract(told, facts(told, sides))] == [EventType.CONSULT]


MAY = DateSpan(date(2022, 5, 1), date(2022, 5, 31), Granularity.MONTH, "May")


def _agreed_to_hold_talks(date_on_agreed: bool) -> list[tuple[EventType, Status]]:
    # "Pakistan and Russia agreed (in May) to hold talks (in May)."
    rows = [
        ("Pakistan", 3, "nsubj", "PROPN", "Pakistan"),
        ("and", 0, "cc", "CCONJ", "and"),
        ("Russia", 0, "conj", "PROPN", "Russia"),
        ("agreed", 3, "ROOT", "VERB", "agree"),
    ]
    if date_on_agreed:
        rows += [("in", 3, "prep", "ADP", "in"), ("May", 4, "pobj", "PROPN", "May")]
    shift = len(rows)
    rows += [
        ("to", shift + 1, "aux", "PART", "to"),
        ("hold", 3, "xcomp", "VERB", "hold"),
        ("talks", shift + 1, "dobj", "NOUN", "talk"),
    ]
    if not date_on_agreed:
        rows += [("in", shift + 1, "prep", "ADP", "in"), ("May", shift + 3, "pobj", "PROPN", "May")]
    rows.append((".", 3, "punct", "PUNCT", "."))
    doc = parsed(rows)
    may = next(t for t in doc if t.text == "May")
    mentions = [mention(doc, "Pakistan", "PAK"), mention(doc, "Russia", "RUS")]
    found = Extractor(
        TriggerLexicon.load(), ContextCues.load(), lambda t, m: float(t.quad)
    ).extract(doc, facts(doc, mentions, [DatedText(may.idx, may.idx + 3, MAY)]))
    return sorted({(e.type, e.status) for e in found}, key=str)


def test_an_agreement_to_meet_on_a_date_reports_the_dated_meeting() -> None:
    assert _agreed_to_hold_talks(date_on_agreed=False) == [(EventType.CONSULT, Status.PLANNED)]


def test_a_dated_agreement_to_meet_reports_the_agreement_and_the_meeting() -> None:
    types = [t for t, _ in _agreed_to_hold_talks(date_on_agreed=True)]
    assert EventType.AGREE in types and EventType.CONSULT in types
