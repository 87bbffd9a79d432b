"""Triggers and statements, through the extractor, on hand-built parses."""

from __future__ import annotations

import pytest

from bilat.nlp.events.contexts import ContextCues
from bilat.nlp.events.lexicon import TriggerLexicon
from bilat.nlp.events.triggers import find_triggers, relative_objects
from bilat.nlp.extract import Extractor
from bilat.records import EventType
from tests.unit.nlp.handmade import facts, mention, parsed


def test_a_rejected_offer_is_one_rejection(extractor: Extractor) -> None:
    doc = parsed([
        ("Russia", 1, "nsubj", "PROPN", "Russia"),
        ("rejected", 1, "ROOT", "VERB", "reject"),
        ("Japan", 4, "poss", "PROPN", "Japan"),
        ("'s", 2, "case", "PART", "'s"),
        ("offer", 1, "dobj", "NOUN", "offer"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Russia", "RUS"), mention(doc, "Japan", "JPN")])
    )
    assert [(e.type, e.source.code, e.target.code if e.target else None) for e in found] == [
        (EventType.REJECT, "RUS", "JPN")
    ]


def test_an_appeal_is_no_event_and_neither_is_what_it_asks(extractor: Extractor) -> None:
    doc = parsed([
        ("Iran", 1, "nsubj", "PROPN", "Iran"),
        ("urged", 1, "ROOT", "VERB", "urge"),
        ("Iraq", 1, "dobj", "PROPN", "Iraq"),
        ("to", 4, "aux", "PART", "to"),
        ("release", 1, "xcomp", "VERB", "release"),
        ("prisoners", 4, "dobj", "NOUN", "prisoner"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Iran", "IRN"), mention(doc, "Iraq", "IRQ")]
    assert extractor.extract(doc, facts(doc, mentions), keep_uncoded=True) == []


def test_declining_to_comment_is_no_rejection(extractor: Extractor) -> None:
    doc = parsed([
        ("Egypt", 1, "nsubj", "PROPN", "Egypt"),
        ("declined", 1, "ROOT", "VERB", "decline"),
        ("to", 3, "aux", "PART", "to"),
        ("comment", 1, "xcomp", "VERB", "comment"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(doc, facts(doc, [mention(doc, "Egypt", "EGY")]), keep_uncoded=True)
    assert found == []


def test_coordinated_verbs_each_report_an_event(extractor: Extractor) -> None:
    doc = parsed([
        ("Pakistan", 1, "nsubj", "PROPN", "Pakistan"),
        ("met", 1, "ROOT", "VERB", "meet"),
        ("Russia", 1, "dobj", "PROPN", "Russia"),
        ("and", 1, "cc", "CCONJ", "and"),
        ("praised", 1, "conj", "VERB", "praise"),
        ("Moscow", 4, "dobj", "PROPN", "Moscow"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [
        mention(doc, "Pakistan", "PAK"),
        mention(doc, "Russia", "RUS"),
        mention(doc, "Moscow", "RUS"),
    ]
    found = extractor.extract(doc, facts(doc, mentions))
    assert sorted(e.type.value for e in found) == ["CONSULT", "SUPPORT"]


def test_a_reported_obligation_is_a_demand_on_the_clause_subject(extractor: Extractor) -> None:
    doc = parsed([
        ("Russia", 1, "nsubj", "PROPN", "Russia"),
        ("said", 1, "ROOT", "VERB", "say"),
        ("Sudan", 4, "nsubj", "PROPN", "Sudan"),
        ("must", 4, "aux", "AUX", "must"),
        ("return", 1, "ccomp", "VERB", "return"),
        ("the", 6, "det", "DET", "the"),
        ("helicopter", 4, "dobj", "NOUN", "helicopter"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Russia", "RUS"), mention(doc, "Sudan", "SDN")])
    )
    assert [(e.type, e.source.code, e.target.code if e.target else None) for e in found] == [
        (EventType.REQUEST, "RUS", "SDN")
    ]


def test_a_hunger_strike_is_a_protest(extractor: Extractor) -> None:
    doc = parsed([
        ("Kurds", 1, "nsubj", "PROPN", "Kurds"),
        ("began", 1, "ROOT", "VERB", "begin"),
        ("a", 4, "det", "DET", "a"),
        ("hunger", 4, "compound", "NOUN", "hunger"),
        ("strike", 1, "dobj", "NOUN", "strike"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(doc, facts(doc, [mention(doc, "Kurds", "IRQ")]))
    assert [(e.type, e.mode) for e in found] == [(EventType.PROTEST, "hunger")]


def test_a_round_of_exercises_is_an_exercise(extractor: Extractor) -> None:
    doc = parsed([
        ("Jordan", 1, "nsubj", "PROPN", "Jordan"),
        ("began", 1, "ROOT", "VERB", "begin"),
        ("a", 3, "det", "DET", "a"),
        ("round", 1, "dobj", "NOUN", "round"),
        ("of", 3, "prep", "ADP", "of"),
        ("exercises", 4, "pobj", "NOUN", "exercise"),
        ("with", 1, "prep", "ADP", "with"),
        ("Egypt", 6, "pobj", "PROPN", "Egypt"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Jordan", "JOR"), mention(doc, "Egypt", "EGY")])
    )
    assert [(e.type, e.dyad) for e in found] == [(EventType.COOPERATE, ("EGY", "JOR"))]


def test_providing_a_recipient_with_equipment_is_aid(extractor: Extractor) -> None:
    doc = parsed([
        ("Britain", 1, "nsubj", "PROPN", "Britain"),
        ("provided", 1, "ROOT", "VERB", "provide"),
        ("Lebanon", 1, "dobj", "PROPN", "Lebanon"),
        ("with", 1, "prep", "ADP", "with"),
        ("vehicles", 3, "pobj", "NOUN", "vehicle"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Britain", "GBR"), mention(doc, "Lebanon", "LBN")])
    )
    assert [(e.type, e.source.code, e.target.code if e.target else None) for e in found] == [
        (EventType.AID, "GBR", "LBN")
    ]


def test_readiness_to_help_is_an_expression_of_intent(extractor: Extractor) -> None:
    doc = parsed([
        ("Italy", 1, "nsubj", "PROPN", "Italy"),
        ("is", 1, "ROOT", "AUX", "be"),
        ("ready", 1, "acomp", "ADJ", "ready"),
        ("to", 4, "aux", "PART", "to"),
        ("contribute", 2, "xcomp", "VERB", "contribute"),
        ("to", 4, "prep", "ADP", "to"),
        ("Mali", 5, "pobj", "PROPN", "Mali"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Italy", "ITA"), mention(doc, "Mali", "MLI")])
    )
    assert [(e.type, e.source.code) for e in found] == [(EventType.AGREE, "ITA")]


def test_cancelling_a_visit_rejects_the_meeting(extractor: Extractor) -> None:
    doc = parsed([
        ("Khan", 1, "nsubj", "PROPN", "Khan"),
        ("cancelled", 1, "ROOT", "VERB", "cancel"),
        ("a", 3, "det", "DET", "a"),
        ("visit", 1, "dobj", "NOUN", "visit"),
        ("to", 3, "prep", "ADP", "to"),
        ("Malaysia", 4, "pobj", "PROPN", "Malaysia"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Khan", "PAK"), mention(doc, "Malaysia", "MYS")])
    )
    assert [(e.type, e.mode, e.dyad) for e in found] == [(EventType.REJECT, "meet", ("MYS", "PAK"))]


def _svo_types(
    extractor: Extractor, verb: tuple[str, str], obj: tuple[str, str], modifier: str | None = None
) -> list[tuple[EventType, str | None]]:
    """Types found in "Serbia <verb> [modifier] <object> ." (the object names no actor)."""
    tokens = [("Serbia", 1, "nsubj", "PROPN", "Serbia"), (verb[0], 1, "ROOT", "VERB", verb[1])]
    if modifier is not None:
        tokens.append((modifier, 3, "amod", "ADJ", modifier))
    tokens += [(obj[0], 1, "dobj", "NOUN", obj[1]), (".", 1, "punct", "PUNCT", ".")]
    doc = parsed(tokens)
    found = extractor.extract(doc, facts(doc, [mention(doc, "Serbia", "SRB")]), keep_uncoded=True)
    return [(e.type, e.mode) for e in found]


@pytest.mark.parametrize(
    ("verb", "obj", "modifier", "expected"),
    [
        # Obstructing passage is a protest tactic (CAMEO 144); blocking access is coercion.
        (("blocked", "block"), ("roads", "road"), None, (EventType.PROTEST, None)),
        (("blocked", "block"), ("access", "access"), None, (EventType.COERCE, "restrict")),
        (("accepted", "accept"), ("demands", "demand"), None, (EventType.CONCEDE, None)),
        (("sought", "seek"), ("refuge", "refuge"), None, (EventType.REQUEST, None)),
        (("demolished", "demolish"), ("homes", "home"), None, (EventType.COERCE, None)),
        (("defeated", "defeat"), ("rebels", "rebel"), None, (EventType.ASSAULT, None)),
        (("waged", "wage"), ("war", "war"), None, (EventType.ASSAULT, None)),
        (("reduced", "reduce"), ("supplies", "supply"), None, (EventType.SANCTION, None)),
        (("imposed", "impose"), ("law", "law"), "martial", (EventType.COERCE, None)),
        (("began", "begin"), ("rapprochement", "rapprochement"), None, (EventType.SUPPORT, None)),
        (("began", "begin"), ("riots", "riot"), None, (EventType.PROTEST, None)),
        (("began", "begin"), ("cleansing", "cleansing"), "ethnic", (EventType.ASSAULT, None)),
        (("began", "begin"), ("support", "support"), "financial", (EventType.AID, None)),
        (("began", "begin"), ("support", "support"), "diplomatic", (EventType.SUPPORT, None)),
        (
            ("began", "begin"),
            ("mission", "mission"),
            "peacekeeping",
            (EventType.AID, "peacekeeping"),
        ),
        (("began", "begin"), ("funding", "funding"), None, (EventType.AID, None)),
        (("began", "begin"), ("inquiry", "inquiry"), None, (EventType.ACCUSE, "investigate")),
        (("defied", "defy"), ("orders", "order"), None, (EventType.REJECT, None)),
        (("violated", "violate"), ("ceasefire", "ceasefire"), None, (EventType.ASSAULT, None)),
        (("violated", "violate"), ("ban", "ban"), None, (EventType.REJECT, None)),
        (("prohibited", "prohibit"), ("aid", "aid"), None, (EventType.SANCTION, None)),
        (("prohibited", "prohibit"), ("rallies", "rally"), None, (EventType.COERCE, "restrict")),
        (("hacked", "hack"), ("computers", "computer"), None, (EventType.COERCE, None)),
        (("lodged", "lodge"), ("protest", "protest"), None, (EventType.ACCUSE, "disapprove")),
        (("reached", "reach"), ("consensus", "consensus"), None, (EventType.AGREE, None)),
        (("gave", "give"), ("welcome", "welcome"), "warm", (EventType.CONSULT, "visit")),
        (("forgave", "forgive"), ("rebels", "rebel"), None, (EventType.SUPPORT, None)),
        (("defended", "defend"), ("rebels", "rebel"), None, (EventType.SUPPORT, None)),
        (
            ("suspended", "suspend"),
            ("publication", "publication"),
            None,
            (EventType.COERCE, "censor"),
        ),
    ],
)
def test_general_event_vocabulary(
    extractor: Extractor,
    verb: tuple[str, str],
    obj: tuple[str, str],
    modifier: str | None,
    expected: tuple[EventType, str | None],
) -> None:
    assert _svo_types(extractor, verb, obj, modifier) == [expected]


@pytest.mark.parametrize(
    ("verb", "obj"),
    [
        (("demonstrated", "demonstrate"), ("resolve", "resolve")),  # showed, did not protest
        (("rallied", "rally"), ("support", "support")),
        (("built", "build"), ("pipelines", "pipeline")),  # a pipeline is a thing
        (("valued", "value"), ("partnership", "partnership")),  # a standing relation
    ],
)
def test_words_that_name_no_act(
    extractor: Extractor, verb: tuple[str, str], obj: tuple[str, str]
) -> None:
    assert _svo_types(extractor, verb, obj) == []


def test_soldiers_beating_up_detainees_is_an_assault(extractor: Extractor) -> None:
    doc = parsed([
        ("Soldiers", 1, "nsubj", "NOUN", "soldier"),
        ("beat", 1, "ROOT", "VERB", "beat"),
        ("up", 1, "prt", "ADP", "up"),
        ("detainees", 1, "dobj", "NOUN", "detainee"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(doc, facts(doc, []), keep_uncoded=True)
    assert [e.type for e in found] == [EventType.ASSAULT]


def test_reneging_on_a_commitment_is_a_rejection(extractor: Extractor) -> None:
    doc = parsed([
        ("Zambia", 1, "nsubj", "PROPN", "Zambia"),
        ("reneged", 1, "ROOT", "VERB", "renege"),
        ("on", 1, "prep", "ADP", "on"),
        ("its", 4, "poss", "PRON", "its"),
        ("commitment", 2, "pobj", "NOUN", "commitment"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(doc, facts(doc, [mention(doc, "Zambia", "ZMB")]), keep_uncoded=True)
    assert [e.type for e in found] == [EventType.REJECT]


def test_embassies_that_open_are_diplomatic_support(extractor: Extractor) -> None:
    doc = parsed([
        ("The", 1, "det", "DET", "the"),
        ("embassies", 6, "nsubj", "NOUN", "embassy"),
        ("of", 1, "prep", "ADP", "of"),
        ("Chile", 2, "pobj", "PROPN", "Chile"),
        ("and", 3, "cc", "CCONJ", "and"),
        ("Peru", 3, "conj", "PROPN", "Peru"),
        ("opened", 6, "ROOT", "VERB", "open"),
        (".", 6, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Chile", "CHL"), mention(doc, "Peru", "PER")]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [(e.type, e.dyad) for e in found] == [(EventType.SUPPORT, ("CHL", "PER"))]


def test_a_border_that_closes_is_a_sanction(extractor: Extractor) -> None:
    # news/ANNOTATION.md: SANCTION covers "close borders against".
    doc = parsed([
        ("Chile", 1, "poss", "PROPN", "Chile"),
        ("border", 2, "nsubj", "NOUN", "border"),
        ("closed", 2, "ROOT", "VERB", "close"),
        (".", 2, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(doc, facts(doc, [mention(doc, "Chile", "CHL")]), keep_uncoded=True)
    assert [(e.type, e.mode) for e in found] == [(EventType.SANCTION, None)]


def test_attending_is_a_meeting_only_when_a_meeting_is_attended(extractor: Extractor) -> None:
    assert _svo_types(extractor, ("attended", "attend"), ("summit", "summit")) == [
        (EventType.CONSULT, "multilateral")
    ]
    assert _svo_types(extractor, ("attended", "attend"), ("ceremony", "ceremony")) == []


def _agreed_with(
    extractor: Extractor, tail: list[tuple[str, int, str, str, str]]
) -> list[EventType]:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("agreed", 1, "ROOT", "VERB", "agree"),
        ("with", 1, "prep", "ADP", "with"),
        ("Peru", 2, "pobj", "PROPN", "Peru"),
        *tail,
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Chile", "CHL"), mention(doc, "Peru", "PER")]
    return [e.type for e in extractor.extract(doc, facts(doc, mentions))]


def test_agreeing_with_someone_is_an_opinion_unless_something_is_agreed(
    extractor: Extractor,
) -> None:
    assert _agreed_with(extractor, []) == []
    truce = [("on", 1, "prep", "ADP", "on"), ("a", 6, "det", "DET", "a"),
             ("truce", 4, "pobj", "NOUN", "truce")]  # fmt: skip
    assert _agreed_with(extractor, truce) == [EventType.AGREE]


def test_calling_for_sanctions_against_someone_is_disapproval(extractor: Extractor) -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("called", 1, "ROOT", "VERB", "call"),
        ("for", 1, "prep", "ADP", "for"),
        ("sanctions", 2, "pobj", "NOUN", "sanction"),
        ("against", 3, "prep", "ADP", "against"),
        ("Peru", 4, "pobj", "PROPN", "Peru"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Chile", "CHL"), mention(doc, "Peru", "PER")]
    found = extractor.extract(doc, facts(doc, mentions))
    assert [(e.type, e.mode, e.target.code if e.target else None) for e in found] == [
        (EventType.ACCUSE, "disapprove", "PER")
    ]


def test_the_absence_of_war_is_no_war(extractor: Extractor) -> None:
    def noted(missing: str) -> list[EventType]:
        doc = parsed([
            ("Chile", 1, "nsubj", "PROPN", "Chile"),
            ("noted", 1, "ROOT", "VERB", "note"),
            (missing, 1, "dobj", "NOUN", missing),
            ("of", 2, "prep", "ADP", "of"),
            ("war", 3, "pobj", "NOUN", "war"),
            ("with", 4, "prep", "ADP", "with"),
            ("Peru", 5, "pobj", "PROPN", "Peru"),
            (".", 1, "punct", "PUNCT", "."),
        ])  # fmt: skip
        mentions = [mention(doc, "Chile", "CHL"), mention(doc, "Peru", "PER")]
        return [e.type for e in extractor.extract(doc, facts(doc, mentions))]

    assert noted("absence") == []
    assert noted("history") == [EventType.ASSAULT]


def test_supplying_machinery_is_aid(extractor: Extractor) -> None:
    doc = parsed([
        ("Japan", 1, "nsubj", "PROPN", "Japan"),
        ("supplied", 1, "ROOT", "VERB", "supply"),
        ("farm", 3, "compound", "NOUN", "farm"),
        ("machinery", 1, "dobj", "NOUN", "machinery"),
        ("to", 1, "dative", "ADP", "to"),
        ("Kenya", 4, "pobj", "PROPN", "Kenya"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(
        doc, facts(doc, [mention(doc, "Japan", "JPN"), mention(doc, "Kenya", "KEN")])
    )
    assert [(e.type, e.dyad) for e in found] == [(EventType.AID, ("JPN", "KEN"))]


@pytest.mark.parametrize(
    ("verb", "lemma", "noun"),
    [
        ("relaxed", "relax", "curfew"),
        ("shortened", "shorten", "curfew"),
        ("cancelled", "cancel", "ban"),
        ("opened", "open", "bridge"),
    ],
)
def test_easing_a_restriction_is_a_retreat(
    extractor: Extractor, verb: str, lemma: str, noun: str
) -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        (verb, 1, "ROOT", "VERB", lemma),
        ("the", 3, "det", "DET", "the"),
        (noun, 1, "dobj", "NOUN", noun),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(doc, facts(doc, [mention(doc, "Chile", "CHL")]))
    assert [(e.type, e.source.code) for e in found] == [(EventType.RETREAT, "CHL")]


def test_opening_a_hearing_is_an_investigation(extractor: Extractor) -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("opened", 1, "ROOT", "VERB", "open"),
        ("a", 3, "det", "DET", "a"),
        ("hearing", 1, "dobj", "NOUN", "hearing"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = extractor.extract(doc, facts(doc, [mention(doc, "Chile", "CHL")]))
    assert [(e.type, e.mode, e.source.code) for e in found] == [
        (EventType.ACCUSE, "investigate", "CHL")
    ]


def _met_where(signers: tuple[str, str]) -> set[tuple[EventType, tuple[str, ...] | None]]:
    """ "Chile met Peru in Lima, where <A> and <B> signed a treaty"."""
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("met", 1, "ROOT", "VERB", "meet"),
        ("Peru", 1, "dobj", "PROPN", "Peru"),
        ("in", 1, "prep", "ADP", "in"),
        ("Lima", 3, "pobj", "PROPN", "Lima"),
        (",", 4, "punct", "PUNCT", ","),
        ("where", 10, "advmod", "SCONJ", "where"),
        (signers[0], 10, "nsubj", "PROPN", signers[0]),
        ("and", 7, "cc", "CCONJ", "and"),
        (signers[1], 7, "conj", "PROPN", signers[1]),
        ("signed", 4, "relcl", "VERB", "sign"),
        ("a", 12, "det", "DET", "a"),
        ("treaty", 10, "dobj", "NOUN", "treaty"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    codes = {"Chile": "CHL", "Peru": "PER"}
    mentions = [mention(doc, "Chile", "CHL"), mention(doc, "Peru", "PER")]
    mentions += [mention(doc, w, codes[w], 1) for w in signers if w in codes]
    found = Extractor(TriggerLexicon.load(), ContextCues.load(), lambda t, m: 1.0).extract(
        doc, facts(doc, mentions)
    )
    return {(e.type, e.dyad) for e in found}


def test_a_where_clause_names_an_act_of_its_own() -> None:
    assert _met_where(("Chile", "Peru")) == {
        (EventType.CONSULT, ("CHL", "PER")),
        (EventType.SUPPORT, ("CHL", "PER")),
    }


def test_a_where_clause_without_named_sides_stays_background() -> None:
    assert _met_where(("rebels", "soldiers")) == {(EventType.CONSULT, ("CHL", "PER"))}


def test_a_relative_clause_verb_takes_the_noun_it_hangs_off_as_object() -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("praised", 1, "ROOT", "VERB", "praise"),
        ("the", 3, "det", "DET", "the"),
        ("treaty", 1, "dobj", "NOUN", "treaty"),
        ("which", 6, "dobj", "PRON", "which"),
        ("Peru", 6, "nsubj", "PROPN", "Peru"),
        ("signed", 3, "relcl", "VERB", "sign"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = find_triggers(doc[:], TriggerLexicon.load())
    assert [(t.token.text, t.obj.text if t.obj else None) for t in found] == [
        ("praised", None),
        ("signed", "treaty"),
    ]


def test_a_relative_subject_leaves_the_clause_without_an_object() -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("blamed", 1, "ROOT", "VERB", "blame"),
        ("rebels", 1, "dobj", "NOUN", "rebel"),
        ("who", 4, "nsubj", "PRON", "who"),
        ("fled", 2, "relcl", "VERB", "flee"),
    ])  # fmt: skip
    assert relative_objects(doc[4]) == []
    assert relative_objects(doc[1]) == [doc[2]]


def _urged(verb: str, lemma: str) -> list[tuple[EventType, str | None, str | None]]:
    """ "Chile urged Brazil to <verb> Peru"."""
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("urged", 1, "ROOT", "VERB", "urge"),
        ("Brazil", 1, "dobj", "PROPN", "Brazil"),
        ("to", 4, "aux", "PART", "to"),
        (verb, 1, "xcomp", "VERB", lemma),
        ("Peru", 4, "dobj", "PROPN", "Peru"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    mentions = [mention(doc, "Chile", "CHL"), mention(doc, "Brazil", "BRA")]
    found = Extractor(TriggerLexicon.load(), ContextCues.load(), lambda t, m: 1.0).extract(
        doc, facts(doc, [*mentions, mention(doc, "Peru", "PER")])
    )
    return [(e.type, e.source.code, e.target.code if e.target else None) for e in found]


def test_support_an_appeal_asks_for_is_rallied_support() -> None:
    assert _urged("endorse", "endorse") == [(EventType.SUPPORT, "CHL", "PER")]


def test_cooperation_an_appeal_asks_for_stays_uncoded() -> None:
    assert _urged("visit", "visit") == []


def _pushed_for(adverb: str | None) -> list[EventType]:
    """ "Chile pushed [<adverb>] for a truce with Peru"."""
    words = [("Chile", 1, "nsubj", "PROPN", "Chile"), ("pushed", 1, "ROOT", "VERB", "push")]
    if adverb:
        words.append((adverb, 1, "advmod", "ADV", adverb))
    at = len(words)
    words += [
        ("for", 1, "prep", "ADP", "for"),
        ("a", at + 2, "det", "DET", "a"),
        ("ceasefire", at, "pobj", "NOUN", "ceasefire"),
        ("with", at + 2, "prep", "ADP", "with"),
        ("Peru", at + 3, "pobj", "PROPN", "Peru"),
    ]
    doc = parsed(words)
    found = Extractor(TriggerLexicon.load(), ContextCues.load(), lambda t, m: 1.0).extract(
        doc, facts(doc, [mention(doc, "Chile", "CHL"), mention(doc, "Peru", "PER")])
    )
    return [e.type for e in found]


def test_pushing_hard_for_an_act_demands_it() -> None:
    assert _pushed_for("hard") == [EventType.REQUEST]


def test_pushing_for_an_act_appeals_for_it_and_it_did_not_happen() -> None:
    assert _pushed_for(None) == []
    assert _pushed_for("quickly") == []


@pytest.mark.parametrize(
    ("noun", "lemma", "expected"),
    [
        ("reminder", "reminder", EventType.REQUEST),
        ("ultimatum", "ultimatum", EventType.THREATEN),
        ("statement", "statement", None),
    ],
)
def test_what_is_issued_to_a_state_decides_the_event(
    noun: str, lemma: str, expected: EventType | None
) -> None:
    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("issued", 1, "ROOT", "VERB", "issue"),
        ("a", 3, "det", "DET", "a"),
        (noun, 1, "dobj", "NOUN", lemma),
        ("to", 1, "dative", "ADP", "to"),
        ("Peru", 4, "pobj", "PROPN", "Peru"),
    ])  # fmt: skip
    found = Extractor(TriggerLexicon.load(), ContextCues.load(), lambda t, m: 1.0).extract(
        doc, facts(doc, [mention(doc, "Chile", "CHL"), mention(doc, "Peru", "PER")])
    )
    assert [e.type for e in found] == ([] if expected is None else [expected])


def _events(words: list[tuple[str, int, str, str, str]]) -> list[tuple[EventType, str | None]]:
    """Type and mode of the events of a parse whose Chile and Peru are states."""
    doc = parsed(words)
    mentions = [mention(doc, w, c) for w, c in (("Chile", "CHL"), ("Peru", "PER"))]
    found = Extractor(TriggerLexicon.load(), ContextCues.load(), lambda t, m: 1.0).extract(
        doc, facts(doc, mentions)
    )
    return [(e.type, e.mode) for e in found]


def test_staying_away_from_work_is_a_strike_and_from_a_party_is_not() -> None:
    def stayed_away_from(noun: str, lemma: str) -> list[tuple[EventType, str | None]]:
        return _events([
            ("Chile", 1, "nsubj", "PROPN", "Chile"),
            ("stayed", 1, "ROOT", "VERB", "stay"),
            ("away", 1, "advmod", "ADV", "away"),
            ("from", 2, "prep", "ADP", "from"),
            (noun, 3, "pobj", "NOUN", lemma),
            ("near", 1, "prep", "ADP", "near"),
            ("Peru", 5, "pobj", "PROPN", "Peru"),
        ])  # fmt: skip

    assert stayed_away_from("work", "work") == [(EventType.PROTEST, "strike")]
    assert stayed_away_from("parties", "party") == []


def test_setting_fire_to_an_embassy_is_an_assault_and_setting_a_date_is_nothing() -> None:
    def set_(noun: str) -> list[tuple[EventType, str | None]]:
        return _events([
            ("Chile", 1, "nsubj", "PROPN", "Chile"),
            ("set", 1, "ROOT", "VERB", "set"),
            (noun, 1, "dobj", "NOUN", noun),
            ("to", 1, "prep", "ADP", "to"),
            ("Peru", 5, "poss", "PROPN", "Peru"),
            ("embassy", 3, "pobj", "NOUN", "embassy"),
        ])  # fmt: skip

    assert set_("fire") == [(EventType.ASSAULT, None)]
    assert set_("date") == []


def test_paying_compensation_returns_property_and_paying_tribute_is_nothing() -> None:
    def paid(noun: str) -> list[tuple[EventType, str | None]]:
        return _events([
            ("Chile", 1, "nsubj", "PROPN", "Chile"),
            ("paid", 1, "ROOT", "VERB", "pay"),
            (noun, 1, "dobj", "NOUN", noun),
            ("to", 1, "dative", "ADP", "to"),
            ("Peru", 3, "pobj", "PROPN", "Peru"),
        ])  # fmt: skip

    assert paid("compensation") == [(EventType.RETREAT, None)]
    assert paid("tribute") == []


@pytest.mark.parametrize(
    ("verb", "expected"),
    [
        ("appear", [(EventType.REQUEST, None)]),
        ("leave", [(EventType.SANCTION, "expel")]),
        ("withdraw", [(EventType.RETREAT, "withdraw")]),
    ],
)
def test_what_an_envoy_is_ordered_to_do_decides_the_event(
    verb: str, expected: list[tuple[EventType, str | None]]
) -> None:
    words = [
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("ordered", 1, "ROOT", "VERB", "order"),
        ("Peru", 3, "poss", "PROPN", "Peru"),
        ("envoy", 1, "dobj", "NOUN", "envoy"),
        ("to", 5, "aux", "PART", "to"),
        (verb, 1, "xcomp", "VERB", verb),
    ]
    assert _events(words) == expected


def test_intelligence_provided_is_aid_and_shared_is_cooperation() -> None:
    def handed(verb: str, lemma: str, prep: str) -> list[tuple[EventType, str | None]]:
        return _events([
            ("Chile", 1, "nsubj", "PROPN", "Chile"),
            (verb, 1, "ROOT", "VERB", lemma),
            ("intelligence", 1, "dobj", "NOUN", "intelligence"),
            (prep, 1, "prep", "ADP", prep),
            ("Peru", 3, "pobj", "PROPN", "Peru"),
        ])  # fmt: skip

    assert handed("provided", "provide", "to") == [(EventType.AID, None)]
    assert handed("shared", "share", "with") == [(EventType.COOPERATE, None)]
    assert handed("wanted", "want", "from") == []


def _called_for_mobilization(adjacent: bool) -> list[tuple[EventType, str | None]]:
    """ "Chile called [today] for Peruvians to join a mobilization against Bolivia"."""
    words = [("Chile", 1, "nsubj", "PROPN", "Chile"), ("called", 1, "ROOT", "VERB", "call")]
    if not adjacent:
        words.append(("today", 1, "npadvmod", "NOUN", "today"))
    at = len(words)
    words += [
        ("for", at + 3, "mark", "SCONJ", "for"),
        ("Peruvians", at + 3, "nsubj", "PROPN", "Peruvians"),
        ("to", at + 3, "aux", "PART", "to"),
        ("join", 1, "advcl", "VERB", "join"),
        ("a", at + 5, "det", "DET", "a"),
        ("mobilization", at + 3, "dobj", "NOUN", "mobilization"),
        ("against", at + 5, "prep", "ADP", "against"),
        ("Peru", at + 6, "pobj", "PROPN", "Peru"),
    ]
    return _events(words)


def test_calling_for_someone_to_mobilise_voices_disapproval() -> None:
    assert _called_for_mobilization(adjacent=True) == [(EventType.ACCUSE, "disapprove")]


def test_a_for_clause_not_next_to_the_verb_is_no_phrasal_particle() -> None:
    assert _called_for_mobilization(adjacent=False) == [(EventType.MOBILIZE, None)]


def test_a_preposition_of_time_is_no_particle_of_the_verb() -> None:
    # "Chile called Peru on Monday" is no appeal, as "Chile called on Peru" is
    from bilat.nlp.events.triggers import verb_trigger

    lexicon = TriggerLexicon.load().with_appeals_as_requests()
    on_monday = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("called", 1, "ROOT", "VERB", "call"),
        ("Peru", 1, "dobj", "PROPN", "Peru"),
        ("on", 1, "prep", "ADP", "on"),
        ("Monday", 3, "pobj", "PROPN", "Monday"),
    ])  # fmt: skip
    assert verb_trigger(on_monday[1], lexicon) is None
    on_peru = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("called", 1, "ROOT", "VERB", "call"),
        ("on", 1, "prep", "ADP", "on"),
        ("Peru", 2, "pobj", "PROPN", "Peru"),
    ])  # fmt: skip
    found = verb_trigger(on_peru[1], lexicon)
    assert found is not None and found.sense == (EventType.REQUEST, None)


def test_what_hits_decides_whether_hitting_is_an_attack() -> None:
    def hit_by(subject: str) -> list[tuple[EventType, str | None]]:
        return _events([
            ("Chile", 1, "compound", "PROPN", "Chile"),
            (subject, 2, "nsubj", "NOUN", subject.rstrip("s")),
            ("hit", 2, "ROOT", "VERB", "hit"),
            ("Peru", 2, "dobj", "PROPN", "Peru"),
        ])  # fmt: skip

    assert hit_by("warplanes") == [(EventType.ASSAULT, None)]
    assert hit_by("missiles") == [(EventType.ASSAULT, None)]
    assert hit_by("storms") == []  # a storm, prices or a crisis hitting Peru is no act


def test_a_bare_noun_the_parse_took_for_a_clause_is_the_verbs_object() -> None:
    # "Chile makes its first ever visit to Peru", with "visit" parsed as a ccomp
    from bilat.nlp.events.triggers import relative_objects

    doc = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("makes", 1, "ROOT", "VERB", "make"),
        ("its", 5, "poss", "PRON", "its"),
        ("first", 5, "amod", "ADJ", "first"),
        ("ever", 5, "advmod", "ADV", "ever"),
        ("visit", 1, "ccomp", "NOUN", "visit"),
        ("to", 5, "prep", "ADP", "to"),
        ("Peru", 6, "pobj", "PROPN", "Peru"),
    ])  # fmt: skip
    assert relative_objects(doc[1]) == [doc[5]]
    # a clause with a subject of its own stays a clause: "said talks failed"
    said = parsed([
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("said", 1, "ROOT", "VERB", "say"),
        ("talks", 3, "nsubj", "NOUN", "talk"),
        ("failure", 1, "ccomp", "NOUN", "failure"),
    ])  # fmt: skip
    assert relative_objects(said[1]) == []


def test_putting_under_investigation_investigates_and_under_a_tree_is_nothing() -> None:
    def put_under(noun: str) -> list[tuple[EventType, str | None]]:
        return _events([
            ("Chile", 1, "nsubj", "PROPN", "Chile"),
            ("put", 1, "ROOT", "VERB", "put"),
            ("Peru", 3, "poss", "PROPN", "Peru"),
            ("envoy", 1, "dobj", "NOUN", "envoy"),
            ("under", 1, "prep", "ADP", "under"),
            (noun, 4, "pobj", "NOUN", noun),
        ])  # fmt: skip

    assert put_under("investigation") == [(EventType.ACCUSE, "investigate")]
    assert put_under("tree") == []


def test_an_adverb_between_verb_and_for_clause_keeps_the_phrasal_verb() -> None:
    words = [
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("pushed", 1, "ROOT", "VERB", "push"),
        ("hard", 1, "advmod", "ADV", "hard"),
        ("for", 5, "mark", "SCONJ", "for"),
        ("Peru", 5, "nsubj", "PROPN", "Peru"),
        ("withdraw", 1, "advcl", "VERB", "withdraw"),
    ]
    assert _events(words) == [(EventType.REQUEST, None)]


@pytest.mark.parametrize(
    ("verb", "lemma", "noun", "expected"),
    [
        ("withdrew", "withdraw", "observers", (EventType.SANCTION, "expel")),
        ("withdrew", "withdraw", "troops", (EventType.RETREAT, "withdraw")),
        ("received", "receive", "observers", (EventType.RETREAT, "access")),
        ("received", "receive", "ministers", (EventType.CONSULT, "visit")),
        ("evacuated", "evacuate", "civilians", (EventType.AID, None)),
        ("evacuated", "evacuate", "troops", (EventType.RETREAT, "withdraw")),
    ],
)
def test_the_people_moved_decide_what_moving_them_is(
    verb: str, lemma: str, noun: str, expected: tuple[EventType, str | None]
) -> None:
    words = [
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        (verb, 1, "ROOT", "VERB", lemma),
        (noun, 1, "dobj", "NOUN", noun.rstrip("s")),
        ("from", 1, "prep", "ADP", "from"),
        ("Peru", 3, "pobj", "PROPN", "Peru"),
    ]
    assert _events(words) == [expected]


def test_bases_provided_to_a_state_are_military_cooperation() -> None:
    words = [
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("provided", 1, "ROOT", "VERB", "provide"),
        ("Peru", 1, "dobj", "PROPN", "Peru"),
        ("with", 1, "prep", "ADP", "with"),
        ("air", 5, "compound", "NOUN", "air"),
        ("bases", 3, "pobj", "NOUN", "basis"),
    ]
    doc = parsed(words)
    found = Extractor(TriggerLexicon.load(), ContextCues.load(), lambda t, m: 1.0).extract(
        doc, facts(doc, [mention(doc, "Chile", "CHL"), mention(doc, "Peru", "PER")])
    )
    assert [(e.type, e.target.code if e.target else None) for e in found] == [
        (EventType.COOPERATE, "PER")
    ]


def test_providing_the_basis_for_something_is_no_cooperation() -> None:
    words = [
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("provided", 1, "ROOT", "VERB", "provide"),
        ("the", 3, "det", "DET", "the"),
        ("basis", 1, "dobj", "NOUN", "basis"),
        ("for", 3, "prep", "ADP", "for"),
        ("Peru", 4, "pobj", "PROPN", "Peru"),
    ]
    assert _events(words) == []


def test_deepening_ties_is_diplomatic_cooperation_and_deepening_a_crisis_is_not() -> None:
    def deepened(noun: str) -> list[tuple[EventType, str | None]]:
        return _events([
            ("Chile", 1, "nsubj", "PROPN", "Chile"),
            ("deepened", 1, "ROOT", "VERB", "deepen"),
            (noun, 1, "dobj", "NOUN", noun),
            ("with", 1, "prep", "ADP", "with"),
            ("Peru", 3, "pobj", "PROPN", "Peru"),
        ])  # fmt: skip

    assert deepened("tie") == [(EventType.SUPPORT, None)]
    assert deepened("crisis") == []


def test_pressuring_a_state_to_act_demands_it_and_facing_pressure_is_nothing() -> None:
    pressured = [
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("pressured", 1, "ROOT", "VERB", "pressure"),
        ("Peru", 1, "dobj", "PROPN", "Peru"),
        ("to", 4, "aux", "PART", "to"),
        ("withdraw", 1, "xcomp", "VERB", "withdraw"),
    ]
    faced = [
        ("Chile", 1, "nsubj", "PROPN", "Chile"),
        ("faced", 1, "ROOT", "VERB", "face"),
        ("pressure", 1, "dobj", "NOUN", "pressure"),
        ("from", 1, "prep", "ADP", "from"),
        ("Peru", 3, "pobj", "PROPN", "Peru"),
    ]
    assert _events(pressured) == [(EventType.REQUEST, None)]
    assert _events(faced) == []


def test_a_verb_tagged_as_a_noun_with_subject_and_object_is_a_verb_trigger() -> None:
    # "Russia and Estonia exchange two spies": the tagger read "exchange" as a noun.
    doc = parsed([
        ("Russia", 3, "nsubj", "PROPN", "Russia"),
        ("and", 0, "cc", "CCONJ", "and"),
        ("Estonia", 0, "conj", "PROPN", "Estonia"),
        ("exchange", 3, "ROOT", "NOUN", "exchange"),
        ("spies", 3, "dobj", "NOUN", "spy"),
        (".", 3, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = find_triggers(doc[:], TriggerLexicon.load())
    assert [(t.token.text, t.sense) for t in found] == [
        ("exchange", (EventType.RETREAT, "release"))
    ]


def _said_by(speaker: str, lemma: str) -> list[EventType]:
    # "<speaker> said China attacked India."
    doc = parsed([
        (speaker, 1, "nsubj", "NOUN", lemma),
        ("said", 1, "ROOT", "VERB", "say"),
        ("China", 3, "nsubj", "PROPN", "China"),
        ("attacked", 1, "ccomp", "VERB", "attack"),
        ("India", 3, "dobj", "PROPN", "India"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    extractor = Extractor(TriggerLexicon.load(), ContextCues.load(), lambda t, m: float(t.quad))
    codes = [mention(doc, "China", "CHN"), mention(doc, "India", "IND")]
    return [e.type for e in extractor.extract(doc, facts(doc, codes))]


def test_what_a_commentator_says_is_analysis_not_an_event() -> None:
    assert _said_by("Analysts", "analyst") == []
    assert _said_by("Officials", "official") == [EventType.ASSAULT]


def test_wanting_another_to_act_is_a_request_and_wanting_to_act_is_not() -> None:
    lexicon = TriggerLexicon.load()
    another = parsed([
        ("Beijing", 1, "nsubj", "PROPN", "Beijing"),
        ("wants", 1, "ROOT", "VERB", "want"),
        ("Trump", 4, "nsubj", "PROPN", "Trump"),
        ("to", 4, "aux", "PART", "to"),
        ("lift", 1, "ccomp", "VERB", "lift"),
        ("tariffs", 4, "dobj", "NOUN", "tariff"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    found = {t.token.text: t.sense for t in find_triggers(another[:], lexicon)}
    assert found["wants"] == (EventType.REQUEST, None)
    itself = parsed([
        ("Iran", 1, "nsubj", "PROPN", "Iran"),
        ("wants", 1, "ROOT", "VERB", "want"),
        ("to", 3, "aux", "PART", "to"),
        ("expand", 1, "xcomp", "VERB", "expand"),
        ("trade", 3, "dobj", "NOUN", "trade"),
        (".", 1, "punct", "PUNCT", "."),
    ])  # fmt: skip
    assert all(t.token.text != "wants" for t in find_triggers(itself[:], lexicon))
