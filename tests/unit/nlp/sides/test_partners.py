"""The other side of an act read as done by a country to itself, or abroad."""

from __future__ import annotations

from spacy.tokens import Doc

from bilat.nlp.sides.participants import Participants
from bilat.nlp.sides.partners import (
    other_side,
    struck_abroad,
    to_destination,
    without_topics,
)
from bilat.records import Actor, Mention
from tests.unit.nlp.handmade import parsed

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


def test_a_phrase_the_source_owns_names_its_partner_after_with() -> None:
    # "Germany reintroduces controls on its border with Austria"
    deu, aut = Actor("DEU", "Germany"), Actor("AUT", "Austria")
    source, target = _at("Germany", 0, deu), _at("its border with Austria", 42, deu)
    named = [source, _at("its", 42, deu), _at("Austria", 58, aut)]
    found = other_side(source, target, named, None, cooperative=False)
    assert found is not None and found.code == "AUT"
    # a phrase the source does not own ("the border with Austria") stays as read
    theirs = _at("the border with Austria", 42, deu)
    named = [source, _at("border", 46, deu), _at("Austria", 58, aut)]
    assert other_side(source, theirs, named, None, cooperative=False) == theirs


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


def _struck(preposition: str) -> tuple[Mention, Mention, list[Mention], Doc]:
    doc = parsed([
        ("Turkish", 1, "amod", "ADJ", "turkish"),
        ("jets", 2, "nsubj", "NOUN", "jet"),
        ("struck", 2, "ROOT", "VERB", "strike"),
        ("PKK", 4, "compound", "PROPN", "PKK"),
        ("camps", 2, "dobj", "NOUN", "camp"),
        (preposition, 2, "prep", "ADP", preposition),
        ("Iraq", 5, "pobj", "PROPN", "Iraq"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    tur, irq = Actor("TUR", "Turkey"), Actor("IRQ", "Iraq")
    source = Mention("Turkish jets", doc[0].idx, doc[1].idx + 4, tur)
    target = Mention("PKK camps", doc[3].idx, doc[4].idx + 5, tur)
    named = [source, Mention("PKK", doc[3].idx, doc[3].idx + 3, tur)]
    named.append(Mention("Iraq", doc[6].idx, doc[6].idx + 4, irq))
    return source, target, named, doc


def test_force_striking_its_own_nationals_abroad_strikes_the_host_state() -> None:
    source, target, named, doc = _struck("in")
    found = struck_abroad(source, target, named, doc)
    assert found is not None and found.code == "IRQ" and found.text == "PKK camps"


def test_the_host_state_may_own_the_place_or_be_one_of_several() -> None:
    # "struck PKK camps in Iraq's Dohuk province", "... across Turkey and Iraq"
    tur, irq = Actor("TUR", "Turkey"), Actor("IRQ", "Iraq")
    owned = parsed([
        ("Turkish", 1, "amod", "ADJ", "turkish"),
        ("jets", 2, "nsubj", "NOUN", "jet"),
        ("struck", 2, "ROOT", "VERB", "strike"),
        ("camps", 2, "dobj", "NOUN", "camp"),
        ("in", 3, "prep", "ADP", "in"),
        ("Iraq", 7, "poss", "PROPN", "Iraq"),
        ("'s", 5, "case", "PART", "'s"),
        ("province", 4, "pobj", "NOUN", "province"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    source = Mention("Turkish jets", 0, owned[1].idx + 4, tur)
    target = Mention("camps", owned[3].idx, owned[3].idx + 5, tur)
    iraq = Mention("Iraq", owned[5].idx, owned[5].idx + 4, irq)
    found = struck_abroad(source, target, [source, target, iraq], owned)
    assert found is not None and found.code == "IRQ"
    across = parsed([
        ("Turkish", 1, "amod", "ADJ", "turkish"),
        ("jets", 2, "nsubj", "NOUN", "jet"),
        ("struck", 2, "ROOT", "VERB", "strike"),
        ("camps", 2, "dobj", "NOUN", "camp"),
        ("across", 3, "prep", "ADP", "across"),
        ("Turkey", 4, "pobj", "PROPN", "Turkey"),
        ("and", 5, "cc", "CCONJ", "and"),
        ("Iraq", 5, "conj", "PROPN", "Iraq"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    named = [Mention("Turkey", across[5].idx, across[5].idx + 6, tur)]
    named.append(Mention("Iraq", across[7].idx, across[7].idx + 4, irq))
    target = Mention("camps", across[3].idx, across[3].idx + 5, tur)
    found = struck_abroad(source, target, [source, target, *named], across)
    assert found is not None and found.code == "IRQ"


def test_force_striking_its_own_nationals_near_a_border_stays_domestic() -> None:
    source, target, named, doc = _struck("near")
    assert struck_abroad(source, target, named, doc) == target


def test_what_talks_are_on_is_their_topic_not_their_other_side() -> None:
    doc = parsed([
        ("Iran", 1, "nsubj", "PROPN", "Iran"),
        ("held", 1, "ROOT", "VERB", "hold"),
        ("talks", 1, "dobj", "NOUN", "talk"),
        ("on", 2, "prep", "ADP", "on"),
        ("Syria", 3, "pobj", "PROPN", "Syria"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    iran = Mention("Iran", 0, 4, Actor("IRN", "Iran"))
    syria = Mention("Syria", doc[4].idx, doc[4].idx + 5, Actor("SYR", "Syria"))
    found = Participants(iran, syria, symmetric=False, confidence=0.5)
    assert without_topics(found, doc[2]).target is None
    # A partner is no topic: "talks with Syria".
    with_rows = parsed([
        ("Iran", 1, "nsubj", "PROPN", "Iran"),
        ("held", 1, "ROOT", "VERB", "hold"),
        ("talks", 1, "dobj", "NOUN", "talk"),
        ("with", 2, "prep", "ADP", "with"),
        ("Syria", 3, "pobj", "PROPN", "Syria"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert without_topics(found, with_rows[2]).target == syria


def test_a_visit_goes_where_it_arrives_not_where_it_comes_from() -> None:
    doc = parsed([
        ("Xi", 1, "nsubj", "PROPN", "Xi"),
        ("arrived", 1, "ROOT", "VERB", "arrive"),
        ("in", 1, "prep", "ADP", "in"),
        ("Moscow", 2, "pobj", "PROPN", "Moscow"),
        ("from", 1, "prep", "ADP", "from"),
        ("Tehran", 4, "pobj", "PROPN", "Tehran"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    xi = Mention("Xi", 0, 2, CHN)
    moscow = Mention("Moscow", doc[3].idx, doc[3].idx + 6, Actor("RUS", "Russia"))
    tehran = Mention("Tehran", doc[5].idx, doc[5].idx + 6, Actor("IRN", "Iran"))
    found = to_destination(Participants(xi, tehran, False, 0.5), doc[1], [xi, moscow, tehran])
    assert found.target == moscow and found.rule.endswith("+destination")
    # Read as going there already: nothing changes.
    kept = Participants(xi, moscow, False, 0.5)
    assert to_destination(kept, doc[1], [xi, moscow, tehran]) == kept
