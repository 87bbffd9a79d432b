"""Untrusted text is escaped; bodies are capped; writing needs the token."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from bilat.config import Settings
from bilat.interfaces.web import create_app
from tests.unit.interfaces.web.conftest import TOKEN
from tests.unit.interfaces.web.web_corpus import articles


def _hostile_id() -> str:
    return articles()[1][0].id


def test_article_page_escapes_script_and_markup(client: TestClient) -> None:
    page = client.get(f"/articles/{_hostile_id()}")
    assert page.status_code == 200
    assert "<script>document" not in page.text and "<script>alert" not in page.text
    assert "&lt;script&gt;document.title=" in page.text
    assert "<img src=x" not in page.text and "&lt;img src=x" in page.text
    assert "&lt;b&gt;Bold&lt;/b&gt;" in page.text
    assert 'href="javascript:' not in page.text  # a non-http URL is not linked


def test_every_page_escapes_the_hostile_article(client: TestClient) -> None:
    for url in ("/", "/dyads/PAK/RUS", "/events", "/articles", "/search?q=thanked"):
        page = client.get(url).text
        assert "<script>document" not in page and "<script>alert" not in page, url
        assert 'href="javascript:' not in page, url


def test_search_query_is_escaped(client: TestClient) -> None:
    page = client.get("/search", params={"q": '"><script>alert(9)</script>'}).text
    assert "<script>alert(9)" not in page


def test_pages_send_a_strict_content_security_policy(client: TestClient) -> None:
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_write_endpoint_is_off_without_a_token(client: TestClient) -> None:
    response = client.post("/api/articles", json={"text": "Pakistan and Russia met."})
    assert response.status_code == 404 and "api_token" in response.json()["detail"]


def test_write_endpoint_needs_the_right_token(writer: TestClient) -> None:
    body = {"text": "Pakistan and Russia met."}
    missing = writer.post("/api/articles", json=body)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    wrong = writer.post("/api/articles", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403


def test_write_endpoint_checks_the_body(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert writer.post("/api/articles", json={"title": "x"}, headers=auth).status_code == 400
    bad_url = writer.post("/api/articles", json={"url": "file:///etc/passwd"}, headers=auth)
    assert bad_url.status_code == 400
    odd = writer.post("/api/articles", content=b"x", headers={**auth, "Content-Type": "image/png"})
    assert odd.status_code == 400


def test_oversized_body_is_413(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"}
    response = writer.post("/api/articles", content=b"a" * 60_000, headers=auth)
    assert response.status_code == 413 and "max_request_bytes" in response.json()["detail"]


def test_oversized_streamed_body_is_413(writer: TestClient) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(10):
            yield b"b" * 10_000

    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"}
    response = writer.post("/api/articles", content=chunks(), headers=auth)
    assert response.status_code == 413


def test_reads_ignore_write_methods(tmp_path: Path, web_db: Path) -> None:
    with TestClient(create_app(Settings(db=str(web_db)))) as c:
        assert c.delete("/api/articles").status_code == 405
        assert c.put("/api/events").status_code == 405
