"""SQL text shared by the stores. Values are always parameters, never formatted in.

Placeholders are ``?`` (DuckDB's qmark style); a backend with another style
(psycopg's ``%s``) swaps them, which is safe because no statement here has a
literal ``?`` or ``%``. Fragments are joined with f-strings only from the fixed
pieces in this module.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

from bilat.store.base import EventQuery

Columns = tuple[tuple[str, str], ...]

_V = "VARCHAR"
_SPAN: Columns = (("start", "DATE"), ("end", "DATE"), ("granularity", _V), ("text", _V))
_SPAN += (("inferred", "BOOLEAN"),)
_MENTION: Columns = (("text", _V), ("start", "BIGINT"), ("end", "BIGINT"))
_MENTION += (("code", _V), ("name", _V), ("sector", _V))

# (name, SQL type) in the order of the rows that bilat.codec.sql_rows builds.
ARTICLE_SPEC: Columns = (
    *((c, _V) for c in ("id", "source", "body", "title", "author", "publisher", "url")),
    *((f"published_{c}", t) for c, t in _SPAN),
    ("language", _V),
    ("boilerplate_removed", "INTEGER"),
)
EVENT_SPEC: Columns = (
    *((c, _V) for c in ("id", "article_id", "event_type", "event_mode")),
    ("is_symmetric", "BOOLEAN"),
    ("status", _V),
    ("intensity", "DOUBLE PRECISION"),
    ("confidence", "DOUBLE PRECISION"),
    ("extractor_version", _V),
    *((f"source_{c}", t) for c, t in _MENTION),
    *((f"target_{c}", t) for c, t in _MENTION),
    *((f"date_{c}", t) for c, t in _SPAN),
    ("evidence_sentence", _V),
    ("evidence_start", "BIGINT"),
    ("evidence_end", "BIGINT"),
    ("evidence_trigger", _V),
    ("side_rule", _V),
)
CONTEXT_SPEC: Columns = (("event_id", _V), ("position", "INTEGER"), ("context", _V))
AMOUNT_SPEC: Columns = (
    ("event_id", _V),
    ("position", "INTEGER"),
    *((c, _V) for c in ("amount_value", "unit", "amount_text", "value_usd")),
)


ARTICLE_TERM_SPEC: Columns = (("term", _V), ("article_id", _V), ("tf", "INTEGER"))
EVENT_TERM_SPEC: Columns = (("term", _V), ("event_id", _V), ("tf", "INTEGER"))


def _names(spec: Columns) -> str:
    return ", ".join(name for name, _ in spec)


def bulk_insert(table: str, spec: Columns) -> str:
    """Insert many rows as one parameter per column, each a list of that column's values.

    Far faster in DuckDB than a statement per row; PostgreSQL accepts the same
    shape (``unnest`` of arrays).
    """
    lists = ", ".join(f"unnest(CAST(? AS {sql_type}[]))" for _, sql_type in spec)
    return f"INSERT INTO {table} ({_names(spec)}) SELECT {lists}"


# Schema version 6: kept beside events and articles for a pair's page.
PAIR_SPEC: Columns = (("event_id", _V), ("pair", _V))
EVENT_ACTOR_SPEC: Columns = (("event_id", _V), ("position", "INTEGER"), ("code", _V), ("name", _V))
FINGERPRINT_SPEC: Columns = (("article_id", _V), ("fingerprint", _V))

ARTICLE_COLUMNS = _names(ARTICLE_SPEC)
EVENT_COLUMNS = _names(EVENT_SPEC)
INSERT_ARTICLES = bulk_insert("articles", ARTICLE_SPEC)
INSERT_EVENTS = bulk_insert("events", EVENT_SPEC)
INSERT_PAIRS = bulk_insert("event_pairs", PAIR_SPEC)
INSERT_EVENT_ACTORS = bulk_insert("event_actors", EVENT_ACTOR_SPEC)
INSERT_FINGERPRINTS = bulk_insert("article_fingerprints", FINGERPRINT_SPEC)
INSERT_CONTEXTS = bulk_insert("event_contexts", CONTEXT_SPEC)
INSERT_AMOUNTS = bulk_insert("event_amounts", AMOUNT_SPEC)
INSERT_ARTICLE_TERMS = bulk_insert("article_terms", ARTICLE_TERM_SPEC)
INSERT_EVENT_TERMS = bulk_insert("event_terms", EVENT_TERM_SPEC)

ARTICLE_BY_ID = f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?"
ARTICLE_IDS_IN = "SELECT id FROM articles WHERE id = ANY(?)"
ARTICLES_IN = f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ANY(?)"
COUNT_ARTICLES = "SELECT COUNT(*) FROM articles"

# DuckDB looks values up in an index only when each is a placeholder of its own (IN (?, ?,
# ...)), and up to this many (its index_scan_max_count); past that one list parameter (=
# ANY(?)), as it scans anyway. ``ids_in`` picks the form, ``id_params`` the parameters.
INDEX_LOOKUPS = 2048


def ids_in(column: str, n: int) -> str:
    """The condition that ``column`` is one of ``n`` values (n >= 1)."""
    if n > INDEX_LOOKUPS:
        return f"{column} = ANY(?)"
    return f"{column} IN ({', '.join('?' * n)})"


def id_params(ids: Sequence[str]) -> list[Any]:
    """The parameters of ``ids_in`` for these values."""
    return [list(ids)] if len(ids) > INDEX_LOOKUPS else list(ids)


def contexts_of(n: int) -> str:
    return (
        f"SELECT event_id, context FROM event_contexts WHERE {ids_in('event_id', n)}"
        " ORDER BY event_id, position"
    )


def amounts_of(n: int) -> str:
    return (
        "SELECT event_id, amount_value, unit, amount_text, value_usd FROM event_amounts"
        f" WHERE {ids_in('event_id', n)} ORDER BY event_id, position"
    )


INSERT_RUN = "INSERT INTO runs (id, started) VALUES (?, ?)"
FINISH_RUN = (
    "UPDATE runs SET finished = ?, seen = ?, stored = ?, unchanged = ?, events = ?, rejected = ?,"
    " interrupted = ? WHERE id = ?"
)
RUN_COLUMNS = "id, started, finished, seen, stored, unchanged, events, interrupted"
RUN_BY_ID = f"SELECT {RUN_COLUMNS} FROM runs WHERE id = ?"
ALL_RUNS = f"SELECT {RUN_COLUMNS} FROM runs ORDER BY started, id"
INSERT_REJECTION = "INSERT INTO rejections (run_id, stage, reason, source) VALUES (?, ?, ?, ?)"
REJECTIONS_OF = "SELECT stage, reason, source FROM rejections WHERE run_id = ? ORDER BY seq"
ALL_REJECTIONS = "SELECT stage, reason, source FROM rejections ORDER BY seq"

# An actor is involved once per event, even when it is on both sides.
ACTOR_COUNTS = """
SELECT code, MIN(name), COUNT(DISTINCT event_id) AS n FROM (
    SELECT source_code AS code, source_name AS name, id AS event_id
    FROM events WHERE source_code IS NOT NULL
    UNION ALL
    SELECT target_code, target_name, id FROM events WHERE target_code IS NOT NULL
) AS sides
GROUP BY code ORDER BY n DESC, code
"""

# Same pairs as Event.dyad: both sides resolved, to different codes, sorted.
DYAD_COUNTS = """
SELECT LEAST(source_code, target_code) AS a, GREATEST(source_code, target_code) AS b,
       COUNT(*) AS n, COUNT(DISTINCT article_id) AS articles
