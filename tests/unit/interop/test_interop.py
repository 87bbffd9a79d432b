"""Reading event files: format detection, POLECAT and ICEWS rows, PLOVER JSON records."""

from __future__ import annotations

import json
from datetime import date

import pytest

from bilat.errors import ImportInvalid
from bilat.interop import detect, read_event_file
from bilat.interop.tables import ICEWS_COLUMNS, ICEWS_REQUIRED, POLECAT_COLUMNS
from bilat.nlp.actors import ActorResolver
from bilat.records import EventType, Granularity
from bilat.resources import load_ontology


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver.load()


def _icews(*rows: dict[str, str], sep: str = "\t") -> str:
    lines = [sep.join(ICEWS_COLUMNS)]
    for row in rows:
        lines.append(sep.join(row.get(c, "") for c in ICEWS_COLUMNS))
    return "\n".join(lines) + "\n"


ROW = {
    "Event ID": "1",
    "Event Date": "2021-09-14",
    "Source Name": "Russia",
    "Source Country": "Russian Federation",
    "Event Text": "Express intent to cooperate",
    "CAMEO Code": "030",
    "Target Name": "Pakistan",
    "Target Country": "Pakistan",
    "Story ID": "77",
    "Publisher": "Dawn",
}


def test_detect_tells_the_formats_apart() -> None:
    assert detect('{"kind": "article", "id": "x"}\n', "f") == "jsonl"
    assert detect('\n{"id": "e1", "event": ["AGREE"]}\n', "f") == "plover-json"
    assert detect('[{"id": "e1"}]', "f") == "plover-json"
    assert detect(_icews(), "f") == "icews"
    assert detect("\t".join(POLECAT_COLUMNS) + "\n", "f") == "polecat"
    with pytest.raises(ImportInvalid, match="not an event file bilat knows"):
        detect("a,b,c\n1,2,3\n", "f")


def test_an_icews_row_becomes_an_event_citing_its_line(resolver: ActorResolver) -> None:
    found = read_event_file("f.tab", "icews", resolver, load_ontology(), _icews(ROW))
    ((article, aid, events),) = found.groups
    assert article is not None and aid == article.id
    assert article.body.splitlines()[0] == "ICEWS story 77, Dawn"
    (event,) = events
    assert (event.type, event.source.code, event.target and event.target.code) == (
        EventType.AGREE, "RUS", "PAK",
    )  # fmt: skip
    assert event.date is not None and event.date.start == date(2021, 9, 14)
    assert event.date.granularity is Granularity.DAY
    body = article.body
    assert body[event.evidence.start : event.evidence.end] == event.evidence.sentence
    assert body[event.source.start : event.source.end] == "Russia"
    assert event.target is not None
    assert body[event.target.start : event.target.end] == "Pakistan"


def test_rows_of_one_story_share_an_article_and_a_comma_file_reads_too(
    resolver: ActorResolver,
) -> None:
    second = {**ROW, "Event ID": "2", "CAMEO Code": "42", "Event Text": "Make a visit"}
    text = _icews(ROW, second, sep=",")
    found = read_event_file("f.csv", "auto", resolver, load_ontology(), text)
    assert found.format == "icews"
    ((_, _, events),) = found.groups
    assert [e.id for e in events] == ["icews-1", "icews-2"]
    assert events[1].type is EventType.CONSULT  # "42" is CAMEO 042, a visit


def test_a_file_without_the_needed_columns_is_refused(resolver: ActorResolver) -> None:
    text = "\t".join(c for c in ICEWS_COLUMNS if c != "CAMEO Code") + "\n"
    with pytest.raises(ImportInvalid, match="no column 'CAMEO Code'"):
        read_event_file("f.tab", "icews", resolver, load_ontology(), text)
    assert "CAMEO Code" in ICEWS_REQUIRED


def test_bad_rows_are_rejections_that_name_their_line(resolver: ActorResolver) -> None:
    rows = [
        ROW,
        {**ROW, "Event ID": "3", "CAMEO Code": "999"},
        {**ROW, "Event Date": "x"},
        {**ROW, "Event ID": "4", "CAMEO Code": "0211"},
        {**ROW, "Event ID": "5", "CAMEO Code": "010"},
    ]
    found = read_event_file("f.tab", "icews", resolver, load_ontology(), _icews(*rows))
    assert len(found.events) == 1
    assert found.skipped == (("CAMEO 01 (make public statement)", 1), ("CAMEO 02 (appeal)", 1))
    assert [(r.source, r.reason) for r in found.rejections] == [
        ("f.tab, line 3", "no PLOVER type for CAMEO code '999'"),
        ("f.tab, line 4", "not a date: 'x' (expected YYYY-MM-DD)"),
    ]


def test_plover_records_keep_their_sentence_dates_and_unknown_codes(
    resolver: ActorResolver,
) -> None:
    record = {
        "id": "e9",
        "date": "2021-09",
        "actor": [{"code": "XYZ", "entity_text": "the rebels", "identifier_text": "Rebels"}],
        "recipient": [{"code": "PAK", "entity_text": "Pakistan"}],
        "event": ["assault"],
        "text": "The rebels attacked Pakistan.",
        "cite_info": {"citation": "c1", "url": "https://example.org/x", "published": "2021-09-30"},
    }
    skipped = {**record, "id": "e10", "has_event": False}
    text = "\n".join(json.dumps(r) for r in (record, skipped, {"id": "e11"}))
    found = read_event_file("p.jsonl", "auto", resolver, load_ontology(), text)
    ((article, _, events),) = found.groups
    assert article is not None and article.url == "https://example.org/x"
    assert article.published is not None and article.published.start == date(2021, 9, 30)
    (event,) = events
    assert event.type is EventType.ASSAULT
    assert event.evidence.sentence == "The rebels attacked Pakistan."
    assert event.source.actor is not None and event.source.actor.name == "Rebels"
    assert article.body[event.source.start : event.source.end] == "the rebels" or (
        event.source.start == event.source.end
    )
    assert event.date is not None and event.date.granularity is Granularity.MONTH
    assert event.date.end == date(2021, 9, 30)
    assert [r.reason for r in found.rejections] == ["missing field 'event'"]


def test_gdelt_1_rows_without_adm2_codes_read_by_their_width(resolver: ActorResolver) -> None:
    from bilat.interop.gdelt import GDELT1_COLUMNS

    row = dict.fromkeys(GDELT1_COLUMNS, "")
    row.update(
        GLOBALEVENTID="7",
        SQLDATE="20130402",
        Actor1Name="CHINA",
        Actor1CountryCode="CHN",
        Actor2Name="JAPAN",
        Actor2CountryCode="JPN",
        Actor2Code="JPN",
        EventCode="112",
        DATEADDED="20130402",
    )
    old = "\t".join(row[c] for c in GDELT1_COLUMNS[:-1])  # before April 2013: no SOURCEURL
    assert detect(old + "\n", "f") == "gdelt"
    found = read_event_file("f.CSV", "auto", resolver, load_ontology(), old + "\n")
    (event,) = found.events
    assert (event.type, event.source.code, event.extractor_version) == (
        EventType.ACCUSE, "CHN", "gdelt 1.0",
    )  # fmt: skip
    assert event.source.text == "China"
