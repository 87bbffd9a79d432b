"""When events happened: own clause, paragraph reference time, definite descriptions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from bilat.nlp.events.dating import (
    PlacedDate,
    bounds_a_duration,
    dates_the_trigger,
    done_before,
    event_date,
    names_a_thing,
    plan_ahead,
    report_month,
    same_paragraph,
    sets_a_deadline,
)
from bilat.nlp.extract import Extractor
from bilat.nlp.facts import DatedText
from bilat.records import DateSpan, EventType, Granularity
from tests.unit.nlp.handmade import facts, mention, parsed

SEPTEMBER = DateSpan(date(2021, 9, 1), date(2021, 9, 30), Granularity.MONTH, "September")
AUGUST = DateSpan(date(2021, 8, 1), date(2021, 8, 31), Granularity.MONTH, "August")


def _recalled_and_discussed() -> Doc:
    return parsed([
        ("Leaders", 1, "nsubj", "NOUN", "leader"),
        ("recalled", 1, "ROOT", "VERB", "recall"),
        ("the", 3, "det", "DET", "the"),
        ("conversation", 1, "dobj", "NOUN", "conversation"),
        ("that", 5, "nsubj", "PRON", "that"),
        ("took", 3, "relcl", "VERB", "take"),
        ("place", 5, "dobj", "NOUN", "place"),
        ("in", 5, "prep", "ADP", "in"),
        ("August", 7, "pobj", "PROPN", "August"),
        ("and", 1, "cc", "CCONJ", "and"),
        ("discussed", 1, "conj", "VERB", "discuss"),
        ("trade", 10, "dobj", "NOUN", "trade"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip


def test_a_date_in_a_relative_clause_dates_only_the_noun_it_hangs_off() -> None:
    doc = _recalled_and_discussed()
    august = doc[8]
    assert dates_the_trigger(doc[3], august)  # the conversation took place in August
    # The recalling is not: the clause tells when the conversation was, not the recall.
    assert not dates_the_trigger(doc[1], august)
    assert not dates_the_trigger(doc[10], august)  # the discussion is another clause


def test_a_trigger_without_a_date_of_its_own_takes_the_reference_time() -> None:
    doc = _recalled_and_discussed()
    placed = [PlacedDate(doc[8].idx, doc[8], AUGUST)]
    inherited = event_date(doc[10], placed, SEPTEMBER, None)
    assert inherited is not None and inherited.start == SEPTEMBER.start and inherited.inferred
    assert event_date(doc[3], placed, SEPTEMBER, None) == AUGUST
    # Without a reference time the sentence's nearest date is still the best guess.
    assert event_date(doc[10], placed, None, None) == AUGUST


def test_a_line_break_ends_a_paragraph() -> None:
    assert same_paragraph("They met. They talked.", 9, 10)
    assert not same_paragraph("They met.\nThey talked.", 9, 10)


def _two_sentences(second: list[tuple[str, int, str, str, str]], new_paragraph: bool) -> Doc:
    first = [
        ("Pakistan", 1, "nsubj", "PROPN", "Pakistan"),
        ("met", 1, "ROOT", "VERB", "meet"),
        ("Russia", 1, "dobj", "PROPN", "Russia"),
        ("in", 1, "prep", "ADP", "in"),
        ("September", 3, "pobj", "PROPN", "September"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    if new_paragraph:
        first.append(("\n", 5, "dep", "SPACE", "\n"))
    shift = len(first)
    moved = [(w, head + shift, dep, pos, lemma) for w, head, dep, pos, lemma in second]
    return parsed(first + moved, starts=(0, shift))


def _dated_events(extractor: Extractor, doc: Doc) -> dict[EventType, DateSpan | None]:
    mentions = [
        mention(doc, w, c, n) for w, c in (("Pakistan", "PAK"), ("Russia", "RUS")) for n in (0, 1)
    ]
    start = doc[4].idx
    found = extractor.extract(doc, facts(doc, mentions, [DatedText(start, start + 9, SEPTEMBER)]))
    return {e.type: e.date for e in found if e.evidence.start > 0}


PRAISED = [
    ("Pakistan", 1, "nsubj", "PROPN", "Pakistan"),
    ("praised", 1, "ROOT", "VERB", "praise"),
    ("Russia", 1, "dobj", "PROPN", "Russia"),
    (".", 1, "punct", "PUNCT", "."),
]


def test_a_sentence_continues_the_time_of_its_paragraph(extractor: Extractor) -> None:
    dated = _dated_events(extractor, _two_sentences(PRAISED, new_paragraph=False))
    praise = dated[EventType.SUPPORT]
    assert praise is not None and praise.start == SEPTEMBER.start and praise.inferred


def test_a_new_paragraph_starts_without_a_reference_time(extractor: Extractor) -> None:
    dated = _dated_events(extractor, _two_sentences(PRAISED, new_paragraph=True))
    assert dated[EventType.SUPPORT] is None


def _held_talks(determiner: str) -> list[tuple[str, int, str, str, str]]:
    return [
        ("Pakistan", 1, "nsubj", "PROPN", "Pakistan"),
        ("held", 1, "ROOT", "VERB", "hold"),
        (determiner, 3, "det", "DET", determiner.lower()),
        ("talks", 1, "dobj", "NOUN", "talk"),
        ("with", 1, "prep", "ADP", "with"),
        ("Russia", 4, "pobj", "PROPN", "Russia"),
        (".", 1, "punct", "PUNCT", "."),
    ]


def test_the_talks_refer_back_to_the_reported_meeting_and_take_its_date(
    extractor: Extractor,
) -> None:
    dated = _dated_events(extractor, _two_sentences(_held_talks("the"), new_paragraph=True))
    assert dated[EventType.CONSULT] == SEPTEMBER
    undetermined = _dated_events(extractor, _two_sentences(_held_talks("new"), new_paragraph=True))
    assert undetermined[EventType.CONSULT] is None


def test_the_same_month_refers_back_across_paragraphs() -> None:
    doc = parsed([
        ("In", 5, "prep", "ADP", "in"),
        ("the", 3, "det", "DET", "the"),
        ("same", 3, "amod", "ADJ", "same"),
        ("month", 0, "pobj", "NOUN", "month"),
        ("they", 5, "nsubj", "PRON", "they"),
        ("met", 5, "ROOT", "VERB", "meet"),
        (".", 5, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert event_date(doc[5], [], None, SEPTEMBER) == SEPTEMBER
    assert event_date(doc[5], [], None, None) is None


def test_a_year_that_premodifies_a_noun_names_a_thing_not_the_time() -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("cited", 1, "ROOT", "VERB", "cite"),
        ("the", 4, "det", "DET", "the"),
        ("1904", 4, "nummod", "NUM", "1904"),
        ("Treaty", 1, "dobj", "PROPN", "Treaty"),
        ("signed", 4, "acl", "VERB", "sign"),
        ("in", 5, "prep", "ADP", "in"),
        ("1904", 6, "pobj", "NUM", "1904"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    sent = doc[:]
    attributive, adverbial = doc[3], doc[7]
    assert names_a_thing(sent, attributive.idx, attributive.idx + 4)
    # Negative: "signed in 1904" moves the text to 1904.
    assert not names_a_thing(sent, adverbial.idx, adverbial.idx + 4)


def test_a_date_after_since_bounds_a_duration_and_moves_no_time() -> None:
    doc = parsed([
        ("Troops", 2, "nsubj", "NOUN", "troop"),
        ("have", 2, "aux", "AUX", "have"),
        ("fought", 2, "ROOT", "VERB", "fight"),
        ("there", 2, "advmod", "ADV", "there"),
        ("since", 2, "prep", "ADP", "since"),
        ("2011", 4, "pobj", "NUM", "2011"),
        ("and", 2, "cc", "CCONJ", "and"),
        ("left", 2, "conj", "VERB", "leave"),
        ("in", 7, "prep", "ADP", "in"),
        ("2019", 8, "pobj", "NUM", "2019"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    sent = doc[:]
    since, plain = doc[5], doc[9]
    assert bounds_a_duration(sent, since.idx, since.idx + 4)
    # Negative: "left in 2019" is the time of an act.
    assert not bounds_a_duration(sent, plain.idx, plain.idx + 4)


def test_a_since_clause_bounds_a_duration() -> None:
    doc = parsed([
        ("the", 1, "det", "DET", "the"),
        ("first", 1, "ROOT", "ADJ", "first"),
        ("since", 4, "mark", "SCONJ", "since"),
        ("talks", 4, "nsubj", "NOUN", "talk"),
        ("stalled", 1, "advcl", "VERB", "stall"),
        ("last", 6, "amod", "ADJ", "last"),
        ("year", 4, "npadvmod", "NOUN", "year"),
    ])  # fmt: skip
    last_year = doc[5:7]
    assert bounds_a_duration(doc[:], last_year.start_char, last_year.end_char)


def _reopen_the_crossing() -> Doc:
    return parsed([
        ("They", 1, "nsubj", "PRON", "they"),
        ("agreed", 1, "ROOT", "VERB", "agree"),
        ("to", 3, "aux", "PART", "to"),
        ("reopen", 1, "xcomp", "VERB", "reopen"),
        ("the", 5, "det", "DET", "the"),
        ("crossing", 3, "dobj", "NOUN", "crossing"),
        ("which", 8, "nsubjpass", "PRON", "which"),
        ("was", 8, "auxpass", "AUX", "be"),
        ("closed", 5, "relcl", "VERB", "close"),
        ("in", 8, "prep", "ADP", "in"),
        ("2021", 9, "pobj", "NUM", "2021"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip


def test_a_relative_clause_of_another_noun_does_not_date_the_act() -> None:
    doc = _reopen_the_crossing()
    closed_in = doc[10]
    assert not dates_the_trigger(doc[3], closed_in)  # the reopening is not of 2021
    assert not dates_the_trigger(doc[1], closed_in)
    placed = [PlacedDate(closed_in.idx, closed_in, AUGUST)]
    # With no reference time and no other date, the sentence's only date is still the
    # best guess left (as for any trigger without a date of its own).
    assert event_date(doc[3], placed, None, None) == AUGUST


def _reopens_after_closing() -> Doc:
    return parsed([
        ("Israel", 1, "nsubj", "PROPN", "Israel"),
        ("reopens", 1, "ROOT", "VERB", "reopen"),
        ("its", 3, "poss", "PRON", "its"),
        ("embassy", 1, "dobj", "NOUN", "embassy"),
        ("after", 1, "prep", "ADP", "after"),
        ("closing", 4, "pcomp", "VERB", "close"),
        ("it", 5, "dobj", "PRON", "it"),
        ("in", 5, "prep", "ADP", "in"),
        ("2011", 7, "pobj", "NUM", "2011"),
        ("(", 1, "punct", "PUNCT", "("),
        ("September", 1, "npadvmod", "PROPN", "September"),
        (")", 1, "punct", "PUNCT", ")"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip


def test_a_date_of_a_nested_predicate_dates_that_predicate_not_the_act() -> None:
    doc = _reopens_after_closing()
    assert not dates_the_trigger(doc[1], doc[8])  # 2011 is when it closed
    assert dates_the_trigger(doc[5], doc[8])
    assert dates_the_trigger(doc[1], doc[10])  # "(September)" dates the clause


def _refuses_because_of_conviction() -> Doc:
    return parsed([
        ("Australia", 1, "nsubj", "PROPN", "Australia"),
        ("refuses", 1, "ROOT", "VERB", "refuse"),
        ("entry", 1, "dobj", "NOUN", "entry"),
        ("because", 1, "prep", "SCONJ", "because"),
        ("of", 3, "pcomp", "ADP", "of"),
        ("his", 7, "poss", "PRON", "his"),
        ("2009", 7, "nummod", "NUM", "2009"),
        ("conviction", 4, "pobj", "NOUN", "conviction"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip


def test_a_year_premodifying_another_noun_does_not_date_the_act() -> None:
    doc = _refuses_because_of_conviction()
    assert not dates_the_trigger(doc[1], doc[6])
    assert dates_the_trigger(doc[7], doc[6])  # "the 2009 conviction" is of 2009


def _met_then_praised(new_paragraph: bool) -> Doc:
    first = [
        ("Pakistan", 1, "nsubj", "PROPN", "Pakistan"),
        ("met", 1, "ROOT", "VERB", "meet"),
        ("Russia", 1, "dobj", "PROPN", "Russia"),
        ("in", 1, "prep", "ADP", "in"),
        ("2019", 3, "pobj", "NUM", "2019"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    if new_paragraph:
        first.append(("\n", 5, "dep", "SPACE", "\n"))
    shift = len(first)
    second = [
        ("Pakistan", 1, "nsubj", "PROPN", "Pakistan"),
        ("praised", 1, "ROOT", "VERB", "praise"),
        ("Russia", 1, "dobj", "PROPN", "Russia"),
        ("in", 1, "prep", "ADP", "in"),
        ("April", 3, "pobj", "PROPN", "April"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    moved = [(w, head + shift, dep, pos, lemma) for w, head, dep, pos, lemma in second]
    return parsed(first + moved, starts=(0, shift))


def _praise_date(extractor: Extractor, new_paragraph: bool) -> DateSpan | None:
    doc = _met_then_praised(new_paragraph)
    year = DateSpan(date(2019, 1, 1), date(2019, 12, 31), Granularity.YEAR, "2019")
    # "April" as the anchored reading gives it in a story of 15 December 2021
    april = DateSpan(date(2021, 4, 1), date(2021, 4, 30), Granularity.MONTH, "April")
    shift = 7 if new_paragraph else 6
    mentions = [
        mention(doc, w, c, n) for w, c in (("Pakistan", "PAK"), ("Russia", "RUS")) for n in (0, 1)
    ]
    dates = [
        DatedText(doc[4].idx, doc[4].idx + 4, year),
        DatedText(doc[shift + 4].idx, doc[shift + 4].idx + 5, april),
    ]
    found = extractor.extract(doc, facts(doc, mentions, dates))
    return next(e.date for e in found if e.type is EventType.SUPPORT)


def test_a_bare_month_takes_the_year_its_paragraph_talks_about(extractor: Extractor) -> None:
    same = _praise_date(extractor, new_paragraph=False)
    assert same is not None and same.start == date(2019, 4, 1)


def test_a_new_paragraph_does_not_carry_the_year_over(extractor: Extractor) -> None:
    fresh = _praise_date(extractor, new_paragraph=True)
    assert fresh is not None and fresh.start == date(2021, 4, 1)


def test_a_story_at_the_time_of_its_report_dates_undated_acts_by_its_month() -> None:
    saturday = DateSpan(date(2026, 9, 19), date(2026, 9, 19), Granularity.DAY, "Saturday")
    month = report_month(saturday, date(2026, 9, 21))
    assert month is not None and month.iso() == "2026-09" and month.inferred
    assert month.granularity is Granularity.MONTH


def test_a_text_recalling_another_time_dates_nothing_by_its_publication() -> None:
    recalled = DateSpan(date(1971, 8, 1), date(1971, 8, 31), Granularity.MONTH, "August 1971")
    assert report_month(recalled, date(2021, 12, 15)) is None
    # Nor does a text that has named no date yet, or has no publication date.
    assert report_month(None, date(2021, 12, 15)) is None
    assert report_month(SEPTEMBER, None) is None


def test_a_date_in_the_name_of_a_thing_is_no_fallback_date_of_the_act() -> None:
    doc = parsed([
        ("Turkey", 1, "nsubj", "PROPN", "Turkey"),
        ("accused", 1, "ROOT", "VERB", "accuse"),
        ("Greece", 1, "dobj", "PROPN", "Greece"),
        ("in", 1, "prep", "ADP", "in"),
        ("violation", 3, "pobj", "NOUN", "violation"),
        ("of", 4, "prep", "ADP", "of"),
        ("the", 8, "det", "DET", "the"),
        ("1923", 8, "nummod", "NUM", "1923"),
        ("Treaty", 5, "pobj", "PROPN", "Treaty"),
        ("and", 1, "cc", "CCONJ", "and"),
        ("Athens", 11, "nsubj", "PROPN", "Athens"),
        ("rejected", 1, "conj", "VERB", "reject"),
        ("it", 11, "dobj", "PRON", "it"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    year = DateSpan(date(1923, 1, 1), date(1923, 12, 31), Granularity.YEAR, "1923")
    placed = [PlacedDate(doc[7].idx, doc[7], year)]
    # No date of its own, no reference time: the treaty's year is not the accusation's,
    # nor that of the rejection in a clause below it.
    assert event_date(doc[1], placed, None, None) is None
    assert event_date(doc[11], placed, None, None) is None
    assert event_date(doc[8], placed, None, None) == year  # the treaty's own


def test_a_clause_telling_when_the_light_verbs_event_noun_happened_dates_it() -> None:
    # "They recalled the conversation that took place in August ."
    def recalled(verb: str, lemma: str) -> Doc:
        return parsed([
            ("They", 1, "nsubj", "PRON", "they"),
            ("recalled", 1, "ROOT", "VERB", "recall"),
            ("the", 3, "det", "DET", "the"),
            ("conversation", 1, "dobj", "NOUN", "conversation"),
            ("that", 5, "nsubj", "PRON", "that"),
            (verb, 3, "relcl", "VERB", lemma),
            ("in", 5, "prep", "ADP", "in"),
            ("August", 6, "pobj", "PROPN", "August"),
            (".", 1, "punct", "PUNCT", "."),
        ])  # fmt: skip

    reference = DateSpan(date(2021, 9, 1), date(2021, 9, 30), Granularity.MONTH, "September")
    took = recalled("happened", "happen")
    placed = [PlacedDate(took[7].idx, took[7], AUGUST)]
    assert event_date(took[1], placed, reference, None, obj=took[3]) == AUGUST
    # without the event noun, or when the clause tells something else, the paragraph's time
    inferred = replace(reference, inferred=True)
    assert event_date(took[1], placed, reference, None) == inferred
    ended = recalled("ended", "end")
    placed = [PlacedDate(ended[7].idx, ended[7], AUGUST)]
    assert event_date(ended[1], placed, reference, None, obj=ended[3]) == inferred


def test_a_deadline_dates_no_act_of_another_clause_and_moves_no_timeline() -> None:
    # "India pledged support, aiming at zero emissions by 2070."
    doc = parsed([
        ("India", 1, "nsubj", "PROPN", "India"),
        ("pledged", 1, "ROOT", "VERB", "pledge"),
        ("support", 1, "dobj", "NOUN", "support"),
        (",", 1, "punct", "PUNCT", ","),
        ("aiming", 1, "advcl", "VERB", "aim"),
        ("at", 4, "prep", "ADP", "at"),
        ("zero", 7, "nummod", "NUM", "zero"),
        ("emissions", 5, "pobj", "NOUN", "emission"),
        ("by", 4, "prep", "ADP", "by"),
        ("2070", 8, "pobj", "NUM", "2070"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    by_2070 = DateSpan(date(2070, 1, 1), date(2070, 12, 31), Granularity.YEAR, "2070")
    placed = [PlacedDate(doc[9].idx, doc[9], by_2070)]
    assert event_date(doc[1], placed, None, None) is None  # the pledge is not of 2070
    assert event_date(doc[4], placed, None, None) == by_2070  # the aim is for then
    sent = next(iter(doc.sents))
    assert sets_a_deadline(sent, doc[9].idx, doc[9].idx + 4)
    assert not sets_a_deadline(sent, doc[7].idx, doc[7].idx + 9)


def test_a_plans_month_named_without_its_year_lies_ahead() -> None:
    story = date(2015, 9, 23)
    june = DateSpan(date(2015, 6, 1), date(2015, 6, 30), Granularity.MONTH, "June")
    assert plan_ahead(june, story) == DateSpan(
        date(2016, 6, 1), date(2016, 6, 30), Granularity.MONTH, "June"
    )
    february = DateSpan(date(2015, 2, 1), date(2015, 2, 28), Granularity.MONTH, "February")
    ahead = plan_ahead(february, story)
    assert ahead is not None and ahead.end == date(2016, 2, 29)  # to the end of the month
    # what fixes the year, a weekday, and a month still ahead stay as found
    last_june = DateSpan(june.start, june.end, Granularity.MONTH, "last June")
    assert plan_ahead(last_june, story) == last_june
    june_2015 = DateSpan(june.start, june.end, Granularity.MONTH, "June 2015")
    assert plan_ahead(june_2015, story) == june_2015
    monday = DateSpan(date(2015, 9, 21), date(2015, 9, 21), Granularity.DAY, "Monday")
    assert plan_ahead(monday, story) == monday
    assert plan_ahead(SEPTEMBER, date(2021, 9, 2)) == SEPTEMBER
    assert plan_ahead(None, story) is None and plan_ahead(june, None) == june


def test_an_act_told_as_done_on_a_month_named_without_its_year_lies_behind() -> None:
    story = date(2020, 1, 15)
    march = DateSpan(date(2020, 3, 1), date(2020, 3, 31), Granularity.MONTH, "March")
    assert done_before(march, story) == DateSpan(
        date(2019, 3, 1), date(2019, 3, 31), Granularity.MONTH, "March"
    )
    march_3 = DateSpan(date(2020, 3, 3), date(2020, 3, 3), Granularity.DAY, "March 3")
    assert done_before(march_3, story) == replace(
        march_3, start=date(2019, 3, 3), end=date(2019, 3, 3)
    )  # a day of the month does not fix the year
    february = DateSpan(date(2020, 2, 1), date(2020, 2, 29), Granularity.MONTH, "February")
    behind = done_before(february, story)
    assert behind is not None and behind.end == date(2019, 2, 28)
    # a month already behind, or its year fixed, stays; a date taken from the text before
    # (a plan's "in May") is not the done act's
    january = DateSpan(date(2020, 1, 1), date(2020, 1, 31), Granularity.MONTH, "January")
    assert done_before(january, story) == january
    march_2020 = replace(march, text="March 2020")
    assert done_before(march_2020, story) == march_2020
    assert done_before(replace(march, inferred=True), story) is None
    assert done_before(None, story) is None and done_before(march, None) == march


def test_whether_an_act_is_told_in_a_past_tense() -> None:
    from bilat.nlp.events.modality import told_in_past

    held = [
        ("Pakistan", 1, "nsubj", "PROPN", "Pakistan"),
        ("held", 1, "ROOT", "VERB", "hold"),
        ("talks", 1, "dobj", "NOUN", "talk"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    assert told_in_past(_first_verb(held, {1: "VBD"}))
    will = [
        ("Pakistan", 2, "nsubj", "PROPN", "Pakistan"),
        ("will", 2, "aux", "AUX", "will"),
        ("hold", 2, "ROOT", "VERB", "hold"),
        ("talks", 2, "dobj", "NOUN", "talk"),
    ]
    assert not told_in_past(_first_verb(will, {2: "VB"}))
    agreed = [
        ("Pakistan", 1, "nsubj", "PROPN", "Pakistan"),
        ("agreed", 1, "ROOT", "VERB", "agree"),
        ("to", 3, "aux", "PART", "to"),
        ("hold", 1, "xcomp", "VERB", "hold"),
        ("talks", 3, "dobj", "NOUN", "talk"),
    ]
    # the plan's own verb is "hold": the past tense of "agreed" is not the talks'
    doc = parsed(agreed)
    doc[1].tag_, doc[3].tag_ = "VBD", "VB"
    assert not told_in_past(doc[4])
    were = [
        ("Talks", 2, "nsubjpass", "NOUN", "talk"),
        ("were", 2, "auxpass", "AUX", "be"),
        ("held", 2, "ROOT", "VERB", "hold"),
    ]
    assert told_in_past(_first_verb(were, {2: "VBN"}))


def _first_verb(rows: list[tuple[str, int, str, str, str]], tags: dict[int, str]) -> Token:
    doc = parsed(rows)
    for i, tag in tags.items():
        doc[i].tag_ = tag
    return next(t for t in doc if t.pos_ == "VERB")


def test_an_undated_act_beside_the_news_of_the_day_is_of_the_publication_month() -> None:
    from bilat.nlp.events.dating import news_month

    doc = parsed([
        ("Germany", 1, "nsubj", "PROPN", "Germany"),
        ("reopens", 1, "ROOT", "VERB", "reopen"),
        ("services", 1, "dobj", "NOUN", "service"),
        ("after", 1, "prep", "ADP", "after"),
        ("reintroducing", 3, "pcomp", "VERB", "reintroduce"),
        ("controls", 4, "dobj", "NOUN", "control"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    month = news_month(doc[1], date(2015, 9, 14))
    assert month == DateSpan(
        date(2015, 9, 1), date(2015, 9, 30), Granularity.MONTH, "", inferred=True
    )
    past = parsed([
        ("Germany", 1, "nsubj", "PROPN", "Germany"),
        ("reopened", 1, "ROOT", "VERB", "reopen"),
        ("services", 1, "dobj", "NOUN", "service"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert news_month(past[1], date(2015, 9, 14)) is None  # told of its own time
    assert news_month(doc[1], None) is None
