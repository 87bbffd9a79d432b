"""Cited briefs: content, sections, citations, escaping and determinism."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from bilat.article_info import ArticleInfo
from bilat.fuse import fuse
from bilat.records import (
    Actor,
    Amount,
    DateSpan,
    Event,
    EventCluster,
    EventType,
    Granularity,
    Status,
)
from bilat.report import Party, build_brief, render_html, render_markdown
from bilat.report.brief import describe
from factories import NAMES, article, day, event, month

PAK, RUS = Party("PAK", "Pakistan"), Party("RUS", "Russia")

JMCC_A = (
    "Pakistan and Russia held the third round of the Joint Military Consultative Committee "
    "(JMCC) in Rawalpindi on 30 September 2021."
)
JMCC_B = (
    "The third meeting of the Pakistan-Russia JMCC took place at GHQ Rawalpindi on "
    "September 30, 2021, discussing defence cooperation."
)
SCRIPT = "Russia delivered <script>alert(1)</script> 50,000 doses of Sputnik V to Pakistan."
VISIT = "Putin is expected to visit Islamabad next year, officials said."
PIPELINE = "Russia proposed building the Pakistan Stream gas pipeline."
DENIAL = "Pakistan denied that it had agreed to buy Russian fighter jets."


def _event(id_: str, sentence: str, article: str, type_: EventType, **fields: Any) -> Event:
    """A brief's event: symmetric (PAK-RUS) unless ``fields`` say otherwise."""
    fields.setdefault("symmetric", True)
    return event(type_, id_=id_, sentence=sentence, article=article, **fields)


def _events() -> list[Event]:
    return [
        _event("e1", JMCC_A, "a1", EventType.CONSULT, when=day(2021, 9, 30), intensity=2.5),
        _event(
            "e2",
            JMCC_B,
            "a2",
            EventType.CONSULT,
            when=day(2021, 9, 30),
            intensity=2.5,
            contexts=("military",),
        ),
        _event("e3", JMCC_A, "a3", EventType.CONSULT, when=day(2021, 9, 30), intensity=2.5),
        _event(
            "e4",
            SCRIPT,
            "a4",
            EventType.AID,
            when=month(2021, 4),
            source="RUS",
            target="PAK",
            symmetric=False,
            intensity=7.5,
            contexts=("health",),
            amounts=(Amount(Decimal(50000), "doses", "50,000 doses"),),
        ),
        _event("e5", VISIT, "a2", EventType.CONSULT, when=None, status=Status.PLANNED),
        _event(
            "e6",
            PIPELINE,
            "a4",
            EventType.COOPERATE,
            when=month(2021, 5),
            status=Status.PROPOSED,
            source="RUS",
            target="PAK",
            symmetric=False,
        ),
        _event("e7", DENIAL, "a1", EventType.AGREE, when=month(2022, 1), status=Status.DENIED),
        _event(
            "e8", JMCC_A, "a5", EventType.CONSULT, when=day(2021, 9, 30), source="IND", target="USA"
        ),
    ]


def _articles() -> dict[str, ArticleInfo]:
    wire = (
        "ISLAMABAD: " + JMCC_A + " The two sides discussed regional security, counter-terrorism "
        "cooperation, joint exercises and training exchanges between their armed forces."
    )
    bodies = {
        "a1": (wire, "Dawn", "https://dawn.example/jmcc"),
        "a2": ("Report. " + JMCC_B + " " + VISIT, "TASS", "javascript:alert(1)"),
        "a3": ("By Staff Reporter " + wire + " Read more", "Daily Times", None),
        "a4": (SCRIPT + " " + PIPELINE, "Geo <b>News</b>", "https://geo.example/a?b=1&c=<x>"),
        "a5": (JMCC_A, "The Hindu", None),
    }
    return {
        k: ArticleInfo.from_article(
            article(
                body,
                id_=k,
                title=f"Title {k}",
                publisher=publisher,
                url=url,
                published=day(2021, 10, int(k[1])),
            )
        )
        for k, (body, publisher, url) in bodies.items()
    }


def _clusters() -> list[EventCluster]:
    return fuse(_events(), _articles())


def _brief_md(clusters: list[EventCluster] | None = None) -> str:
    brief = build_brief(PAK, RUS, clusters or _clusters(), _articles())
    return render_markdown(brief)


