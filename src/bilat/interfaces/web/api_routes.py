"""The JSON API under /api. Reads are open; POST /api/articles needs the bearer token."""

from __future__ import annotations

import hmac
import json
import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from bilat import api
from bilat.client import Client
from bilat.codec.json_form import event_json
from bilat.config import Settings
from bilat.errors import BilatError
from bilat.interfaces.web.cache import AnswerCache, store_version
from bilat.interfaces.web.convert import (
    article_json,
    article_summary,
    dyad_json,
    hit_json,
    network_json,
    series_json,
    timeline_json,
)
from bilat.interfaces.web.limits import BRIEF_CSP
from bilat.interfaces.web.params import event_filter, parse_day, parse_until
from bilat.interfaces.web.render import client_of, settings_of
from bilat.interfaces.web.spans import snippet
from bilat.records import EventType, RunSummary, Status


class ErrorOut(BaseModel):
    """Why a request failed."""

    detail: str


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorOut, "description": description}


# Answers every route may give besides its own: named in the spec so clients
# (and schemathesis) know them.
ERRORS: dict[int | str, dict[str, Any]] = {
    400: _error("A parameter bilat cannot use (a date, a pair, an actor it does not know)"),
    404: _error("No such article, actor or pair"),
    503: _error("The store is locked by a writer, missing, or needs an upgrade: try later"),
}
router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)

Limit = Annotated[int, Query(ge=1, le=1000, description="At most this many items.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Skip this many items.")]
Actor = Annotated[str, Query(min_length=1, max_length=80)]
MAX_POSTED = 100


@router.get("/articles", summary="Stored articles, in the order they were stored")
def list_articles(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    with client_of(request) as client:
        found, total = client.articles(limit, offset)
    items = [article_summary(a) for a in found]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/articles/{article_id}", summary="One article with its events and highlight spans")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    with client_of(request) as client:
        found = client.article(article_id)
        events = client.article_events(found.id)
        return article_json(found, events, client.actor_mentions(found.body))


@router.get("/events", summary="Stored events with the filters of `bilat events`, paginated")
def list_events(
    request: Request,
    dyad: Annotated[str | None, Query(description="Pair of actors, e.g. PAK-RUS.")] = None,
    actor: Annotated[str | None, Query(description="Events involving this actor.")] = None,
    type: Annotated[EventType | None, Query(description="PLOVER event type.")] = None,
    since: Annotated[str | None, Query(description="Earliest date (2021, 2021-09...).")] = None,
    until: Annotated[str | None, Query(description="Latest date.")] = None,
    status: Annotated[Status | None, Query(description="occurred, planned...")] = None,
    min_confidence: Annotated[float, Query(ge=0.0, le=1.0)] = 0.0,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    with client_of(request) as client:
        flt = event_filter(
            client,
            dyad=dyad,
            actor=actor,
            type=type,
            since=since,
            until=until,
            status=status,
            min_confidence=min_confidence,
            limit=limit,
        )
        found, total = client.event_page(flt, offset)
    items = [event_json(e) for e in found]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/actors", summary="Actors in the store with their number of events")
def list_actors(request: Request) -> list[dict[str, Any]]:
    with client_of(request) as client:
        found = client.actors()
    return [{"code": code, "name": name, "events": n} for code, name, n in found]


@router.get("/dyads", summary="Pairs of actors with their number of events, most first")
def list_dyads(request: Request, limit: Limit = 100) -> list[dict[str, Any]]:
    with client_of(request) as client:
        found = client.dyads()[:limit]
    return [{"a": a, "b": b, "events": n} for a, b, n in found]


@router.get(
    "/dyads/{a}/{b}",
    summary="A pair's fused timeline (paginated), period series and sectors",
    response_class=Response,
    responses={200: {"content": {"application/json": {"schema": {"type": "object"}}}}},
)
def get_dyad(
    request: Request,
    a: str,
    b: str,
    freq: Literal["month", "year"] = "month",
    limit: Annotated[int, Query(ge=1, le=1000, description="Timeline items.")] = 100,
    offset: Offset = 0,
) -> Response:
    cache: AnswerCache = request.app.state.cache
    pages: AnswerCache = request.app.state.pages
    with client_of(request) as client:
        version = store_version(client.settings.db)
        # Keyed by the codes, so pak/RUS, PAK/rus and Pakistan/Russia share one entry.
        a, b = client.resolve_actor(a).code, client.resolve_actor(b).code

        def page() -> bytes:
            view = cache.get(
                ("dyad", a, b, freq), version, lambda: client.dyad_overview(a, b, freq)
            )
            body = dyad_json(view, limit=limit, offset=offset)
            return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

        body = pages.get((a, b, freq, limit, offset), version, page)
    return Response(body, media_type="application/json")


@router.get("/dyads/{a}/{b}/timeline", summary="A pair's fused events in date order")
def get_timeline(
    request: Request,
    a: str,
    b: str,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    with client_of(request) as client:
        view = client.dyad_overview(a, b, "month")
    return [timeline_json(i) for i in view.timeline[offset : offset + limit]]


@router.get("/dyads/{a}/{b}/series", summary="A pair's events per period by quad")
def get_series(
    request: Request, a: str, b: str, freq: Literal["month", "year"] = "month"
) -> list[dict[str, Any]]:
    with client_of(request) as client:
        view = client.dyad_overview(a, b, freq)
    return [series_json(p) for p in view.series]


@router.get(
    "/dyads/{a}/{b}/brief",
    summary="A cited brief on the pair",
    response_class=Response,
    responses={
        200: {
            "content": {
                "text/markdown": {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}},
            }
        }
    },
)
def get_brief(request: Request, a: str, b: str, format: Literal["md", "html"] = "md") -> Response:
    with client_of(request) as client:
        text = client.brief(a, b, format)
    if format == "html":  # self-contained: its styles are inline, and it runs no script
        return HTMLResponse(text, headers={"Content-Security-Policy": BRIEF_CSP})
    return PlainTextResponse(text, media_type="text/markdown; charset=utf-8")


@router.get("/network", summary="The signed alignment network over a time window")
def get_network(
    request: Request, since: str | None = None, until: str | None = None
) -> dict[str, Any]:
    with client_of(request) as client:
        net = client.network(parse_day(since, "since"), parse_until(until))
    return network_json(net)


@router.get(
    "/search",
    summary="Full-text search over article texts and event sentences, best first, paginated",
)
def get_search(
    request: Request,
    q: Annotated[str, Query(max_length=200, description="Words, all of which must occur.")],
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    with client_of(request) as client:
        found = client.search(q, limit, offset)
    return {
        "terms": list(found.terms),
        "limit": limit,
        "offset": offset,
        "total_articles": found.total_articles,
        "total_events": found.total_events,
        "articles": [
            hit_json(h, snippet(h.article.body, h.at, found.terms)) for h in found.articles
        ],
        "events": [event_json(e) for e in found.events],
    }


class ArticleIn(BaseModel):
    """An article to ingest: ``text`` or ``html``; or only ``url``, when bilat can fetch."""

    text: str | None = None
    html: str | None = None
    url: Annotated[str | None, Field(max_length=2000)] = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    publisher: str | None = None


_SURROGATE = re.compile("[\ud800-\udfff]")
_POSTED: TypeAdapter[ArticleIn | list[ArticleIn]] = TypeAdapter(ArticleIn | list[ArticleIn])
_POST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "oneOf": [
                        {"$ref": "#/components/schemas/ArticleIn"},
                        {"type": "array", "items": {"$ref": "#/components/schemas/ArticleIn"}},
                    ]
                }
            },
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        },
    },
    "security": [{"bearer": []}],
}


