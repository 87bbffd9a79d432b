"""ActorResolver: lookup by name or code, and actor mentions in raw text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.errors import ResourceInvalid, UnknownActor
from bilat.nlp.actors import ActorResolver
from bilat.records import Mention

SEEDS = Path(__file__).resolve().parents[4].parent / "shared" / "seeds"
R = ActorResolver.load()
CODES = tuple(a.code for a in R.kb.actors)
NAMES = tuple(
    (a.code, name)
    for a in R.kb.actors
    for name in (
        *(a.name, *a.aliases, *a.demonyms, *a.capitals, *a.places, *a.groups),
        *(s.name for s in a.seats),
    )
)


def found(text: str, when: date | None = None) -> list[tuple[str, str, str | None]]:
    """(text, code, sector) of each mention."""
    out = []
    for m in R.find_mentions(text, when):
        assert m.actor is not None
        out.append((m.text, m.actor.code, m.actor.sector))
    return out


def codes(text: str, when: date | None = None) -> list[str]:
    return [code for _, code, _ in found(text, when)]


# --- load and lookup ---------------------------------------------------------------


def test_resolver_load_is_cached() -> None:
    assert ActorResolver.load() is ActorResolver.load()


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Pakistan", "PAK"),
        ("pak", "PAK"),
        ("PAK", "PAK"),
        ("Russia", "RUS"),
        ("  the  United States ", "USA"),
        ("Soviet Union", "SUN"),
        ("Cote d’Ivoire", "CIV"),
        ("world bank", "WB"),
        ("Kremlin", "RUS"),
        ("The Hague", "NLD"),
    ],
)
def test_resolver_lookup(query: str, code: str) -> None:
    actor = R.lookup(query)
    assert actor.code == code
    assert actor.name == R.kb.actor(code).name


def test_resolver_lookup_unknown_suggests_close_names() -> None:
    with pytest.raises(UnknownActor, match=r"did you mean Pakistan \(PAK\)"):
        R.lookup("Pakistn")
    with pytest.raises(UnknownActor, match="Xyzzy"):
        R.lookup("Xyzzy")


@given(st.sampled_from(CODES), st.sampled_from([str.lower, str.upper, str.title]))
def test_resolver_lookup_round_trips_every_code(code: str, case: object) -> None:
    assert callable(case)
    assert R.lookup(case(code)).code == code


def test_resolver_every_kb_name_resolves_to_its_own_code() -> None:
    for code, name in NAMES:
        actor = R.resolve(name)
        assert actor is not None and actor.code == code, name
        assert R.lookup(name).code == code, name


def test_resolver_actors_lists_every_code_once() -> None:
    listed = [a.code for a in R.actors()]
    assert len(listed) == len(set(listed)) == len(CODES)


def test_resolver_resolve_one_phrase() -> None:
    assert R.resolve("the Pakistani army chief") == R.actor("PAK", "MIL")
    assert R.resolve("PAK") == R.actor("PAK")
    assert R.resolve("the two countries") is None
    assert R.resolve("both sides") is None
    assert R.resolve("") is None


# --- countries, compounds, possessives ---------------------------------------------


def test_resolver_possessives_drop_the_s() -> None:
    assert found("Pakistan's policy and Russia’s role") == [
        ("Pakistan", "PAK", None),
        ("Russia", "RUS", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pak-Russia relations", ["PAK", "RUS"]),
        ("Pakistan-Russia ties", ["PAK", "RUS"]),
        ("US-India partnership", ["USA", "IND"]),
        ("Russia-Pakistan JMCC", ["RUS", "PAK"]),
        ("the Indo-Pak conflict", ["IND", "PAK"]),
        ("the Indo–Pakistan War", ["IND", "PAK"]),
        ("the growing U.S.- India partnership", ["USA", "IND"]),
        ("Sino-Indian border", ["CHN", "IND"]),
        ("Moscow-Islamabad partnership", ["RUS", "PAK"]),
    ],
)
def test_resolver_compounds_give_two_mentions(text: str, expected: list[str]) -> None:
    mentions = R.find_mentions(text)
    assert [m.code for m in mentions] == expected
    assert mentions[0].end < mentions[1].start


def test_resolver_prefix_alone_is_not_a_mention() -> None:
    assert codes("Sino and Indo are prefixes; Franco ruled Spain") == ["ESP"]
    assert found("the Pak Army") == [("Pak", "PAK", "MIL")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Moscow said", "RUS"),
        ("talks in Islamabad", "PAK"),
        ("Washington and Beijing", "USA"),
        ("New Delhi", "IND"),
        ("Kabul", "AFG"),
        ("Tehran", "IRN"),
        ("Pakistani", "PAK"),
        ("the Americans withdrew", "USA"),
        ("British", "GBR"),
        ("Afghan", "AFG"),
        ("Great Britain", "GBR"),
        ("America", "USA"),
        ("Russian Federation", "RUS"),
        ("East Pakistan", "PAK"),
        ("the Soviets", "SUN"),
        ("PAKISTAN", "PAK"),
        ("Erdogan", "TUR"),
        ("Türkiye", "TUR"),
        ("the Emirates and Oman signed", "ARE"),
        ("Kampuchean refugees", "KHM"),
        ("Zairean soldiers", "COD"),
        ("Rhodesian forces", "ZWE"),
        ("settlers in East Jerusalem", "PSE"),
        ("talks in Katmandu", "NPL"),
    ],
)
def test_resolver_names_capitals_demonyms(text: str, code: str) -> None:
    assert codes(text, date(2020, 1, 1))[:1] == [code]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("rockets hit Kirkuk", "IRQ"),
        ("a ceasefire in the Gaza Strip", "PSE"),
        ("Hamas said", "PSE"),
        ("the Taliban attacked", "AFG"),
        ("shelling in Donetsk", "UKR"),
        ("Boko Haram fighters", "NGA"),
    ],
)
def test_resolver_places_and_armed_groups_stand_for_their_state(text: str, code: str) -> None:
    assert codes(text, date(2020, 1, 1)) == [code]


def test_resolver_capitals_in_brackets_abbreviate_the_name_before_them() -> None:
    assert codes("AKK said") == ["DEU"]
    assert codes("the Kenya Farmers Association (AKK) said") == ["KEN"]


def test_resolver_a_people_of_a_state_is_that_states() -> None:
    assert found("Bosnian Serbs demanded a truce") == [("Bosnian Serbs", "BIH", None)]
    assert codes("Turkish Cypriots voted") == ["CYP"]


def test_resolver_seats_and_services_carry_sectors() -> None:
    text = "the Kremlin, the White House, the Pentagon, Downing Street, Foggy Bottom, GHQ"
    assert [(c, s) for _, c, s in found(text)] == [
        ("RUS", "GOV"),
        ("USA", "GOV"),
        ("USA", "MIL"),
        ("GBR", "GOV"),
        ("USA", "GOV"),
        ("PAK", "MIL"),
    ]
    assert found("the US State Department") == [("US State Department", "USA", "GOV")]


def test_resolver_igos() -> None:
    text = "the UN, the SCO, NATO, the Shanghai Cooperation Organisation, the EEU and G-20"
    assert codes(text) == ["UN", "SCO", "NATO", "SCO", "EAEU", "G20"]
    assert codes("the UN Security Council") == ["UNSC"]


# --- sectors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Pakistan Army", ("Pakistan", "PAK", "MIL")),
        ("the Russian military", ("Russian", "RUS", "MIL")),
        ("Russian troops", ("Russian", "RUS", "MIL")),
        ("the Pakistani army chief", ("Pakistani", "PAK", "MIL")),
        ("Pakistani officials", ("Pakistani", "PAK", "GOV")),
        ("the Russian foreign minister", ("Russian", "RUS", "GOV")),
        ("Russian national security advisers met", ("Russian", "RUS", "GOV")),
        ("Pakistan’s Defence Secretary", ("Pakistan", "PAK", "MIL")),
        ("Russia’s Deputy Defence Minister", ("Russia", "RUS", "MIL")),
        ("the government of Pakistan", ("Pakistan", "PAK", "GOV")),
        ("Russian companies", ("Russian", "RUS", None)),
    ],
)
def test_resolver_sector_from_office(text: str, expected: tuple[str, str, str | None]) -> None:
    assert found(text) == [expected]


# --- persons -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "when", "expected"),
    [
        ("Russian Foreign Minister Sergey Lavrov’s visit", date(2021, 4, 7), "RUS"),
        ("Prime Minister Imran Khan", date(2021, 1, 1), "PAK"),
        ("PM Khan’s visit", date(2022, 2, 1), "PAK"),
        ("President Putin", date(2021, 9, 1), "RUS"),
        ("Foreign Minister Shah Mahmood Qureshi", date(2021, 4, 7), "PAK"),
        ("National Security Adviser Dr Moeed Yusuf", date(2021, 12, 1), "PAK"),
        ("Secretary of the Security Council of Russia Nikolai Patrushev", date(2021, 12, 1), "RUS"),
        ("Russian President Vladimir Putin", date(2021, 1, 1), "RUS"),
        ("U.S. President Donald Trump", date(2018, 1, 1), "USA"),
        ("Pres. Richard Nixon", date(2022, 1, 1), "USA"),
        ("PM IK", date(2022, 1, 1), "PAK"),
        ("Russia's Putin", date(2021, 9, 14), "RUS"),
    ],
)
def test_resolver_titled_person_is_one_mention(text: str, when: date, expected: str) -> None:
    phrase = text.removesuffix("’s visit")
    assert found(text, when) == [(phrase, expected, "GOV")]


def test_resolver_titled_soldier_is_mil() -> None:
    assert found("General Qamar Javed Bajwa visited", date(2018, 4, 1)) == [
        ("General Qamar Javed Bajwa", "PAK", "MIL")
    ]


def test_resolver_title_with_nationality_and_unknown_name() -> None:
    text = "Russian Deputy Foreign Minister Igor Morgulov said"
    assert found(text) == [("Russian Deputy Foreign Minister Igor Morgulov", "RUS", "GOV")]
    text = "then Deputy Minister for Foreign Affairs of the USSR Andrei A. Gromyko"
    assert found(text) == [(text.removeprefix("then "), "SUN", "GOV")]


def test_resolver_bare_names_need_office_on_the_date() -> None:
    when = date(2021, 12, 1)
    assert codes("Vladimir Putin and Sergey Lavrov", when) == ["RUS", "RUS"]
    assert codes("Lavrov, Patrushev and Putin", when) == ["RUS", "RUS", "RUS"]
    assert codes("Sergey Lavrov", date(2003, 1, 1)) == []
    assert codes("Vladimir Putin", date(1995, 1, 1)) == []
    assert codes("Vladimir Putin", None) == ["RUS"]


@pytest.mark.parametrize(
    ("when", "resolves"),
    [
        (date(2018, 8, 17), False),
        (date(2018, 8, 18), True),
        (date(2020, 1, 1), True),
        (date(2022, 4, 10), True),
        (date(2022, 4, 11), False),
    ],
)
def test_resolver_office_term_boundaries(when: date, resolves: bool) -> None:
    assert codes("Imran Khan said", when) == (["PAK"] if resolves else [])


def test_resolver_titled_person_out_of_office_keeps_nationality() -> None:
    assert codes("Prime Minister Imran Khan", date(2023, 1, 1)) == ["PAK"]
    assert codes("former Prime Minister Nawaz Sharif", date(2023, 1, 1)) == ["PAK"]


def test_resolver_common_surnames_or_ones_shared_across_countries_need_a_title() -> None:
    assert codes("Khan said", date(2020, 1, 1)) == []
    assert codes("Mr Khan said", date(2020, 1, 1)) == []
    assert codes("PM Khan said", date(2020, 1, 1)) == ["PAK"]
    assert codes("Bush said", None) == ["USA"]  # two presidents Bush, one country
    assert codes("Bush said", date(2002, 1, 1)) == ["USA"]
    assert codes("Johnson said", None) == []  # a British and an American Johnson


def test_resolver_surname_inside_an_unknown_name_is_not_a_person() -> None:
    assert codes("the analyst Tom Putin wrote", date(2021, 1, 1)) == []


# --- false positives -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "let us go in May; IN and may",
        "US$ 2 billion",
        "the Indian Ocean",
        "New York and New Mexico",
        "the Central Asian Republics",
        "the Indo-Pacific",
        "the two countries and both sides",
        "fans of Michael Jordan",
        "he moved to Marietta, Georgia",
        "the drummer Chad Smith",
        "the Washington Post reported",
        "the Pakistan Reader",
        "a turkey dinner",
        "fighting by the Islamic State in Iraq and the Levant",
        "al-Qaeda in the Arabian Peninsula claimed it",
    ],
)
def test_resolver_no_false_positives(text: str) -> None:
    assert found(text) == []


def test_resolver_guarded_names_still_resolve_alone() -> None:
    assert codes("Georgia and Jordan signed; Chad abstained; Turkey agreed") == [
        "GEO",
        "JOR",
        "TCD",
        "TUR",
    ]


# --- properties and the seeds ----------------------------------------------------------

WORDS = st.sampled_from(
    [n for _, n in NAMES[::7]]
    + ["PM", "Prime Minister", "President", "Imran Khan", "Putin", "Lavrov", "Khan", "Pak"]
    + ["-", "–", "’s", "'s", ",", ".", "\n", "\n\n", " ", "the", "and", "us", "US$", "army"]
)


@settings(max_examples=200)
@given(st.lists(WORDS, max_size=30).map(" ".join), st.sampled_from([None, date(2021, 6, 1)]))
def test_resolver_offsets_slice_back_to_the_text(text: str, when: date | None) -> None:
    mentions = R.find_mentions(text, when)
    previous_end = 0
    for m in mentions:
        assert isinstance(m, Mention) and m.actor is not None
        assert text[m.start : m.end] == m.text
        assert m.start >= previous_end and m.start < m.end
        previous_end = m.end


@given(st.text(max_size=200))
def test_resolver_any_text_is_safe(text: str) -> None:
    for m in R.find_mentions(text):
        assert text[m.start : m.end] == m.text


def test_resolver_user_file_extends_the_kb(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "actors:\n  - {code: ZZL, name: Zembla, demonyms: [Zemblan]}\n"
        "people:\n  - names: [Charles Kinbote]\n    country: ZZL\n"
        "    terms: [{role: monarch, start: 1950-01-01, end: null}]\n",
        encoding="utf-8",
    )
    mine = ActorResolver.load(path)
    assert [m.code for m in mine.find_mentions("Zemblan troops and Charles Kinbote")] == [
        "ZZL",
        "ZZL",
    ]
    assert mine.lookup("zembla").code == "ZZL"
    with pytest.raises(UnknownActor):
        R.lookup("Zembla")
    path.write_text("actors: [{code: PAK, name: Again}]\n", encoding="utf-8")
    with pytest.raises(ResourceInvalid, match=r"mine\.yaml"):
        ActorResolver.load(path)


def test_resolver_user_file_is_built_once_per_version_of_it(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("actors:\n  - {code: ZZL, name: Zembla}\n", encoding="utf-8")
    first = ActorResolver.load(path)
    assert ActorResolver.load(path) is first  # a server's requests share it
    path.write_text("actors:\n  - {code: ZZL, name: Zembla, aliases: [Land of Z]}\n")
    changed = ActorResolver.load(path)
    assert changed is not first
    assert changed.lookup("land of z").code == "ZZL"
    with pytest.raises(ResourceInvalid, match=r"gone\.yaml"):
        ActorResolver.load(tmp_path / "gone.yaml")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
def test_resolver_seed_articles_are_read_soundly() -> None:
    # Speed is measured by `bilat bench`, not asserted here: tests never time themselves.
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        mentions = R.find_mentions(text, date(2022, 2, 20))
        assert all(text[m.start : m.end] == m.text for m in mentions)
        assert {"PAK", "RUS"} <= {m.code for m in mentions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NATO-member Denmark objected", ["DNK"]),
        ("EU member state Cyprus objected", ["CYP"]),
        ("the EU and Cyprus objected", ["EU", "CYP"]),
    ],
)
def test_an_organisation_named_only_as_what_a_state_belongs_to_is_no_actor(
    text: str, expected: list[str]
) -> None:
    assert codes(text) == expected


def test_a_name_after_anti_is_what_the_actor_opposes() -> None:
    assert codes("An anti-Chile rally marched through Lima.") == ["PER"]
    assert codes("Anti-Mexican slogans were heard in Austin, Texas.") == ["USA"]
    assert codes("The counter-Iran coalition met in Riyadh.") == ["SAU"]
    assert codes("Pro-Chile marchers reached Lima.") == ["CHL", "PER"]


def test_a_known_person_named_in_full_is_known_by_the_last_word_after() -> None:
    found = R.find_mentions(
        "Pope Francis departs from Rome. Francis will then visit the US.", date(2015, 9, 19)
    )
    assert [(m.text, m.code) for m in found if m.code == "VAT"] == [
        ("Pope Francis", "VAT"),
        ("Francis", "VAT"),
    ]
    # not before the full name
    alone = R.find_mentions("Francis will visit the US.", date(2015, 9, 19))
    assert all(m.code != "VAT" for m in alone)
