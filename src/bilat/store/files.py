"""Columnar files written and read with DuckDB, so Parquet needs no pyarrow.

An in-memory DuckDB connection holds the rows for the moment of the copy;
nothing touches the bilat store.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from bilat.errors import StoreError
from bilat.store.sql import Columns


def _literal(path: Path) -> str:
    # COPY takes its file name as a literal, not a parameter: quote it as SQL does.
    return "'" + str(path).replace("'", "''") + "'"


def write_parquet(path: Path, spec: Columns, rows: Sequence[Sequence[Any]]) -> None:
    """Write ``rows`` (values in the order of ``spec``: (name, SQL type) pairs) to ``path``."""
    columns = ", ".join(f'"{name}" {sql_type}' for name, sql_type in spec)
    conn = duckdb.connect(":memory:")
    try:
        conn.execute(f"CREATE TABLE export ({columns})")
        if rows:
            # One list parameter per column, as the store's bulk inserts do.
            names = ", ".join(f'"{name}"' for name, _ in spec)
            lists = ", ".join(f"unnest(CAST(? AS {sql_type}[]))" for _, sql_type in spec)
            conn.execute(
                f"INSERT INTO export ({names}) SELECT {lists}",
                [list(column) for column in zip(*rows, strict=True)],
            )
        conn.execute(f"COPY export TO {_literal(path)} (FORMAT PARQUET)")
    except duckdb.Error as e:
        raise StoreError(f"could not write {path}: {e}") from e
    finally:
        conn.close()


def read_parquet(path: Path) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and rows of a Parquet file."""
    conn = duckdb.connect(":memory:")
    try:
        result = conn.execute(f"SELECT * FROM read_parquet({_literal(path)})")
        names = [d[0] for d in result.description or []]
        return names, result.fetchall()
    except duckdb.Error as e:
        raise StoreError(f"could not read {path}: {e}") from e
    finally:
        conn.close()
