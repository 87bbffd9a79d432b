"""Trigger rules found on fresh, untuned text, on hand-built parses of invented sentences."""

from __future__ import annotations

from bilat.nlp.events.lexicon import TriggerLexicon
from bilat.nlp.events.triggers import in_the_street
from bilat.nlp.extract import Extractor
from bilat.records import EventType, Status
from tests.unit.nlp.handmade import facts, mention, parsed


def _types(
    extractor: Extractor, doc_rows: list[tuple[str, int, str, str, str]], codes: dict[str, str]
) -> list[tuple[EventType, str | None, str | None]]:
    doc = parsed(doc_rows)
    found = extractor.extract(
        doc, facts(doc, [mention(doc, name, code) for name, code in codes.items()])
    )
    return [(e.type, e.source.code, e.target.code if e.target else None) for e in found]


def test_ending_a_visit_reports_the_visit(extractor: Extractor) -> None:
    rows = [
        ("Kenya", 1, "nsubj", "PROPN", "Kenya"),
        ("ended", 1, "ROOT", "VERB", "end"),
        ("a", 3, "det", "DET", "a"),
        ("visit", 1, "dobj", "NOUN", "visit"),
        ("to", 3, "prep", "ADP", "to"),
        ("Uganda", 4, "pobj", "PROPN", "Uganda"),
        (".", 1, "punct", "PUNCT", "."),
    ]  # fmt: skip
    assert _types(extractor, rows, {"Kenya": "KEN", "Uganda": "UGA"}) == [
        (EventType.CONSULT, "KEN", "UGA")
    ]


def test_ending_a_war_is_still_no_visit_and_no_war(extractor: Extractor) -> None:
    rows = [
        ("Kenya", 1, "nsubj", "PROPN", "Kenya"),
        ("ended", 1, "ROOT", "VERB", "end"),
        ("the", 3, "det", "DET", "the"),
        ("war", 1, "dobj", "NOUN", "war"),
        ("with", 3, "prep", "ADP", "with"),
        ("Uganda", 4, "pobj", "PROPN", "Uganda"),
        (".", 1, "punct", "PUNCT", "."),
    ]  # fmt: skip
    found = _types(extractor, rows, {"Kenya": "KEN", "Uganda": "UGA"})
    assert all(t not in (EventType.CONSULT, EventType.ASSAULT) for t, _, _ in found)


def test_a_statement_condemning_something_is_the_condemnation(extractor: Extractor) -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("issued", 1, "ROOT", "VERB", "issue"),
        ("a", 3, "det", "DET", "a"),
        ("statement", 1, "dobj", "NOUN", "statement"),
        ("condemning", 3, "acl", "VERB", "condemn"),
        ("Peru", 6, "poss", "PROPN", "Peru"),
        ("raids", 4, "dobj", "NOUN", "raid"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    doc[4].tag_ = "VBG"  # the participle
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Chile", "CHL"), mention(doc, "Peru", "PER")])
    )
    assert [(e.type, e.source.code, e.target.code if e.target else None) for e in found] == [
        (EventType.ACCUSE, "CHL", "PER")
    ]


def test_a_statement_about_something_reports_nothing_of_it(extractor: Extractor) -> None:
    # Negative: "issued a statement on Peru's raids" says nothing the statement did.
    rows = [
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("issued", 1, "ROOT", "VERB", "issue"),
        ("a", 3, "det", "DET", "a"),
        ("statement", 1, "dobj", "NOUN", "statement"),
        ("on", 3, "prep", "ADP", "on"),
        ("Peru", 6, "poss", "PROPN", "Peru"),
        ("raids", 4, "pobj", "NOUN", "raid"),
        (".", 1, "punct", "PUNCT", "."),
    ]  # fmt: skip
    doc = parsed(rows)
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Chile", "CHL"), mention(doc, "Peru", "PER")])
    )
    assert all(e.type is not EventType.ACCUSE for e in found)


def _withdrew(thing: tuple[str, str]) -> list[tuple[str, int, str, str, str]]:
    return [
        ("Kenya", 1, "nsubj", "PROPN", "Kenya"),
        ("withdrew", 1, "ROOT", "VERB", "withdraw"),
        ("its", 3, "poss", "PRON", "its"),
        (thing[0], 1, "dobj", "NOUN", thing[1]),
        ("against", 3, "prep", "ADP", "against"),
        ("Uganda", 4, "pobj", "PROPN", "Uganda"),
        (".", 1, "punct", "PUNCT", "."),
    ]


