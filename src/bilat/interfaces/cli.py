"""The `bilat` command line: thin wrappers over the verbs of one ``bilat.Client`` per command
(the methods that ``bilat.api``'s functions of the same names call)."""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from bilat import api
from bilat.client import Client
from bilat.codec.flat import CSV_FIELDS, event_row
from bilat.codec.json_form import event_json
from bilat.interfaces import cli_bench, cli_exports, cli_serve, conventions, serialise
from bilat.interfaces.conventions import EXIT_EMPTY, EXIT_ERROR, EXIT_REJECTED
from bilat.interfaces.eval_cli import eval_app
from bilat.interfaces.ingest_output import IngestOutput, printable, stop_on_ctrl_c, summary_line
from bilat.interfaces.options import client_of, date_range, pair_of
from bilat.records import Event, EventType, RunSummary, Status
from bilat.watch import Outcome, WatchRound

app = typer.Typer(
    name="bilat",
    help="Sourced, PLOVER-coded records of international relations from news and analysis.",
    cls=conventions.GlobalOptionsAnywhere,
    rich_markup_mode=None,
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(eval_app, name="eval")
cli_bench.register(app)
cli_serve.register(app)

EXIT_INTERRUPTED = 130  # as a shell reports a command ended by Ctrl-C


err = Console(stderr=True)


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class TimelineFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class BriefFormat(StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            metavar="PATH|URL",
            help="Store: a DuckDB file or a postgresql:// URL; before or after the command "
            "(default: setting db, bilat.duckdb).",
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="Settings file; before or after the command (default: ./bilat.toml).",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            is_eager=True,
            callback=conventions.version_callback,
            help="Print the version.",
        ),
    ] = False,
) -> None:
    """Global options: where the store is and which settings file to read. The command's
    Client (settings, store, actor resolver) is closed when the command ends."""
    ctx.obj = ctx.with_resource(Client(db=db, config=config))


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files, folders, JSONL files, URLs or - for stdin.")
    ] = None,
    batch_size: Annotated[
        int | None, typer.Option(help="Articles per batch (default: setting batch_size, 32).")
    ] = None,
    engine: Annotated[
        str | None,
        typer.Option(
            help="Where to parse: local or ray, pip install 'bilat[ray]' (default: setting "
            "engine, local)."
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Worker processes (local) or parsing actors (ray) (default: setting workers, 1)."
        ),
    ] = None,
    address: Annotated[
        str | None, typer.Option(help="Ray cluster to use (default: start a local one).")
    ] = None,
    watch: Annotated[
        str | None, typer.Option(help="Poll this RSS/Atom feed (URL or file) instead of PATHS.")
    ] = None,
    interval: Annotated[
        float | None,
        typer.Option(
            help="Seconds between polls of --watch when it changes (default: setting "
            "watch_interval, 300)."
        ),
    ] = None,
    rounds: Annotated[
        int | None, typer.Option(min=1, help="Stop --watch after this many polls (default: never).")
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only the summary line.")
    ] = False,
) -> None:
    """Read articles, extract their events and store both.

    Rejections are printed as they happen, with progress: a bar on a terminal, else a line
    every few seconds. Ctrl-C stops after the current batch and prints the summary."""
    given = {"batch_size": batch_size or None, "engine": engine, "workers": workers}
    changes = {k: v for k, v in {**given, "ray_address": address}.items() if v is not None}
    client = client_of(ctx, **changes)
    if watch is not None:
        if paths:
            raise typer.BadParameter("give PATHS or --watch FEED, not both")
        _watch(client, watch, rounds, interval)
        return
    if not paths:
        raise typer.BadParameter("name what to read (PATHS), or a feed to --watch")
    if rounds is not None or interval is not None:
        raise typer.BadParameter("--rounds and --interval go with --watch")
    _ingest_paths(client, paths, quiet)


