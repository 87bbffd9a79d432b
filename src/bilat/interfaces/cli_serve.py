"""`bilat serve`: the HTTP API and web dashboard."""

from __future__ import annotations

import gc
import json
import os
from dataclasses import asdict, replace
from typing import TYPE_CHECKING, Annotated

import typer

from bilat.config import Settings
from bilat.interfaces.options import settings_of
from bilat.interfaces.web.limits import host_name

if TYPE_CHECKING:
    from fastapi import FastAPI

# The names a browser on this machine reaches a loopback server by.
_LOOPBACK = ("localhost", "127.0.0.1", "::1")
# The settings, as JSON, for the worker processes of `bilat serve --workers N`.
SETTINGS_VARIABLE = "BILAT_SERVE_SETTINGS"


def register(app: typer.Typer) -> None:
    """Add ``bilat serve`` to the command line."""
    app.command()(serve)


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=0, max=65535)] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            help="Server processes: pages no memory holds are rendered on as many CPUs; "
            "each process keeps its own page memory and its own read of the store.",
            min=1,
            max=64,
        ),
    ] = 1,
) -> None:
    """Serve the web dashboard and the JSON API (read-only unless api_token is set)."""
    import uvicorn

    from bilat.interfaces.web import create_app

    settings = settings_of(ctx)
    if not settings.allowed_hosts and host_name(host) in _LOOPBACK:
        settings = replace(settings, allowed_hosts=_LOOPBACK)  # no DNS rebinding onto it
    where = f"http://{host}:{port}/" if ":" not in host else f"http://[{host}]:{port}/"
    writes = "POST /api/articles needs the api_token" if settings.api_token else "read-only"
    processes = f", {workers} processes" if workers > 1 else ""
    typer.echo(f"bilat: serving {settings.db} at {where} ({writes}{processes})", err=True)
    if workers == 1:
        uvicorn.run(_settled(create_app(settings)), host=host, port=port, log_level="warning")
        return
    # Worker processes build their app from an import string: the settings go with them
    # in their environment (readable by this user only, as the settings file is).
    os.environ[SETTINGS_VARIABLE] = json.dumps(asdict(settings))
    uvicorn.run(
        f"{__name__}:worker_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )


def worker_app() -> FastAPI:
    """The app of one worker process of ``bilat serve --workers N`` (uvicorn calls it)."""
    from bilat.interfaces.web import create_app

    return _settled(create_app(Settings().with_values(json.loads(os.environ[SETTINGS_VARIABLE]))))


def _settled(app: FastAPI) -> FastAPI:
    """The app, once what every request shares is loaded (the shipped actor knowledge base)
    and set aside from the garbage collector: a full collection walks every object it
    tracks (about 120,000 here, half of them the knowledge base), and it ran every few
    dyad pages of the 1,000,000-event store at about 60 ms each. Frozen, they are never
    walked (they live as long as the server anyway)."""
    from bilat.nlp.actors import ActorResolver

    ActorResolver.load()  # built once per process
    gc.collect()
    gc.freeze()
    return app