def test_brief_sections_and_headline_figures() -> None:
    brief = build_brief(("PAK", "Pakistan"), Actor("RUS", "Russia"), _clusters(), _articles())
    assert (brief.a, brief.b) == (PAK, RUS)
    assert brief.events == 5  # the IND-USA meeting is not part of this dyad
    assert [i.cluster_id for i in brief.developments] == [
        c.id for c in _clusters() if c.lead.id in ("e4", "e1")
    ]
    assert [i.type for i in brief.developments] == [EventType.AID, EventType.CONSULT]
    assert [i.status for i in brief.planned] == [Status.PROPOSED, Status.PLANNED]
    assert [i.text for i in brief.denied] == ["Pakistan and Russia: agreement"]
    assert brief.hypothetical == ()
    assert brief.period == ("2021-04", "2021-09-30")
    assert brief.cooperation == 1.0
    assert brief.trend == "insufficient data"
    assert dict(brief.sectors) == {"health": 1, "military": 1}
    # a1 and its syndicated copy a3 are one source; a2 and a4 are the others.
    assert brief.sources == 3
    assert [s.copies for s in brief.source_list if s.copies] == [("a3",)]


def test_every_item_is_cited_with_its_own_sentence() -> None:
    brief = build_brief(PAK, RUS, _clusters(), _articles())
    numbers = {s.number for s in brief.source_list}
    sentences = {e.evidence.sentence for e in _events()}
    for item in (*brief.developments, *brief.planned, *brief.denied):
        assert item.citations
        for c in item.citations:
            assert c.number in numbers
            assert c.quote in sentences
    jmcc = brief.developments[1]
    # Two independent sources (a3 copies a1), two citations, each quoting its own article.
    assert [(c.article_id, c.quote) for c in jmcc.citations] == [("a1", JMCC_A), ("a2", JMCC_B)]
    assert len({c.number for c in jmcc.citations}) == 2


def test_every_development_line_in_markdown_has_a_citation() -> None:
    md = _brief_md()
    section = md.split("## Key developments")[1].split("## Planned and proposed")[0]
    lines = [line for line in section.splitlines() if line.startswith("- **")]
    assert len(lines) == 2
    assert all(re.search(r"\[\d+\]$", line) for line in lines)
    quotes = [line for line in section.splitlines() if line.startswith("    - [")]
    assert len(quotes) == 3


def test_planned_items_are_not_listed_under_developments() -> None:
    md = _brief_md()
    developments, rest = md.split("## Planned and proposed")
    assert "Putin is expected" not in developments
    assert "pipeline" not in developments
    planned = rest.split("## Denied")[0]
    assert "Putin is expected to visit Islamabad" in planned
    assert "Russia → Pakistan: material cooperation" in planned
    assert "**undated**" in planned
    assert "denied that it had agreed" in rest.split("## Denied")[1]


def test_markdown_is_deterministic() -> None:
    first = _brief_md()
    assert first == _brief_md()
    assert first == _brief_md(list(reversed(_clusters())))


def test_markdown_escapes_markup_in_article_text() -> None:
    md = _brief_md()
    assert "<script>" not in md
    assert r"\<script\>" in md
    assert "Geo \\<b\\>News\\</b\\>" in md
    assert "javascript:" not in md


def test_html_escapes_untrusted_text_and_loads_nothing() -> None:
    html = render_html(build_brief(PAK, RUS, _clusters(), _articles()))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Geo &lt;b&gt;News&lt;/b&gt;" in html
    assert 'href="javascript:' not in html
    assert 'href="https://dawn.example/jmcc"' in html
    assert "https://geo.example/a?b=1&amp;c=%3Cx%3E" in html
    for pattern in (r"<link\b", r"\ssrc=", r"@import", r"url\(", r"<script\b", r"<iframe\b"):
        assert not re.search(pattern, html), pattern
    assert "<svg" in html and "<rect" in html
    assert html.count('<a class="cite" href="#src-') >= 2 * len(
        build_brief(PAK, RUS, _clusters(), _articles()).developments
    )


def test_html_is_deterministic() -> None:
    brief = build_brief(PAK, RUS, _clusters(), _articles())
    assert render_html(brief) == render_html(build_brief(PAK, RUS, _clusters(), _articles()))


def test_drivers_from_mentions() -> None:
    mentions = {"e1": ("IND",), "e2": ("USA", "IND"), "e4": ("USA",), "e7": ("CHN",)}
    brief = build_brief(
        PAK,
        RUS,
        _clusters(),
        _articles(),
        mentions=mentions,
        all_events=_events(),
        names={"IND": "India", "USA": "United States"},
    )
    # USA is named around 2 of the 5 clusters (the JMCC meeting and the aid). IND and CHN
    # around one each (IND twice in one cluster, counted once), but IND is also an actor
    # elsewhere in the corpus, so it is less specific to this pair than CHN.
    assert [(d.code, d.name) for d in brief.drivers] == [
        ("USA", "United States"),
        ("CHN", "CHN"),
        ("IND", "India"),
    ]
    assert "United States (USA)" in render_markdown(brief)
    assert build_brief(PAK, RUS, _clusters(), _articles()).drivers == ()


