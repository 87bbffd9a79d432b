"""A counterpart is of another state than its owner: "he met his Chilean counterpart";
"the two countries" are the pair the text was just talking about (invented sentences)."""

from __future__ import annotations

from bilat.nlp.sides.pair_sides import counterpart_of, pair_in_context
from bilat.records import Actor, Mention

CHILE = Actor("CHL", "Chile")
PERU = Actor("PER", "Peru")
PAIR = (CHILE, PERU)


def _owner(code: Actor | None = None) -> Mention:
    return Mention("Foreign Minister Ana Quispe", 0, 27, code)


def _counterpart(text: str, actor: Actor | None) -> Mention:
    return Mention(text, 32, 32 + len(text), actor)


def test_unresolved_owner_of_a_counterpart_is_the_other_of_the_main_pair() -> None:
    owner = counterpart_of(_owner(), _counterpart("her Chilean counterpart", CHILE), PAIR)
    assert owner is not None and owner.code == "PER"
    assert owner.text == "Foreign Minister Ana Quispe"


def test_owner_read_as_the_counterparts_own_state_is_the_other_of_the_pair() -> None:
    # "he met his Peruvian counterpart Luis Soto": "he" misread as Peru's
    owner = counterpart_of(
        Mention("he", 0, 2, PERU), _counterpart("his Peruvian counterpart Luis Soto", PERU), PAIR
    )
    assert owner is not None and owner.code == "CHL"


def test_counterpart_owned_with_a_longer_title_still_names_another_state() -> None:
    owner = counterpart_of(
        _owner(), _counterpart("their Peruvian defence counterparts", PERU), PAIR
    )
    assert owner is not None and owner.code == "CHL"


def test_counterpart_owner_already_of_another_state_is_kept() -> None:
    assert (
        counterpart_of(_owner(CHILE), _counterpart("her Peruvian counterpart", PERU), PAIR) is None
    )


def test_counterpart_of_a_state_outside_the_main_pair_names_no_owner() -> None:
    bolivia = Actor("BOL", "Bolivia")
    assert counterpart_of(_owner(), _counterpart("her Bolivian counterpart", bolivia), PAIR) is None


def test_counterpart_without_a_main_pair_names_no_owner() -> None:
    assert counterpart_of(_owner(), _counterpart("her Chilean counterpart", CHILE), None) is None


def test_unowned_counterpart_phrase_names_no_owner() -> None:
    # "the Chilean envoy": no counterpart, no other state implied
    assert counterpart_of(_owner(), _counterpart("the Chilean envoy", CHILE), PAIR) is None


BOLIVIA = Actor("BOL", "Bolivia")


def test_the_two_countries_are_the_two_the_previous_sentence_names() -> None:
    # "Chile's president hosted Bolivia's in Santiago. The two leaders discussed gas."
    previous = [Mention("Chile", 0, 5, CHILE), Mention("Bolivia", 20, 27, BOLIVIA)]
    previous.append(Mention("Santiago", 31, 39, CHILE))
    said = "The two leaders discussed gas."
    assert pair_in_context(said, previous, PAIR) == (BOLIVIA, CHILE)
    # three actors named, or only one: the article's main pair
    three = [*previous, Mention("Peru", 45, 49, PERU)]
    assert pair_in_context(said, three, PAIR) == PAIR
    assert pair_in_context(said, previous[:1], PAIR) == PAIR
    # a sentence with no "the two ..." keeps the main pair for its other rules
    assert pair_in_context("They discussed gas.", previous, PAIR) == PAIR


def test_a_sentence_opening_he_is_the_previous_sentences_named_subject() -> None:
    from bilat.nlp.sides.pair_sides import person_named_before
    from tests.unit.nlp.handmade import parsed

    doc = parsed(
        [
            ("Putin", 1, "nsubj", "PROPN", "Putin"),
            ("arrived", 1, "ROOT", "VERB", "arrive"),
            (".", 1, "punct", "PUNCT", "."),
            ("He", 5, "nsubjpass", "PRON", "he"),
            ("was", 5, "auxpass", "AUX", "be"),
            ("welcomed", 5, "ROOT", "VERB", "welcome"),
            (".", 5, "punct", "PUNCT", "."),
        ],
        starts=(0, 3),
    )
    putin = Mention("Putin", 0, 5, Actor("RUS", "Russia"))
    found = person_named_before([doc[3]], [putin])
    assert found is not None and found.code == "RUS"
    assert (found.text, found.start) == ("He", doc[3].idx)  # at the pronoun
    assert person_named_before([doc[3]], []) is None  # no actor named there
    assert person_named_before([doc[0]], [putin]) is None  # not a pronoun