FROM events
WHERE source_code IS NOT NULL AND target_code IS NOT NULL AND source_code <> target_code
GROUP BY a, b ORDER BY n DESC, articles DESC, a, b
"""

# Occurred events dated to a month or finer, per month and type, with their weight (the
# magnitude of their intensity, 1 when unscored): the store-wide series of the home page.
MONTHLY_TYPES = """
SELECT CAST(EXTRACT(YEAR FROM date_start) AS INTEGER) AS y,
       CAST(EXTRACT(MONTH FROM date_start) AS INTEGER) AS m, event_type, COUNT(*) AS n,
       SUM(CASE WHEN intensity = 0 THEN 1 ELSE ABS(intensity) END) AS weight
FROM events
WHERE date_start IS NOT NULL AND status = 'occurred' AND confidence >= ?
  AND date_granularity IN ('day', 'week', 'month')
GROUP BY y, m, event_type ORDER BY y, m, event_type
"""

SCHEMA_VERSION = "SELECT MAX(version) FROM schema_version"
RECORD_VERSION = "INSERT INTO schema_version (version, applied) VALUES (?, ?)"
# Only the current schema counts: a PostgreSQL database may hold bilat beside other schemas.
TABLE_EXISTS = (
    "SELECT COUNT(*) FROM information_schema.tables"
    " WHERE table_name = ? AND table_schema = current_schema()"
)
COUNT_TABLES = (
    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"
)

_EVENT_ORDER = " ORDER BY date_start NULLS LAST, id"


PAIR_EVENT_IDS = "SELECT event_id FROM event_pairs WHERE pair = ?"


def event_where(q: EventQuery, pair_ids: Sequence[str] | None = None) -> tuple[str, list[Any]]:
    """The WHERE clause (with its leading space, or empty) and parameters for a query.

    A pair of two actors is looked up first (``PAIR_EVENT_IDS``, by index): ``pair_ids``
    are its events, so no query scans every event for it.
    """
    clauses: list[str] = []
    params: list[Any] = []
    if q.dyad is not None and q.dyad[0] != q.dyad[1]:
        if pair_ids is None:
            raise ValueError("a query for a pair needs the ids of the pair's events")
        clauses.append(ids_in("id", len(pair_ids)) if pair_ids else "1 = 0")
        params += id_params(pair_ids)
    elif q.dyad is not None:
        clauses.append("(source_code = ? AND target_code = ?)")
        params += list(q.dyad)
    if q.actor is not None:
        clauses.append("(source_code = ? OR target_code = ?)")
        params += [q.actor, q.actor]
    if q.type is not None:
        clauses.append("event_type = ?")
        params.append(q.type.value)
    if q.undated:
        clauses.append("date_start IS NULL")
    if q.since is not None and not q.undated:
        clauses.append("date_end >= ?")
        params.append(q.since)
    if q.until is not None and not q.undated:
        clauses.append("date_start <= ?")
        params.append(q.until)
    if q.status is not None:
        clauses.append("status = ?")
        params.append(q.status.value)
    if q.min_confidence > 0:
        clauses.append("confidence >= ?")
        params.append(q.min_confidence)
    if q.article_id is not None:
        clauses.append("article_id = ?")
        params.append(q.article_id)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def pair_key(a: str, b: str) -> str:
    """The ``event_pairs.pair`` of the codes a and b (in either order)."""
    return f"{a} {b}" if a <= b else f"{b} {a}"


def page(limit: int | None, offset: int) -> tuple[str, list[Any]]:
    """LIMIT/OFFSET with parameters; no LIMIT at all when ``limit`` is None."""
    if limit is None:
        return (" OFFSET ?", [offset]) if offset else ("", [])
    return " LIMIT ? OFFSET ?", [limit, offset]


def select_events(q: EventQuery, pair_ids: Sequence[str] | None = None) -> tuple[str, list[Any]]:
    where, params = event_where(q, pair_ids)
    tail, more = page(q.limit, q.offset)
    return f"SELECT {EVENT_COLUMNS} FROM events{where}{_EVENT_ORDER}{tail}", params + more


def count_events(q: EventQuery, pair_ids: Sequence[str] | None = None) -> tuple[str, list[Any]]:
    where, params = event_where(q, pair_ids)
    return f"SELECT COUNT(*) FROM events{where}", params


def select_articles(limit: int | None, offset: int) -> tuple[str, list[Any]]:
    tail, params = page(limit, offset)
    return f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY seq{tail}", params


# -- full-text search over the index of bilat.store.search ------------------------------


# Documents holding every query word (one index row per word and document, so the
# count of matching rows is the count of words found), scored by their occurrences.
# ``IN`` with a placeholder per word: DuckDB filters the index scan with it, but not
# with ``= ANY(list)``.
def _hits(table: str, doc: str, n_terms: int) -> str:
    marks = ", ".join("?" * n_terms)
    return (
        f"SELECT {doc}, SUM(tf) AS score FROM {table} WHERE term IN ({marks})"
        f" GROUP BY {doc} HAVING COUNT(*) = ?"
    )


def search_articles(n_terms: int) -> str:
    """Articles holding all of ``n_terms`` words, best first, ties as stored; one page.

    Parameters: the words, their number, limit, offset. The page is ranked on ids
    first, so only its own articles' texts are read.
    """
    hits = _hits("article_terms", "article_id", n_terms)
    return (
        "WITH ranked AS ("
        f"SELECT hits.article_id, hits.score, articles.seq FROM ({hits}) AS hits"
        " JOIN articles ON articles.id = hits.article_id"
        " ORDER BY hits.score DESC, articles.seq LIMIT ? OFFSET ?)"
        f" SELECT {ARTICLE_COLUMNS}, ranked.score FROM ranked"
        " JOIN articles ON articles.id = ranked.article_id ORDER BY ranked.score DESC, ranked.seq"
    )


def count_search_articles(n_terms: int) -> str:
    """How many articles hold all the words. Parameters: the words, their number."""
    return f"SELECT COUNT(*) FROM ({_hits('article_terms', 'article_id', n_terms)}) AS hits"


def search_events(n_terms: int) -> str:
    """Events whose sentence holds all the words, best first, ties by date then id; one page.

    Parameters: the words, their number, the least confidence, limit, offset.
    """
    hits = _hits("event_terms", "event_id", n_terms)
    return (
        "WITH ranked AS ("
        f"SELECT hits.event_id, hits.score, events.date_start AS day FROM ({hits}) AS hits"
        " JOIN events ON events.id = hits.event_id WHERE events.confidence >= ?"
        " ORDER BY hits.score DESC, events.date_start NULLS LAST, events.id LIMIT ? OFFSET ?)"
        f" SELECT {EVENT_COLUMNS}, ranked.score FROM ranked"
        " JOIN events ON events.id = ranked.event_id"
        " ORDER BY ranked.score DESC, ranked.day NULLS LAST, ranked.event_id"
    )


def count_search_events(n_terms: int) -> str:
    """How many events match. Parameters: the words, their number, the least confidence."""
    return (
        f"SELECT COUNT(*) FROM ({_hits('event_terms', 'event_id', n_terms)}) AS hits"
        " JOIN events ON events.id = hits.event_id WHERE events.confidence >= ?"
    )


# Filling the index of a store written before it existed, a chunk at a time (by id).
ARTICLES_AFTER = f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id > ? ORDER BY id LIMIT ?"
# Refilling the search index runs inside a migration, before later steps add their
# columns: it reads only the event columns schema version 1 has (side_rule came in 5).
_INDEXED_EVENT_COLUMNS = _names(EVENT_SPEC[:-1])
EVENTS_AFTER = f"SELECT {_INDEXED_EVENT_COLUMNS} FROM events WHERE id > ? ORDER BY id LIMIT ?"


# -- PostgreSQL only ------------------------------------------------------------------

_VARCHAR = re.compile(r"\bVARCHAR\b")


@functools.lru_cache(maxsize=256)
def pyformat(statement: str) -> str:
    """A statement with psycopg's ``%s`` placeholders for DuckDB's ``?``."""
    return statement.replace("?", "%s")


def postgres_ddl(statement: str) -> str:
    """A migration statement for PostgreSQL: text compares by code point, as in DuckDB.

    PostgreSQL's default collation follows the server's locale, which would sort
    ids and pick dyad order (LEAST/GREATEST) unlike DuckDB and Python.
    """
    return _VARCHAR.sub('VARCHAR COLLATE "C"', statement)


# Two processes migrating one database at once would both create the tables.
LOCK_SCHEMA = "SELECT pg_advisory_xact_lock(hashtext('bilat schema ' || current_schema()))"
READ_ONLY_SESSION = "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"

# Listing order, taken before inserting so it follows the batch, not the insert order.
NEXT_ARTICLE_SEQS = "SELECT nextval('article_seq') FROM generate_series(1, ?)"

_NEW_ARTICLE_SPEC: Columns = (("seq", "BIGINT"), *ARTICLE_SPEC)
# Rows go in by id: concurrent batches then wait on each other in one order, never in a
# cycle. A row another transaction stored (or is storing) is skipped; RETURNING names
# the articles this one stored, the only ones whose events it may write.
INSERT_NEW_ARTICLES = (
    f"INSERT INTO articles ({_names(_NEW_ARTICLE_SPEC)})"
    " SELECT * FROM unnest("
    + ", ".join(f"CAST(? AS {sql_type}[])" for _, sql_type in _NEW_ARTICLE_SPEC)
    + f") AS new_rows ({_names(_NEW_ARTICLE_SPEC)}) ORDER BY id"
    " ON CONFLICT (id) DO NOTHING RETURNING id"
)