def test_withdrawing_a_complaint_is_a_concession(extractor: Extractor) -> None:
    found = _types(
        extractor, _withdrew(("complaint", "complaint")), {"Kenya": "KEN", "Uganda": "UGA"}
    )
    assert found == [(EventType.CONCEDE, "KEN", "UGA")]


def test_withdrawing_troops_stays_a_retreat(extractor: Extractor) -> None:
    found = _types(extractor, _withdrew(("troops", "troop")), {"Kenya": "KEN", "Uganda": "UGA"})
    assert [t for t, _, _ in found] == [EventType.RETREAT]


def _protested(where: list[tuple[str, int, str, str, str]]) -> list[tuple[str, int, str, str, str]]:
    return [
        ("Kenyans", 1, "nsubj", "PROPN", "Kenyans"),
        ("protested", 1, "ROOT", "VERB", "protest"),
        *where,
        (".", 1, "punct", "PUNCT", "."),
    ]


def test_a_protest_outside_an_embassy_is_a_demonstration(extractor: Extractor) -> None:
    rows = _protested([
        ("outside", 1, "prep", "ADP", "outside"),
        ("the", 5, "det", "DET", "the"),
        ("Ugandan", 5, "amod", "ADJ", "ugandan"),
        ("embassy", 2, "pobj", "NOUN", "embassy"),
    ])  # fmt: skip
    found = _types(extractor, rows, {"Kenyans": "KEN", "Ugandan": "UGA"})
    assert found == [(EventType.PROTEST, "KEN", "UGA")]


def test_a_protest_against_an_act_stays_a_verbal_protest(extractor: Extractor) -> None:
    rows = _protested([
        ("against", 1, "prep", "ADP", "against"),
        ("Ugandan", 4, "amod", "ADJ", "ugandan"),
        ("raids", 2, "pobj", "NOUN", "raid"),
    ])  # fmt: skip
    found = _types(extractor, rows, {"Kenyans": "KEN", "Ugandan": "UGA"})
    assert [t for t, _, _ in found] == [EventType.ACCUSE]


