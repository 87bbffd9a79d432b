"""`bilat export`, `bilat import`, `bilat network` and (from cli_compare) `bilat compare`:
thin wrappers over the verbs of the command's ``bilat.Client``."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from bilat import api
from bilat.interfaces import cli_compare
from bilat.interfaces.options import client_of, date_bound, pair_of
from bilat.report import charts, exports, graphml

# Exit codes of `bilat` (as in bilat.interfaces.cli): some rows refused / nothing usable.
EXIT_REJECTED = 3
EXIT_ERROR = 2


class ExportChoice(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    plover_json = "plover-json"
    graphml = "graphml"


class NetworkFormat(StrEnum):
    json = "json"
    graphml = "graphml"
    svg = "svg"
    png = "png"


def _write(data: bytes, output: Path | None) -> None:
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        output.write_bytes(data)
        typer.echo(f"wrote {output}", err=True)


def export(
    ctx: typer.Context,
    format: Annotated[
        ExportChoice, typer.Option(help="csv, jsonl, parquet, plover-json or graphml.")
    ] = ExportChoice.jsonl,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to a file.")] = None,
    dyad: Annotated[str | None, typer.Option(help="Only this pair, e.g. PAK-RUS.")] = None,
    actor: Annotated[str | None, typer.Option(help="Only events involving this actor.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest date (2021, 2021-09, ...).")] = None,
    until: Annotated[str | None, typer.Option(help="Latest date.")] = None,
) -> None:
    """Export stored events (graphml: their alignment network)."""
    client = client_of(ctx)
    flt = api.EventFilter(
        dyad=pair_of(dyad, client) if dyad else None,
        actor=client.resolve_actor(actor).code if actor else None,
        since=date_bound(since),
        until=date_bound(until, end=True),
    )
    if format is ExportChoice.parquet and output is None and sys.stdout.isatty():
        raise typer.BadParameter("Parquet is binary: write it with -o FILE or a pipe")
    _write(client.export(format.value, flt), output)  # type: ignore[arg-type]


class ImportChoice(StrEnum):
    auto = "auto"
    jsonl = "jsonl"
    plover_json = "plover-json"
    polecat = "polecat"
    icews = "icews"
    gdelt = "gdelt"


def import_events(
    ctx: typer.Context,
    file: Annotated[
        str, typer.Argument(help="An event file (export, POLECAT, ICEWS, GDELT), or - for stdin.")
    ],
    format: Annotated[
        ImportChoice,
        typer.Option(
            help="auto (tell by the first line), jsonl, plover-json, polecat, icews or gdelt.",
            case_sensitive=False,
        ),
    ] = ImportChoice.auto,
) -> None:
    """Store the events of a bilat export or of a POLECAT, ICEWS or GDELT file."""
    done = client_of(ctx).import_events(file, format.value)  # type: ignore[arg-type]
    summary = done.summary
    for rejection in summary.rejections:
        typer.echo(f"rejected {rejection.source}: {rejection.reason}", err=True)
    for reason, count in done.skipped:
        typer.echo(f"skipped {count} rows of {reason}: PLOVER has no type for it", err=True)
    typer.echo(
        f"{summary.seen} articles in {file} ({done.format}): {summary.stored} stored, "
        f"{summary.unchanged} already stored; {summary.events} events stored, "
        f"{len(summary.rejections)} rows rejected",
        err=True,
    )
    if summary.rejections:
        raise typer.Exit(EXIT_REJECTED if summary.stored else EXIT_ERROR)


def network(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option(help="Earliest date (2021, 2021-09, ...).")] = None,
    until: Annotated[str | None, typer.Option(help="Latest date.")] = None,
    format: Annotated[
        NetworkFormat, typer.Option(help="json, graphml, svg or png.")
    ] = NetworkFormat.json,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to a file.")] = None,
) -> None:
    """The signed alignment network of all actors: edges, balanced and strained triads."""
    if format is NetworkFormat.png and output is None and sys.stdout.isatty():
        raise typer.BadParameter("PNG is binary: write it with -o FILE or a pipe")
    net = client_of(ctx).network(date_bound(since), date_bound(until, end=True))
    if format is NetworkFormat.png:
        _write(charts.network_picture(net, "png"), output)
        return
    if format is NetworkFormat.graphml:
        text = graphml.network_graphml(net)
    elif format is NetworkFormat.svg:
        text = charts.network_picture(net, "svg").decode("utf-8")
    else:
        text = json.dumps(exports.network_json(net), ensure_ascii=False, indent=2) + "\n"
    _write(text.encode("utf-8"), output)


def register(app: typer.Typer) -> None:
    """Add the commands of this module to the `bilat` app."""
    app.command()(export)
    app.command("import")(import_events)
    app.command()(network)
    cli_compare.register(app)
