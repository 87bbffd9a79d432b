"""`bilat compare`: two event sets side by side, by dyad and month."""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from bilat import api
from bilat.analysis.compare import CompareRow, Comparison
from bilat.interfaces.options import client_of, date_bound, pair_of

FIELDS = [
    "a", "b", "month", "left_events", "right_events", "left_cooperation", "right_cooperation",
    "left_conflict", "right_conflict",
]  # fmt: skip


class CompareFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def _row(r: CompareRow) -> dict[str, Any]:
    return {
        "a": r.a,
        "b": r.b,
        "month": r.month,
        "left_events": r.left.events,
        "right_events": r.right.events,
        "left_cooperation": r.left.cooperation,
        "right_cooperation": r.right.cooperation,
        "left_conflict": r.left.conflict,
        "right_conflict": r.right.conflict,
    }


def _summary(found: Comparison, left: str, right: str) -> str:
    r = found.correlation
    return (
        f"{len(found.rows)} dyad-months: {found.both} in both, {found.only_left} only in "
        f"{left}, {found.only_right} only in {right}; correlation of counts "
        + ("n/a" if r is None else f"{r:.2f}")
        + f"; not placed in a dyad-month: {found.unplaced[0]} in {left}, "
        f"{found.unplaced[1]} in {right}"
    )


def compare(
    ctx: typer.Context,
    first: Annotated[
        str, typer.Argument(help="An event file or a store (.duckdb file, postgresql:// URL).")
    ],
    second: Annotated[
        str | None, typer.Argument(help="Another one; without it FIRST is set beside --db.")
    ] = None,
    dyad: Annotated[str | None, typer.Option(help="Only this pair, e.g. PAK-RUS.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest date (2021, 2021-09, ...).")] = None,
    until: Annotated[str | None, typer.Option(help="Latest date.")] = None,
    format: Annotated[
        CompareFormat, typer.Option(help="table, csv or json.", case_sensitive=False)
    ] = CompareFormat.table,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to a file.")] = None,
) -> None:
    """Line up two event sets by dyad and month: events, cooperative and conflictual, in each."""
    client = client_of(ctx)
    flt = api.EventFilter(
        dyad=pair_of(dyad, client) if dyad else None,
        since=date_bound(since),
        until=date_bound(until, end=True),
    )
    left, right = (None, first) if second is None else (first, second)
    found = client.compare(left, right, flt)
    left_name = left or "the store"
    rows = [_row(r) for r in found.rows]
    if format is CompareFormat.json:
        text = json.dumps({"left": left_name, "right": right, "rows": rows}, indent=2) + "\n"
    elif format is CompareFormat.csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(rows)
        text = buffer.getvalue()
    else:
        text = _table(found, left_name, right)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {output}", err=True)
    typer.echo(_summary(found, left_name, right), err=True)


def _table(found: Comparison, left: str, right: str) -> str:
    table = Table("dyad", "month", left, right, "coop. / conflict", "coop. / conflict")
    for r in found.rows:
        table.add_row(
            f"{r.a}-{r.b}",
            r.month,
            str(r.left.events),
            str(r.right.events),
            f"{r.left.cooperation} / {r.left.conflict}",
            f"{r.right.cooperation} / {r.right.conflict}",
        )
    buffer = io.StringIO()
    Console(file=buffer, width=120).print(table)
    return buffer.getvalue()


def register(app: typer.Typer) -> None:
    """Add `bilat compare` to the `bilat` app."""
    app.command()(compare)
