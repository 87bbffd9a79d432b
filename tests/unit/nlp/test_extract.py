"""Event extraction logic on hand-built parses."""

from __future__ import annotations

from datetime import date

from bilat.nlp.extract import DatedText, Extractor, _with_context_year
from bilat.nlp.participants import main_pair
from bilat.records import DateSpan, EventType, Granularity, Status
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
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Pakistan", "PAK"), mention(doc, "Russia", "RUS")])
    )
    assert [e.status for e in found] == [Status.PLANNED]


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
    moved = _with_context_year(april, 2021, date(2022, 5, 1))
    assert (moved.start, moved.end) == (date(2021, 4, 1), date(2021, 4, 30))
    written = DateSpan(date(2022, 4, 1), date(2022, 4, 30), Granularity.MONTH, "April 2022")
    assert _with_context_year(written, 2021, date(2022, 5, 1)) is written


def test_main_pair_is_the_most_co_mentioned() -> None:
    doc = parsed([
        ("Pakistan", 1, "nsubj", "PROPN", "Pakistan"),
        ("met", 1, "ROOT", "VERB", "meet"),
        ("Russia", 1, "dobj", "PROPN", "Russia"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    pair = main_pair(doc, [mention(doc, "Pakistan", "PAK"), mention(doc, "Russia", "RUS")])
    assert pair is not None and {a.code for a in pair} == {"PAK", "RUS"}


def _agreed_during_war(extractor: Extractor, named: bool) -> set[tuple[EventType, object]]:
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
    return {(e.type, e.dyad) for e in found}


def test_a_background_event_is_reported_when_its_sides_are_named(extractor: Extractor) -> None:
    assert (EventType.ASSAULT, ("IND", "PAK")) in _agreed_during_war(extractor, named=True)
    unnamed = _agreed_during_war(extractor, named=False)
    assert EventType.AGREE in {t for t, _ in unnamed}
    assert EventType.ASSAULT not in {t for t, _ in unnamed}
