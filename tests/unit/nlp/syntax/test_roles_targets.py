"""Who an event is aimed at: lists, sides of "between", agents of acts, demands, recipients."""

from __future__ import annotations

from bilat.nlp.extract import Extractor
from bilat.nlp.syntax.role_spans import act_agent
from bilat.nlp.syntax.roles import antecedent, noun_arguments, verb_arguments
from tests.unit.nlp.handmade import facts, mention, parsed


def test_with_and_a_bare_participle_is_a_circumstance_not_a_partner() -> None:
    doc = parsed([
        ("Canada", 1, "nsubj", "PROPN", "Canada"),
        ("agreed", 1, "ROOT", "VERB", "agree"),
        (",", 1, "punct", "PUNCT", ","),
        ("with", 1, "prep", "ADP", "with"),
        ("conditions", 3, "pobj", "NOUN", "condition"),
        ("attached", 4, "acl", "VERB", "attach"),
        (",", 1, "punct", "PUNCT", ","),
        ("to", 8, "aux", "PART", "to"),
        ("help", 1, "xcomp", "VERB", "help"),
        ("Chile", 8, "dobj", "PROPN", "Chile"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert [t.text for t in verb_arguments(doc[1]).target] == ["Chile"]


def test_with_and_a_participle_of_its_own_words_still_names_a_partner() -> None:
    doc = parsed([
        ("Oman", 1, "nsubj", "PROPN", "Oman"),
        ("met", 1, "ROOT", "VERB", "meet"),
        ("with", 1, "prep", "ADP", "with"),
        ("envoys", 2, "pobj", "NOUN", "envoy"),
        ("sent", 3, "acl", "VERB", "send"),
        ("by", 4, "agent", "ADP", "by"),
        ("Peru", 5, "pobj", "PROPN", "Peru"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert [t.text for t in verb_arguments(doc[1]).target] == ["envoys"]


def test_hosting_a_meeting_between_two_sides_joins_both() -> None:
    doc = parsed([
        ("Qatar", 1, "nsubj", "PROPN", "Qatar"),
        ("hosted", 1, "ROOT", "VERB", "host"),
        ("a", 3, "det", "DET", "a"),
        ("meeting", 1, "dobj", "NOUN", "meeting"),
        ("between", 3, "prep", "ADP", "between"),
        ("Chad", 4, "pobj", "PROPN", "Chad"),
        ("and", 5, "cc", "CCONJ", "and"),
        ("Mali", 5, "conj", "PROPN", "Mali"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    args = verb_arguments(doc[1])
    assert [t.text for t in args.source] == ["Qatar"]
    assert [t.text for t in args.joint] == ["Chad", "Mali"]


def test_hosting_a_meeting_without_between_joins_nobody() -> None:
    doc = parsed([
        ("Qatar", 1, "nsubj", "PROPN", "Qatar"),
        ("hosted", 1, "ROOT", "VERB", "host"),
        ("a", 3, "det", "DET", "a"),
        ("meeting", 1, "dobj", "NOUN", "meeting"),
        ("in", 3, "prep", "ADP", "in"),
        ("Doha", 4, "pobj", "PROPN", "Doha"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    args = verb_arguments(doc[1])
    assert args.joint == ()
    assert [t.text for t in args.target] == ["meeting"]


def test_the_doer_of_an_act_noun_is_its_owner_or_its_by_phrase() -> None:
    owned = parsed([
        ("Peru", 2, "poss", "PROPN", "Peru"),
        ("'s", 0, "case", "PART", "'s"),
        ("crackdown", 2, "ROOT", "NOUN", "crackdown"),
        ("on", 2, "prep", "ADP", "on"),
        ("Bolivians", 3, "pobj", "PROPN", "Bolivian"),
    ])  # fmt: skip
    committed = parsed([
        ("abuses", 0, "ROOT", "NOUN", "abuse"),
        ("committed", 0, "acl", "VERB", "commit"),
        ("by", 1, "agent", "ADP", "by"),
        ("Laotian", 4, "amod", "ADJ", "laotian"),
        ("troops", 2, "pobj", "NOUN", "troop"),
    ])  # fmt: skip
    committed[1].tag_ = "VBN"
    assert (agent := act_agent(owned[2])) is not None and agent.text == "Peru"
    assert (agent := act_agent(committed[0])) is not None and agent.text == "troops"


def test_a_noun_for_a_thing_or_an_act_owned_by_a_pronoun_names_no_doer() -> None:
    capital = parsed([
        ("Peru", 2, "poss", "PROPN", "Peru"),
        ("'s", 0, "case", "PART", "'s"),
        ("capital", 2, "ROOT", "NOUN", "capital"),
    ])  # fmt: skip
    own = parsed([
        ("its", 1, "poss", "PRON", "its"),
        ("decision", 1, "ROOT", "NOUN", "decision"),
    ])  # fmt: skip
    assert act_agent(capital[2]) is None
    assert act_agent(own[1]) is None


def test_condemning_crimes_committed_by_a_force_targets_that_force(
    extractor: Extractor,
) -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("condemned", 1, "ROOT", "VERB", "condemn"),
        ("crimes", 1, "dobj", "NOUN", "crime"),
        ("committed", 2, "acl", "VERB", "commit"),
        ("by", 3, "agent", "ADP", "by"),
        ("Bolivian", 6, "amod", "ADJ", "bolivian"),
        ("forces", 4, "pobj", "NOUN", "force"),
        ("in", 3, "prep", "ADP", "in"),
        ("Peru", 7, "pobj", "PROPN", "Peru"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    doc[3].tag_ = "VBN"
    mentions = [
        mention(doc, "Chile", "CHL"),
        mention(doc, "Bolivian", "BOL"),
        mention(doc, "Peru", "PER"),
    ]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [(e.source.code, e.target.code if e.target else None) for e in found] == [("CHL", "BOL")]


def test_a_demand_noun_targets_the_subject_of_its_that_clause() -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("renewed", 1, "ROOT", "VERB", "renew"),
        ("its", 3, "poss", "PRON", "its"),
        ("demand", 1, "dobj", "NOUN", "demand"),
        ("that", 6, "mark", "SCONJ", "that"),
        ("Peru", 6, "nsubj", "PROPN", "Peru"),
        ("withdraw", 1, "ccomp", "VERB", "withdraw"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    args = noun_arguments(doc[3])
    assert [t.text for t in args.source] == ["Chile"]
    assert [t.text for t in args.target] == ["Peru"]
    assert args.indirect


def test_a_relative_clause_on_a_demand_noun_names_no_target() -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("renewed", 1, "ROOT", "VERB", "renew"),
        ("a", 3, "det", "DET", "a"),
        ("demand", 1, "dobj", "NOUN", "demand"),
        ("that", 6, "dobj", "PRON", "that"),
        ("Peru", 6, "nsubj", "PROPN", "Peru"),
        ("rejected", 3, "relcl", "VERB", "reject"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert noun_arguments(doc[3]).target == ()


def test_a_stranded_to_takes_the_noun_the_parse_made_a_subject() -> None:
    doc = parsed([
        ("Peru", 1, "nsubj", "PROPN", "Peru"),
        ("gave", 1, "ROOT", "VERB", "give"),
        ("shelter", 1, "dobj", "NOUN", "shelter"),
        ("to", 1, "prep", "ADP", "to"),
        ("two", 6, "nummod", "NUM", "two"),
        ("Chilean", 6, "amod", "ADJ", "chilean"),
        ("officers", 7, "nsubj", "NOUN", "officer"),
        ("hiding", 1, "advcl", "VERB", "hide"),
        ("in", 7, "prep", "ADP", "in"),
        ("Lima", 8, "pobj", "PROPN", "Lima"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert [t.text for t in verb_arguments(doc[1]).target] == ["officers", "shelter"]


def test_a_to_with_its_own_object_takes_no_later_subject() -> None:
    doc = parsed([
        ("Peru", 1, "nsubj", "PROPN", "Peru"),
        ("gave", 1, "ROOT", "VERB", "give"),
        ("shelter", 1, "dobj", "NOUN", "shelter"),
        ("to", 1, "prep", "ADP", "to"),
        ("Chile", 3, "pobj", "PROPN", "Chile"),
        ("as", 7, "mark", "SCONJ", "as"),
        ("officers", 7, "nsubj", "NOUN", "officer"),
        ("fled", 1, "advcl", "VERB", "flee"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert [t.text for t in verb_arguments(doc[1]).target] == ["Chile", "shelter"]


def test_which_after_a_preposition_stands_for_the_noun_its_clause_describes() -> None:
    doc = parsed([
        ("the", 1, "det", "DET", "the"),
        ("dam", 1, "ROOT", "NOUN", "dam"),
        (",", 1, "punct", "PUNCT", ","),
        ("for", 6, "prep", "ADP", "for"),
        ("which", 3, "pobj", "PRON", "which"),
        ("Oman", 6, "nsubj", "PROPN", "Oman"),
        ("paid", 1, "relcl", "VERB", "pay"),
    ])  # fmt: skip
    assert antecedent(doc[4]).text == "dam"


def test_which_outside_a_relative_clause_stands_for_nothing_else() -> None:
    doc = parsed([
        ("Oman", 1, "nsubj", "PROPN", "Oman"),
        ("asked", 1, "ROOT", "VERB", "ask"),
        ("for", 1, "prep", "ADP", "for"),
        ("which", 2, "pobj", "PRON", "which"),
    ])  # fmt: skip
    assert antecedent(doc[3]).text == "which"


def test_an_object_pronoun_of_a_second_verb_stands_for_the_first_verbs_object() -> None:
    doc = parsed([
        ("Troops", 1, "nsubj", "NOUN", "troop"),
        ("shelled", 1, "ROOT", "VERB", "shell"),
        ("the", 3, "det", "DET", "the"),
        ("depot", 1, "dobj", "NOUN", "depot"),
        ("and", 1, "cc", "CCONJ", "and"),
        ("seized", 1, "conj", "VERB", "seize"),
        ("it", 5, "dobj", "PRON", "it"),
    ])  # fmt: skip
    assert antecedent(doc[6]).text == "depot"


def test_an_object_pronoun_of_a_lone_verb_is_left_alone() -> None:
    doc = parsed([
        ("Troops", 1, "nsubj", "NOUN", "troop"),
        ("seized", 1, "ROOT", "VERB", "seize"),
        ("it", 1, "dobj", "PRON", "it"),
    ])  # fmt: skip
    assert antecedent(doc[2]).text == "it"


def test_a_thing_suspended_to_coordinated_states_targets_the_states(
    extractor: Extractor,
) -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("suspended", 1, "ROOT", "VERB", "suspend"),
        ("aid", 1, "dobj", "NOUN", "aid"),
        ("to", 2, "prep", "ADP", "to"),
        ("Peru", 3, "pobj", "PROPN", "Peru"),
        ("and", 4, "cc", "CCONJ", "and"),
        ("Bolivia", 4, "conj", "PROPN", "Bolivia"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [
        mention(doc, "Chile", "CHL"),
        mention(doc, "Peru", "PER"),
        mention(doc, "Bolivia", "BOL"),
    ]
    found = extractor.extract(doc, facts(doc, mentions))
    assert sorted((e.target.text, e.target.code) for e in found if e.target) == [
        ("Bolivia", "BOL"),
        ("Peru", "PER"),
    ]


def test_people_from_a_state_stay_the_target_phrase(extractor: Extractor) -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("expelled", 1, "ROOT", "VERB", "expel"),
        ("diplomats", 1, "dobj", "NOUN", "diplomat"),
        ("from", 2, "prep", "ADP", "from"),
        ("Peru", 3, "pobj", "PROPN", "Peru"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Chile", "CHL"), mention(doc, "Peru", "PER")]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [(e.target.text, e.target.code) for e in found if e.target] == [
        ("diplomats from Peru", "PER")
    ]


def test_a_handed_over_thing_is_aimed_at_its_receiver_first() -> None:
    doc = parsed([
        ("Oman", 1, "nsubj", "PROPN", "Oman"),
        ("returned", 1, "ROOT", "VERB", "return"),
        ("the", 3, "det", "DET", "the"),
        ("statue", 1, "dobj", "NOUN", "statue"),
        ("to", 1, "prep", "ADP", "to"),
        ("its", 6, "poss", "PRON", "its"),
        ("owners", 4, "pobj", "NOUN", "owner"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert [t.text for t in verb_arguments(doc[1]).target] == ["owners", "statue"]


# A word of a hand-made parse: (text, part of speech, lemma); a verb or object: (text, lemma).
Word = tuple[str, str, str]


def _targets_of_to(
    subject: Word, verb: tuple[str, str], obj: tuple[str, str], receiver: Word
) -> list[str]:
    """The target heads verb_arguments reads in "<subject> <verb> <obj> to <receiver> ."."""
    doc = parsed([
        (subject[0], 1, "nsubj", subject[1], subject[2]),
        (verb[0], 1, "ROOT", "VERB", verb[1]),
        (obj[0], 1, "dobj", "NOUN", obj[1]),
        ("to", 1, "prep", "ADP", "to"),
        (receiver[0], 3, "pobj", receiver[1], receiver[2]),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    return [t.text for t in verb_arguments(doc[1]).target]


def test_people_freed_to_a_go_between_stay_the_first_target() -> None:
    freed = _targets_of_to(
        ("Rebels", "NOUN", "rebel"), ("freed", "free"), ("hostages", "hostage"),
        ("mediators", "NOUN", "mediator"),
    )  # fmt: skip
    assert freed == ["hostages", "mediators"]


def _march(extractor: Extractor, tokens: list[tuple[str, int, str, str, str]]) -> list[str]:
    doc = parsed(tokens)
    mentions = [mention(doc, "Peru", "PER"), mention(doc, "Bolivian", "BOL")]
    found = extractor.extract(doc, facts(doc, mentions), keep_uncoded=True)
    return [
        e.target.code or "" if e.target else "-" for e in found if e.evidence.trigger == "marched"
    ]


def test_a_purpose_naming_two_states_is_aimed_at_the_one_its_verb_acts_on(
    extractor: Extractor,
) -> None:
    assert _march(extractor, [
        ("Students", 1, "nsubj", "NOUN", "student"),
        ("marched", 1, "ROOT", "VERB", "march"),
        ("to", 3, "aux", "PART", "to"),
        ("protest", 1, "advcl", "VERB", "protest"),
        ("against", 3, "prep", "ADP", "against"),
        ("Peru", 7, "poss", "PROPN", "Peru"),
        ("'s", 5, "case", "PART", "'s"),
        ("decision", 4, "pobj", "NOUN", "decision"),
        ("to", 9, "aux", "PART", "to"),
        ("deport", 7, "acl", "VERB", "deport"),
        ("Bolivian", 11, "amod", "ADJ", "bolivian"),
        ("students", 9, "dobj", "NOUN", "student"),
        (".", 1, "punct", "PUNCT", "."),
    ]) == ["PER"]  # fmt: skip


def test_a_purpose_whose_verb_acts_on_nobody_named_picks_no_state(
    extractor: Extractor,
) -> None:
    assert _march(extractor, [
        ("Students", 1, "nsubj", "NOUN", "student"),
        ("marched", 1, "ROOT", "VERB", "march"),
        ("to", 3, "aux", "PART", "to"),
        ("protest", 1, "advcl", "VERB", "protest"),
        ("against", 3, "prep", "ADP", "against"),
        ("fees", 4, "pobj", "NOUN", "fee"),
        ("charged", 5, "acl", "VERB", "charge"),
        ("in", 6, "prep", "ADP", "in"),
        ("Peru", 7, "pobj", "PROPN", "Peru"),
        ("by", 6, "agent", "ADP", "by"),
        ("Bolivian", 11, "amod", "ADJ", "bolivian"),
        ("banks", 9, "pobj", "NOUN", "bank"),
        (".", 1, "punct", "PUNCT", "."),
    ]) == ["-"]  # fmt: skip


def test_an_object_shifted_after_an_as_phrase_is_the_target() -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("condemned", 1, "ROOT", "VERB", "condemn"),
        ("as", 1, "prep", "ADP", "as"),
        ("illegal", 4, "amod", "ADJ", "illegal"),
        ("acts", 2, "pobj", "NOUN", "act"),
        ("Peru", 7, "poss", "PROPN", "Peru"),
        ("'s", 5, "case", "PART", "'s"),
        ("arrests", 4, "appos", "NOUN", "arrest"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert [t.text for t in verb_arguments(doc[1]).target] == ["arrests"]


def test_an_apposition_after_a_comma_describes_and_is_no_target() -> None:
    doc = parsed([
        ("Lopez", 1, "nsubj", "PROPN", "Lopez"),
        ("resigned", 1, "ROOT", "VERB", "resign"),
        ("as", 1, "prep", "ADP", "as"),
        ("envoy", 2, "pobj", "NOUN", "envoy"),
        (",", 3, "punct", "PUNCT", ","),
        ("a", 6, "det", "DET", "a"),
        ("post", 3, "appos", "NOUN", "post"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert verb_arguments(doc[1]).target == ()


def test_what_an_event_does_in_its_relative_clause_is_its_target() -> None:
    doc = parsed([
        ("Unions", 1, "nsubj", "NOUN", "union"),
        ("staged", 1, "ROOT", "VERB", "stage"),
        ("a", 3, "det", "DET", "a"),
        ("strike", 1, "dobj", "NOUN", "strike"),
        ("that", 5, "nsubj", "PRON", "that"),
        ("closed", 3, "relcl", "VERB", "close"),
        ("Lima", 5, "dobj", "PROPN", "Lima"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert [t.text for t in verb_arguments(doc[1], doc[3]).target] == ["Lima"]


def test_a_relative_clause_about_an_event_done_by_others_names_no_target() -> None:
    doc = parsed([
        ("Unions", 1, "nsubj", "NOUN", "union"),
        ("staged", 1, "ROOT", "VERB", "stage"),
        ("a", 3, "det", "DET", "a"),
        ("strike", 1, "dobj", "NOUN", "strike"),
        ("that", 6, "dobj", "PRON", "that"),
        ("Lima", 6, "nsubj", "PROPN", "Lima"),
        ("banned", 3, "relcl", "VERB", "ban"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert verb_arguments(doc[1], doc[3]).target == ()


def test_the_of_phrase_of_a_killing_names_the_victim() -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("condemned", 1, "ROOT", "VERB", "condemn"),
        ("the", 3, "det", "DET", "the"),
        ("killing", 1, "dobj", "NOUN", "killing"),
        ("of", 3, "prep", "ADP", "of"),
        ("journalists", 4, "pobj", "NOUN", "journalist"),
    ])  # fmt: skip
    args = noun_arguments(doc[3])
    assert [t.text for t in args.target] == ["journalists"]
    assert "journalists" not in [t.text for t in args.source]


def test_the_of_phrase_of_a_visit_names_the_visitor() -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("welcomed", 1, "ROOT", "VERB", "welcome"),
        ("the", 3, "det", "DET", "the"),
        ("visit", 1, "dobj", "NOUN", "visit"),
        ("of", 3, "prep", "ADP", "of"),
        ("envoys", 4, "pobj", "NOUN", "envoy"),
    ])  # fmt: skip
    assert [t.text for t in noun_arguments(doc[3]).source] == ["envoys"]


def test_aid_halted_to_someone_is_aimed_at_its_receiver_first() -> None:
    halted = _targets_of_to(
        ("Chile", "PROPN", "Chile"), ("halted", "halt"), ("aid", "aid"),
        ("rebels", "NOUN", "rebel"),
    )  # fmt: skip
    assert halted == ["rebels", "aid"]


def test_people_deported_to_a_state_stay_the_first_target() -> None:
    deported = _targets_of_to(
        ("Chile", "PROPN", "Chile"), ("deported", "deport"), ("migrants", "migrant"),
        ("Peru", "PROPN", "Peru"),
    )  # fmt: skip
    assert deported == ["migrants", "Peru"]
