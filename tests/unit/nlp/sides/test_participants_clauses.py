"""Sides read across clauses and sentences: "where he met", "They agreed", venues of
meetings, the audience of a complaint (invented sentences)."""

from __future__ import annotations

from spacy.tokens import Doc

from bilat.nlp.extract import Extractor
from bilat.nlp.sides import ParticipantFinder
from bilat.nlp.syntax.antecedents import antecedent, previous_subject
from bilat.nlp.syntax.roles import verb_arguments
from bilat.records import Actor, Mention
from tests.unit.nlp.handmade import facts, mention, parsed


def _travelled_where(subject_dep: str) -> list[tuple[str, int, str, str, str]]:
    return [
        ("Envoy", 1, "compound", "PROPN", "Envoy"),
        ("Omar", 2, subject_dep, "PROPN", "Omar"),
        ("travelled", 2, "ROOT", "VERB", "travel"),
        ("to", 2, "prep", "ADP", "to"),
        ("Rome", 3, "pobj", "PROPN", "Rome"),
        (",", 4, "punct", "PUNCT", ","),
        ("where", 8, "advmod", "ADV", "where"),
        ("he", 8, "nsubj", "PRON", "he"),
        ("met", 4, "relcl", "VERB", "meet"),
        ("officials", 8, "dobj", "NOUN", "official"),
        (".", 2, "punct", "PUNCT", "."),
    ]


def test_he_in_a_where_clause_stands_for_the_subject_of_the_verb_above() -> None:
    doc = parsed(_travelled_where("nsubj"))
    assert antecedent(doc[7]).text == "Omar"


def test_he_in_a_where_clause_stays_a_pronoun_without_a_subject_above() -> None:
    # "Omar" parsed as no subject of "travelled": nothing named before to stand for
    doc = parsed(_travelled_where("npadvmod"))
    assert antecedent(doc[7]).text == "he"


def _then_they_signed(first_subject: str, lemma: str) -> list[tuple[str, int, str, str, str]]:
    return [
        ("The", 2, "det", "DET", "the"),
        ("two", 2, "nummod", "NUM", "two"),
        (first_subject, 3, "nsubj", "NOUN", lemma),
        ("met", 3, "ROOT", "VERB", "meet"),
        (".", 3, "punct", "PUNCT", "."),
        ("They", 6, "nsubj", "PRON", "they"),
        ("signed", 6, "ROOT", "VERB", "sign"),
        ("a", 8, "det", "DET", "a"),
        ("treaty", 6, "dobj", "NOUN", "treaty"),
        (".", 6, "punct", "PUNCT", "."),
    ]


PAIR = (Actor("CHL", "Chile"), Actor("PER", "Peru"))


def test_they_after_the_two_sides_is_the_articles_main_pair() -> None:
    doc = parsed(_then_they_signed("sides", "side"), starts=(0, 5))
    assert previous_subject(doc[5]) is not None
    found = ParticipantFinder([], PAIR).find(verb_arguments(doc[6]), doc[6])
    assert found is not None and found.symmetric
    assert (found.source.code, found.target.code if found.target else None) == ("CHL", "PER")


def test_they_after_a_singular_subject_is_not_the_pair() -> None:
    doc = parsed(_then_they_signed("minister", "minister"), starts=(0, 5))
    assert previous_subject(doc[5]) is None
    found = ParticipantFinder([], PAIR).find(verb_arguments(doc[6]), doc[6])
    assert found is None or not found.symmetric


