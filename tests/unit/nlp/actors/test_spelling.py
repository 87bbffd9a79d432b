"""Misspelt long state and capital names still resolve; near words and short names do not."""

from __future__ import annotations

import pytest

from bilat.nlp.actors import ActorResolver
from bilat.nlp.actors.spelling import Speller

R = ActorResolver.load()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Tanznia sent troops", "TZA"),  # a letter dropped
        ("talks in Kazakshtan", "KAZ"),  # two letters swapped
        ("Venezuelia said", "VEN"),  # a letter added
        ("Mongolain herders", "MNG"),  # a demonym
    ],
)
def test_a_misspelt_long_state_name_resolves(text: str, code: str) -> None:
    assert [m.code for m in R.find_mentions(text)][:1] == [code]


@pytest.mark.parametrize(
    "text",
    [
        "Hungry crowds gathered",  # Hungary is too short to correct
        "Columbia University said",  # a changed letter is no misspelling
        "Ranzania",  # the first letter is never corrected
    ],
)
def test_near_words_are_not_read_as_states(text: str) -> None:
    assert R.find_mentions(text) == []


def test_two_names_equally_near_a_misspelling_correct_it_to_neither() -> None:
    speller = Speller.build(["Abcdefgh", "Abcdefgi"])
    assert speller.correct("Abcdefg") is None
    assert speller.correct("Abcdegfh") == "Abcdefgh"
