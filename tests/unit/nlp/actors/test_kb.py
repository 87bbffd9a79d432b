"""The actor knowledge base: shipped data, the schema checks, user extensions."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilat.errors import ResourceInvalid
from bilat.nlp.actors import ActorResolver
from bilat.nlp.actors.kb import KnowledgeBase, Person, load_kb, shipped_kb
from bilat.nlp.actors.schema import parse_file


def _words(text: str) -> list[str]:
    return text.split()


UN_MEMBERS = _words("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI
DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY
HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN
LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR
NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB
ZWE
""")
BRIEF_IGOS = _words(
    "UN UNSC SCO NATO EU ASEAN SAARC BRICS OIC GCC AU IMF WB WTO IAEA OPEC SEATO CENTO QUAD CSTO "
    "EAEU G7 G20 FATF"
)
KEY_COUNTRIES = _words("PAK RUS USA CHN IND AFG IRN GBR FRA DEU TUR SAU UKR ISR JPN")


def _person(kb: KnowledgeBase, name: str) -> Person:
    return next(p for p in kb.people if name in p.names)


def _write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_kb_has_every_un_member_and_the_observers() -> None:
    assert len(set(UN_MEMBERS)) == 193
    codes = {a.code for a in shipped_kb().actors if a.kind == "state"}
    assert set(UN_MEMBERS) <= codes
    assert {"TWN", "PSE", "VAT", "XKX"} <= codes


def test_kb_codes_are_unique() -> None:
    codes = [a.code for a in shipped_kb().actors]
    assert len(codes) == len(set(codes))


def test_kb_has_the_igos_of_the_brief() -> None:
    igos = {a.code: a for a in shipped_kb().actors if a.kind == "igo"}
    assert set(BRIEF_IGOS) <= set(igos)
    assert igos["WB"].name == "World Bank"


def test_kb_historical_states_name_their_successors() -> None:
    kb = shipped_kb()
    assert kb.actor("SUN").successor == "RUS"
    assert "USSR" in kb.actor("SUN").aliases
    assert {kb.actor(c).kind for c in ("SUN", "YUG", "DDR", "CSK")} == {"historical"}
    assert "East Pakistan" in kb.actor("PAK").aliases


def test_kb_states_have_demonyms_and_capitals() -> None:
    kb = shipped_kb()
    pak = kb.actor("PAK")
    assert (pak.demonyms[0], pak.capitals[0], pak.prefixes[0]) == ("Pakistani", "Islamabad", "Pak")
    seats = {s.name: s.sector for s in kb.actor("USA").seats}
    assert seats["Pentagon"] == "MIL" and seats["White House"] == "GOV"
    assert {s.name: s.sector for s in kb.actor("PAK").seats}["GHQ"] == "MIL"


def test_kb_has_office_holders_for_the_key_countries() -> None:
    kb = shipped_kb()
    for code in KEY_COUNTRIES:
        holders = [p for p in kb.people if any(t.country == code for t in p.terms)]
        assert len(holders) >= 15, code


@pytest.mark.parametrize(
    ("name", "role", "start", "end"),
    [
        ("Imran Khan", "prime minister", date(2018, 8, 18), date(2022, 4, 10)),
        ("Vladimir Putin", "prime minister", date(1999, 8, 16), date(2000, 5, 7)),
        ("Vladimir Putin", "president", date(2012, 5, 7), None),
        ("Sergey Lavrov", "foreign minister", date(2004, 3, 9), None),
        ("Shah Mahmood Qureshi", "foreign minister", date(2018, 8, 20), date(2022, 4, 10)),
        ("Moeed Yusuf", "national security adviser", date(2021, 5, 17), date(2022, 4, 10)),
        ("Nikolai Patrushev", "security council secretary", date(2008, 5, 12), date(2024, 5, 14)),
        ("Qamar Javed Bajwa", "army chief", date(2016, 11, 29), date(2022, 11, 29)),
        # The Pope is the Holy See's head of state (VAT), as the event gold codes him.
        ("Pope Francis", "monarch", date(2013, 3, 13), date(2025, 4, 21)),
    ],
)
def test_kb_terms_of_the_brief(name: str, role: str, start: date, end: date | None) -> None:
    person = _person(shipped_kb(), name)
    assert any((t.role, t.start, t.end) == (role, start, end) for t in person.terms)


def test_kb_terms_take_country_and_sector_defaults() -> None:
    kb = shipped_kb()
    bajwa = _person(kb, "Qamar Javed Bajwa")
    assert (bajwa.terms[0].country, bajwa.terms[0].sector) == ("PAK", "MIL")
    guterres = _person(kb, "António Guterres")
    assert {t.country for t in guterres.terms} == {"PRT", "UN"}
    assert _person(kb, "Shah Mehmood Qureshi").surname == "Qureshi"
    assert _person(kb, "Xi Jinping").surname == "Xi"


def test_kb_every_term_is_well_formed() -> None:
    kb = shipped_kb()
    roles = dict(kb.roles)
    codes = {a.code for a in kb.actors}
    for person in kb.people:
        for term in person.terms:
            assert term.end is None or term.start <= term.end, person.names[0]
            assert term.role in roles and term.country in codes and term.sector in ("GOV", "MIL")


def test_kb_shipped_part_is_parsed_once() -> None:
    assert shipped_kb() is shipped_kb()
    assert load_kb(None) is shipped_kb()


