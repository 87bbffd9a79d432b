"""`bilat serve` builds the app over --db and hands it to uvicorn with --host and --port."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from typer.testing import CliRunner

from bilat.interfaces.cli import app
from bilat.interfaces.cli_serve import SETTINGS_VARIABLE, worker_app
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


def test_serve_with_workers_hands_uvicorn_a_factory_with_the_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    web_db = make_store(tmp_path / "web.duckdb")
    seen: dict[str, Any] = {}

    def fake_run(application: str, **kwargs: Any) -> None:
        seen.update(kwargs, app=application)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.setenv(SETTINGS_VARIABLE, "")  # the test's environment is restored after
    done = CliRunner().invoke(
        app, ["--db", str(web_db), "serve", "--port", "8123", "--workers", "3"]
    )
    assert done.exit_code == 0, done.output
    assert (seen["app"], seen["factory"], seen["workers"]) == (
        "bilat.interfaces.cli_serve:worker_app",
        True,
        3,
    )
    assert "3 processes" in done.output
    # What a worker builds: the app over the same settings, loopback hosts included.
    settings = worker_app().state.settings
    assert settings.db == str(web_db)
    assert settings.allowed_hosts == ("localhost", "127.0.0.1", "::1")