def test_describe_uses_only_the_event_fields() -> None:
    aid = _events()[3]
    assert describe(aid) == "Russia → Pakistan: aid; health; 50,000 doses"
    assert describe(aid, {"RUS": "Russian Federation"}).startswith("Russian Federation → ")


def test_empty_brief_renders() -> None:
    brief = build_brief(PAK, RUS, [], {})
    assert brief.events == 0 and brief.period is None and brief.sources == 0
    md = render_markdown(brief)
    assert "No dated events" not in md
    assert "None found." in md
    assert "No dated events" in render_html(brief)


def _neighbourhood_events() -> list[Event]:
    """PAK–RUS cooperate; USA cools with both; IND and CHN deal with PAK only, CHN more heavily."""
    extra = [
        ("n1", EventType.ACCUSE, ("USA", "RUS"), 6.0),
        ("n2", EventType.SANCTION, ("USA", "PAK"), 8.0),
        ("n3", EventType.AID, ("IND", "PAK"), 3.0),
        ("n4", EventType.COOPERATE, ("CHN", "PAK"), 9.0),
        ("n5", EventType.CONSULT, ("IND", "USA"), 2.0),
        ("n6", EventType.CONSULT, ("CHN", "IND"), 1.0),
    ]
    return _events() + [
        _event(
            id_,
            f"Sentence {id_}.",
            "a9",
            type_,
            when=month(2021, 6),
            source=pair[0],
            target=pair[1],
            intensity=weight,
        )
        for id_, type_, pair, weight in extra
    ]


def test_network_picture_lists_the_dyad_and_its_third_parties() -> None:
    from bilat.analysis.network import build_network

    network = build_network([c.lead for c in fuse(_neighbourhood_events())])
    brief = build_brief(PAK, RUS, _clusters(), _articles(), network=network)
    # USA is tied to the dyad by 14 (6 + 8), CHN by 9, IND by 3.
    assert [p.code for p in brief.neighbourhood] == ["PAK", "RUS", "USA", "CHN", "IND"]
    assert [(link.a, link.b, link.weight) for link in brief.links] == [
        ("PAK", "RUS", 10.0),  # first: the JMCC round once (2.5) and the aid (7.5)
        ("CHN", "IND", 1.0),
        ("CHN", "PAK", 9.0),
        ("IND", "PAK", 3.0),
        ("IND", "USA", 3.0),  # n5 (2) and e8 (unscored: 1)
        ("PAK", "USA", -8.0),
        ("RUS", "USA", -6.0),
    ]
    # A driver comes first whatever its weight.
    mentions = {"e1": ("IND",)}
    driven = build_brief(
        PAK, RUS, _clusters(), _articles(), mentions=mentions, names=NAMES, network=network
    )
    assert [p.code for p in driven.neighbourhood][2] == "IND"

    md = render_markdown(brief)
    section = md.split("## Network", 1)[1].split("## Sources", 1)[0]
    assert "| Pakistan – Russia | " in section
    assert "| Pakistan – United States | 1 | 0.00 | 8.00 | -8.00 |" in section
    html = render_html(brief)
    picture = html.split("<h2>Network</h2>", 1)[1].split("<h2>Sources</h2>", 1)[0]
    assert picture.count("<circle") == 5
    assert picture.count('stroke-dasharray="6 4"') == 2  # the two conflictual edges
    assert render_html(build_brief(PAK, RUS, _clusters(), _articles(), network=network)) == html


def test_network_picture_without_a_network_shows_the_dyad_alone() -> None:
    brief = build_brief(PAK, RUS, _clusters(), _articles())
    assert [p.code for p in brief.neighbourhood] == ["PAK", "RUS"]
    assert [(link.a, link.b) for link in brief.links] == [("PAK", "RUS")]
    empty = build_brief(PAK, RUS, [], {})
    assert empty.links == ()
    assert "## Network\n\n- None found." in render_markdown(empty)


def test_a_decade_reads_as_people_write_it() -> None:
    fifties = DateSpan(date(1950, 1, 1), date(1959, 12, 31), Granularity.DECADE, "the fifties")
    ties = _event(
        "e9",
        "Diplomatic relations were established in the fifties.",
        "a1",
        EventType.SUPPORT,
        when=fifties,
    )
    brief = build_brief(PAK, RUS, fuse([ties]), _articles())
    assert [i.date for i in brief.developments] == ["1950s"]
    assert brief.period == ("1950s", "1950s")
