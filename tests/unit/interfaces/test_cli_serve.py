"""`bilat serve` builds the app over --db and hands it to uvicorn with --host and --port."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from typer.testing import CliRunner

from bilat.interfaces.cli import app
from tests.unit.interfaces.web.web_corpus import make_store


def test_serve_runs_the_app_on_the_given_address(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    web_db = make_store(tmp_path / "web.duckdb")
    seen: dict[str, Any] = {}

    def fake_run(application: FastAPI, **kwargs: Any) -> None:
        seen.update(kwargs, app=application)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    done = CliRunner().invoke(
        app, ["--db", str(web_db), "serve", "--host", "127.0.0.2", "--port", "8123"]
    )
    assert done.exit_code == 0, done.output
    assert (seen["host"], seen["port"]) == ("127.0.0.2", 8123)
    assert seen["app"].state.settings.db == str(web_db)
    assert "read-only" in done.output
