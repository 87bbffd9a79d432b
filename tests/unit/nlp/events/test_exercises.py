"""Exercises: one country's is MOBILIZE, a joint one COOPERATE (PLOVER manual); a scheduled
exercise is a planned act, not a promise or a threat. Hand-built parses."""

from __future__ import annotations

from bilat.nlp.extract import Extractor
from bilat.records import EventType, Status
from tests.unit.nlp.handmade import facts, mention, parsed

Row = tuple[str, int, str, str, str]


def _events(
    extractor: Extractor, rows: list[Row], codes: dict[str, str]
) -> list[tuple[EventType, str | None, str | None, Status]]:
    doc = parsed(rows)
    found = extractor.extract(
        doc, facts(doc, [mention(doc, name, code) for name, code in codes.items()])
    )
    return [(e.type, e.source.code, e.target.code if e.target else None, e.status) for e in found]


def _held_drills(modifier: str | None, partner: str | None) -> list[Row]:
    rows: list[Row] = [("China", 1, "nsubj", "PROPN", "China"), ("held", 1, "ROOT", "VERB", "hold")]
    drills = 2 + (modifier is not None)
    if modifier is not None:
        rows.append((modifier, drills, "amod", "ADJ", modifier))
    rows.append(("drills", 1, "dobj", "NOUN", "drill"))
    rows += [("near", 1, "prep", "ADP", "near"), ("Taiwan", drills + 1, "pobj", "PROPN", "Taiwan")]
    if partner is not None:
        rows += [
            ("with", 1, "prep", "ADP", "with"),
            (partner, drills + 3, "pobj", "PROPN", partner),
        ]
    rows.append((".", 1, "punct", "PUNCT", "."))
    return rows


def test_one_country_exercising_near_another_mobilises(extractor: Extractor) -> None:
    found = _events(extractor, _held_drills(None, None), {"China": "CHN", "Taiwan": "TWN"})
    assert found == [(EventType.MOBILIZE, "CHN", "TWN", Status.OCCURRED)]


def test_a_joint_exercise_is_cooperation(extractor: Extractor) -> None:
    found = _events(extractor, _held_drills("joint", None), {"China": "CHN", "Taiwan": "TWN"})
    assert [t for t, *_ in found] == [EventType.COOPERATE]


def test_an_exercise_with_a_partner_is_cooperation(extractor: Extractor) -> None:
    codes = {"China": "CHN", "Taiwan": "TWN", "Russia": "RUS"}
    found = _events(extractor, _held_drills(None, "Russia"), codes)
    assert {t for t, *_ in found} == {EventType.COOPERATE}


def test_a_scheduled_exercise_is_planned_not_promised(extractor: Extractor) -> None:
    rows = [
        ("Turkey", 2, "nsubj", "PROPN", "Turkey"),
        ("will", 2, "aux", "AUX", "will"),
        ("hold", 2, "ROOT", "VERB", "hold"),
        ("exercises", 2, "dobj", "NOUN", "exercise"),
        ("near", 2, "prep", "ADP", "near"),
        ("Crete", 4, "pobj", "PROPN", "Crete"),
        (".", 2, "punct", "PUNCT", "."),
    ]  # fmt: skip
    found = _events(extractor, rows, {"Turkey": "TUR", "Crete": "GRC"})
    assert found == [(EventType.MOBILIZE, "TUR", "GRC", Status.PLANNED)]
