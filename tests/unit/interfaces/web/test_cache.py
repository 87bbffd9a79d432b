"""Answers kept in memory (issue #16.2, #16.5): one entry per pair however it is spelled,
no entry for a failing key, pages answered at once after the store changed."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bilat.errors import NotFound
from bilat.interfaces.web.cache import AnswerCache
from bilat.interfaces.web.params import ChartFilter
from bilat.store import open_store
from tests.unit.interfaces.web.web_corpus import articles


def test_every_spelling_of_a_pair_shares_one_entry(client: TestClient) -> None:
    app = client.app
    for a, b in (("PAK", "RUS"), ("pak", "RUS"), ("PAK", "rus"), ("Pakistan", "Russia")):
        assert client.get(f"/api/dyads/{a}/{b}").status_code == 200
        assert client.get(f"/dyads/{a}/{b}").status_code == 200
    # One entry for the pair, and the drivers' baseline the pages share.
    kept = list(app.state.cache._items)  # type: ignore[attr-defined]
    assert kept == [("dyad", "PAK", "RUS", "month"), ("drivers-baseline",)]
    dyad_pages = [k for k in app.state.pages._items if k[0] == "dyad-html"]  # type: ignore[attr-defined]
    assert dyad_pages == [("dyad-html", "PAK", "RUS", ChartFilter())]


def test_a_failing_key_leaves_nothing_behind() -> None:
    cache = AnswerCache(size=8)

    def missing() -> int:
        raise NotFound("no such thing")

    for n in range(100):
        with pytest.raises(NotFound):
            cache.get(("missing", n), (1,), missing)
    assert len(cache) == 0
    assert cache.get("kept", (1,), lambda: 5) == 5
    assert len(cache) == 1


def test_failing_requests_leave_no_entries(client: TestClient) -> None:
    for n in range(50):
        assert client.get(f"/api/dyads/PAK/X{n}Y").status_code == 404
        assert client.get(f"/dyads/PAK/X{n}Y").status_code == 404
    assert len(client.app.state.cache) == 0  # type: ignore[attr-defined]
    assert len(client.app.state.pages) == 0  # type: ignore[attr-defined]


def test_a_page_is_answered_from_memory_and_refreshed_after_the_store_changes(
    client: TestClient, web_db: Path
) -> None:
    first = client.get("/articles").text
    assert "Refreshed title" not in first
    extra = replace(articles()[0][0], id="f" * 64, title="Refreshed title")
    with open_store(str(web_db), lock_wait=10) as store:  # waits for the kept reads to go
        store.write_batch([(extra, [])])
    # The page rendered before the write comes back at once; a refresh follows it.
    assert client.get("/articles").text == first
    deadline = time.monotonic() + 30
    while "Refreshed title" not in client.get("/articles").text:
        assert time.monotonic() < deadline, "the page was never rendered again"
        time.sleep(0.05)