def _ingest_paths(client: Client, paths: list[str], quiet: bool) -> None:
    """Ingest with progress on stderr, then the summary line and the exit code it means."""
    # Plain lines, never wrapped: scripts grep them.
    every = client.settings.progress_interval
    output = IngestOutput(api.planned_inputs(paths), quiet=quiet, stream=sys.stderr, every=every)
    with output.running(), stop_on_ctrl_c(lambda line: typer.echo(line, err=True)) as stop:
        summary = client.ingest(paths, progress=output, stop=stop)
    typer.echo(summary_line(summary), err=True)
    if summary.interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)
    _exit_for(summary)


def _exit_for(summary: RunSummary) -> None:
    """0: everything read was stored; 3: some stored, some rejected; 2: nothing could be read."""
    if summary.stored + summary.unchanged == 0 and (summary.rejections or not summary.seen):
        why = "every input was rejected" if summary.rejections else "no articles found"
        typer.echo(f"bilat: nothing stored: {why}", err=True)
        raise typer.Exit(EXIT_ERROR)
    if summary.rejections:
        raise typer.Exit(EXIT_REJECTED)


def _watch(client: Client, feed: str, rounds: int | None, interval: float | None) -> None:
    """`ingest --watch`: one line per round, a summary at the end (after Ctrl-C too)."""

    def show(done: WatchRound) -> None:
        for rejection in done.summary.rejections:
            line = f"rejected {printable(rejection.source)}: {printable(rejection.reason)}"
            typer.echo(line, err=True)
        if done.outcome is Outcome.ERROR:
            what = f"feed failed: {printable(done.reason or '')}"
        elif done.summary.seen:
            what = summary_line(done.summary)
        else:
            what = "feed unchanged"
        typer.echo(f"round {done.number}: {what}; next poll in {done.wait:g} s", err=True)

    result = client.watch(feed, rounds, interval, on_round=show)
    ended = "interrupted" if result.interrupted else "done"
    typer.echo(
        f"watch {ended} after {result.rounds} rounds: {result.stored} articles stored, "
        f"{result.rejected} rejected; {result.events} events",
        err=True,
    )


@app.command()
def events(
    ctx: typer.Context,
    dyad: Annotated[str | None, typer.Option(help="Pair of actors, e.g. PAK-RUS.")] = None,
    actor: Annotated[str | None, typer.Option(help="Events involving this actor.")] = None,
    type: Annotated[
        EventType | None,
        typer.Option(case_sensitive=False, help="PLOVER event type: AGREE, CONSULT, ..."),
    ] = None,
    since: Annotated[str | None, typer.Option(help="Earliest date (2021, 2021-09, ...).")] = None,
    until: Annotated[str | None, typer.Option(help="Latest date.")] = None,
    status: Annotated[
        Status | None,
        typer.Option(case_sensitive=False, help="Only events of this status."),
    ] = None,
    min_confidence: Annotated[float, typer.Option(help="Drop events below this.")] = 0.0,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many events.")] = None,
    format: Annotated[OutputFormat, typer.Option(case_sensitive=False)] = OutputFormat.table,
) -> None:
    """List stored events.

    When none match, says so on stderr and exits with code 1.
    """
    client = client_of(ctx)
    first, last = date_range(since, until)
    flt = api.EventFilter(
        dyad=pair_of(dyad, client) if dyad else None,
        actor=client.resolve_actor(actor).code if actor else None,
        type=type,
        since=first,
        until=last,
        status=status,
        min_confidence=min_confidence,
        limit=limit,
    )
    found = client.events(flt)
    left_out = client.undated_left_out(flt)
    undated = (
        f"{left_out} undated event(s) match the other filters and are left out by --since/--until"
        if left_out
        else ""
    )
    if undated and found:
        typer.echo(undated, err=True)
    _print_events(found, format)
    if not found:
        _empty(f"no stored events match ({undated})" if undated else "no stored events match")


