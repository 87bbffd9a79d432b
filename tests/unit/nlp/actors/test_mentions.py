"""A surname standing alone after its bearer was introduced with a state's title."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bilat.nlp.actors import ActorResolver

R = ActorResolver.load()


def _coded(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.code) for m in R.find_mentions(text)]


def test_a_bare_surname_takes_the_state_of_its_titled_introduction() -> None:
    text = "Peruvian Foreign Minister Elena Quispetupa arrived on Monday. Quispetupa signed a deal."
    assert ("Quispetupa", "PER") in _coded(text)


def test_a_surname_inside_a_longer_name_is_not_the_introduced_person() -> None:
    text = "Peruvian Foreign Minister Elena Quispetupa arrived. Later Rosa Quispetupa spoke."
    assert [c for c in _coded(text) if c[0] == "Quispetupa"] == []


def test_a_surname_two_states_ministers_share_stays_uncoded() -> None:
    text = (
        "Peruvian Foreign Minister Elena Quispetupa met Chilean Foreign Minister Jorge Quispetupa."
        " Quispetupa said talks went well."
    )
    assert [c for c in _coded(text) if c[0] == "Quispetupa"] == []


def test_a_surname_before_its_introduction_is_not_coded() -> None:
    text = "Quispetupa arrived. Peruvian Foreign Minister Elena Quispetupa signed a deal."
    assert [c for c in _coded(text) if c[0] == "Quispetupa"] == []


def _former_minister(tmp_path: Path) -> ActorResolver:
    # A foreign minister the KB knows, out of office from 2020; surname given
    path = tmp_path / "former.yaml"
    path.write_text(
        "people:\n"
        "  - names: [Tomas Varkaly]\n"
        "    surname: Varkaly\n"
        "    country: HUN\n"
        "    terms: [{role: foreign minister, start: 2015-01-01, end: 2020-01-01}]\n",
        encoding="utf-8",
    )
    return ActorResolver.load(path)


def test_possessive_surname_of_a_known_person_takes_his_titled_introduction(
    tmp_path: Path,
) -> None:
    resolver = _former_minister(tmp_path)
    text = "Slovak Foreign Minister Tomas Varkaly arrived. Varkaly's visit to Kyiv began."
    found = [(m.text, m.code) for m in resolver.find_mentions(text, date(2024, 5, 1))]
    assert ("Varkaly", "SVK") in found


def test_known_person_out_of_office_without_a_titled_introduction_stays_uncoded(
    tmp_path: Path,
) -> None:
    resolver = _former_minister(tmp_path)
    text = "Tomas Varkaly arrived. Varkaly's visit to Kyiv began."
    found = [(m.text, m.code) for m in resolver.find_mentions(text, date(2024, 5, 1))]
    assert all(code is None for _, code in found if "Varkaly" in _)
