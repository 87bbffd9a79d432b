"""The SQL text agrees with the schema it targets."""

from __future__ import annotations

import pytest

from bilat.store import EventQuery, sql
from bilat.store.common import SQLStore

# The catalogues' names for the types sql.py writes (DuckDB's, then PostgreSQL's).
_SAME = {"DOUBLE": "DOUBLE PRECISION", "CHARACTER VARYING": "VARCHAR"}


@pytest.mark.parametrize(
    ("table", "spec"),
    [
        ("articles", sql.ARTICLE_SPEC),
        ("events", sql.EVENT_SPEC),
        ("event_pairs", sql.PAIR_SPEC),
        ("event_contexts", sql.CONTEXT_SPEC),
        ("event_amounts", sql.AMOUNT_SPEC),
        ("event_actors", sql.EVENT_ACTOR_SPEC),
        ("article_fingerprints", sql.FINGERPRINT_SPEC),
    ],
)
def test_insert_columns_exist_with_their_types(
    store: SQLStore, table: str, spec: sql.Columns
) -> None:
    found = store._all(  # the catalogue is the truth the specs must match
        "SELECT column_name, data_type FROM information_schema.columns"
        " WHERE table_name = ? AND table_schema = current_schema()",
        [table],
    )
    types = {name: _SAME.get(data_type.upper(), data_type.upper()) for name, data_type in found}
    for name, sql_type in spec:
        assert types[name] == sql_type
    # Only bookkeeping columns are left out of the rows bilat writes.
    assert set(types) - {name for name, _ in spec} <= {"seq"}


def test_values_never_enter_the_sql_text() -> None:
    query = EventQuery(actor="x'; DROP TABLE events; --", min_confidence=0.5, limit=3)
    text, params = sql.select_events(query)
    assert "DROP" not in text
    assert params == ["x'; DROP TABLE events; --", "x'; DROP TABLE events; --", 0.5, 3, 0]