def _print_events(found: list[Event], format: OutputFormat) -> None:
    if format is OutputFormat.json:
        typer.echo(json.dumps([event_json(e) for e in found], ensure_ascii=False, indent=2))
    elif format is OutputFormat.csv:
        _write_csv(CSV_FIELDS, [event_row(e) for e in found])
    elif found:
        table = Table("date", "type", "source", "target", "status", "conf", "evidence")
        for e in found:
            row = event_row(e)
            table.add_row(
                row["date"],
                row["type"],
                row["source"],
                row["target"],
                row["status"],
                f"{e.confidence:.2f}",
                _one_line(e.evidence.sentence)[:90],
            )
        Console().print(table)


def _write_csv(fields: list[str], rows: list[dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields)
    writer.writeheader()
    writer.writerows(rows)
    typer.echo(buffer.getvalue(), nl=False)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _empty(what: str) -> None:
    """An empty result: said on stderr, exit code 1 (like grep)."""
    typer.echo(f"bilat: {what}", err=True)
    raise typer.Exit(EXIT_EMPTY)


@app.command()
def timeline(
    ctx: typer.Context,
    a: Annotated[str, typer.Argument(help="First actor (code or name).")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    format: Annotated[TimelineFormat, typer.Option(case_sensitive=False)] = TimelineFormat.table,
) -> None:
    """The fused events between two actors, in date order.

    When there are none, says so on stderr and exits with code 1.
    """
    client = client_of(ctx)
    first, second = client.resolve_actor(a), client.resolve_actor(b)
    items = client.timeline(first.code, second.code)
    if format is TimelineFormat.json:
        rows = [serialise.timeline_json(item) for item in items]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif format is TimelineFormat.csv:
        _write_csv(serialise.TIMELINE_FIELDS, [serialise.timeline_row(i) for i in items])
    elif items:
        table = Table(*serialise.TIMELINE_FIELDS)
        for item in items:
            table.add_row(*serialise.timeline_row(item).values())
        Console().print(table)
    if not items:
        _empty(f"no events between {first.name} ({first.code}) and {second.name} ({second.code})")


@app.command()
def brief(
    ctx: typer.Context,
    a: Annotated[
        str | None, typer.Argument(help="First actor; default: most-covered pair.")
    ] = None,
    b: Annotated[str | None, typer.Argument(help="Second actor.")] = None,
    format: Annotated[
        BriefFormat,
        typer.Option(case_sensitive=False, help="pdf needs Chromium and -o FILE."),
    ] = BriefFormat.md,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to a file.")] = None,
) -> None:
    """A brief on a relationship in which every item cites its source sentence.

    When the store holds no events between the two, says so on stderr and exits with code 1.
    """
    client = client_of(ctx)
    if (a is None) != (b is None):
        raise typer.BadParameter("name both actors, or neither for the most-covered pair")
    if a is None or b is None:
        pairs = client.dyads()
        if not pairs:
            _empty("the store holds no events between two actors yet: run `bilat ingest`")
        a, b, _ = pairs[0]
    first, second = client.resolve_actor(a), client.resolve_actor(b)
    if format is BriefFormat.pdf and output is None:
        raise typer.BadParameter("a PDF is binary: write it with -o FILE")
    if not client.events(api.EventFilter(dyad=(first.code, second.code), limit=1)):
        _empty(f"no events between {first.name} ({first.code}) and {second.name} ({second.code})")
    if format is BriefFormat.pdf and output is not None:
        client.brief_pdf(a, b, output)
        typer.echo(f"wrote {printable(str(output))}", err=True)
        return
    text = client.brief(a, b, format.value)  # type: ignore[arg-type]
    if output is None:
        typer.echo(text)
    else:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {printable(str(output))}", err=True)


@app.command()
def actors(ctx: typer.Context) -> None:
    """Actors in the store with their number of events.

    When the store holds none, says so on stderr and exits with code 1.
    """
    found = client_of(ctx).actors()
    if not found:
        _empty("the store holds no events yet: run `bilat ingest`")
    table = Table("code", "name", "events")
    for code, name, count in found:
        table.add_row(code, name, str(count))
    Console().print(table)


def main() -> None:
    """Entry point: errors a user can fix become one line on stderr and exit code 2."""
    conventions.main(app)


cli_exports.register(app)
