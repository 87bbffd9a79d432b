from __future__ import annotations

import re
from pathlib import Path

import pytest

from bilat.ingest.boilerplate import clean_text, strip_lines, word_count

PARA_1 = (
    "Pakistan and Russia held talks in Moscow on regional security, and the two sides agreed "
    "to expand cooperation in energy and defence over the coming years."
)
PARA_2 = (
    "Officials said the next round would take place in Islamabad, where ministers are expected "
    "to sign an agreement on the gas pipeline that has been delayed since 2015."
)
PARA_3 = (
    "Analysts in both capitals described the talks as a sign that the relationship, long "
    "shaped by the Cold War, has entered a more pragmatic phase."
)


def _text(*lines: str) -> str:
    return "\n\n".join(lines)


def test_clean_text_lifts_title_and_byline() -> None:
    text = _text(
        "Site Name",
        "World News",
        "Talks in Moscow",
        "By Jane Doe",
        "A standfirst that sums up the piece without a full stop",
        PARA_1,
        PARA_2,
    )
    cleaned = clean_text(text)
    assert cleaned.title == "Talks in Moscow"
    assert cleaned.author == "Jane Doe"
    assert cleaned.body.startswith("A standfirst")
    assert "Site Name" not in cleaned.body
    assert "World News" not in cleaned.body
    assert cleaned.removed_lines == 2


def test_clean_text_title_without_byline() -> None:
    cleaned = clean_text(_text("Talks in Moscow", PARA_1, PARA_2))
    assert cleaned.title == "Talks in Moscow"
    assert cleaned.author is None
    assert cleaned.body == _text(PARA_1, PARA_2)
    assert cleaned.removed_lines == 0


def test_clean_text_keeps_text_without_title() -> None:
    cleaned = clean_text(_text(PARA_1, PARA_2))
    assert cleaned.title is None
    assert cleaned.body == _text(PARA_1, PARA_2)


def test_clean_text_keeps_section_headings() -> None:
    text = _text(PARA_1, "Energy first", PARA_2, "What comes next?", PARA_3)
    assert clean_text(text).body == text


def test_clean_text_drops_share_bars_and_links_mid_article() -> None:
    text = _text(
        PARA_1,
        "Share on Facebook",
        "Read more: Another story entirely",
        "Photo: Reuters",
        PARA_2,
        "ALSO READ | Yet another story",
        PARA_3,
    )
    cleaned = clean_text(text)
    assert cleaned.body == _text(PARA_1, PARA_2, PARA_3)
    assert cleaned.removed_lines == 4


def test_clean_text_cuts_everything_after_a_closing_bio() -> None:
    text = _text(
        PARA_1,
        PARA_2,
        PARA_3,
        "Jane Doe is a research associate at the Centre for Asian Studies.",
        "Imagine a world without reporters asking hard questions of the powerful in our "
        "capitals and beyond, every single day of the year, for every single reader out there.",
        "Latest news",
    )
    cleaned = clean_text(text)
    assert cleaned.body == _text(PARA_1, PARA_2, PARA_3)
    assert cleaned.author == "Jane Doe"
    assert cleaned.removed_lines == 3


def test_clean_text_cuts_after_the_end_marker() -> None:
    text = _text(PARA_1, PARA_2, PARA_3[:-1] + " (The End).", "Something unrelated here.")
    body = clean_text(text).body
    assert "(The End)" not in body
    assert "unrelated" not in body
    assert body.endswith("pragmatic phase.")


def test_clean_text_drops_sidebar_list_after_article() -> None:
    text = _text(
        PARA_1,
        PARA_2,
        PARA_3,
        "Print Bookmark",
        "Europe in Focus",
        "March 2024 | XYZ # 1251",
        "Team Europe",
        "Africa This Week",
        "February 2024 | XYZ # 1226",
    )
    assert clean_text(text).body == _text(PARA_1, PARA_2, PARA_3)


def test_clean_text_drops_headline_list_without_markers_after_article() -> None:
    text = _text(PARA_1, PARA_2, "Other story one", "Other story two", "Other story three")
    assert clean_text(text).body == _text(PARA_1, PARA_2)


def test_clean_text_keeps_short_closing_sentence_and_citations() -> None:
    text = _text(
        PARA_1,
        PARA_2,
        "The talks resume in May.",
        'Jane Doe, "Pakistan and Russia talk energy," Dawn, 2 December 2021',
        "Share this article",
        "A last line of page furniture.",
    )
    body = clean_text(text).body
    assert "The talks resume in May." in body
    assert "2 December 2021" in body
    assert "furniture" not in body


def test_clean_text_drops_sidebar_run_mid_text() -> None:
    text = _text(
        PARA_1,
        "Other story one",
        "May 2023 | GP # 23",
        "Other story two",
        PARA_2,
        PARA_3,
    )
    assert clean_text(text).body == _text(PARA_1, PARA_2, PARA_3)


def test_clean_text_of_only_furniture_is_empty() -> None:
    cleaned = clean_text("Share this article\nRead more: x\n\nLatest news")
    assert cleaned.body == ""
    assert cleaned.removed_lines == 3


