"""The web details of issue #16.5, each as a browser or client meets it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bilat.config import Settings
from bilat.interfaces.web import create_app
from bilat.interfaces.web.limits import host_name
from tests.unit.interfaces.web.conftest import TOKEN

HUGE = "99999999999999999999999"


@pytest.mark.parametrize(
    "path", ["/events", "/articles", "/api/events", "/api/articles", "/search?q=gas&"]
)
def test_a_huge_offset_is_a_422_not_a_500(client: TestClient, path: str) -> None:
    joiner = "" if path.endswith("&") else "?"
    response = client.get(f"{path}{joiner}offset={HUGE}")
    assert response.status_code == 422, response.text


def test_a_413_carries_the_security_headers(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"}
    response = writer.post("/api/articles", content=b"a" * 60_000, headers=auth)
    assert response.status_code == 413
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_an_unknown_host_is_refused_when_hosts_are_named(web_db: Path) -> None:
    settings = Settings(db=str(web_db), allowed_hosts=("localhost", "127.0.0.1", "::1"))
    with TestClient(create_app(settings), base_url="http://localhost:8000") as local:
        assert local.get("/").status_code == 200
        assert local.get("/", headers={"Host": "127.0.0.1:8000"}).status_code == 200
        assert local.get("/", headers={"Host": "[::1]:8000"}).status_code == 200
        rebound = local.get("/api/articles", headers={"Host": "evil.example:8000"})
        assert rebound.status_code == 400
        assert "allowed_hosts" in rebound.json()["detail"]
        assert "content-security-policy" in rebound.headers


def test_bilat_serve_on_loopback_names_its_hosts() -> None:
    from bilat.interfaces import cli_serve

    assert host_name("LOCALHOST:8000") == "localhost"
    assert host_name("[::1]:80") == "::1" and host_name("::1") == "::1"
    assert set(cli_serve._LOOPBACK) == {"localhost", "127.0.0.1", "::1"}


def test_the_html_brief_keeps_its_styles_under_its_csp(client: TestClient) -> None:
    response = client.get("/api/dyads/PAK/RUS/brief", params={"format": "html"})
    assert response.status_code == 200
    assert "<style" in response.text
    csp = response.headers["content-security-policy"]
    assert "style-src 'unsafe-inline'" in csp
    assert "script-src" not in csp and "default-src 'none'" in csp  # and no script at all


def test_a_javascript_url_is_not_handed_out_by_the_api(client: TestClient) -> None:
    items = client.get("/api/articles").json()["items"]
    urls = {item["title"]: item["url"] for item in items}
    assert "https://example.invalid/pipeline" in urls.values()
    assert not any(u and u.lower().startswith("javascript:") for u in urls.values()), urls
    for item in items:
        found = client.get(f"/api/articles/{item['id']}").json()
        assert not (found["url"] or "").lower().startswith("javascript:")


def test_settings_name_allowed_hosts() -> None:
    values = Settings().with_values({"allowed_hosts": "a.example, b.example"})
    assert replace(values).allowed_hosts == ("a.example", "b.example")
