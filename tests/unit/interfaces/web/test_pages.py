"""Server-rendered pages: what each shows, and that they need nothing from elsewhere."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.unit.interfaces.web.web_corpus import AGREE_SENTENCE, articles


def test_home_shows_active_dyads_and_latest_events(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert 'href="/dyads/PAK/RUS"' in page.text
    assert "SUPPORT" in page.text  # the latest dated event


def test_dyad_page_has_chart_timeline_and_evidence(client: TestClient) -> None:
    page = client.get("/dyads/pakistan/RUS").text
    assert "<svg" in page and "Timeline" in page
    assert page.count('class="event"') == 3
    # The evidence sentence is in the page, with its trigger marked and its source linked.
    assert '<mark class="trigger">signed</mark>' in page
    assert "a gas pipeline agreement in Moscow" in page
    assert f'href="/articles/{articles()[0][0].id}#ev-' in page
    assert 'id="drawer"' in page
    # ... and the side rule that found its source and target.
    assert "rule joint-subjects" in page and "rule subject-object" in page


def test_dyad_form_redirects_to_the_pair(client: TestClient) -> None:
    response = client.get("/dyads", params={"pair": "Russia-Pakistan"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/dyads/RUS/PAK"


def test_article_page_highlights_actors_and_event_sentences(client: TestClient) -> None:
    main = articles()[0][0]
    page = client.get(f"/articles/{main.id}").text
    assert re.search(r'<span class="actor" title="Russia \(RUS\)">Moscow</span>', page)
    assert '<span class="ev" data-events="' in page
    agree = next(e for e in articles()[0][1] if e.evidence.sentence == AGREE_SENTENCE)
    assert f'id="ev-{agree.id}"' in page


def test_events_page_filters_and_keeps_them_in_the_form(client: TestClient) -> None:
    page = client.get("/events", params={"type": "ACCUSE", "dyad": "PAK-RUS"}).text
    assert "1 event." in page
    assert "<option selected>ACCUSE</option>" in page


def test_network_search_actors_and_list_pages_render(client: TestClient) -> None:
    assert "<svg" in client.get("/network", params={"since": "2021"}).text
    assert "pipeline" in client.get("/search", params={"q": "pipeline"}).text
    assert "Pakistan" in client.get("/actors").text
    assert "sign pipeline deal" in client.get("/articles").text


def test_search_page_counts_every_hit_and_numbers_a_later_page(client: TestClient) -> None:
    page = client.get("/search", params={"q": "pakistan"}).text
    assert "Articles (2)" in page and "Events (3)" in page
    later = client.get("/search", params={"q": "pakistan", "offset": 25}).text
    assert '<ol class="hits" start="26">' in later
    assert "No more articles." in later


def test_unknown_pair_is_an_html_404(client: TestClient) -> None:
    page = client.get("/dyads/PAK/Atlantis")
    assert page.status_code == 404 and "unknown actor" in page.text


def test_pages_load_assets_only_from_bilat(client: TestClient) -> None:
    for url in ("/", "/dyads/PAK/RUS", "/network", "/search?q=x"):
        page = client.get(url).text
        for ref in re.findall(r'(?:src|href)="([^"]*)"', page):
            assert not re.match(r"(?:https?:)?//", ref) or "example.invalid" in ref, ref
    assert client.get("/static/style.css").status_code == 200
    assert (
        client.get("/static/app.js")
        .headers["content-type"]
        .startswith(("text/javascript", "application/javascript"))
    )


def test_events_csv_has_the_page_filters_and_the_article_fields(client: TestClient) -> None:
    import csv
    import io

    response = client.get("/events.csv", params={"type": "ACCUSE", "dyad": "PAK-RUS"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and {r["type"] for r in rows} == {"ACCUSE"}
    assert rows[0]["url"] == "https://example.invalid/pipeline"
    assert client.get("/events.csv", params={"type": "GOSSIP"}).status_code == 400


def test_dyads_csv_lists_every_pair(client: TestClient) -> None:
    text = client.get("/dyads.csv").text
    assert text.splitlines()[0] == "a,a_name,b,b_name,events"
    assert text.splitlines()[1].startswith("PAK,Pakistan,RUS,Russia,")


def test_dyad_chart_filters_refuse_a_bad_type_or_window(client: TestClient) -> None:
    assert client.get("/dyads/PAK/RUS", params={"type": "accuse"}).status_code == 200
    assert client.get("/dyads/PAK/RUS", params={"type": "GOSSIP"}).status_code == 400
    backwards = client.get("/dyads/PAK/RUS", params={"since": "2023", "until": "2021"})
    assert backwards.status_code == 400
    assert "is after until" in backwards.text


def test_home_page_has_the_monthly_chart(client: TestClient) -> None:
    page = client.get("/").text
    assert 'id="activity"' in page and "<svg" in page.split('id="activity"', 1)[1]