@router.post(
    "/articles",
    status_code=201,
    summary="Ingest articles (needs `Authorization: Bearer <api_token>`)",
    openapi_extra=_POST_BODY,
    responses={
        400: _error("Not an article or a list of articles, or not UTF-8"),
        401: _error("No bearer token given"),
        403: _error("Wrong token"),
        404: _error("Writing is off: no api_token is set"),
        413: _error("Body over max_request_bytes"),
        422: _error("An article bilat refused"),
        503: _error("The store is locked by another process"),
    },
)
async def post_articles(
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
) -> JSONResponse:
    settings = settings_of(request)
    if not settings.api_token:
        return JSONResponse({"detail": "writing is off: set api_token to enable it"}, 404)
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        return JSONResponse(
            {"detail": "send Authorization: Bearer <token>"},
            401,
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(given.strip().encode(), settings.api_token.encode()):
        return JSONResponse({"detail": "wrong token"}, 403)
    items = _posted(request.headers.get("content-type", ""), await request.body())
    async with request.app.state.write_lock:
        summary = await run_in_threadpool(_ingest, settings, items)
    return JSONResponse(
        {
            "seen": summary.seen,
            "stored": summary.stored,
            "unchanged": summary.unchanged,
            "events": summary.events,
            "rejections": [
                {"stage": r.stage, "reason": r.reason, "source": r.source}
                for r in summary.rejections
            ],
        },
        # 201 only when something was stored; all refused is a 422, all known a 200.
        201 if summary.stored else 422 if summary.rejections else 200,
    )


def _ingest(settings: Settings, items: list[api.NewArticle]) -> RunSummary:
    """Store posted articles (in a worker thread: the Client is opened and closed there)."""
    with Client(settings) as client:
        return client.ingest_new(items)


def _posted(content_type: str, body: bytes) -> list[api.NewArticle]:
    kind = content_type.split(";", 1)[0].strip().lower()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BilatError(f"the body is not UTF-8 ({e.reason} at byte {e.start})") from e
    if kind in ("text/plain", "text/html") and not text.strip():
        raise BilatError("the body is empty: send the article's text or HTML")
    if kind == "text/plain":
        return [api.NewArticle(text=text)]
    if kind == "text/html":
        return [api.NewArticle(html=text)]
    if kind != "application/json":
        raise BilatError("send application/json, text/plain or text/html")
    try:
        value = _POSTED.validate_python(json.loads(text))
    except (ValueError, ValidationError) as e:
        raise BilatError(f"not an article or a list of articles: {str(e)[:300]}") from e
    except RecursionError as e:  # json.loads on arrays or objects nested thousands deep
        raise BilatError("not an article or a list of articles: nested too deeply") from e
    given = value if isinstance(value, list) else [value]
    if not given or len(given) > MAX_POSTED:
        raise BilatError(f"send between 1 and {MAX_POSTED} articles")
    out = []
    for item in given:
        if not (item.text or item.html or item.url):
            raise BilatError('each article needs "text", "html" or "url"')
        if item.url and not item.url.lower().startswith(("http://", "https://")):
            raise BilatError(f"only http(s) URLs: {item.url[:80]!r}")
        fields = item.model_dump()
        # JSON may escape a lone surrogate ("\ud800"): no text, and it cannot be stored.
        if any(isinstance(v, str) and _SURROGATE.search(v) for v in fields.values()):
            raise BilatError("a string holds a lone surrogate (\\ud800-\\udfff): not text")
        out.append(api.NewArticle(**fields))
    return out
