"""The Parquet shards of the Ray engine give back exactly the records put in."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.records import Article, Event
from bilat.shards import ShardWriter, input_table, output_table, parsed_rows, read_shard
from strategies import articles_with_events


@given(st.lists(articles_with_events(), min_size=1, max_size=4, unique_by=lambda p: p[0].id))
@settings(max_examples=40, deadline=None)
def test_an_output_table_gives_back_its_articles_and_events(
    pairs: list[tuple[Article, list[Event]]],
) -> None:
    table = output_table(input_table([a for a, _ in pairs]), [e for _, e in pairs])
    assert parsed_rows(table) == pairs


@given(st.lists(articles_with_events(), min_size=5, max_size=5, unique_by=lambda p: p[0].id))
@settings(max_examples=10, deadline=None)
def test_shards_close_at_the_row_limit_and_read_back_in_order(
    pairs: list[tuple[Article, list[Event]]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        _write_and_read(Path(folder), pairs)


def _write_and_read(folder: Path, pairs: list[tuple[Article, list[Event]]]) -> None:
    writer = ShardWriter(folder, rows=2)
    finished = []
    for article, events in pairs:
        finished += writer.add(output_table(input_table([article]), [events]))
    finished += writer.close()
    assert [p.name for p in finished] == [f"events-0000{n}.parquet" for n in range(3)]
    read = [row for path in finished for rows in read_shard(path, 2) for row in rows]
    assert read == pairs