def test_strip_lines_keeps_unnamed_lines() -> None:
    text = "Intro\nRead more: elsewhere\nA short closing line\nPrint"
    cleaned = strip_lines(text)
    assert cleaned.body == "Intro\n\nA short closing line"
    assert cleaned.removed_lines == 2


def test_word_count_ignores_numbers_and_punctuation() -> None:
    assert word_count("In 2021, aid rose 5% - to 20 million.") == 5


_END = re.compile(r"\s*\(The End\)")

# The two seed articles: every line is either boilerplate (listed by its opening)
# or article text, which must survive whole.
SEED_CASES = {
    "000_54402ba653fe677c.txt": {
        "title": "Pakistan–Russia: New Entente Cordiale",
        "author": "Saud Bin Ahsen",
        "boilerplate": (
            "Read more:",
            "Saud Bin Ahsen is a freelancer",
            "HOLD ON!",
            "Imagine a media landscape",
            "The type of journalism",
            "We stand free",
            "Latest news",
        ),
    },
    "004_11de32dacf5df8ab.txt": {
        "title": "Deepening Pakistan-Russia ties",
        "author": "Abigail Miriam Fernandez",
        "boilerplate": (
            "Pakistan Reader",
            "Photo Source",
            "NIAS Course",
            "National Institute of Advanced Studies",
            "Indian Institute of Science",
            "For any further information",
            "*Note:",
            "Print Bookmark",
            # the sidebar of other articles, to the end of the file
            "March 2024",
            "NIAS Africa Team",
            "Africa This Week",
            "February 2024",
            "December 2023",
            "Hoimi Mukherjee",
            "Chile in 2023",
            "Aprajita Kashyap",
            "Haiti in 2023",
            "Binod Khanal",
            "The Baltic",
            "Padmashree Anandhan",
            "Germany in 2023",
            "Ashok Alex Luke",
            "China and South Asia",
            "Annem Naga",
            "China and East Asia",
            "October 2023",
            "Issues for Europe",
            "July 2023",
            "Bibhu Prasad Routray",
            "Myanmar continues",
            "December 2022",
            "The Ukraine War",
            "November 2022",
            "Rishma Banerjee",
            "Tracing Europe",
            "March 2022",
            "In Focus: Libya",
            "December 2021 |",
            "GP Team",
            "Europe in 2021",
        ),
    },
}


@pytest.mark.parametrize("name", sorted(SEED_CASES))
def test_seed_boilerplate_removed_and_article_kept(seeds: Path, name: str) -> None:
    path = seeds / name
    if not path.is_file():
        pytest.skip(f"{name} is not in ../shared/seeds")
    case = SEED_CASES[name]
    text = path.read_text(encoding="utf-8")
    cleaned = clean_text(text)
    assert cleaned.title == case["title"]
    assert cleaned.author == case["author"]
    body_lines = set(cleaned.body.split("\n\n"))
    boilerplate = case["boilerplate"]
    for raw in text.splitlines():
        line = _END.sub("", raw.strip())
        if not line or line in (cleaned.title, case["author"]):
            continue
        if line.startswith(boilerplate):
            assert line not in body_lines, f"boilerplate survived: {line!r}"
            if len(line) > 40:
                assert line[:40] not in cleaned.body, f"boilerplate survived: {line!r}"
        else:
            assert line in body_lines, f"article line lost: {line!r}"


def test_seed_000_section_headings_kept(seeds: Path) -> None:
    path = seeds / "000_54402ba653fe677c.txt"
    if not path.is_file():
        pytest.skip("seed 000 missing")
    body = clean_text(path.read_text(encoding="utf-8")).body
    for heading in (
        "What does this tell about global political dynamics?",
        "Looking back at the excerpts from history",
        "Both countries have gradually made progress in the areas of energy and defence",
    ):
        assert f"\n\n{heading}\n\n" in body
    assert "(The End)" not in body


def test_clean_text_keeps_news_that_looks_like_a_bio() -> None:
    text = _text(
        PARA_1,
        "Imran Khan visited Moscow in February, the first such visit in twenty-three years.",
        PARA_2,
        "Imran Khan is a former cricketer who became prime minister in 2018.",
        PARA_3,
    )
    assert clean_text(text).body == text


def test_clean_text_keeps_news_that_looks_like_a_disclaimer() -> None:
    text = _text(
        PARA_1,
        PARA_2,
        "The views expressed at the summit differed sharply on sanctions and trade.",
        "The study, first published in 2019 by the institute, found trade had doubled.",
        PARA_3,
    )
    assert clean_text(text).body == text


def test_clean_text_drops_bio_of_author_named_in_byline() -> None:
    text = _text("Talks in Moscow", "By Jane Doe", PARA_1, PARA_2, PARA_3, _BIO)
    cleaned = clean_text(text)
    assert cleaned.author == "Jane Doe"
    assert cleaned.body == _text(PARA_1, PARA_2, PARA_3)


_BIO = "Jane Doe is a research associate at the Centre for Asian Studies."
