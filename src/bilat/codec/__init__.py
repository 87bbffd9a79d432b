"""Records to JSON, CSV and table rows and back: the one codec every stage uses.

- ``json_form``: the JSON form of events (docs/records.md) and the lossless form of
  articles and events (with mention offsets) that JSONL and shards carry;
- ``jsonl``: bilat's interchange file (``bilat export --format jsonl``, ``bilat import``);
- ``flat``: one row of strings per event (CSV, tables, the start of Parquet rows);
- ``sql_rows``: tuples in the column order of ``bilat.store.sql``.

Depends on ``bilat.records`` and ``bilat.errors`` only, so any stage may use it.
"""
