"""One Chromium per test module, for the browser tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bilat.report.pdf import CHROMIUM, CHROMIUM_ARGS
from tests.e2e.watched import ARTIFACTS


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by playwright."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e .[dev])"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_ARGS)
        )
        try:
            yield chromium
        finally:
            chromium.close()
