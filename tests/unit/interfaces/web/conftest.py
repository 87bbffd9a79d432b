"""Web apps over a small store of hand-made records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bilat.config import Settings
from bilat.interfaces.web import create_app
from tests.unit.interfaces.web.web_corpus import make_store

TOKEN = "test-token-0123456789"


@pytest.fixture
def web_db(tmp_path: Path) -> Path:
    return make_store(tmp_path / "web.duckdb")


@pytest.fixture
def client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=str(web_db)))) as c:
        yield c


@pytest.fixture
def writer(web_db: Path) -> Iterator[TestClient]:
    settings = Settings(db=str(web_db), api_token=TOKEN, max_request_bytes=50_000)
    with TestClient(create_app(settings)) as c:
        yield c
