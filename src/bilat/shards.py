"""Parquet shards of parsed articles: what the Ray engine's workers hand back to the store.

One row per article: its id, the article and its events as JSON (the ``bilat export
--format jsonl`` records, which rebuild both exactly), and the number of events, so a
shard can be inspected with any Parquet reader (DuckDB, pandas) and loaded again.

The input of the workers is an Arrow table too: id, body and anchor date (what the parse
needs) plus the article as JSON, passed through to the output.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from bilat.codec.json_form import article_record, event_record
from bilat.codec.jsonl import read_jsonl
from bilat.engines import anchor_of
from bilat.errors import BilatError
from bilat.records import Article, Event

INPUT_SCHEMA = pa.schema(
    [("id", pa.string()), ("body", pa.string()), ("anchor", pa.date32()), ("article", pa.string())]
)
OUTPUT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("article", pa.string()),
        ("events", pa.string()),
        ("n_events", pa.int32()),
    ]
)


def _json(record: dict[str, object], kind: str) -> str:
    return json.dumps({"kind": kind, **record}, ensure_ascii=False)


def input_table(articles: Sequence[Article]) -> pa.Table:
    """What a worker needs to parse ``articles``."""
    return pa.table(
        {
            "id": [a.id for a in articles],
            "body": [a.body for a in articles],
            "anchor": [anchor_of(a) for a in articles],
            "article": [_json(article_record(a), "article") for a in articles],
        },
        schema=INPUT_SCHEMA,
    )


def output_table(table: pa.Table, events: Sequence[Sequence[Event]]) -> pa.Table:
    """The input ``table`` with each article's ``events``, in the same row order."""
    lines = ["\n".join(_json(event_record(e), "event") for e in found) for found in events]
    return pa.table(
        {
            "id": table.column("id"),
            "article": table.column("article"),
            "events": lines,
            "n_events": [len(found) for found in events],
        },
        schema=OUTPUT_SCHEMA,
    )


def parsed_rows(table: pa.Table) -> list[tuple[Article, list[Event]]]:
    """The articles and events of an output table or shard."""
    rows: list[tuple[Article, list[Event]]] = []
    for article_line, event_lines, id_ in zip(
        table.column("article").to_pylist(),
        table.column("events").to_pylist(),
        table.column("id").to_pylist(),
        strict=True,
    ):
        (article, _, events), *rest = read_jsonl(f"{article_line}\n{event_lines}", f"shard {id_}")
        if article is None or rest:
            raise BilatError(f"shard row {id_} does not hold one article and its events")
        rows.append((article, events))
    return rows


class ShardWriter:
    """Output tables into Parquet files of at most ``rows`` articles each, in ``folder``;
    ``add`` returns the files it finished."""

    def __init__(self, folder: Path, rows: int) -> None:
        self.folder = folder
        self.rows = rows
        self.written: list[Path] = []
        self._open: pq.ParquetWriter | None = None
        self._path: Path | None = None
        self._rows_in_open = 0

    def add(self, table: pa.Table) -> list[Path]:
        finished: list[Path] = []
        if self._open is None:
            self._path = self.folder / f"events-{len(self.written):05d}.parquet"
            self._open = pq.ParquetWriter(self._path, OUTPUT_SCHEMA)
        self._open.write_table(table.cast(OUTPUT_SCHEMA))
        self._rows_in_open += table.num_rows
        if self._rows_in_open >= self.rows:
            finished.append(self._finish())
        return finished

    def close(self) -> list[Path]:
        return [self._finish()] if self._open is not None else []

    def _finish(self) -> Path:
        if self._open is None or self._path is None:
            raise BilatError("no shard is open")
        self._open.close()
        path, self._open, self._path, self._rows_in_open = self._path, None, None, 0
        self.written.append(path)
        return path


def read_shard(path: Path, rows: int) -> Iterator[list[tuple[Article, list[Event]]]]:
    """The articles and events of a shard, ``rows`` at a time."""
    for batch in pq.ParquetFile(path).iter_batches(batch_size=rows):
        yield parsed_rows(pa.Table.from_batches([batch]))
