"""`bilat export`, `bilat import` and `bilat network`: thin wrappers over bilat.api."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from bilat import api
from bilat.config import Settings
from bilat.report import exports


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


def _settings(ctx: typer.Context) -> Settings:
    settings = ctx.obj
    assert isinstance(settings, Settings)
    return settings


def _when(value: str | None, *, end: bool = False) -> date | None:
    """A date bound at any precision; ``until 2021`` means up to 2021-12-31."""
    if value is None:
        return None
    from bilat.nlp.dates import parse_date

    span = parse_date(value)
    if span is None:
        raise typer.BadParameter(f"not a date: {value!r} (try 2021, 2021-09 or 2021-09-30)")
    return span.end if end else span.start


def _pair(value: str, settings: Settings) -> tuple[str, str]:
    left, sep, right = value.partition("-")
    if not sep:
        raise typer.BadParameter("write a pair as A-B, e.g. PAK-RUS")
    return (api.resolve_actor(left, settings).code, api.resolve_actor(right, settings).code)


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
    settings = _settings(ctx)
    flt = api.EventFilter(
        dyad=_pair(dyad, settings) if dyad else None,
        actor=api.resolve_actor(actor, settings).code if actor else None,
        since=_when(since),
        until=_when(until, end=True),
    )
    if format is ExportChoice.parquet and output is None and sys.stdout.isatty():
        raise typer.BadParameter("Parquet is binary: write it with -o FILE or a pipe")
    _write(api.export(format.value, flt, settings), output)  # type: ignore[arg-type]


def import_events(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="A JSONL file from `bilat export`, or - for stdin.")],
) -> None:
    """Store the articles and events of a `bilat export --format jsonl` file."""
    summary = api.import_events(file, _settings(ctx))
    typer.echo(
        f"{summary.seen} articles in {file}: {summary.stored} stored, "
        f"{summary.unchanged} already stored; {summary.events} events stored",
        err=True,
    )


def network(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option(help="Earliest date (2021, 2021-09, ...).")] = None,
    until: Annotated[str | None, typer.Option(help="Latest date.")] = None,
    format: Annotated[
        NetworkFormat, typer.Option(help="json, graphml or svg.")
    ] = NetworkFormat.json,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to a file.")] = None,
) -> None:
    """The signed alignment network of all actors: edges, balanced and strained triads."""
    net = api.network(_when(since), _when(until, end=True), _settings(ctx))
    if format is NetworkFormat.graphml:
        text = exports.network_graphml(net)
    elif format is NetworkFormat.svg:
        text = exports.network_svg(net)
    else:
        text = json.dumps(exports.network_json(net), ensure_ascii=False, indent=2) + "\n"
    _write(text.encode("utf-8"), output)


def register(app: typer.Typer) -> None:
    """Add the commands of this module to the `bilat` app."""
    app.command()(export)
    app.command("import")(import_events)
    app.command()(network)
