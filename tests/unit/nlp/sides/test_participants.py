"""Who acts and who receives, through the extractor, on hand-built parses."""

from __future__ import annotations

from bilat.nlp.extract import Extractor
from bilat.records import EventType
from tests.unit.nlp.handmade import facts, mention, parsed


def test_a_recipient_found_in_the_clause_spans_its_whole_phrase(extractor: Extractor) -> None:
    doc = parsed([
        ("India", 1, "nsubj", "PROPN", "India"),
        ("pledged", 1, "ROOT", "VERB", "pledge"),
        ("help", 1, "dobj", "NOUN", "help"),
        ("to", 1, "prep", "ADP", "to"),
        ("the", 6, "det", "DET", "the"),
        ("Palestinian", 6, "amod", "ADJ", "palestinian"),
        ("people", 3, "pobj", "NOUN", "people"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "India", "IND"), mention(doc, "Palestinian", "PSE")])
    )
    assert [(e.type, e.target.text if e.target else None) for e in found] == [
        (EventType.AGREE, "the Palestinian people")
    ]


def test_unnamed_sides_take_the_sentences_only_country(extractor: Extractor) -> None:
    doc = parsed([
        ("Police", 1, "nsubj", "NOUN", "police"),
        ("arrested", 1, "ROOT", "VERB", "arrest"),
        ("protesters", 1, "dobj", "NOUN", "protester"),
        ("in", 1, "prep", "ADP", "in"),
        ("Haiti", 3, "pobj", "PROPN", "Haiti"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(doc, facts(doc, [mention(doc, "Haiti", "HTI")]))
    assert [(e.type, e.source.text, e.source.code) for e in found] == [
        (EventType.COERCE, "Police", "HTI")
    ]


def test_coordinated_senders_with_one_recipient_make_one_event_each(
    extractor: Extractor,
) -> None:
    doc = parsed([
        ("Norway", 3, "nsubj", "PROPN", "Norway"),
        ("and", 0, "cc", "CCONJ", "and"),
        ("Sweden", 0, "conj", "PROPN", "Sweden"),
        ("suspended", 3, "ROOT", "VERB", "suspend"),
        ("aid", 3, "dobj", "NOUN", "aid"),
        ("to", 4, "prep", "ADP", "to"),
        ("Mali", 5, "pobj", "PROPN", "Mali"),
        (".", 3, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [
        mention(doc, "Norway", "NOR"),
        mention(doc, "Sweden", "SWE"),
        mention(doc, "Mali", "MLI"),
    ]
    found = extractor.extract(doc, facts(doc, mentions))
    assert sorted(e.dyad or () for e in found) == [("MLI", "NOR"), ("MLI", "SWE")]
    assert not any(e.symmetric for e in found)


def test_its_in_an_unnamed_phrase_is_the_sentences_first_actor(extractor: Extractor) -> None:
    doc = parsed([
        ("Russia", 1, "nsubj", "PROPN", "Russia"),
        ("announced", 1, "ROOT", "VERB", "announce"),
        ("the", 3, "det", "DET", "the"),
        ("withdrawal", 1, "dobj", "NOUN", "withdrawal"),
        ("of", 3, "prep", "ADP", "of"),
        ("its", 6, "poss", "PRON", "its"),
        ("troops", 4, "pobj", "NOUN", "troop"),
        ("from", 3, "prep", "ADP", "from"),
        ("Syria", 7, "pobj", "PROPN", "Syria"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Russia", "RUS"), mention(doc, "Syria", "SYR")])
    )
    assert [(e.type, e.dyad) for e in found] == [(EventType.RETREAT, ("RUS", "SYR"))]


def test_coordinated_countries_inside_a_recipient_phrase_make_one_event_each(
    extractor: Extractor,
) -> None:
    doc = parsed([
        ("Norway", 1, "nsubj", "PROPN", "Norway"),
        ("agreed", 1, "ROOT", "VERB", "agree"),
        ("to", 3, "aux", "PART", "to"),
        ("send", 1, "xcomp", "VERB", "send"),
        ("money", 3, "dobj", "NOUN", "money"),
        ("for", 4, "prep", "ADP", "for"),
        ("Chad", 5, "pobj", "PROPN", "Chad"),
        ("and", 6, "cc", "CCONJ", "and"),
        ("Niger", 6, "conj", "PROPN", "Niger"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [
        mention(doc, "Norway", "NOR"),
        mention(doc, "Chad", "TCD"),
        mention(doc, "Niger", "NER"),
    ]
    found = extractor.extract(doc, facts(doc, mentions))
    agreed = [e for e in found if e.type is EventType.AGREE]
    assert sorted(e.dyad or () for e in agreed) == [("NER", "NOR"), ("NOR", "TCD")]


def test_an_ethnic_group_is_coded_by_the_state_it_lives_in(extractor: Extractor) -> None:
    doc = parsed([
        ("Ethnic", 1, "amod", "ADJ", "ethnic"),
        ("Greeks", 5, "nsubj", "PROPN", "Greek"),
        ("in", 1, "prep", "ADP", "in"),
        ("Albania", 2, "pobj", "PROPN", "Albania"),
        ("have", 5, "aux", "AUX", "have"),
        ("accused", 5, "ROOT", "VERB", "accuse"),
        ("Italy", 5, "dobj", "PROPN", "Italy"),
        (".", 5, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [
        mention(doc, "Greeks", "GRC"),
        mention(doc, "Albania", "ALB"),
        mention(doc, "Italy", "ITA"),
    ]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [(e.source.code, e.target.code if e.target else None) for e in found] == [("ALB", "ITA")]


def test_a_people_named_with_their_home_is_coded_by_it(extractor: Extractor) -> None:
    doc = parsed([
        ("The", 1, "det", "DET", "the"),
        ("Greeks", 6, "nsubj", "PROPN", "Greek"),
        ("of", 1, "prep", "ADP", "of"),
        ("southern", 4, "amod", "ADJ", "southern"),
        ("Albania", 2, "pobj", "PROPN", "Albania"),
        ("have", 6, "aux", "AUX", "have"),
        ("accused", 6, "ROOT", "VERB", "accuse"),
        ("Italy", 6, "dobj", "PROPN", "Italy"),
        (".", 6, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [
        mention(doc, "Greeks", "GRC"),
        mention(doc, "Albania", "ALB"),
        mention(doc, "Italy", "ITA"),
    ]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [e.source.code for e in found] == ["ALB"]


def test_a_place_of_the_acting_state_is_the_target_of_a_domestic_act(
    extractor: Extractor,
) -> None:
    doc = parsed([
        ("Chilean", 1, "amod", "ADJ", "chilean"),
        ("police", 2, "nsubj", "NOUN", "police"),
        ("arrested", 2, "ROOT", "VERB", "arrest"),
        ("strikers", 2, "dobj", "NOUN", "striker"),
        ("in", 2, "prep", "ADP", "in"),
        ("the", 6, "det", "DET", "the"),
        ("port", 4, "pobj", "NOUN", "port"),
        ("of", 6, "prep", "ADP", "of"),
        ("Valparaiso", 7, "pobj", "PROPN", "Valparaiso"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Chilean", "CHL"), mention(doc, "Valparaiso", "CHL")]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [(e.source.code, e.target.text if e.target else None) for e in found] == [
        ("CHL", "the port of Valparaiso")
    ]


def test_of_several_other_states_the_one_the_act_happens_in_is_the_target(
    extractor: Extractor,
) -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("deployed", 1, "ROOT", "VERB", "deploy"),
        ("troops", 1, "dobj", "NOUN", "troop"),
        ("in", 1, "prep", "ADP", "in"),
        ("Peru", 3, "pobj", "PROPN", "Peru"),
        ("after", 1, "prep", "ADP", "after"),
        ("Bolivian", 7, "amod", "ADJ", "bolivian"),
        ("threats", 5, "pobj", "NOUN", "threat"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [
        mention(doc, "Chile", "CHL"),
        mention(doc, "Peru", "PER"),
        mention(doc, "Bolivian", "BOL"),
    ]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [e.dyad for e in found] == [("CHL", "PER")]


def test_whom_a_protest_is_aimed_at_comes_from_its_purpose(extractor: Extractor) -> None:
    doc = parsed([
        ("Chilean", 1, "amod", "ADJ", "chilean"),
        ("miners", 2, "nsubj", "NOUN", "miner"),
        ("rioted", 2, "ROOT", "VERB", "riot"),
        ("to", 4, "aux", "PART", "to"),
        ("demand", 2, "advcl", "VERB", "demand"),
        ("the", 6, "det", "DET", "the"),
        ("resignation", 4, "dobj", "NOUN", "resignation"),
        ("of", 6, "prep", "ADP", "of"),
        ("Chilean", 9, "amod", "ADJ", "chilean"),
        ("ministers", 7, "pobj", "NOUN", "minister"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Chilean", "CHL"), mention(doc, "Chilean", "CHL", nth=1)]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [(e.type, e.target.text if e.target else None) for e in found] == [
        (EventType.PROTEST, "Chilean ministers")
    ]


def test_states_coordinated_in_the_purpose_of_an_act_are_each_its_target(
    extractor: Extractor,
) -> None:
    doc = parsed([
        ("Norway", 1, "nsubj", "PROPN", "Norway"),
        ("provided", 1, "ROOT", "VERB", "provide"),
        ("money", 1, "dobj", "NOUN", "money"),
        ("to", 4, "aux", "PART", "to"),
        ("help", 1, "advcl", "VERB", "help"),
        ("people", 4, "dobj", "NOUN", "people"),
        ("in", 5, "prep", "ADP", "in"),
        ("Chad", 6, "pobj", "PROPN", "Chad"),
        (",", 7, "punct", "PUNCT", ","),
        ("Niger", 7, "conj", "PROPN", "Niger"),
        ("and", 9, "cc", "CCONJ", "and"),
        ("Mali", 9, "conj", "PROPN", "Mali"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [
        mention(doc, "Norway", "NOR"),
        mention(doc, "Chad", "TCD"),
        mention(doc, "Niger", "NER"),
        mention(doc, "Mali", "MLI"),
    ]
    found = extractor.extract(doc, facts(doc, mentions))
    assert sorted(e.dyad or () for e in found if e.type is EventType.AID) == [
        ("MLI", "NOR"),
        ("NER", "NOR"),
        ("NOR", "TCD"),
    ]


def test_an_act_done_by_nobody_named_in_a_state_is_that_states(extractor: Extractor) -> None:
    doc = parsed([
        ("A", 2, "det", "DET", "a"),
        ("Peruvian", 2, "amod", "ADJ", "peruvian"),
        ("doctor", 4, "nsubjpass", "NOUN", "doctor"),
        ("was", 4, "auxpass", "AUX", "be"),
        ("arrested", 4, "ROOT", "VERB", "arrest"),
        ("in", 4, "prep", "ADP", "in"),
        ("Chile", 5, "pobj", "PROPN", "Chile"),
        (".", 4, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Peruvian", "PER"), mention(doc, "Chile", "CHL")]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [(e.type, e.source.code, e.target.code if e.target else None) for e in found] == [
        (EventType.COERCE, "CHL", "PER")
    ]


def test_an_unnamed_crowd_is_of_the_place_it_acts_in(extractor: Extractor) -> None:
    doc = parsed([
        ("Students", 1, "nsubj", "NOUN", "student"),
        ("rioted", 1, "ROOT", "VERB", "riot"),
        ("in", 1, "prep", "ADP", "in"),
        ("Chile", 2, "pobj", "PROPN", "Chile"),
        ("against", 1, "prep", "ADP", "against"),
        ("Peruvian", 6, "amod", "ADJ", "peruvian"),
        ("fishermen", 4, "pobj", "NOUN", "fisherman"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Chile", "CHL"), mention(doc, "Peruvian", "PER")]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [(e.source.text, e.source.code, e.target.code if e.target else None) for e in found] == [
        ("Students", "CHL", "PER")
    ]


def test_a_bomb_is_of_the_place_it_goes_off_near(extractor: Extractor) -> None:
    doc = parsed([
        ("A", 1, "det", "DET", "a"),
        ("bomb", 5, "nsubj", "NOUN", "bomb"),
        ("outside", 1, "prep", "ADP", "outside"),
        ("of", 2, "prep", "ADP", "of"),
        ("Mosul", 3, "pobj", "PROPN", "Mosul"),
        ("killed", 5, "ROOT", "VERB", "kill"),
        ("Dutch", 7, "amod", "ADJ", "dutch"),
        ("engineers", 5, "dobj", "NOUN", "engineer"),
        (".", 5, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Mosul", "IRQ"), mention(doc, "Dutch", "NLD")]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [(e.source.text, e.source.code, e.target.code if e.target else None) for e in found] == [
        ("A bomb", "IRQ", "NLD")
    ]


def test_an_unnamed_source_still_aims_at_whom_its_purpose_names(extractor: Extractor) -> None:
    doc = parsed([
        ("Strikers", 1, "nsubj", "NOUN", "striker"),
        ("rioted", 1, "ROOT", "VERB", "riot"),
        ("to", 3, "aux", "PART", "to"),
        ("demand", 1, "advcl", "VERB", "demand"),
        ("the", 5, "det", "DET", "the"),
        ("resignation", 3, "dobj", "NOUN", "resignation"),
        ("of", 5, "prep", "ADP", "of"),
        ("the", 9, "det", "DET", "the"),
        ("Chadian", 9, "amod", "ADJ", "chadian"),
        ("president", 6, "pobj", "NOUN", "president"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(doc, facts(doc, [mention(doc, "Chadian", "TCD")]))
    riots = [e for e in found if e.evidence.trigger == "rioted"]
    assert [(e.source.code, e.target.text if e.target else None) for e in riots] == [
        ("TCD", "the Chadian president")
    ]


def test_an_ethnic_people_in_the_source_is_no_second_side(extractor: Extractor) -> None:
    doc = parsed([
        ("Ethnic", 1, "amod", "ADJ", "ethnic"),
        ("Hungarians", 2, "nsubj", "PROPN", "Hungarians"),
        ("rallied", 2, "ROOT", "VERB", "rally"),
        ("in", 2, "prep", "ADP", "in"),
        ("Romania", 3, "pobj", "PROPN", "Romania"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Hungarians", "HUN"), mention(doc, "Romania", "ROU")]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [(e.source.code, e.target.code if e.target else None) for e in found] == [("ROU", "ROU")]


def test_a_coordinated_demonym_before_the_shared_noun_is_a_second_recipient(
    extractor: Extractor,
) -> None:
    doc = parsed([
        ("Kenya", 1, "nsubj", "PROPN", "Kenya"),
        ("expelled", 1, "ROOT", "VERB", "expel"),
        ("dozens", 1, "dobj", "NOUN", "dozen"),
        ("of", 2, "prep", "ADP", "of"),
        ("Somali", 3, "pobj", "PROPN", "Somali"),
        ("and", 4, "cc", "CCONJ", "and"),
        ("Ethiopian", 7, "amod", "ADJ", "ethiopian"),
        ("traders", 4, "conj", "NOUN", "trader"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [
        mention(doc, "Kenya", "KEN"),
        mention(doc, "Somali", "SOM"),
        mention(doc, "Ethiopian", "ETH"),
    ]
    found = extractor.extract(doc, facts(doc, mentions))
    assert sorted(e.target.code for e in found if e.target and e.target.code) == ["ETH", "SOM"]


def test_whom_an_act_defies_beats_where_it_happens(extractor: Extractor) -> None:
    doc = parsed([
        ("Students", 1, "nsubj", "NOUN", "student"),
        ("marched", 1, "ROOT", "VERB", "march"),
        ("in", 1, "prep", "ADP", "in"),
        ("Santiago", 2, "pobj", "PROPN", "Santiago"),
        ("in", 1, "prep", "ADP", "in"),
        ("defiance", 4, "pobj", "NOUN", "defiance"),
        ("of", 5, "prep", "ADP", "of"),
        ("Argentine", 8, "amod", "ADJ", "argentine"),
        ("officials", 6, "pobj", "NOUN", "official"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Santiago", "CHL"), mention(doc, "Argentine", "ARG")]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [(e.source.code, e.target.text if e.target else None) for e in found] == [
        ("CHL", "Argentine officials")
    ]


def test_an_ethnic_people_is_of_the_state_it_acts_near(extractor: Extractor) -> None:
    doc = parsed([
        ("Ethnic", 1, "amod", "ADJ", "ethnic"),
        ("Serbs", 2, "nsubj", "PROPN", "Serbs"),
        ("rallied", 2, "ROOT", "VERB", "rally"),
        ("near", 2, "prep", "ADP", "near"),
        ("Kosovo", 6, "poss", "PROPN", "Kosovo"),
        ("'s", 4, "case", "PART", "'s"),
        ("border", 3, "pobj", "NOUN", "border"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Serbs", "SRB"), mention(doc, "Kosovo", "XKX")]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [e.source.code for e in found] == ["XKX"]


def test_a_crowd_an_act_means_to_disperse_is_its_target(extractor: Extractor) -> None:
    doc = parsed([
        ("Haitian", 1, "amod", "ADJ", "haitian"),
        ("police", 2, "nsubj", "NOUN", "police"),
        ("shot", 2, "ROOT", "VERB", "shoot"),
        ("to", 4, "aux", "PART", "to"),
        ("disperse", 2, "advcl", "VERB", "disperse"),
        ("angry", 6, "amod", "ADJ", "angry"),
        ("protesters", 4, "dobj", "NOUN", "protester"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(doc, facts(doc, [mention(doc, "Haitian", "HTI")]))
    assert [
        (e.source.code, e.target.text if e.target else None, e.target and e.target.code)
        for e in found
    ] == [("HTI", "angry protesters", "HTI")]


def test_unnamed_inmates_are_of_the_place_they_act_in(extractor: Extractor) -> None:
    doc = parsed([
        ("Inmates", 1, "nsubj", "NOUN", "inmate"),
        ("rioted", 1, "ROOT", "VERB", "riot"),
        ("at", 1, "prep", "ADP", "at"),
        ("a", 4, "det", "DET", "a"),
        ("prison", 2, "pobj", "NOUN", "prison"),
        ("in", 4, "prep", "ADP", "in"),
        ("Chile", 5, "pobj", "PROPN", "Chile"),
        ("against", 1, "prep", "ADP", "against"),
        ("Peruvian", 10, "amod", "ADJ", "peruvian"),
        ("guards", 8, "pobj", "NOUN", "guard"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Chile", "CHL"), mention(doc, "Peruvian", "PER")]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [(e.source.text, e.source.code) for e in found] == [("Inmates", "CHL")]


def _joint_infinitive(extractor: Extractor, prep: str) -> list[tuple[str, str | None, bool]]:
    """ "Norway and Sweden agreed to tackle threats <prep> Mali"."""
    doc = parsed([
        ("Norway", 3, "nsubj", "PROPN", "Norway"),
        ("and", 0, "cc", "CCONJ", "and"),
        ("Sweden", 0, "conj", "PROPN", "Sweden"),
        ("agreed", 3, "ROOT", "VERB", "agree"),
        ("to", 5, "aux", "PART", "to"),
        ("tackle", 3, "xcomp", "VERB", "tackle"),
        ("threats", 5, "dobj", "NOUN", "threat"),
        (prep, 6, "prep", "ADP", prep),
        ("Mali", 7, "pobj", "PROPN", "Mali"),
        (".", 3, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [
        mention(doc, "Norway", "NOR"),
        mention(doc, "Sweden", "SWE"),
        mention(doc, "Mali", "MLI"),
    ]
    found = extractor.extract(doc, facts(doc, mentions))
    return [(e.source.code or "", e.target.code if e.target else None, e.symmetric) for e in found]


def test_coordinated_actors_aim_their_infinitive_at_its_named_recipient(
    extractor: Extractor,
) -> None:
    assert _joint_infinitive(extractor, "against") == [("NOR", "MLI", False), ("SWE", "MLI", False)]


def test_coordinated_actors_agree_with_each_other_on_a_place_they_mention(
    extractor: Extractor,
) -> None:
    assert _joint_infinitive(extractor, "in") == [("NOR", "SWE", True)]


def _accused_at(extractor: Extractor, named: bool) -> str | None:
    """ "Chile accused the Peruvian envoy in Lima" (or "a court in Lima")."""
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("accused", 1, "ROOT", "VERB", "accuse"),
        ("the", 4, "det", "DET", "the"),
        ("Peruvian" if named else "local", 4, "amod", "ADJ", "peruvian" if named else "local"),
        ("envoy" if named else "court", 1, "dobj", "NOUN", "envoy" if named else "court"),
        ("in", 4, "prep", "ADP", "in"),
        ("Lima", 5, "pobj", "PROPN", "Lima"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Chile", "CHL"), mention(doc, "Lima", "PER")]
    if named:
        mentions.append(mention(doc, "Peruvian", "PER"))
    found = extractor.extract(doc, facts(doc, mentions))
    return found[0].target.text if found and found[0].target else None


def test_a_target_named_by_its_own_words_leaves_out_where_it_is(extractor: Extractor) -> None:
    assert _accused_at(extractor, named=True) == "the Peruvian envoy"


def test_a_target_named_only_by_its_place_keeps_it(extractor: Extractor) -> None:
    assert _accused_at(extractor, named=False) == "the local court in Lima"


def test_a_recipient_found_in_the_clause_takes_the_noun_it_is_of(extractor: Extractor) -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("imposed", 1, "ROOT", "VERB", "impose"),
        ("a", 3, "det", "DET", "a"),
        ("curfew", 1, "dobj", "NOUN", "curfew"),
        ("in", 1, "prep", "ADP", "in"),
        ("parts", 4, "pobj", "NOUN", "part"),
        ("of", 5, "prep", "ADP", "of"),
        ("Peru", 6, "pobj", "PROPN", "Peru"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Chile", "CHL"), mention(doc, "Peru", "PER")]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [e.target.text if e.target else None for e in found] == ["parts of Peru"]


def test_a_recipient_is_not_widened_to_what_the_act_is_done_to(extractor: Extractor) -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("lifted", 1, "ROOT", "VERB", "lift"),
        ("the", 3, "det", "DET", "the"),
        ("blockade", 1, "dobj", "NOUN", "blockade"),
        ("of", 3, "prep", "ADP", "of"),
        ("Peru", 4, "pobj", "PROPN", "Peru"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Chile", "CHL"), mention(doc, "Peru", "PER")]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [e.target.text if e.target else None for e in found] == ["Peru"]


def _met(extractor: Extractor, coordinated: bool) -> list[tuple[str, str] | None]:
    """ "Chile met Peru and Bolivia" or "Chile met Peru at a summit in Bolivia"."""
    tail = (
        [
            ("and", 2, "cc", "CCONJ", "and"),
            ("Bolivia", 2, "conj", "PROPN", "Bolivia"),
        ]
        if coordinated
        else [
            ("at", 1, "prep", "ADP", "at"),
            ("a", 5, "det", "DET", "a"),
            ("summit", 3, "pobj", "NOUN", "summit"),
            ("in", 5, "prep", "ADP", "in"),
            ("Bolivia", 6, "pobj", "PROPN", "Bolivia"),
        ]
    )
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("met", 1, "ROOT", "VERB", "meet"),
        ("Peru", 1, "dobj", "PROPN", "Peru"),
        *tail,
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [
        mention(doc, "Chile", "CHL"),
        mention(doc, "Peru", "PER"),
        mention(doc, "Bolivia", "BOL"),
    ]
    return [e.dyad for e in extractor.extract(doc, facts(doc, mentions))]


def test_a_coordinated_recipient_makes_an_event_of_its_own(extractor: Extractor) -> None:
    assert _met(extractor, coordinated=True) == [("CHL", "PER"), ("BOL", "CHL")]


def test_a_place_after_the_recipient_makes_no_event_of_its_own(extractor: Extractor) -> None:
    assert _met(extractor, coordinated=False) == [("CHL", "PER")]


def _mediated(extractor: Extractor, subject: str, code: str | None) -> list[tuple[str, bool]]:
    """ "<subject> mediated between Chile and Peru"."""
    doc = parsed([
        (subject, 1, "nsubj", "PROPN" if code else "NOUN", subject.lower()),
        ("mediated", 1, "ROOT", "VERB", "mediate"),
        ("between", 1, "prep", "ADP", "between"),
        ("Chile", 2, "pobj", "PROPN", "Chile"),
        ("and", 3, "cc", "CCONJ", "and"),
        ("Peru", 3, "conj", "PROPN", "Peru"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Chile", "CHL"), mention(doc, "Peru", "PER")]
    if code:
        mentions.append(mention(doc, subject, code))
    found = extractor.extract(doc, facts(doc, mentions))
    return [(e.source.code or "", e.symmetric) for e in found]


def test_a_named_third_party_acts_on_both_sides_it_is_between(extractor: Extractor) -> None:
    assert _mediated(extractor, "Kuwait", "KWT") == [("KWT", False), ("KWT", False)]


def test_the_sides_of_between_relate_each_other_without_a_named_third(
    extractor: Extractor,
) -> None:
    assert _mediated(extractor, "Envoys", None) == [("CHL", True)]


def test_two_actors_related_only_by_their_sentence_are_named_by_whole_phrases(
    extractor: Extractor,
) -> None:
    doc = parsed([
        ("Talks", 1, "nsubj", "NOUN", "talk"),
        ("resumed", 7, "ccomp", "VERB", "resume"),
        (",", 7, "punct", "PUNCT", ","),
        ("Chilean", 4, "amod", "ADJ", "chilean"),
        ("officials", 7, "nsubj", "NOUN", "official"),
        ("and", 4, "cc", "CCONJ", "and"),
        ("Peru", 4, "conj", "PROPN", "Peru"),
        ("said", 7, "ROOT", "VERB", "say"),
        (".", 7, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Chilean", "CHL"), mention(doc, "Peru", "PER")]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [(e.source.text, e.target.text if e.target else None) for e in found] == [
        ("Chilean officials", "Peru")
    ]


def test_unnamed_victims_are_of_the_place_a_when_clause_names(extractor: Extractor) -> None:
    """ "Chilean rebels killed 12 people when they stormed a hotel in Lima." """
    doc = parsed([
        ("Chilean", 1, "amod", "ADJ", "chilean"),
        ("rebels", 2, "nsubj", "NOUN", "rebel"),
        ("killed", 2, "ROOT", "VERB", "kill"),
        ("12", 4, "nummod", "NUM", "12"),
        ("people", 2, "dobj", "NOUN", "people"),
        ("when", 7, "advmod", "SCONJ", "when"),
        ("they", 7, "nsubj", "PRON", "they"),
        ("stormed", 2, "advcl", "VERB", "storm"),
        ("a", 9, "det", "DET", "a"),
        ("hotel", 7, "dobj", "NOUN", "hotel"),
        ("in", 9, "prep", "ADP", "in"),
        ("Lima", 10, "pobj", "PROPN", "Lima"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    named = [mention(doc, "Chilean", "CHL"), mention(doc, "Lima", "PER")]
    found = extractor.extract(doc, facts(doc, named))
    killed = [e for e in found if e.evidence.trigger == "killed"]
    assert [(e.source.code, e.target.code if e.target else None) for e in killed] == [
        ("CHL", "PER")
    ]