def test_the_venue_of_a_meeting_in_the_sources_own_country_is_no_counterpart(
    extractor: Extractor,
) -> None:
    doc = parsed([
        ("Chilean", 1, "amod", "ADJ", "chilean"),
        ("President", 2, "nsubj", "PROPN", "President"),
        ("met", 2, "ROOT", "VERB", "meet"),
        ("Lopez", 2, "dobj", "PROPN", "Lopez"),
        ("in", 2, "prep", "ADP", "in"),
        ("Valparaiso", 4, "pobj", "PROPN", "Valparaiso"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Chilean", "CHL"), mention(doc, "Valparaiso", "CHL")])
    )
    assert all(e.target is None or e.target.code != "CHL" for e in found)


def test_the_place_of_a_one_sided_act_in_the_sources_own_country_is_still_its_target(
    extractor: Extractor,
) -> None:
    doc = parsed([
        ("Chilean", 1, "amod", "ADJ", "chilean"),
        ("police", 2, "nsubj", "NOUN", "police"),
        ("arrested", 2, "ROOT", "VERB", "arrest"),
        ("students", 2, "dobj", "NOUN", "student"),
        ("in", 2, "prep", "ADP", "in"),
        ("Valparaiso", 4, "pobj", "PROPN", "Valparaiso"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Chilean", "CHL"), mention(doc, "Valparaiso", "CHL")])
    )
    assert [(e.source.code, e.target.code if e.target else None) for e in found] == [("CHL", "CHL")]


def _complained_over(nationality: str) -> list[tuple[str, int, str, str, str]]:
    return [
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("complained", 1, "ROOT", "VERB", "complain"),
        ("to", 1, "prep", "ADP", "to"),
        ("Peru", 2, "pobj", "PROPN", "Peru"),
        ("over", 1, "prep", "ADP", "over"),
        ("the", 6, "det", "DET", "the"),
        ("seizure", 4, "pobj", "NOUN", "seizure"),
        ("of", 6, "prep", "ADP", "of"),
        (nationality, 9, "amod", "ADJ", nationality.lower()),
        ("boats", 7, "pobj", "NOUN", "boat"),
        (".", 1, "punct", "PUNCT", "."),
    ]


def _complaint_sides(extractor: Extractor, nationality: str, code: str) -> list[tuple[str, str]]:
    doc = parsed(_complained_over(nationality))
    mentions = [
        mention(doc, "Chile", "CHL"),
        mention(doc, "Peru", "PER"),
        mention(doc, nationality, code),
    ]
    found = extractor.extract(doc, facts(doc, mentions))
    return [
        (e.source.code, e.target.code)
        for e in found
        if e.target is not None and e.evidence.sentence and e.source.code == "CHL"
    ]


def test_a_complaint_over_the_complainants_own_people_is_against_its_audience(
    extractor: Extractor,
) -> None:
    assert ("CHL", "PER") in _complaint_sides(extractor, "Chilean", "CHL")
    assert ("CHL", "CHL") not in _complaint_sides(extractor, "Chilean", "CHL")


def test_a_complaint_over_another_states_act_stays_against_that_state(
    extractor: Extractor,
) -> None:
    sides = _complaint_sides(extractor, "Bolivian", "BOL")
    assert ("CHL", "BOL") in sides
    assert ("CHL", "PER") not in sides


def _rejected(determiner: str) -> list[tuple[str, int, str, str, str]]:
    return [
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("rejected", 1, "ROOT", "VERB", "reject"),
        (determiner, 3, "det", "DET", determiner.lower()),
        ("protest", 1, "dobj", "NOUN", "protest"),
        (".", 1, "punct", "PUNCT", "."),
    ]


def test_the_statement_one_of_the_pair_answers_is_the_other_sides() -> None:
    doc = parsed(_rejected("the"))
    chile = mention(doc, "Chile", "CHL")
    found = ParticipantFinder([chile], (chile.actor, PAIR[1])).find(verb_arguments(doc[1]), doc[1])
    assert found is not None and found.target is not None
    assert (found.source.code, found.target.code) == ("CHL", "PER")


def test_a_rejected_charge_no_side_was_read_in_is_the_other_sides() -> None:
    # "Athens rejected the charge": the lexicon took the object for the act's noun, so
    # no target was read in it.
    rows = _rejected("the")
    rows[3] = ("charge", 1, "dobj", "NOUN", "charge")
    doc = parsed(rows)
    chile = mention(doc, "Chile", "CHL")
    args = verb_arguments(doc[1], doc[3])
    found = ParticipantFinder([chile], (chile.actor, PAIR[1])).find(args, doc[1])
    assert found is not None and found.target is not None
    assert (found.source.code, found.target.code, found.target.text) == ("CHL", "PER", "the charge")


def test_an_indefinite_statement_is_not_taken_for_the_other_sides() -> None:
    doc = parsed(_rejected("a"))
    chile = mention(doc, "Chile", "CHL")
    found = ParticipantFinder([chile], (chile.actor, PAIR[1])).find(verb_arguments(doc[1]), doc[1])
    assert found is None or found.target is None or found.target.code != "PER"


def test_a_statement_answered_by_a_third_party_is_not_the_pairs() -> None:
    doc = parsed(_rejected("the"))
    chile = mention(doc, "Chile", "CHL")
    found = ParticipantFinder([chile], (Actor("PER", "Peru"), Actor("BOL", "Bolivia"))).find(
        verb_arguments(doc[1]), doc[1]
    )
    assert found is None or found.target is None or found.target.code is None


def _withdrew_under(
    words: list[tuple[str, int, str, str, str]],
) -> list[tuple[str, int, str, str, str]]:
    return [
        ("Chilean", 1, "amod", "ADJ", "chilean"),
        ("troops", 2, "nsubj", "NOUN", "troop"),
        ("withdrew", 2, "ROOT", "VERB", "withdraw"),
        ("under", 2, "prep", "ADP", "under"),
        *words,
        (".", 2, "punct", "PUNCT", "."),
    ]


def test_the_author_of_a_framework_an_act_follows_is_not_its_recipient(
    extractor: Extractor,
) -> None:
    doc = parsed(_withdrew_under([
        ("a", 6, "det", "DET", "a"),
        ("UN", 6, "compound", "PROPN", "UN"),
        ("plan", 3, "pobj", "NOUN", "plan"),
    ]))  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Chilean", "CHL"), mention(doc, "UN", "UNO")])
    )
    assert all(e.target is None or e.target.code != "UNO" for e in found)


def test_a_partner_named_in_a_framework_is_still_the_recipient(extractor: Extractor) -> None:
    doc = parsed(_withdrew_under([
        ("a", 5, "det", "DET", "a"),
        ("deal", 3, "pobj", "NOUN", "deal"),
        ("with", 5, "prep", "ADP", "with"),
        ("Peru", 6, "pobj", "PROPN", "Peru"),
    ]))  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Chilean", "CHL"), mention(doc, "Peru", "PER")])
    )
    assert [(e.source.code, e.target.code if e.target else None) for e in found] == [("CHL", "PER")]


def _met_where_they(verb: str, lemma: str, obj_dep: str) -> list[tuple[str, int, str, str, str]]:
    return [
        ("Chilean", 1, "amod", "ADJ", "chilean"),
        ("minister", 2, "nsubj", "NOUN", "minister"),
        (verb, 2, "ROOT", "VERB", lemma),
        ("Peruvian", 4, "amod", "ADJ", "peruvian"),
        ("colleagues", 2, obj_dep, "NOUN", "colleague"),
        ("in", 2, "prep", "ADP", "in"),
        ("Lima", 5, "pobj", "PROPN", "Lima"),
        (",", 6, "punct", "PUNCT", ","),
        ("where", 10, "advmod", "ADV", "where"),
        ("they", 10, "nsubj", "PRON", "they"),
        ("signed", 6, "relcl", "VERB", "sign"),
        ("accords", 10, "dobj", "NOUN", "accord"),
        (".", 2, "punct", "PUNCT", "."),
    ]


def _where_they_sides(doc: Doc) -> tuple[str | None, str | None] | None:
    mentions = [mention(doc, "Chilean", "CHL"), mention(doc, "Peruvian", "PER")]
    found = ParticipantFinder(mentions, None).find(verb_arguments(doc[10]), doc[10])
    if found is None or not found.symmetric:
        return None
    return found.source.code, found.target.code if found.target else None


def test_they_after_one_meeting_another_in_a_place_are_both() -> None:
    doc = parsed(_met_where_they("met", "meet", "dobj"))
    assert _where_they_sides(doc) == ("CHL", "PER")


def test_they_after_a_singular_subject_without_an_object_stand_for_nobody() -> None:
    # "the Chilean minister spoke, with Peruvian colleagues, in Lima, where they ...": no
    # object of the verb above, and a singular subject is not "they"
    doc = parsed(_met_where_they("spoke", "speak", "npadvmod"))
    assert antecedent(doc[9]).text == "they"
    assert _where_they_sides(doc) is None


def _named_then_they(other: str) -> list[tuple[str, int, str, str, str]]:
    return [
        ("Chile", 3, "nsubj", "PROPN", "Chile"),
        ("and", 0, "cc", "CCONJ", "and"),
        (other, 0, "conj", "PROPN", other),
        ("met", 3, "ROOT", "VERB", "meet"),
        (".", 3, "punct", "PUNCT", "."),
        ("They", 6, "nsubj", "PRON", "they"),
        ("signed", 6, "ROOT", "VERB", "sign"),
        ("a", 8, "det", "DET", "a"),
        ("treaty", 6, "dobj", "NOUN", "treaty"),
        (".", 6, "punct", "PUNCT", "."),
    ]


def test_they_after_the_pair_named_by_name_is_the_pair() -> None:
    doc = parsed(_named_then_they("Peru"), starts=(0, 5))
    found = ParticipantFinder([], PAIR).find(verb_arguments(doc[6]), doc[6])
    assert found is not None and found.symmetric
    assert (found.source.code, found.target.code if found.target else None) == ("CHL", "PER")


def test_they_after_another_pair_named_is_not_the_main_pair() -> None:
    doc = parsed(_named_then_they("Bolivia"), starts=(0, 5))
    found = ParticipantFinder([], PAIR).find(verb_arguments(doc[6]), doc[6])
    assert found is None or not found.symmetric


def _loan_granted(by: bool) -> list[tuple[str, int, str, str, str]]:
    agent = [("by", 3, "agent", "ADP", "by"), ("Peru", 6, "pobj", "PROPN", "Peru")]
    return [
        ("A", 1, "det", "DET", "a"),
        ("loan", 3, "nsubjpass", "NOUN", "loan"),
        ("was", 3, "auxpass", "AUX", "be"),
        ("granted", 3, "ROOT", "VERB", "grant"),
        ("to", 3, "prep", "ADP", "to"),
        ("Chile", 4, "pobj", "PROPN", "Chile"),
        *(agent if by else []),
        (".", 3, "punct", "PUNCT", "."),
    ]


def test_the_agent_of_a_light_verb_whose_event_noun_is_its_passive_subject_acts() -> None:
    doc = parsed(_loan_granted(by=True))
    args = verb_arguments(doc[3], doc[1])
    assert [t.text for t in args.source] == ["Peru"]
    assert [t.text for t in args.target] == ["Chile"]


def test_a_passive_light_verb_without_an_agent_has_no_source() -> None:
    doc = parsed(_loan_granted(by=False))
    args = verb_arguments(doc[3], doc[1])
    assert list(args.source) == []
    assert [t.text for t in args.target] == ["Chile"]


def _cut_ties_then_it(state: str) -> list[tuple[str, int, str, str, str]]:
    return [
        (state, 1, "nsubj", "PROPN", state),
        ("cut", 1, "ROOT", "VERB", "cut"),
        ("ties", 1, "dobj", "NOUN", "tie"),
        (".", 1, "punct", "PUNCT", "."),
        ("It", 5, "nsubj", "PRON", "it"),
        ("closed", 5, "ROOT", "VERB", "close"),
        ("its", 7, "poss", "PRON", "its"),
        ("airspace", 5, "dobj", "NOUN", "airspace"),
        (".", 5, "punct", "PUNCT", "."),
    ]


def test_it_after_one_of_the_pair_named_as_subject_is_that_one() -> None:
    doc = parsed(_cut_ties_then_it("Chile"), starts=(0, 4))
    found = ParticipantFinder([], PAIR).find(verb_arguments(doc[5]), doc[5])
    assert found is not None and found.source.code == "CHL"


def test_it_after_a_state_outside_the_pair_stays_uncoded() -> None:
    doc = parsed(_cut_ties_then_it("Bolivia"), starts=(0, 4))
    found = ParticipantFinder([], PAIR).find(verb_arguments(doc[5]), doc[5])
    assert found is None or found.source.code is None


def _urged_both(subject: str) -> list[tuple[str, int, str, str, str]]:
    return [
        (subject, 1, "nsubj", "PROPN", subject),
        ("criticised", 1, "ROOT", "VERB", "criticise"),
        ("both", 3, "det", "DET", "both"),
        ("sides", 1, "dobj", "NOUN", "side"),
        (".", 1, "punct", "PUNCT", "."),
    ]


def _both_sides_pairs(
    subject: str, code: str, pair: tuple[Actor, Actor] | None = PAIR
) -> set[tuple[str | None, str | None]]:
    doc = parsed(_urged_both(subject))
    found = ParticipantFinder([mention(doc, subject, code)], pair).find(
        verb_arguments(doc[1]), doc[1]
    )
    assert found is not None
    pairs = [(found.source, found.target), *found.also]
    return {(s.code, t.code if t else None) for s, t in pairs}


def test_a_third_partys_act_on_both_sides_is_one_event_with_each() -> None:
    assert _both_sides_pairs("Bolivia", "BOL") == {("BOL", "CHL"), ("BOL", "PER")}


def test_both_sides_without_a_main_pair_name_nobody() -> None:
    assert _both_sides_pairs("Bolivia", "BOL", None) <= {("BOL", None), ("BOL", "BOL")}


def test_a_passive_conjunct_with_an_agent_acts_on_the_shared_subject() -> None:
    doc = parsed([
        ("Peru", 1, "nsubj", "PROPN", "Peru"),
        ("arrived", 1, "ROOT", "VERB", "arrive"),
        ("and", 1, "cc", "CCONJ", "and"),
        ("was", 4, "auxpass", "AUX", "be"),
        ("criticised", 1, "conj", "VERB", "criticise"),
        ("by", 4, "agent", "ADP", "by"),
        ("Chile", 5, "pobj", "PROPN", "Chile"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    args = verb_arguments(doc[4])
    assert ([t.text for t in args.source], [t.text for t in args.target]) == (["Chile"], ["Peru"])


def test_an_active_conjunct_keeps_the_shared_subject_as_its_source() -> None:
    doc = parsed([
        ("Peru", 1, "nsubj", "PROPN", "Peru"),
        ("arrived", 1, "ROOT", "VERB", "arrive"),
        ("and", 1, "cc", "CCONJ", "and"),
        ("criticised", 1, "conj", "VERB", "criticise"),
        ("Chile", 3, "dobj", "PROPN", "Chile"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    args = verb_arguments(doc[3])
    assert ([t.text for t in args.source], [t.text for t in args.target]) == (["Peru"], ["Chile"])


def _mediated_between(subject: str) -> list[tuple[str, int, str, str, str]]:
    return [
        (subject, 1, "nsubj", "PROPN", subject),
        ("mediated", 1, "ROOT", "VERB", "mediate"),
        ("between", 1, "prep", "ADP", "between"),
        ("the", 5, "det", "DET", "the"),
        ("two", 5, "nummod", "NUM", "two"),
        ("sides", 2, "pobj", "NOUN", "side"),
        (".", 1, "punct", "PUNCT", "."),
    ]


def _mediation_sides(subject: str, code: str) -> tuple[bool, set[tuple[str | None, str | None]]]:
    doc = parsed(_mediated_between(subject))
    found = ParticipantFinder([mention(doc, subject, code)], PAIR).find(
        verb_arguments(doc[1]), doc[1]
    )
    assert found is not None
    pairs = [(found.source, found.target), *found.also]
    return found.symmetric, {(s.code, t.code if t else None) for s, t in pairs}


def test_a_third_party_between_the_two_sides_acts_with_each() -> None:
    assert _mediation_sides("Bolivia", "BOL") == (False, {("BOL", "CHL"), ("BOL", "PER")})


def test_one_of_the_pair_between_the_two_sides_leaves_the_pair_together() -> None:
    assert _mediation_sides("Chile", "CHL") == (True, {("CHL", "PER")})


def test_the_statement_a_sector_of_one_of_the_pair_answers_is_the_other_sides() -> None:
    # "Chile('s government) rejected the protest": the government is Chile's, of the pair
    doc = parsed(_rejected("the"))
    government = mention(doc, "Chile", "CHL")
    government = Mention(
        government.text, government.start, government.end, Actor("CHL", "Chile", "GOV")
    )
    found = ParticipantFinder([government], PAIR).find(verb_arguments(doc[1]), doc[1])
    assert found is not None and found.target is not None
    assert found.target.code == "PER"