def test_a_crowd_protesting_is_a_demonstration() -> None:
    doc = parsed([
        ("Thousands", 1, "nsubj", "NOUN", "thousand"),
        ("protested", 1, "ROOT", "VERB", "protest"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert in_the_street(doc[1], TriggerLexicon.load())


def _warned(warner: tuple[str, str, str]) -> list[tuple[str, int, str, str, str]]:
    text, pos, lemma = warner
    return [
        (text, 1, "nsubj", pos, lemma),
        ("warned", 1, "ROOT", "VERB", "warn"),
        ("that", 5, "mark", "SCONJ", "that"),
        ("Tanzania", 5, "nsubj", "PROPN", "Tanzania"),
        ("would", 5, "aux", "AUX", "would"),
        ("impose", 1, "ccomp", "VERB", "impose"),
        ("sanctions", 5, "dobj", "NOUN", "sanction"),
        ("on", 5, "prep", "ADP", "on"),
        ("Uganda", 7, "pobj", "PROPN", "Uganda"),
        (".", 1, "punct", "PUNCT", "."),
    ]


def test_a_warning_by_no_actor_foresees_the_act_it_names(extractor: Extractor) -> None:
    doc = parsed(_warned(("Analysts", "NOUN", "analyst")))
    codes = [mention(doc, "Tanzania", "TZA"), mention(doc, "Uganda", "UGA")]
    found = extractor.extract(doc, facts(doc, codes))
    assert [(e.type, e.source.code, e.target.code if e.target else None) for e in found] == [
        (EventType.SANCTION, "TZA", "UGA")
    ]
    assert found[0].status is Status.HYPOTHETICAL


def test_a_warning_by_an_actor_is_not_turned_into_the_foreseen_act(extractor: Extractor) -> None:
    # Negative: Kenya's warning stays Kenya's statement; no sanction is reported as such.
    doc = parsed(_warned(("Kenya", "PROPN", "Kenya")))
    codes = [
        mention(doc, n, c) for n, c in (("Kenya", "KEN"), ("Tanzania", "TZA"), ("Uganda", "UGA"))
    ]
    found = extractor.extract(doc, facts(doc, codes))
    assert all(e.type is not EventType.SANCTION for e in found)


def _request_for(what: str) -> list[tuple[str, int, str, str, str]]:
    return [
        ("Kenya", 1, "nsubj", "PROPN", "Kenya"),
        ("sent", 1, "ROOT", "VERB", "send"),
        ("Uganda", 1, "dative", "PROPN", "Uganda"),
        ("a", 4, "det", "DET", "a"),
        ("request", 1, "dobj", "NOUN", "request"),
        ("for", 4, "prep", "ADP", "for"),
        (what, 5, "pobj", "NOUN", what),
        (".", 1, "punct", "PUNCT", "."),
    ]  # fmt: skip


def test_a_request_for_comment_is_the_press_asking(extractor: Extractor) -> None:
    codes = {"Kenya": "KEN", "Uganda": "UGA"}
    assert _types(extractor, _request_for("comment"), codes) == []
    assert _types(extractor, _request_for("help"), codes) == [(EventType.REQUEST, "KEN", "UGA")]


def test_blocking_a_border_crossing_closes_the_border(extractor: Extractor) -> None:
    rows = [
        ("Jordan", 1, "nsubj", "PROPN", "Jordan"),
        ("blocked", 1, "ROOT", "VERB", "block"),
        ("the", 4, "det", "DET", "the"),
        ("Syrian", 4, "amod", "ADJ", "syrian"),
        ("crossing", 1, "dobj", "NOUN", "crossing"),
        (".", 1, "punct", "PUNCT", "."),
    ]  # fmt: skip
    assert _types(extractor, rows, {"Jordan": "JOR", "Syrian": "SYR"}) == [
        (EventType.SANCTION, "JOR", "SYR")
    ]


def _introduced_then_quoted() -> list[tuple[str, int, str, str, str]]:
    # "Derek Scissors, a scholar, spoke. Scissors said Russia attacked Ukraine."
    return [
        ("Derek", 1, "compound", "PROPN", "Derek"),
        ("Scissors", 5, "nsubj", "PROPN", "Scissors"),
        (",", 1, "punct", "PUNCT", ","),
        ("a", 4, "det", "DET", "a"),
        ("scholar", 1, "appos", "NOUN", "scholar"),
        ("spoke", 5, "ROOT", "VERB", "speak"),
        (".", 5, "punct", "PUNCT", "."),
        ("Scissors", 8, "nsubj", "NOUN", "scissors"),
        ("said", 8, "ROOT", "VERB", "say"),
        ("Russia", 10, "nsubj", "PROPN", "Russia"),
        ("attacked", 8, "ccomp", "VERB", "attack"),
        ("Ukraine", 10, "dobj", "PROPN", "Ukraine"),
        (".", 8, "punct", "PUNCT", "."),
    ]  # fmt: skip


def test_a_commentator_named_once_is_a_commentator_throughout(extractor: Extractor) -> None:
    from bilat.nlp.events.triggers import commentators_named

    rows = _introduced_then_quoted()
    doc = parsed(rows, starts=(0, 7))
    assert commentators_named(doc) == frozenset({"scissors"})
    alone = [(text, head - 7, dep, pos, lemma) for text, head, dep, pos, lemma in rows[7:]]
    assert _types(extractor, alone, {"Russia": "RUS", "Ukraine": "UKR"}) == [
        (EventType.ASSAULT, "RUS", "UKR")
    ]  # said by someone not introduced as a commentator: reported
    codes = {"Russia": "RUS", "Ukraine": "UKR"}
    found = extractor.extract(doc, facts(doc, [mention(doc, n, c) for n, c in codes.items()]))
    assert found == []  # the scholar's analysis


def test_troops_advancing_on_a_place_attack_it(extractor: Extractor) -> None:
    rows = [
        ("Emirati", 1, "amod", "ADJ", "emirati"),
        ("troops", 2, "nsubj", "NOUN", "troop"),
        ("advance", 2, "ROOT", "VERB", "advance"),
        ("on", 2, "prep", "ADP", "on"),
        ("Sanaa", 3, "pobj", "PROPN", "Sanaa"),
        (".", 2, "punct", "PUNCT", "."),
    ]  # fmt: skip
    assert _types(extractor, rows, {"Emirati": "ARE", "Sanaa": "YEM"}) == [
        (EventType.ASSAULT, "ARE", "YEM")
    ]
