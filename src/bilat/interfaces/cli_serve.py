"""`bilat serve`: the HTTP API and web dashboard."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

import typer

from bilat.interfaces.options import settings_of
from bilat.interfaces.web.limits import host_name

# The names a browser on this machine reaches a loopback server by.
_LOOPBACK = ("localhost", "127.0.0.1", "::1")


def register(app: typer.Typer) -> None:
    """Add ``bilat serve`` to the command line."""
    app.command()(serve)


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=0, max=65535)] = 8000,
) -> None:
    """Serve the web dashboard and the JSON API (read-only unless api_token is set)."""
    import uvicorn

    from bilat.interfaces.web import create_app

    settings = settings_of(ctx)
    if not settings.allowed_hosts and host_name(host) in _LOOPBACK:
        settings = replace(settings, allowed_hosts=_LOOPBACK)  # no DNS rebinding onto it
    where = f"http://{host}:{port}/" if ":" not in host else f"http://[{host}]:{port}/"
    writes = "POST /api/articles needs the api_token" if settings.api_token else "read-only"
    typer.echo(f"bilat: serving {settings.db} at {where} ({writes})", err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
