"""News of the day: an event noun is dated on the publication day when its present-tense
clause tells of the act, not when the act is only its topic. Hand-built parses."""

from __future__ import annotations

from datetime import date

from bilat.nlp.extract import Extractor
from bilat.records import DateSpan
from tests.unit.nlp.handmade import facts, mention, parsed

ANCHOR = date(2015, 9, 1)
Row = tuple[str, int, str, str, str]


def _dates(extractor: Extractor, rows: list[Row], codes: dict[str, str]) -> list[DateSpan | None]:
    doc = parsed(rows)
    found = extractor.extract(
        doc,
        facts(doc, [mention(doc, name, code) for name, code in codes.items()], anchor=ANCHOR),
    )
    assert found
    return [e.date for e in found]


def test_a_toll_taken_in_an_attack_dates_the_attack_on_the_day(extractor: Extractor) -> None:
    rows = [
        ("Six", 1, "nummod", "NUM", "six"),
        ("militants", 3, "nsubjpass", "NOUN", "militant"),
        ("are", 3, "auxpass", "AUX", "be"),
        ("killed", 3, "ROOT", "VERB", "kill"),
        ("in", 3, "prep", "ADP", "in"),
        ("a", 7, "det", "DET", "a"),
        ("US", 7, "compound", "PROPN", "US"),
        ("attack", 4, "pobj", "NOUN", "attack"),
        ("in", 7, "prep", "ADP", "in"),
        ("Pakistan", 8, "pobj", "PROPN", "Pakistan"),
        (".", 3, "punct", "PUNCT", "."),
    ]  # fmt: skip
    found = _dates(extractor, rows, {"US": "USA", "Pakistan": "PAK"})
    assert all(d is not None and d.start == ANCHOR and d.inferred for d in found)


def test_drills_a_clause_stages_are_news_of_the_day(extractor: Extractor) -> None:
    rows = [
        ("China", 2, "nsubj", "PROPN", "China"),
        ("has", 2, "aux", "AUX", "have"),
        ("held", 2, "ROOT", "VERB", "hold"),
        ("three", 4, "nummod", "NUM", "three"),
        ("days", 2, "dobj", "NOUN", "day"),
        ("of", 4, "prep", "ADP", "of"),
        ("drills", 5, "pobj", "NOUN", "drill"),
        ("near", 2, "prep", "ADP", "near"),
        ("Taiwan", 7, "pobj", "PROPN", "Taiwan"),
        (".", 2, "punct", "PUNCT", "."),
    ]  # fmt: skip
    found = _dates(extractor, rows, {"China": "CHN", "Taiwan": "TWN"})
    assert all(d is not None and d.start == ANCHOR for d in found)


def test_a_visit_hopes_are_pinned_on_is_not_dated_on_the_day(extractor: Extractor) -> None:
    rows = [
        ("Hopes", 2, "nsubjpass", "NOUN", "hope"),
        ("are", 2, "auxpass", "AUX", "be"),
        ("pinned", 2, "ROOT", "VERB", "pin"),
        ("on", 2, "prep", "ADP", "on"),
        ("the", 5, "det", "DET", "the"),
        ("visit", 3, "pobj", "NOUN", "visit"),
        ("of", 5, "prep", "ADP", "of"),
        ("Putin", 6, "pobj", "PROPN", "Putin"),
        ("to", 5, "prep", "ADP", "to"),
        ("Pakistan", 8, "pobj", "PROPN", "Pakistan"),
        (".", 2, "punct", "PUNCT", "."),
    ]  # fmt: skip
    found = _dates(extractor, rows, {"Putin": "RUS", "Pakistan": "PAK"})
    assert all(d is None or d.start != ANCHOR for d in found)


def test_a_plan_told_today_is_not_dated_today(extractor: Extractor) -> None:
    rows = [
        ("China", 2, "nsubj", "PROPN", "China"),
        ("will", 2, "aux", "AUX", "will"),
        ("hold", 2, "ROOT", "VERB", "hold"),
        ("talks", 2, "dobj", "NOUN", "talk"),
        ("with", 2, "prep", "ADP", "with"),
        ("Japan", 4, "pobj", "PROPN", "Japan"),
        (".", 2, "punct", "PUNCT", "."),
    ]  # fmt: skip
    assert _dates(extractor, rows, {"China": "CHN", "Japan": "JPN"}) == [None]
