"""Jinja2 templates, autoescaped: article text is untrusted and is never marked safe."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from bilat.client import Client
from bilat.config import Settings
from bilat.records import DateSpan

TEMPLATES = Path(__file__).parent / "templates"


@functools.cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,  # every template, whatever its name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["when"] = when
    env.filters["short"] = lambda text, n=140: text if len(text) <= n else text[: n - 1] + "…"
    env.globals["path"] = lambda *parts: "/" + "/".join(quote(str(p), safe="") for p in parts)
    env.globals["query"] = lambda **kw: urlencode(
        {k: v for k, v in kw.items() if v not in (None, "")}
    )
    return env


def when(span: DateSpan | None) -> str:
    """A date at its precision, or "undated"."""
    return span.label() if span else "undated"


def settings_of(request: Request) -> Settings:
    settings = request.app.state.settings
    assert isinstance(settings, Settings)
    return settings


def client_of(request: Request) -> Client:
    """A Client for one request over the app's settings, used as ``with client_of(r) as c``:
    it reads through the app's kept database (``bilat.store.kept``, which a writer waiting
    makes it let go) or opens the store when first read and closes it when the request is
    answered, so a writer gets its turn between requests."""
    return Client(settings_of(request), reads=request.app.state.reads)


def page(
    request: Request,
    template: str,
    context: Mapping[str, Any],
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse:
    html = environment().get_template(template).render(request_path=request.url.path, **context)
    return HTMLResponse(html, status_code=status, headers=headers)


def error_page(
    request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
) -> HTMLResponse:
    return page(request, "error.html.j2", {"status": status, "message": message}, status, headers)
