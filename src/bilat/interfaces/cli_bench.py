"""`bilat bench`: pipeline throughput against bare spaCy, and peak memory."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from bilat.interfaces.options import client_of


def bench(
    ctx: typer.Context,
    docs: Annotated[
        int, typer.Option(min=0, help="Synthetic articles to time (0: skip the timing).")
    ] = 200,
    corpus: Annotated[
        Path | None,
        typer.Option(exists=True, help="Time this file or folder instead of synthetic articles."),
    ] = None,
    rounds: Annotated[int, typer.Option(min=1, help="Passes over the corpus per side.")] = 2,
    memory_docs: Annotated[
        int,
        typer.Option(min=0, help="Also ingest this many synthetic articles in a child process."),
    ] = 0,
    batch_size: Annotated[int | None, typer.Option(min=1, help="Articles per batch.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Words per second of the full pipeline against bare spaCy, and peak memory."""
    client = client_of(ctx, batch_size=batch_size) if batch_size else client_of(ctx)
    with Console(stderr=True).status("benchmarking…"):
        result = client.bench(docs, corpus, rounds, memory_docs).to_json()
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    if result["docs"] is not None:
        typer.echo(f"corpus: {result['corpus']}: {result['docs']} docs, {result['words']} words")
        typer.echo(
            f"pipeline: {result['pipeline_words_per_s']:.0f} words/s "
            f"({result['pipeline_seconds']:.2f} s: ingest {result['ingest_seconds']:.2f}, "
            f"nlp+extract {result['nlp_seconds']:.2f}, store {result['store_seconds']:.2f})"
        )
        typer.echo(
            f"spaCy:    {result['spacy_words_per_s']:.0f} words/s ({result['spacy_seconds']:.2f} s)"
        )
        typer.echo(f"ratio:    {result['ratio']:.3f}")
    typer.echo(f"peak RSS of this process: {result['peak_rss_mb']:.0f} MB")
    memory = result["memory"]
    if memory is not None:
        typer.echo(
            f"ingesting {memory['docs']} articles: peak RSS {memory['peak_rss_mb']:.0f} MB, "
            f"{memory['seconds']:.0f} s, {memory['words_per_s']:.0f} words/s"
        )


def register(app: typer.Typer) -> None:
    """Add `bench` to the `bilat` command."""
    app.command("bench")(bench)
