"""The dyad page, ``/dyads/{a}/{b}``: a pair's brief figures, trend chart and timeline,
filtered by type and window.

Every page of a pair is cut from the pair's material (``dyad_material``): what its pages
show whatever their filters, made from one read and one fusion of the pair once per store
version, kept on disk beside a DuckDB store (``material_files``) and made ahead for every
pair by the server after each change (``material_maker``). A page no memory holds then
costs reading that file, testing its rows and templating the latest items.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from bilat.client import Client
from bilat.interfaces.web.cache import AnswerCache, Version, store_version
from bilat.interfaces.web.dyad_material import MaterialUnreadable, encode, read_page
from bilat.interfaces.web.material_files import Shelf
from bilat.interfaces.web.params import ChartFilter
from bilat.interfaces.web.render import client_of, page
from bilat.records import EventType
from bilat.report.svg import trend_chart

router = APIRouter(include_in_schema=False)


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad(
    request: Request,
    a: str,
    b: str,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> HTMLResponse:
    chosen = ChartFilter.of(type, since, until)
    cache: AnswerCache = request.app.state.pages
    with client_of(request) as client:
        # Keyed by the codes, so pak/RUS, PAK/rus and Pakistan/Russia share one entry.
        first, second = client.resolve_actor(a).code, client.resolve_actor(b).code
        html = cache.get(
            ("dyad-html", first, second, chosen),
            store_version(client.settings.db),
            lambda: _dyad_html(request, client, first, second, chosen),
        )
    return HTMLResponse(html)


def _dyad_html(request: Request, client: Client, a: str, b: str, chosen: ChartFilter) -> str:
    state = request.app.state
    try:
        with material(client, state.cache, state.materials, a, b) as source:
            shown = read_page(source, chosen.keeper())
    except MaterialUnreadable:  # a file cut short or of another format: made again
        with io.BytesIO(make(client, state.cache, a, b)) as source:
            shown = read_page(source, chosen.keeper())
    head = shown.head
    title = f"{head.a.name}–{head.b.name}: " + (chosen.type.value if chosen.type else "events")
    context = {
        "head": head,
        "total": head.total,
        "chart": trend_chart(list(shown.series), title=title),
        "items": shown.items,
        "hidden": shown.kept - len(shown.items),
        "filters": {
            "type": chosen.type.value if chosen.type else "",
            "since": chosen.since.isoformat() if chosen.since else "",
            "until": chosen.until.isoformat() if chosen.until else "",
        },
        "filtered": chosen != ChartFilter(),
        "types": [t.value for t in EventType],
    }
    return bytes(page(request, "dyad.html.j2", context).body).decode("utf-8")


def make(client: Client, cache: AnswerCache, a: str, b: str) -> bytes:
    """The pair's material from the store: one read of the pair, one fusion. The drivers'
    store-wide baseline is one tally per store version, shared by every pair."""
    version = store_version(client.settings.db)
    baseline = cache.get(("drivers-baseline",), version, client.drivers_baseline)
    return encode(client.dyad_report(a, b, baseline))


def made_for(client: Client, cache: AnswerCache, a: str, b: str, version: Version) -> bool:
    """Make the pair's material of store version ``version`` and keep it on disk; whether
    it was kept (see ``_kept``)."""
    return _kept(client, cache, Shelf.of(client.settings, version), version, a, b)[1]


def _kept(
    client: Client, cache: AnswerCache, shelf: Shelf, version: Version, a: str, b: str
) -> tuple[bytes, bool]:
    """The pair's material, and whether it was kept on ``shelf``: not when the store
    changed while it was made (it may hold what came after ``version``), nor where the
    folder cannot be written."""
    data = make(client, cache, a, b)
    return data, store_version(client.settings.db) == version and shelf.put(a, b, data)


def material(
    client: Client, cache: AnswerCache, materials: AnswerCache, a: str, b: str
) -> IO[bytes]:
    """The pair's material for the store as it is: its file, or made now (once however
    many requests ask at the same time) and kept on disk; where the folder cannot be
    written, ``materials`` keeps it in memory for the store's version."""
    version = store_version(client.settings.db)
    if version is None:  # not a local file (PostgreSQL): made for each page
        return io.BytesIO(make(client, cache, a, b))
    shelf = Shelf.of(client.settings, version)
    found = shelf.open(a, b)
    if found is not None:
        return found

    def build() -> Path | bytes:
        data, kept = _kept(client, cache, shelf, version, a, b)
        return shelf.path(a, b) if kept else data

    made = materials.get(("dyad-material", a, b), version, build)
    if isinstance(made, bytes):
        return io.BytesIO(made)
    found = shelf.open(a, b)
    if found is None:  # removed (pruned) or replaced since: made again
        return io.BytesIO(_kept(client, cache, shelf, version, a, b)[0])
    return found
