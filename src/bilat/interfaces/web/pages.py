"""Server-rendered pages: home, dyad, article, events, network, search, actors."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from bilat import api
from bilat.analysis.network import Network, layout
from bilat.interfaces.web.downloads import router as download_router
from bilat.interfaces.web.dyad_page import router as dyad_router
from bilat.interfaces.web.params import page_filter, parse_day, parse_pair, parse_until
from bilat.interfaces.web.render import client_of, page
from bilat.interfaces.web.spans import article_pieces, snippet
from bilat.records import Event, EventType, Status
from bilat.report.svg import network_chart, trend_chart

router = APIRouter(include_in_schema=False)
router.include_router(download_router)
router.include_router(dyad_router)
PAGE = 50
SEARCH_PAGE = 25  # hits per search page, in each of the two lists
MAX_OFFSET = 10_000_000  # a larger offset is a 422, never a number the store cannot take
_LAST_DAY = date(9999, 12, 31)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    with client_of(request) as client:
        pairs = client.dyads()[:12]
        # A date bound leaves undated events out: "latest" means the latest dated ones.
        _, total = client.event_page(api.EventFilter(until=_LAST_DAY, limit=0))
        latest, _ = client.event_page(
            api.EventFilter(until=_LAST_DAY, limit=10), max(total - 10, 0)
        )
        _, articles = client.articles(1, 0)
        chart = trend_chart(client.monthly_series(), title="Events per month, by quad")
        context = {
            "chart": chart,
            "pairs": pairs,
            "latest": list(reversed(latest)),
            "articles": articles,
            "actors": client.actors()[:12],
        }
    return page(request, "home.html.j2", context)


@router.get("/dyads", response_class=HTMLResponse)
def dyads(request: Request, pair: str | None = None) -> Response:
    with client_of(request) as client:
        if pair:
            a, b = parse_pair(pair, client)
            return RedirectResponse(f"/dyads/{a}/{b}", status_code=303)
        return page(request, "dyads.html.j2", {"pairs": client.dyads()})


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request, offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0
) -> HTMLResponse:
    with client_of(request) as client:
        found, total = client.articles(PAGE, offset)
    context = {"articles": found, "total": total, "offset": offset, "step": PAGE}
    return page(request, "articles.html.j2", context)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    with client_of(request) as client:
        found = client.article(article_id)
        events = client.article_events(found.id)
        mentions = client.actor_mentions(found.body)
    pieces = article_pieces(found.body, events, mentions)
    # Each event's anchor sits where its sentence first starts, for links from elsewhere.
    anchors: dict[int, list[str]] = {}
    placed: set[str] = set()
    for index, piece in enumerate(pieces):
        for event_id in piece.events:
            if event_id not in placed:
                placed.add(event_id)
                anchors.setdefault(index, []).append(event_id)
    context = {"article": found, "events": events, "pieces": pieces, "anchors": anchors}
    return page(request, "article.html.j2", context)


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request,
    dyad: str | None = None,
    actor: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    status: str | None = None,
    min_confidence: Annotated[float, Query(ge=0.0, le=1.0)] = 0.0,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> HTMLResponse:
    with client_of(request) as client:
        flt = page_filter(
            client,
            dyad=dyad,
            actor=actor,
            type=type,
            since=since,
            until=until,
            status=status,
            min_confidence=min_confidence,
            limit=PAGE,
        )
        found, total = client.event_page(flt, offset)
    form = {
        "dyad": dyad or "",
        "actor": actor or "",
        "type": type or "",
        "since": since or "",
        "until": until or "",
        "status": status or "",
        "min_confidence": min_confidence or "",
    }
    context = {
        "events": found,
        "total": total,
        "offset": offset,
        "step": PAGE,
        "form": form,
        "types": [t.value for t in EventType],
        "statuses": [s.value for s in Status],
    }
    return page(request, "events.html.j2", context)


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, since: str | None = None, until: str | None = None) -> HTMLResponse:
    with client_of(request) as client:
        net = client.network(parse_day(since, "since"), parse_until(until))
    chart = network_chart(
        [(n.code, n.name) for n in net.nodes],
        [(e.a, e.b, e.weight) for e in net.edges],
        size=560,
    )
    context = {
        "net": net,
        "chart": chart,
        "graph": _graph_data(net),
        "since": since or "",
        "until": until or "",
    }
    return page(request, "network.html.j2", context)


def _graph_data(net: Network) -> dict[str, Any]:
    """What static/network.js draws: nodes at their networkx positions, signed edges."""
    place = layout(net)
    strength = {c.code: c.strength for c in net.centrality}
    return {
        "nodes": [
            {
                "code": n.code,
                "name": n.name,
                "events": n.events,
                "strength": strength.get(n.code, 0.0),
                "x": round(place[n.code][0], 4),
                "y": round(place[n.code][1], 4),
            }
            for n in net.nodes
        ],
        "edges": [
            {"a": e.a, "b": e.b, "events": e.events, "weight": round(e.weight, 3), "sign": e.sign}
            for e in net.edges
        ],
    }


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    q: Annotated[str, Query(max_length=200)] = "",
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> HTMLResponse:
    found = None
    if q.strip():
        with client_of(request) as client:
            found = client.search(q, SEARCH_PAGE, offset)
    hits = []
    if found is not None:
        hits = [(h, snippet(h.article.body, h.at, found.terms)) for h in found.articles]
    total = max(found.total_articles, found.total_events) if found is not None else 0
    context = {
        "q": q,
        "found": found,
        "hits": hits,
        "events": _marked(found),
        "offset": offset,
        "step": SEARCH_PAGE,
        "total": total,
    }
    return page(request, "search.html.j2", context)


def _marked(found: api.SearchResult | None) -> list[tuple[Event, list[Any]]]:
    if found is None:
        return []
    return [(e, snippet(e.evidence.sentence, 0, found.terms, width=1000)) for e in found.events]


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request) -> HTMLResponse:
    with client_of(request) as client:
        found = client.actors()
    return page(request, "actors.html.j2", {"actors": found})
