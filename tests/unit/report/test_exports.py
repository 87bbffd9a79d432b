"""Exports: CSV, JSONL (and importing it back), Parquet, PLOVER JSON, GraphML, network JSON/SVG."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from bilat import api
from bilat.analysis.network import build_network
from bilat.codec import jsonl
from bilat.codec.json_form import article_record
from bilat.config import Settings
from bilat.errors import ImportInvalid
from bilat.records import (
    Amount,
    Article,
    Event,
    EventType,
)
from bilat.report import exports
from bilat.report.graphml import GRAPHML_NS, network_graphml
from bilat.store import EventQuery
from bilat.store.duckdb import DuckDBStore
from bilat.store.files import read_parquet
from factories import article, day, event, mention, month
from strategies import batches

Batch = list[tuple[Article, list[Event]]]
_slow = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MANUAL_FIELDS = {
    "id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event",
    "event_loc", "event_text", "quad_code", "event_scale", "mode", "context", "link", "text",
    "text_info", "cite_info", "coder", "coded_date", "coded_time", "comment",
}  # fmt: skip
BODY = "Pakistan and Russia agreed on a pipeline. The US sanctioned Russia."
ARTICLE = article(
    BODY,
    source="seed.txt",
    title="Pipeline",
    publisher="Dawn",
    url="https://example.org/a",
    published=day(2021, 9, 30),
)


def _events() -> list[Event]:
    agree = event(
        EventType.AGREE,
        mention("PAK", "Pakistan", 0, sector="GOV"),
        mention("RUS", "Russia", 13, sector="GOV"),
        id_="e1",
        article=ARTICLE.id,
        sentence=BODY[:41],
        trigger="agreed",
        when=month(2021, 9, "September"),
        mode="agreement",
        contexts=("economic", "natural resource"),
        symmetric=True,
        amounts=(Amount(Decimal("2E+9"), "USD", "US$ 2 billion", Decimal("2E+9")),),
        intensity=4.0,
        confidence=0.8,
        extractor_version="test",
    )
    sanction = event(
        EventType.SANCTION,
        mention("USA", "The US", 42, sector="GOV"),
        mention("RUS", "Russia", 60, sector="GOV"),
        id_="e2",
        article=ARTICLE.id,
        sentence=BODY[42:],
        start=42,
        trigger="sanctioned",
        intensity=-8.0,
    )
    return [agree, sanction]


def _sorted(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.date is None, e.date.start if e.date else None, e.id))


@_slow
@given(batches())
def test_jsonl_export_then_import_gives_back_equal_events(batch: Batch) -> None:
    with DuckDBStore(":memory:") as first, DuckDBStore(":memory:") as second:
        first.write_batch(batch)
        stored = first.events(EventQuery())
        articles = {a.id: a for a in first.articles()}
        text = jsonl.events_jsonl(stored, articles)
        groups = jsonl.read_jsonl(text)
        second.write_batch([(a, found) for a, _, found in groups if a is not None])
        assert second.events(EventQuery()) == stored
        cited = {e.evidence.article_id for e in stored}
        assert {a.id: a for a in second.articles()} == {k: articles[k] for k in cited}


def test_round_trip_through_the_api(tmp_path: Path) -> None:
    source = replace(Settings(), db=str(tmp_path / "a.duckdb"))
    target = replace(Settings(), db=str(tmp_path / "b.duckdb"))
    with DuckDBStore(source.db) as store:
        store.write_batch([(ARTICLE, _events())])
    path = tmp_path / "events.jsonl"
    path.write_bytes(api.export("jsonl", settings=source))
    summary = api.import_events(str(path), target)
    assert (summary.seen, summary.stored, summary.unchanged, summary.events) == (1, 1, 0, 2)
    assert api.events(settings=target) == api.events(settings=source) == _sorted(_events())
    again = api.import_events(str(path), target)
    assert (again.stored, again.unchanged, again.events) == (0, 1, 0)


def test_import_refuses_events_of_an_unknown_article(tmp_path: Path) -> None:
    text = jsonl.events_jsonl(_events(), {ARTICLE.id: ARTICLE})
    events_only = "".join(line + "\n" for line in text.splitlines() if '"kind": "event"' in line)
    path = tmp_path / "events.jsonl"
    path.write_text(events_only, encoding="utf-8")
    settings_ = replace(Settings(), db=str(tmp_path / "b.duckdb"))
    with pytest.raises(ImportInvalid, match="neither in the file nor in the store"):
        api.import_events(str(path), settings_)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "line 2"),
        ('{"kind": "event", "id": "x"}', "line 2"),
        ('{"kind": "other"}', '"kind"'),
    ],
)
def test_malformed_jsonl_names_the_line(line: str, message: str) -> None:
    text = json.dumps({"kind": "article", **article_record(ARTICLE)}) + "\n" + line
    with pytest.raises(ImportInvalid, match=message):
        jsonl.read_jsonl(text)


def test_csv_has_a_row_per_event() -> None:
    rows = list(csv.DictReader(io.StringIO(exports.events_csv(_events(), {}))))
    assert [r["id"] for r in rows] == ["e1", "e2"]
    assert rows[0]["date"] == "2021-09"
    assert rows[0]["contexts"] == "economic;natural resource"
    assert rows[0]["url"] == ""


def test_csv_rows_carry_the_article_url_title_and_date() -> None:
    text = exports.events_csv(_events(), {ARTICLE.id: ARTICLE})
    first = next(csv.DictReader(io.StringIO(text)))
    assert first["url"] == "https://example.org/a"
    assert first["title"] == "Pipeline"
    assert first["published"] == "2021-09-30"


def test_parquet_columns_are_typed(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    path.write_bytes(exports.events_parquet(_events(), {ARTICLE.id: ARTICLE}))
    names, rows = read_parquet(path)
    assert names == [name for name, _ in exports.PARQUET_SPEC]
    first = dict(zip(names, rows[0], strict=True))
    assert first["id"] == "e1"
    assert first["contexts"] == ["economic", "natural resource"]
    assert first["amounts"] == [
        {"value": 2e9, "unit": "USD", "value_usd": 2e9, "text": "US$ 2 billion"}
    ]
    assert first["url"] == "https://example.org/a"
    assert first["title"] == "Pipeline"
    assert first["published"] == date(2021, 9, 30)
    assert first["date_start"] == date(2021, 9, 1)
    assert first["intensity"] == 4.0
    assert first["symmetric"] is True
    assert first["end"] == 41
    second = dict(zip(names, rows[1], strict=True))
    assert second["date"] is None
    assert second["date_start"] is None


def test_empty_parquet_has_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    path.write_bytes(exports.events_parquet([], {}))
    names, rows = read_parquet(path)
    assert names == [name for name, _ in exports.PARQUET_SPEC]
    assert rows == []


def test_plover_json_uses_the_manual_field_names() -> None:
    lines = exports.events_plover(_events(), {ARTICLE.id: ARTICLE}).splitlines()
    first = json.loads(lines[0])
    assert {"id", "date", "actor", "event"} <= first.keys()  # the manual's required fields
    extras = {"status", "confidence", "date_precision"}
    assert first.keys() - extras <= MANUAL_FIELDS
    assert first["date"] == "2021-09-01"
    assert first["enddate"] == "2021-09-30"
    assert first["actor"] == [
        {"code": "PAK", "sector": "GOV", "entity_text": "Pakistan", "identifier_text": "Pakistan"}
    ]
    assert first["recipient"][0]["code"] == "RUS"
    assert first["event"] == ["AGREE"]
    assert first["quad_code"] == 1
    assert first["mode"] == ["agreement"]
    assert first["context"] == ["economic", "natural resource"]
    assert first["cite_info"]["url"] == "https://example.org/a"
    assert first["cite_info"]["publication"] == "Dawn"
    assert first["cite_info"]["published"] == "2021-09-30"
    second = json.loads(lines[1])
    assert second["date"] is None
    assert second["mode"] == []


def _triangle() -> list[Event]:
    def ev(i: str, a: str, b: str, type_: EventType, intensity: float) -> Event:
        return event(
            type_,
            mention(a, sector="GOV"),
            mention(b, start=4, sector="GOV"),
            id_=i,
            article=ARTICLE.id,
            sentence="x",
            intensity=intensity,
        )

    return [
        ev("1", "PAK", "RUS", EventType.AGREE, 4.0),
        ev("2", "USA", "RUS", EventType.SANCTION, -8.0),
        ev("3", "USA", "PAK", EventType.ACCUSE, -2.0),
    ]


def test_graphml_holds_nodes_edges_and_attributes() -> None:
    text = network_graphml(build_network(_triangle()))
    root = ET.fromstring(text)
    ns = {"g": GRAPHML_NS}
    nodes = root.findall("g:graph/g:node", ns)
    edges = root.findall("g:graph/g:edge", ns)
    assert [n.get("id") for n in nodes] == ["PAK", "RUS", "USA"]
    assert [(e.get("source"), e.get("target")) for e in edges] == [
        ("PAK", "RUS"),
        ("PAK", "USA"),
        ("RUS", "USA"),
    ]
    signs = [e.find("g:data[@key='edge_sign']", ns) for e in edges]
    assert [s.text for s in signs if s is not None] == ["1", "-1", "-1"]
    keys = {(k.get("for"), k.get("attr.name")) for k in root.findall("g:key", ns)}
    assert ("edge", "weight") in keys
    assert ("node", "label") in keys


def test_graphml_weights_are_unsigned_so_networkx_finds_shortest_paths(tmp_path: Path) -> None:
    import networkx as nx

    path = tmp_path / "net.graphml"
    path.write_text(network_graphml(build_network(_triangle())), encoding="utf-8")
    graph = nx.read_graphml(path)
    assert graph.nodes["PAK"]["label"] == "Pakistan"
    assert graph.edges["RUS", "USA"]["weight"] == 8.0
    assert graph.edges["RUS", "USA"]["sign"] == -1
    assert graph.edges["PAK", "RUS"]["sign"] == 1
    # PAK-USA weighs 2; through RUS it would weigh 4 + 8.
    assert nx.shortest_path(graph, "PAK", "USA", weight="weight") == ["PAK", "USA"]
    assert nx.shortest_path_length(graph, "RUS", "USA", weight="weight") == 6.0


def test_network_json_lists_balanced_and_strained_triads() -> None:
    data = exports.network_json(build_network(_triangle()))
    assert data["balanced"] == [
        {"actors": ["PAK", "RUS", "USA"], "signs": {"PAK-RUS": 1, "PAK-USA": -1, "RUS-USA": -1}}
    ]
    assert data["strained"] == []
    assert data["centrality"][0]["code"] == "RUS"
    json.dumps(data)  # serialisable as is
