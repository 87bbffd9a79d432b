"""CSV downloads of the events and dyads pages: the same filters, every matching row."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from bilat.interfaces.web.params import page_filter
from bilat.interfaces.web.render import client_of

router = APIRouter(include_in_schema=False)


def _csv(text: str, name: str) -> Response:
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/events.csv")
def events_csv(
    request: Request,
    dyad: str | None = None,
    actor: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    status: str | None = None,
    min_confidence: Annotated[float, Query(ge=0.0, le=1.0)] = 0.0,
) -> Response:
    """Every event the events page shows for these filters, in the columns of
    ``bilat export --format csv`` (with the article's url, title and date)."""
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
            limit=0,
        )
        data = client.export("csv", replace(flt, limit=None))
    return _csv(data.decode("utf-8"), "bilat-events.csv")


@router.get("/dyads.csv")
def dyads_csv(request: Request) -> Response:
    """Every pair of actors with its number of events, as the dyads page lists them."""
    with client_of(request) as client:
        names = {code: name for code, name, _ in client.actors()}
        pairs = client.dyads()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["a", "a_name", "b", "b_name", "events"])
    for a, b, n in pairs:
        writer.writerow([a, names.get(a, a), b, names.get(b, b), n])
    return _csv(buffer.getvalue(), "bilat-dyads.csv")
