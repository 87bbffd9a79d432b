"""POST /api/articles through the real pipeline (needs the spaCy model)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.unit.interfaces.web.conftest import TOKEN

pytestmark = pytest.mark.model

TEXT = (
    "Pakistan and Russia signed an agreement on a gas pipeline in Moscow on 12 March 2023, "
    "officials said. The deal follows years of talks between the two countries on energy, "
    "trade and security, and both governments called it a milestone for their relations. "
    "<script>document.title='pwned'</script> Further meetings are planned for later in the year."
)
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_posted_text_is_ingested_and_shown_escaped(writer: TestClient) -> None:
    response = writer.post(
        "/api/articles", json={"text": TEXT, "title": "Pipeline <deal>"}, headers=AUTH
    )
    assert response.status_code == 201, response.text
    summary = response.json()
    assert summary["stored"] == 1 and summary["events"] >= 1
    listed = writer.get("/api/articles").json()
    assert listed["total"] == 3
    new = next(a for a in listed["items"] if a["title"] == "Pipeline <deal>")
    page = writer.get(f"/articles/{new['id']}").text
    assert "<script>document" not in page and "&lt;script&gt;document" in page
    assert "Pipeline &lt;deal&gt;" in page
    again = writer.post(
        "/api/articles", content=TEXT.encode(), headers={**AUTH, "Content-Type": "text/plain"}
    )
    # Nothing new was stored: not a 201.
    assert again.status_code == 200 and again.json()["unchanged"] == 1


def test_posted_html_is_cleaned_and_ingested(writer: TestClient) -> None:
    html = (
        "<html><head><title>Gas deal</title></head>"
        f"<body><article><p>{TEXT}</p></article></body></html>"
    )
    response = writer.post(
        "/api/articles", content=html.encode(), headers={**AUTH, "Content-Type": "text/html"}
    )
    assert response.status_code == 201, response.text
    assert response.json()["stored"] == 1


def test_too_short_text_is_rejected_with_its_reason(writer: TestClient) -> None:
    response = writer.post("/api/articles", json={"text": "Too short."}, headers=AUTH)
    assert response.status_code == 422  # nothing stored: not a 201
    assert response.json()["stored"] == 0 and response.json()["rejections"]
    # Its source names the posted record, not a file on the server.
    assert response.json()["rejections"][0]["source"] == "posted:1"
    assert "/tmp" not in response.text


def test_posted_url_to_a_loopback_address_is_refused(writer: TestClient) -> None:
    response = writer.post("/api/articles", json={"url": "http://127.0.0.1:9/news"}, headers=AUTH)
    assert response.status_code == 422, response.text
    found = response.json()
    assert found["stored"] == 0
    assert "allow_private_fetch" in found["rejections"][0]["reason"]
