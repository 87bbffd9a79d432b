"""The FastAPI application: JSON API under /api, pages at /, assets under /static.

Every request reads through a ``bilat.Client`` of its own. On a DuckDB file it reads a
cursor on one read-only database the app keeps open (``bilat.store.kept``), which is let
go whenever a writer waits, since DuckDB lets several readers share a file but one
writer excludes everyone else; the write endpoint opens it read-write briefly. A store
that another process holds is answered with 503 and a message saying so.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from bilat.config import Settings
from bilat.errors import BilatError, InputRejected, NotFound, StoreError, UnknownActor
from bilat.interfaces.web.api_routes import ArticleIn
from bilat.interfaces.web.api_routes import router as api_router
from bilat.interfaces.web.cache import AnswerCache, store_version
from bilat.interfaces.web.limits import BodyLimit, HostCheck, SecurityHeaders
from bilat.interfaces.web.material_maker import MaterialMaker
from bilat.interfaces.web.page_cache import PageCache
from bilat.interfaces.web.pages import router as page_router
from bilat.interfaces.web.render import error_page
from bilat.store import kept_reads

STATIC = Path(__file__).parent / "static"


def create_app(settings: Settings) -> FastAPI:
    """The web app over the store ``settings.db``; every request reads through a
    ``bilat.Client`` of its own over these settings."""
    app = FastAPI(
        title="bilat",
        summary="PLOVER-coded events between countries, each with the sentence that states it.",
        version="1",
        openapi_url="/openapi.json",
        docs_url=None,  # the Swagger page loads its assets from a CDN
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.reads = kept_reads(settings.db, settings.lock_wait)
    # Fused dyads are big and few are asked for at once; rendered answers are small and many.
    app.state.cache = AnswerCache(size=32)
    app.state.pages = AnswerCache(size=1024)
    # Dyad page material made where it cannot be kept on disk (dyad_page.material).
    app.state.materials = AnswerCache(size=8)
    app.state.write_lock = asyncio.Lock()  # one ingest at a time: DuckDB has one writer
    app.include_router(api_router)
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(BilatError, _bilat_error)
    # The last added is outermost: security headers go on every answer (a 413 and a
    # page from memory too), the size limit sees the body before anything reads it.
    app.add_middleware(PageCache, version=functools.partial(store_version, settings.db), size=256)
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    app.add_middleware(HostCheck, allowed=settings.allowed_hosts)
    app.add_middleware(SecurityHeaders)
    app.openapi = functools.partial(_openapi, app)  # type: ignore[method-assign]
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    maker = MaterialMaker(settings, app.state.reads, app.state.cache)
    if settings.pages_ahead:
        maker.start()  # every pair's dyad page material, after each change to the store
    yield
    await asyncio.to_thread(maker.stop)
    if app.state.reads is not None:
        app.state.reads.close()  # let the file go when the server stops


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's spec plus what the hand-read POST body and the bearer scheme need."""
    if app.openapi_schema is None:
        spec = get_openapi(
            title=app.title,
            version=app.version,
            summary=app.summary,
            routes=app.routes,
        )
        components = spec.setdefault("components", {})
        components.setdefault("schemas", {})["ArticleIn"] = ArticleIn.model_json_schema()
        components["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
        app.openapi_schema = spec
    return app.openapi_schema


def status_of(exc: BilatError) -> int:
    """The HTTP status a bilat error stands for."""
    if isinstance(exc, NotFound | UnknownActor):
        return 404
    if isinstance(exc, StoreError):
        return 503  # locked by a writer, not created yet, or needing an upgrade: try later
    if isinstance(exc, InputRejected):
        return 422
    return 400


async def _bilat_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, BilatError)
    status = status_of(exc)
    headers = {"Retry-After": "2"} if status == 503 else None
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": str(exc)}, status_code=status, headers=headers)
    return error_page(request, status, str(exc), headers=headers)
