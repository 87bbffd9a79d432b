"""Every GET endpoint and page, with odd values in each parameter: never a server error (5xx)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.unit.interfaces.web.conftest import TOKEN

ODD = ["", "<script>", "0" * 64, "RUS-PAK", "-", "2021-13-45", "1e309", "%00", "é" * 50]
PAGES = {
    "/": [],
    "/dyads": ["pair"],
    "/dyads/{a}/{b}": [],
    "/articles": ["offset"],
    "/articles/{article_id}": [],
    "/events": ["dyad", "actor", "type", "since", "until", "status", "min_confidence", "offset"],
    "/network": ["since", "until"],
    "/search": ["q"],
}


def test_no_get_endpoint_answers_with_a_server_error(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    routes = dict(PAGES)
    for path, ops in spec["paths"].items():
        if "get" in ops:
            routes[path] = [
                p["name"] for p in ops["get"].get("parameters", []) if p["in"] == "query"
            ]
    checked = 0
    for path, names in routes.items():
        for value in ODD:
            url = re.sub(r"\{[^}]+\}", lambda _, v=value: v.replace("/", "") or "x", path)
            for params in [{}] + [{name: value} for name in names]:
                response = client.get(url, params=params)
                assert response.status_code < 500, (url, params, response.text[:200])
                checked += 1
    assert checked > 300


# Bodies a broken or hostile client sends to the write endpoint, with a valid token.
MALFORMED_POSTS = [
    ("application/json", b""),
    ("application/json", b"{"),
    ("application/json", b"null"),
    ("application/json", b"42"),
    ("application/json", b"[]"),
    ("application/json", b'"just a string"'),
    ("application/json", b'{"text": 42}'),
    ("application/json", b'{"text": ["a"]}'),
    ("application/json", b'[{"text": "ok"}, 1]'),
    ("application/json", b'{"url": "file:///etc/passwd"}'),
    ("application/json", b'{"title": "no body"}'),
    ("application/json", b"[" * 20_000 + b"]" * 20_000),
    ("application/json", b"[" * 100_000 + b"]" * 100_000),
    ("application/json", b'{"a":' * 8_000 + b"1" + b"}" * 8_000),
    ("application/json", b"\xff\xfe\x00{"),
    ("application/json", b'{"text": "\\ud800"}'),
    ("text/plain", b"\xc3\x28 invalid utf-8"),
    ("text/plain", b""),
    ("application/xml", b"<a/>"),
    ("", b"text without a type"),
    ("multipart/form-data; boundary=x", b"--x\r\n\r\n--x--"),
]


def test_malformed_posts_get_a_client_error(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for content_type, body in MALFORMED_POSTS:
        headers = {**auth, "Content-Type": content_type} if content_type else auth
        response = writer.post("/api/articles", content=body, headers=headers)
        assert 400 <= response.status_code < 500, (content_type, body[:40], response.text[:200])


def test_malformed_requests_of_any_kind_get_a_client_error(writer: TestClient) -> None:
    requests = [
        ("POST", "/api/articles", {"Authorization": "Bearer"}),
        ("POST", "/api/articles", {"Authorization": "Basic dXNlcjpwYXNz"}),
        ("POST", "/api/articles", {"Authorization": "Bearer " + "x" * 5000}),
        ("POST", "/api/articles", {"Authorization": f"Bearer {TOKEN}", "Content-Length": "-1"}),
        ("DELETE", "/api/articles", {}),
        ("PUT", "/api/events", {}),
        ("PATCH", "/", {}),
        ("GET", "/api/events?limit=" + "9" * 400, {}),
        ("GET", "/api/events?offset=-5", {}),
        ("GET", "/api/events?dyad=" + "A-" * 500, {}),
        ("GET", "/api/articles/..%2f..%2fetc%2fpasswd", {}),
        ("GET", "/static/../../pyproject.toml", {}),
        ("GET", "/api/network?since=99999-01-01", {}),
    ]
    for method, url, headers in requests:
        response = writer.request(method, url, headers=headers)
        assert 400 <= response.status_code < 500, (method, url, response.text[:200])
