"""Dated resolution: a name read at an event's date."""

from __future__ import annotations

from datetime import date

import pytest

from bilat.nlp.actors.eras import Eras
from bilat.nlp.actors.kb import shipped_kb
from bilat.records import Actor, DateSpan, Granularity, Mention
from factories import mention


@pytest.fixture(scope="module")
def eras() -> Eras:
    return Eras.from_kb(shipped_kb())


def _year(year: int) -> DateSpan:
    return DateSpan(date(year, 1, 1), date(year, 12, 31), Granularity.YEAR, str(year))


def _named(code: str, text: str = "Moscow") -> Mention:
    return mention(code, text, name=code, sector="GOV")


def test_a_capital_before_its_state_existed_is_the_historical_state(eras: Eras) -> None:
    then = eras.at(_named("RUS"), _year(1975))
    assert then.code == "SUN" and then.text == "Moscow"
    assert then.actor is not None and then.actor.sector == "GOV"


def test_a_capital_after_its_state_began_stays(eras: Eras) -> None:
    assert eras.at(_named("RUS"), _year(2010)).code == "RUS"
    # December 1991 overlaps Russia's start: not wholly before it.
    assert eras.at(_named("RUS"), _year(1991)).code == "RUS"


def test_an_undated_mention_stays(eras: Eras) -> None:
    assert eras.at(_named("RUS"), None).code == "RUS"


def test_a_state_that_existed_beside_the_historical_one_stays(eras: Eras) -> None:
    # West Germany (DEU) existed beside East Germany: "Bonn" in 1975 is not the GDR.
    assert eras.at(_named("DEU", "Bonn"), _year(1975)).code == "DEU"


def test_two_historical_states_at_once_leave_the_name_as_read(eras: Eras) -> None:
    # Hanoi in 1965: North and South Vietnam both succeed into Vietnam.
    assert eras.at(_named("VNM", "Hanoi"), _year(1965)).code == "VNM"
    assert eras.at(_named("VNM", "Hanoi"), _year(1950)).code == "VDR"


def test_a_states_own_name_is_kept_as_written(eras: Eras) -> None:
    # "Czech Republic and Austria signed in 1975": the writer's coding, not a capital's.
    assert eras.at(_named("CZE", "the Czech Republic's"), _year(1975)).code == "CZE"
    assert eras.at(_named("CZE", "Prague"), _year(1975)).code == "CSK"


def test_an_undated_capital_takes_the_era_its_paragraph_names(eras: Eras) -> None:
    # "Moscow kept building dams in Egypt. The Soviet Union also trained engineers."
    moscow = _named("RUS")
    soviet = Mention("The Soviet Union", 40, 56, Actor("SUN", "Soviet Union"))
    assert eras.of_paragraph(moscow, [moscow, soviet]).code == "SUN"


def test_a_paragraph_naming_the_successor_keeps_the_capital(eras: Eras) -> None:
    # "Moscow, unlike the Soviet Union, ... Russia ..." speaks of both eras.
    moscow = _named("RUS")
    soviet = Mention("the Soviet Union", 14, 30, Actor("SUN", "Soviet Union"))
    russia = Mention("Russia", 40, 46, Actor("RUS", "Russia"))
    assert eras.of_paragraph(moscow, [moscow, soviet, russia]).code == "RUS"
    assert eras.of_paragraph(moscow, [moscow]).code == "RUS"
