"""The generated gazetteer of world cities (resources/actors/places_world.yaml)."""

from __future__ import annotations

from importlib import resources

import pytest

from bilat.nlp.actors import ActorResolver
from bilat.nlp.actors.kb import shipped_kb
from bilat.nlp.actors.schema import parse_file


def _world_text() -> str:
    folder = resources.files("bilat.resources").joinpath("actors")
    return folder.joinpath("places_world.yaml").read_text(encoding="utf-8")


def _codes(text: str) -> list[str | None]:
    return [m.code for m in ActorResolver.load().find_mentions(text)]


def test_places_world_file_passes_the_loader_checks() -> None:
    part = parse_file("actors/places_world.yaml", _world_text())
    places = {name for ext in part.extends for name in ext.places}
    assert len(places) > 1000
    assert "actors/places_world.yaml" in shipped_kb().sources
    # every generated name is guarded against longer capitalised names
    assert places <= set(part.guarded)
    assert "CC BY 4.0" in _world_text()


def test_places_world_names_are_long_and_not_taken_by_the_hand_written_kb() -> None:
    world = {n for ext in parse_file("w", _world_text()).extends for n in ext.places}
    assert all(len(name) > 3 for name in world)
    hand = {
        name
        for actor in shipped_kb().actors
        for name in (actor.name, *actor.aliases, *actor.capitals, *actor.demonyms)
    }
    assert not world & hand


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Drones struck an oil depot in Chelyabinsk overnight.", "RUS"),
        ("Rockets hit a power station near Zhytomyr on Tuesday.", "UKR"),
        ("The governor of the Chelyabinsk region resigned.", "RUS"),
    ],
)
def test_places_world_city_codes_its_state(text: str, code: str) -> None:
    assert _codes(text) == [code]


@pytest.mark.parametrize(
    "text",
    [
        "Delegates said the weather in Nice was pleasant.",
        "Reading the statement, the minister said the coalition may Split.",
        "Elizabeth and Charlotte met reporters in Van on Monday.",
    ],
)
def test_places_world_leaves_out_common_words_and_given_names(text: str) -> None:
    assert _codes(text) == []


def test_places_world_lists_no_city_named_like_a_word_or_a_person() -> None:
    world = {n for ext in parse_file("w", _world_text()).extends for n in ext.places}
    assert not world & {"Nice", "Reading", "Split", "Van", "Mobile", "Elizabeth", "Charlotte"}


def test_places_world_name_inside_a_longer_capitalised_name_is_not_a_place() -> None:
    assert _codes("Workers at the Chelyabinsk Tractor Plant walked out.") == []
    assert _codes("Workers at the tractor plant in Chelyabinsk walked out.") == ["RUS"]


def test_places_world_region_after_a_city_of_another_state_is_not_that_state() -> None:
    # "Atlanta, Georgia": the city's region, not the Caucasian state
    assert _codes("The summit moved to Columbus, Georgia, in May.") == ["USA"]


def test_places_world_state_after_its_own_city_still_resolves() -> None:
    assert _codes("Officials in Batumi, Georgia, and Kutaisi met.") == ["GEO", "GEO", "GEO"]


def test_places_world_one_word_name_with_another_sense_is_left_out() -> None:
    # Metro (Indonesia) and Toyota (Japan) are written in English mostly in another sense
    assert _codes("Metro services were suspended after Toyota cut output.") == []
    assert _codes("Floods cut roads near Basel.") == ["CHE"]
