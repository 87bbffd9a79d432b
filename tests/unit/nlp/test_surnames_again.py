"""A surname standing alone after its bearer was introduced with a state's title."""

from __future__ import annotations

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
