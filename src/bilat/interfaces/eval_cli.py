"""`bilat eval`: the scoring rules of ../shared/eval/README.md, one subcommand each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.status import Status

from bilat import evaluate
from bilat.interfaces.options import settings_of

eval_app = typer.Typer(help="Measure bilat on reference data (rules 1-7).", no_args_is_help=True)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON object on stdout.")]


def _measure(label: str) -> Status:
    """A spinner on stderr while a set is scored (stdout stays one JSON object)."""
    return Console(stderr=True).status(f"scoring {label}…")


def _show(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    console = Console()
    for key, value in result.items():
        if isinstance(value, float):
            console.print(f"{key:>16}: {value:.3f}")
        elif isinstance(value, int | str):
            console.print(f"{key:>16}: {value}")
        elif isinstance(value, dict) and all(isinstance(v, float) for v in value.values()):
            figures = ", ".join(f"{k} {v:.3f}" for k, v in value.items())
            console.print(f"{key:>16}: {figures}")


@eval_app.command("classes")
def classes(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="TSV of sentence<TAB>class 0-4.")],
    as_json: JsonFlag = False,
) -> None:
    """Rule 1: CAMEO pentaclass of each sentence (accuracy, macro-F1)."""
    with _measure(file.name):
        result = evaluate.classes(file, settings_of(ctx))
    _show(result, as_json)


@eval_app.command("roles")
def roles(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="CoNLL file with B-S/I-S/B-T/I-T tags.")],
    as_json: JsonFlag = False,
) -> None:
    """Rule 2: source and target actor spans (P/R/F1)."""
    with _measure(file.name):
        result = evaluate.roles(file, settings_of(ctx))
    _show(result, as_json)


@eval_app.command("plover")
def plover(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="PLOVER gold standard records (JSON).")],
    as_json: JsonFlag = False,
) -> None:
    """Rule 3: PLOVER type and country-code accuracy."""
    with _measure(file.name):
        result = evaluate.plover(file, settings_of(ctx))
    _show(result, as_json)


@eval_app.command("dates")
def dates(
    directory: Annotated[Path, typer.Argument(help="Folder of TimeML .tml files.")],
    as_json: JsonFlag = False,
) -> None:
    """Rule 4: DATE expressions found and their normalised values."""
    with _measure(directory.name):
        result = evaluate.dates(directory)
    _show(result, as_json)


@eval_app.command("boilerplate")
def boilerplate(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(help="Folder with ground-truth.json and html/.")],
    as_json: JsonFlag = False,
) -> None:
    """Rule 5: word-shingle P/R/F1 of extracted article bodies."""
    with _measure(directory.name):
        result = evaluate.boilerplate(directory, settings_of(ctx))
    _show(result, as_json)


@eval_app.command("events")
def events(
    ctx: typer.Context,
    gold: Annotated[Path, typer.Argument(help="JSONL of gold events, one a line.")],
    docs: Annotated[Path, typer.Option(help="Folder of the documents the gold names.")],
    as_json: JsonFlag = False,
) -> None:
    """Rule 6: document events against gold (P/R/F1, typed and untyped)."""
    with _measure(gold.name):
        result = evaluate.events(gold, docs, settings_of(ctx))
    _show(result, as_json)


@eval_app.command("noise")
def noise(
    ctx: typer.Context,
    items: Annotated[Path, typer.Argument(help="JSONL of items: doc, political true/false.")],
    docs: Annotated[Path, typer.Option(help="Folder of the documents the items name.")],
    as_json: JsonFlag = False,
) -> None:
    """Rule 7: events between states found on pages that are not about politics."""
    with _measure(items.name):
        result = evaluate.noise(items, docs, settings_of(ctx))
    _show(result, as_json)


@eval_app.command("all")
def all_sets(
    ctx: typer.Context,
    data: Annotated[Path, typer.Argument(help="The eval folder (../shared/eval).")],
    markdown: Annotated[Path | None, typer.Option(help="Write the figures to this file.")] = None,
    events_gold: Annotated[
        list[Path] | None,
        typer.Option("--events", help="Gold events JSONL for rule 6 (repeatable)."),
    ] = None,
    docs: Annotated[
        list[Path] | None,
        typer.Option(help="Documents the gold events name (one per --events, in order)."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Every rule on every set found under DATA; optionally write EVAL.md."""
    golds, folders = events_gold or [], docs or []
    if len(golds) != len(folders):
        raise typer.BadParameter("give one --docs for each --events, in the same order")
    event_sets = list(zip(golds, folders, strict=True))
    with _measure(str(data)):
        results = evaluate.all_sets(data, settings_of(ctx), markdown, event_sets)
    if as_json:
        typer.echo(json.dumps(results, ensure_ascii=False))
    else:
        for name, result in results.items():
            Console().rule(name)
            _show(result, as_json=False)