def test_kb_places_and_groups_resolve_to_their_state(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
actors:
  - {code: ZZL, name: Zembla, places: [Radugovo], groups: [Shadows]}
""",
    )
    kb = load_kb(path)
    assert (kb.actor("ZZL").places, kb.actor("ZZL").groups) == (("Radugovo",), ("Shadows",))
    mentions = ActorResolver.build(kb).find_mentions("The Shadows shelled Radugovo.")
    assert [(m.text, m.code) for m in mentions] == [("Shadows", "ZZL"), ("Radugovo", "ZZL")]


def test_kb_user_file_adds_actors_people_and_names(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
actors:
  - {code: ZZL, name: Zembla, demonyms: [Zemblan], capitals: [Onhava]}
extend:
  - {code: PAK, aliases: [Land of the Pure]}
people:
  - names: [Charles Kinbote]
    country: ZZL
    terms: [{role: monarch, start: 1950-01-01, end: null}]
""",
    )
    kb = load_kb(path)
    assert kb.actor("ZZL").demonyms == ("Zemblan",)
    assert "Land of the Pure" in kb.actor("PAK").aliases
    assert _person(kb, "Charles Kinbote").terms[0].sector == "GOV"
    assert str(path) in kb.sources
    assert "Land of the Pure" not in shipped_kb().actor("PAK").aliases


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("actors:\n  - {code: ZZL, name: Zembla, demonym: [Zemblan]}\n", "unknown key"),
        ("actors:\n  - {code: PAK, name: Pakistan Again}\n", "duplicate code"),
        ("actors:\n  - {code: zz, name: Lower}\n", "upper-case"),
        ("actors:\n  - {code: ZZL, name: Zembla, kind: empire}\n", "kind"),
        ("actors:\n  - {code: ZZL, name: Zembla, successor: ZZZ}\n", "unknown successor"),
        ("actors:\n  - {code: ZZL, name: Zembla, aliases: [Pakistan]}\n", "already stands for"),
        ("actors:\n  - {code: ZZL}\n", "missing"),
        ("extend:\n  - {code: ZZZ, aliases: [Nowhere]}\n", "unknown actor code"),
        (
            "people:\n  - {names: [A B], country: PAQ, "
            "terms: [{role: president, start: 2000-01-01, end: null}]}\n",
            "unknown country code 'PAQ'",
        ),
        (
            "people:\n  - {names: [A B], country: PAK, "
            "terms: [{role: emperor, start: 2000-01-01, end: null}]}\n",
            "unknown role",
        ),
        (
            "people:\n  - {names: [A B], country: PAK, "
            "terms: [{role: president, start: 2000-02-30, end: null}]}\n",
            "not valid YAML",
        ),
        (
            "people:\n  - {names: [A B], country: PAK, "
            "terms: [{role: president, start: yesterday, end: null}]}\n",
            "must be a date",
        ),
        (
            "people:\n  - {names: [A B], country: PAK, "
            "terms: [{role: president, start: 2001-01-01, end: 2000-01-01}]}\n",
            "before start",
        ),
        (
            "people:\n  - {names: [A B], country: PAK, "
            "terms: [{role: president, start: 2001-01-01}]}\n",
            "missing 'end'",
        ),
        ("people:\n  - {names: [A B], country: PAK, terms: []}\n", "missing"),
        ("titles:\n  - {text: [Tsar], roles: [tsar]}\n", "unknown role"),
        ("roles: {president: MIL}\n", "redefined"),
        ("countries: []\n", "unknown top-level key"),
        ("- just a list\n", "expected a mapping"),
        ("actors: [unclosed\n", "not valid YAML"),
    ],
)
def test_kb_broken_user_file_names_file_and_entry(tmp_path: Path, text: str, fragment: str) -> None:
    path = _write(tmp_path, text, "broken_actors.yaml")
    with pytest.raises(ResourceInvalid) as caught:
        load_kb(path)
    message = str(caught.value)
    assert "broken_actors.yaml" in message
    assert fragment in message


def test_kb_error_names_the_entry(tmp_path: Path) -> None:
    text = "people:\n  - {names: [Ann Other], country: PAQ, terms: []}\n"
    with pytest.raises(ResourceInvalid, match=r"people\[0\] \(Ann Other\)"):
        load_kb(_write(tmp_path, text))


def test_kb_missing_user_file_is_resource_invalid(tmp_path: Path) -> None:
    with pytest.raises(ResourceInvalid, match=r"nothing\.yaml"):
        load_kb(tmp_path / "nothing.yaml")


def test_kb_empty_user_file_changes_nothing(tmp_path: Path) -> None:
    kb = load_kb(_write(tmp_path, ""))
    assert len(kb.actors) == len(shipped_kb().actors)


@given(
    start=st.dates(date(1900, 1, 1), date(2100, 1, 1)),
    length=st.integers(-3000, 3000),
)
def test_kb_term_dates_validate_iff_ordered(start: date, length: int) -> None:
    end = start + timedelta(days=length)
    text = (
        f"people:\n  - {{names: [A B], country: PAK, "
        f"terms: [{{role: president, start: {start}, end: {end}}}]}}\n"
    )
    if length < 0:
        with pytest.raises(ResourceInvalid, match="before start"):
            parse_file("prop.yaml", text)
    else:
        part = parse_file("prop.yaml", text)
        term = part.people[0][1].terms[0]
        assert (term.start, term.end) == (start, end)
        assert term.active(start) and term.active(end)
        assert not term.active(start - timedelta(days=1))
