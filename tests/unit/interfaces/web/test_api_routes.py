"""The JSON API over a small store: every read endpoint, filters, pagination, errors."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bilat.config import Settings
from bilat.interfaces.web import create_app
from bilat.records import article_id
from tests.unit.interfaces.web.web_corpus import AGREE_SENTENCE, BODY, articles


def test_api_lists_articles_with_paging(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 1}).json()
    assert first["total"] == 2 and len(first["items"]) == 1
    second = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert second["items"][0]["id"] != first["items"][0]["id"]


def test_api_article_has_body_events_and_spans(client: TestClient) -> None:
    main = articles()[0][0]
    found = client.get(f"/api/articles/{main.id}").json()
    assert found["body"] == BODY and found["title"] == main.title
    assert {e["type"] for e in found["events"]} == {"AGREE", "ACCUSE"}
    event_spans = [s for s in found["spans"] if s["kind"] == "event"]
    agree = next(s for s in event_spans if BODY[s["start"] : s["end"]] == AGREE_SENTENCE)
    assert agree["event"] in {e["id"] for e in found["events"]}
    actors = {
        (BODY[s["start"] : s["end"]], s["code"]) for s in found["spans"] if s["kind"] == "actor"
    }
    assert ("Pakistan", "PAK") in actors and ("Moscow", "RUS") in actors


def test_api_unknown_article_is_404(client: TestClient) -> None:
    response = client.get("/api/articles/" + "0" * 64)
    assert response.status_code == 404 and "no article" in response.json()["detail"]


def test_api_events_filters_like_the_cli(client: TestClient) -> None:
    everything = client.get("/api/events").json()
    assert everything["total"] == 3
    pair = client.get("/api/events", params={"dyad": "russia-PAK", "type": "ACCUSE"}).json()
    assert [e["type"] for e in pair["items"]] == ["ACCUSE"]
    dated = client.get("/api/events", params={"since": "2022", "until": "2022-03"}).json()
    assert [e["type"] for e in dated["items"]] == ["ACCUSE"]
    page = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert page["total"] == 3 and len(page["items"]) == 1


def test_api_events_reject_bad_filters(client: TestClient) -> None:
    assert client.get("/api/events", params={"dyad": "PAK"}).status_code == 400
    assert client.get("/api/events", params={"since": "soon-ish"}).status_code == 400
    assert client.get("/api/events", params={"type": "HUG"}).status_code == 422
    assert client.get("/api/events", params={"limit": 0}).status_code == 422
    assert client.get("/api/events", params={"actor": "Atlantis"}).status_code == 404


def test_api_dyad_has_timeline_series_and_sectors(client: TestClient) -> None:
    found = client.get("/api/dyads/RUS/Pakistan").json()
    assert found["a"]["code"] == "RUS" and found["b"]["code"] == "PAK"
    assert [i["type"] for i in found["timeline"]] == ["AGREE", "ACCUSE", "SUPPORT"]
    assert found["timeline"][0]["lead"]["evidence"]["sentence"] == AGREE_SENTENCE
    assert found["series"][0]["period"] == "2021-09"
    yearly = client.get("/api/dyads/PAK/RUS/series", params={"freq": "year"}).json()
    assert [p["period"] for p in yearly] == ["2021", "2022"]
    timeline = client.get("/api/dyads/PAK/RUS/timeline").json()
    assert len(timeline) == 3


def test_api_brief_as_markdown_and_html(client: TestClient) -> None:
    md = client.get("/api/dyads/PAK/RUS/brief")
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    assert "Pakistan" in md.text
    html = client.get("/api/dyads/PAK/RUS/brief", params={"format": "html"})
    assert html.headers["content-type"].startswith("text/html")
    assert "<script>document" not in html.text


def test_api_lists_actors_dyads_and_network(client: TestClient) -> None:
    assert client.get("/api/actors").json()[0]["code"] in {"PAK", "RUS"}
    assert client.get("/api/dyads").json() == [{"a": "PAK", "b": "RUS", "events": 3}]
    net = client.get("/api/network").json()
    assert [(e["a"], e["b"]) for e in net["edges"]] == [("PAK", "RUS")]
    window = client.get("/api/network", params={"since": "2023"}).json()
    assert window["edges"] == [] and window["since"] == "2023-01-01"


def test_api_search_finds_articles_and_event_sentences(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "Pipeline Moscow"}).json()
    assert found["terms"] == ["pipeline", "moscow"]
    assert [a["title"] for a in found["articles"]] == ["Pakistan and Russia sign pipeline deal"]
    assert [e["evidence"]["sentence"] for e in found["events"]] == [AGREE_SENTENCE]
    assert "pipeline" in found["articles"][0]["snippet"]
    none = client.get("/api/search", params={"q": "pipe"}).json()
    assert none["articles"] == [] and none["events"] == []


def test_api_search_stems_words_and_matches_quoted_phrases(client: TestClient) -> None:
    plural = client.get("/api/search", params={"q": "pipelines"}).json()
    singular = client.get("/api/search", params={"q": "pipeline"}).json()
    assert plural["articles"] == singular["articles"] and plural["articles"]
    assert plural["events"] == singular["events"]
    phrase = client.get("/api/search", params={"q": '"gas pipelines" Moscow'}).json()
    assert [e["evidence"]["sentence"] for e in phrase["events"]] == [AGREE_SENTENCE]
    apart = client.get("/api/search", params={"q": '"pipeline gas"'}).json()
    assert apart["articles"] == [] and apart["events"] == []


def test_api_search_ranks_and_pages_with_totals(client: TestClient) -> None:
    # "Pakistan" occurs in both articles, more often in the pipeline story.
    first = client.get("/api/search", params={"q": "pakistan", "limit": 1}).json()
    assert (first["total_articles"], first["total_events"]) == (2, 3)
    assert [a["title"] for a in first["articles"]] == ["Pakistan and Russia sign pipeline deal"]
    second = client.get("/api/search", params={"q": "pakistan", "limit": 1, "offset": 1}).json()
    assert second["offset"] == 1 and len(second["articles"]) == 1
    assert second["articles"][0]["id"] != first["articles"][0]["id"]
    assert second["events"][0]["id"] != first["events"][0]["id"]
    past = client.get("/api/search", params={"q": "pakistan", "offset": 5}).json()
    assert past["articles"] == [] and past["total_articles"] == 2


def test_openapi_spec_is_version_3_and_lists_the_endpoints(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    for path in ("/api/events", "/api/dyads/{a}/{b}", "/api/search", "/api/articles"):
        assert path in spec["paths"]
    assert "post" in spec["paths"]["/api/articles"]
    assert "ArticleIn" in spec["components"]["schemas"]


def test_missing_store_is_503_with_a_message(tmp_path: Path) -> None:
    with TestClient(create_app(Settings(db=str(tmp_path / "none.duckdb")))) as c:
        response = c.get("/api/events")
        assert response.status_code == 503 and "no bilat store" in response.json()["detail"]
        page = c.get("/")
        assert page.status_code == 503 and "no bilat store" in page.text


def test_locked_store_is_503(web_db: Path) -> None:
    from bilat.store.duckdb import DuckDBStore

    settings = Settings(db=str(web_db), lock_wait=0.2)  # it waits for its turn first
    with TestClient(create_app(settings)) as c, DuckDBStore(web_db):
        # Open for writing in this process: DuckDB refuses a read-only open next to it.
        response = c.get("/api/events")
    assert response.status_code == 503 and response.headers["retry-after"]


def test_api_dyad_timeline_is_paginated(client: TestClient) -> None:
    page = client.get("/api/dyads/PAK/RUS", params={"limit": 1, "offset": 1}).json()
    assert page["timeline_total"] == 3 and page["offset"] == 1
    assert [i["type"] for i in page["timeline"]] == ["ACCUSE"]
    assert client.get("/api/dyads/PAK/RUS", params={"limit": 0}).status_code == 422


def test_api_dyad_is_cached_until_the_store_changes(
    client: TestClient, web_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bilat import api
    from bilat.client import Client
    from bilat.store.duckdb import DuckDBStore
    from tests.unit.interfaces.web.web_corpus import SCRIPT_BODY

    calls: list[str] = []
    real = Client.dyad_overview

    def counted(self: Client, *args: Any, **kwargs: Any) -> api.DyadOverview:
        calls.append(args[0])
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Client, "dyad_overview", counted)
    first = client.get("/api/dyads/PAK/RUS").json()
    assert client.get("/api/dyads/PAK/RUS").json() == first
    assert client.get("/api/dyads/PAK/RUS", params={"limit": 2}).status_code == 200
    assert len(calls) == 1
    # A write changes the file: the next answer is computed afresh.
    more = articles()[1]
    copy = replace(more[0], id=article_id(SCRIPT_BODY + " Again."), body=SCRIPT_BODY + " Again.")
    events = [
        replace(e, id=e.id[:-1] + "x", evidence=replace(e.evidence, article_id=copy.id))
        for e in more[1]
    ]
    # Waiting for the file, as bilat's writers do: the server lets its kept database go.
    with DuckDBStore(web_db, lock_wait=10) as store:
        store.write_batch([(copy, events)])
    again = client.get("/api/dyads/PAK/RUS").json()
    assert len(calls) == 2 and again["events"] == first["events"] + 1
