"""Ordered schema migrations, shared by every store backend.

A migration is SQL that takes the schema from ``version - 1`` to ``version``.
Stores record each applied version in ``schema_version``; opening a database
applies the missing ones in order. To change the schema, append a step here:
never edit a step that has shipped, since databases already carry it.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from bilat.errors import StoreError


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    sql: str


def _packaged(name: str) -> str:
    return resources.files("bilat.store").joinpath(name).read_text(encoding="utf-8")


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _packaged("schema.sql")),
    Migration(2, "full-text search index", _packaged("search_index.sql")),
    Migration(3, "stemmed full-text search index", _packaged("search_stems.sql")),
    Migration(4, "runs record an interruption", _packaged("runs_interrupted.sql")),
    Migration(5, "events record their side rule", _packaged("events_rule.sql")),
    Migration(6, "pair reads by index; evidence actors, fingerprints", _packaged("pair_reads.sql")),
)
# The steps that (re)build the search index: after the last of them a store opened for
# writing fills it for the documents already stored.
SEARCH_INDEX_VERSION = 2
STEMMED_INDEX_VERSION = 3
_REINDEX = (SEARCH_INDEX_VERSION, STEMMED_INDEX_VERSION)

LATEST_VERSION = MIGRATIONS[-1].version


def pending(
    current: int, where: str, steps: tuple[Migration, ...] | None = None
) -> list[Migration]:
    """The migrations a database at version ``current`` still needs, oldest first.

    Raises StoreError when the database is newer than this code: writing to it
    could lose columns the newer bilat relies on.
    """
    steps = MIGRATIONS if steps is None else steps  # read late, so tests can add steps
    known = steps[-1].version
    if current > known:
        raise StoreError(
            f"{where} has schema version {current}, but this bilat knows only up to "
            f"version {known}: upgrade bilat to open it"
        )
    return [m for m in steps if m.version > current]


def reindex_at(current: int, steps: tuple[Migration, ...] | None = None) -> int | None:
    """The pending step after which to fill the search index (None: none rebuilds it)."""
    versions = [m.version for m in (MIGRATIONS if steps is None else steps)]
    due = [v for v in versions if v > current and v in _REINDEX]
    return max(due, default=None)


def statements(sql: str) -> list[str]:
    """Split a migration into single statements (drivers differ on multi-statement strings).

    Migrations are plain DDL: no semicolons inside strings or bodies.
    """
    lines = [line for line in sql.splitlines() if not line.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
