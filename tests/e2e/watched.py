"""What the browser tests share besides the browser: where screenshots go, watched pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def watched_page(context: Any, server: str) -> Any:
    """A new page of ``context`` that lists in ``outside`` the requests leaving ``server``
    and in ``errors`` its script errors."""
    page = context.new_page()
    page.outside = []
    page.errors = []
    page.on("request", lambda r: None if r.url.startswith(server) else page.outside.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    return page
