from __future__ import annotations

import pytest

from bilat.ingest import rules


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Share this article", "share bar"),
        ("Facebook Twitter WhatsApp Email", "share bar"),
        ("Print Bookmark", "share bar"),
        ("Share on X", "share bar"),
        ("Like this story? Share it with a friend!", "share bar"),
        ("Read more: Why the summit failed", "link line"),
        ("ALSO READ | Talks stall in Doha", "link line"),
        ("Related: Ten years of the corridor", "link line"),
        ("See also - The pipeline deal", "link line"),
        ("Also on example.com Ministers meet again", "link line"),
        ("Latest news", "navigation"),
        ("You may also like...", "navigation"),
        ("Tags: Russia, Pakistan, Energy", "navigation"),
        ("Home > World > Asia", "navigation"),
        ("Skip to main content", "navigation"),
        ("Support our journalism today.", "appeal"),
        ("Would you support us?", "appeal"),
        ("Please consider a donation: donate now to keep us going.", "appeal"),
        ("For more information or to subscribe to our alerts send an email to", "appeal"),
        ("Sign up for our daily newsletter.", "appeal"),
        ("Get the magazine delivered through your letterbox every month.", "appeal"),
        ("We are an independent newsroom and our reporting depends on your support.", "appeal"),
        ("Photo Source: Dawn", "photo credit"),
        ("Photo: AFP", "photo credit"),
        ("(Image credit: Reuters)", "photo credit"),
        ("Soldiers at the border post. / Getty Images", "photo credit"),
        ("December 2023 | CWA # 1189", "sidebar"),
        ("GP # 23", "sidebar"),
        ("Jane Doe | Jane Doe is a Research Associate at the Institute.", "sidebar"),
        ("The author is a former ambassador to Moscow.", "author bio"),
        ("The views expressed in this article are the author's own.", "author bio"),
        ("He can be reached at the institute.", "author bio"),
        ("This article was originally published by Example Review.", "republication note"),
        ("*Note: The note was first published in the weekly brief", "republication note"),
        ("© 2024 Example Media. All rights reserved.", "copyright"),
        ("Copyright Example Group 2021", "copyright"),
        ("Privacy Policy", "copyright"),
        ("12 comments", "comments"),
        ("Leave a comment", "comments"),
        ("Tell us what you think...", "comments"),
    ],
)
def test_rule_names_furniture(line: str, rule: str) -> None:
    assert rules.boilerplate_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "Pakistan refused to subscribe to the American view of the war.",
        "China's donation of vaccines reached Islamabad in February.",
        '"Our journalists were detained at the border," the agency said.',
        "Russia said it would support the proposal at the United Nations.",
        "Print media in both countries covered the visit widely.",
        "The share of Russian arms in Pakistan's imports rose to 5 percent.",
        "Read the fine print before signing any energy deal, the minister warned.",
        "Both countries have gradually made progress in the areas of energy and defence",
        "The recent warming of ties",
        "What does this tell about global political dynamics?",
        "Email and social media campaigns were used by both sides.",
        "The photo opportunity was carefully staged by both delegations.",
        "Imran Khan is a former cricketer who became prime minister in 2018.",
        "Watch-list of sanctioned firms grows",
        "The views expressed at the summit differed sharply.",
        "The study, first published in 2019 by the institute, found trade had doubled.",
        "Under the terms of service agreements signed in 2015, Russia supplies the parts.",
    ],
)
def test_rule_leaves_article_lines(line: str) -> None:
    assert rules.boilerplate_rule(line) is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("BY Jane Q. Doe, Reuters", "Jane Q. Doe"),
        ("  Abigail Miriam Fernandez".strip(), "Abigail Miriam Fernandez"),
        ("Saud bin Ahsen", "Saud bin Ahsen"),
    ],
)
def test_byline_name_reads_person(line: str, name: str) -> None:
    assert rules.byline_name(line) == name


@pytest.mark.parametrize(
    "line", ["Pakistan Reader", "NIAS Africa Team", "Deepening ties", "By the way, talks resumed"]
)
def test_byline_name_ignores_non_person(line: str) -> None:
    assert rules.byline_name(line) is None


def test_author_bio_needs_a_role() -> None:
    assert rules.is_author_bio("Jane Doe is a research associate at the Centre for Studies.")
    assert rules.is_author_bio("John Smith is a freelancer.")
    assert not rules.is_author_bio("Vladimir Putin is the president of Russia.")


def test_bio_name_reads_the_person() -> None:
    assert rules.bio_name("Jane Doe is a freelancer. She writes on Asia.") == "Jane Doe"


def test_citation_shape() -> None:
    assert rules.is_citation('Jane Doe, "Talks in Moscow," Dawn, 2 December 2021')
    assert rules.is_citation("Talks resume,” Example Times, 30 September 2021")
    assert not rules.is_citation("Talks resume in Moscow")


def test_title_and_sentence_shapes() -> None:
    assert rules.is_title_like("Deepening Pakistan-Russia ties")
    assert not rules.is_title_like("The talks ended.")
    assert rules.is_sentence('He said "yes."')
    assert not rules.is_sentence("A heading without a stop")


def test_sidebar_marker() -> None:
    assert rules.is_sidebar_marker("March 2024 | CWA # 1251")
    assert rules.is_sidebar_marker("November 2022 | Issue 838")
    assert not rules.is_sidebar_marker("In March 2024 the talks resumed in Moscow.")
