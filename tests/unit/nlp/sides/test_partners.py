"""The other side of an act read as done by a country to itself."""

from __future__ import annotations

from bilat.nlp.sides.partners import other_side
from bilat.records import Actor, Mention

PAK, IND, CHN = Actor("PAK", "Pakistan"), Actor("IND", "India"), Actor("CHN", "China")


def _at(text: str, start: int, actor: Actor | None) -> Mention:
    return Mention(text, start, start + len(text), actor)


def test_a_target_with_the_sources_code_takes_the_one_other_country_named() -> None:
    # "Pakistan's envoy reviewed Pak-India ties": the target phrase took Pakistan's code.
    source = _at("Pakistan's envoy", 0, PAK)
    target = _at("Pak-India ties", 26, PAK)
    named = [_at("Pakistan", 0, PAK), _at("Pak", 26, PAK), _at("India", 30, IND)]
    found = other_side(source, target, named, None, cooperative=False)
    assert found is not None and found.code == "IND" and found.text == "Pak-India ties"


def test_a_cooperative_act_with_no_other_country_takes_the_main_pair() -> None:
    # "Pakistan purchased helicopters" in an article about Pakistan and India.
    source, target = _at("Pakistan", 0, PAK), _at("helicopters", 19, PAK)
    found = other_side(source, target, [source], (IND, PAK), cooperative=True)
    assert found is not None and found.code == "IND"


def test_a_domestic_conflict_stays_domestic() -> None:
    # "Pakistan arrested protesters": a state's act on its own people.
    source, target = _at("Pakistan", 0, PAK), _at("protesters", 18, PAK)
    assert other_side(source, target, [source], (IND, PAK), cooperative=False) == target


def test_several_other_countries_leave_the_target_as_read() -> None:
    source, target = _at("Pakistan", 0, PAK), _at("its army", 20, PAK)
    named = [source, _at("India", 40, IND), _at("China", 50, CHN)]
    assert other_side(source, target, named, (IND, PAK), cooperative=True) == target


def test_a_pair_without_the_source_leaves_the_target_as_read() -> None:
    source, target = _at("Pakistan", 0, PAK), _at("helicopters", 19, PAK)
    assert other_side(source, target, [source], (IND, CHN), cooperative=True) == target


def test_a_target_phrase_naming_its_own_country_stays_domestic() -> None:
    # "Pakistan detained Pakistani militants near India": the phrase names Pakistan.
    source = _at("Pakistan", 0, PAK)
    target = _at("Pakistani militants", 18, PAK)
    named = [source, _at("Pakistani", 18, PAK), _at("India", 43, IND)]
    assert other_side(source, target, named, (IND, PAK), cooperative=False) == target


def test_an_unnamed_target_takes_the_one_other_country_of_the_sentence() -> None:
    # "India's navy escorted its tankers past China": "its tankers" took India's code.
    source, target = _at("India's navy", 0, IND), _at("its tankers", 21, IND)
    named = [_at("India", 0, IND), _at("China", 38, CHN)]
    found = other_side(source, target, named, None, cooperative=True)
    assert found is not None and found.code == "CHN"


def test_a_source_country_named_again_keeps_the_target_as_read() -> None:
    # "India tried crimes by Indian rebels against Chinese traders": the rebels are Indian.
    source, target = _at("India", 0, IND), _at("crimes", 12, IND)
    named = [source, _at("Indian", 22, IND), _at("Chinese", 45, CHN)]
    assert other_side(source, target, named, None, cooperative=False) == target


def test_two_countries_in_separate_phrases_of_the_target_are_not_a_pair() -> None:
    # "India tried crimes by Indian rebels against Chinese traders" read as one phrase.
    source = _at("India", 0, IND)
    target = _at("crimes by Indian rebels against Chinese traders", 12, IND)
    named = [source, _at("Indian", 22, IND), _at("Chinese", 45, CHN)]
    assert other_side(source, target, named, None, cooperative=False) == target
