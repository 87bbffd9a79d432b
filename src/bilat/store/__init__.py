"""Where bilat keeps articles, events, runs and rejections. The only package that speaks SQL."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from bilat.errors import StoreError
from bilat.store.base import EventQuery, RunInfo, Store

if TYPE_CHECKING:
    from bilat.store.kept import KeptReads

__all__ = ["EventQuery", "RunInfo", "Store", "kept_reads", "open_store"]

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def open_store(
    url: str, read_only: bool = False, *, hold: bool = True, lock_wait: float = 0.0
) -> Store:
    """Open the store a URL names, applying any schema migrations it lacks.

    A plain path (or ``:memory:``) and ``duckdb:///path`` open a DuckDB file;
    as in SQLAlchemy, ``duckdb:///bilat.duckdb`` is relative and
    ``duckdb:////var/bilat.duckdb`` absolute. ``postgresql://user@host/db``
    (libpq's URL, also ``postgres://`` and ``postgresql+psycopg://``) opens a
    PostgreSQL database.

    A DuckDB file is locked by the process that opens it (shared by readers, exclusively
    by a writer). ``hold=False`` opens it only for each operation, so other processes get
    it in between; a locked file is retried for up to ``lock_wait`` seconds, then
    StoreLocked. PostgreSQL ignores both: its server arbitrates.
    """
    match = _SCHEME.match(url)
    if match is None:
        return _duckdb(url, read_only, hold, lock_wait)
    scheme = match.group(1).lower()
    if scheme == "duckdb":
        prefix = "duckdb:///"
        if url.lower().startswith(prefix):
            return _duckdb(url[len(prefix) :], read_only, hold, lock_wait)
        if len(url) == len("duckdb://"):
            return _duckdb("", read_only, hold, lock_wait)
        raise StoreError(f"{url!r} names a host; write duckdb:///path for a DuckDB file")
    if scheme in ("postgresql", "postgres") or scheme.startswith("postgresql+"):
        return _postgres(url, read_only)
    raise StoreError(f"unknown store URL scheme {scheme!r}: use a file path or duckdb:///path")


def kept_reads(url: str, lock_wait: float = 0.0) -> KeptReads | None:
    """One read-only database kept open for a server's requests (``bilat.store.kept``) when
    the URL names a DuckDB file; None for PostgreSQL and ``:memory:``."""
    prefix = "duckdb:///"
    if url.lower().startswith(prefix):
        url = url[len(prefix) :]
    elif _SCHEME.match(url):
        return None
    if not url.strip() or url == ":memory:":
        return None
    from bilat.store.kept import KeptReads

    return KeptReads(str(Path(url).expanduser()), lock_wait)


def _duckdb(path: str, read_only: bool, hold: bool, lock_wait: float) -> Store:
    # Imported here so `import bilat.store` stays light for code that only needs EventQuery.
    from bilat.store.duckdb import MEMORY, DuckDBStore

    return DuckDBStore(path or MEMORY, read_only=read_only, hold=hold, lock_wait=lock_wait)


def _postgres(url: str, read_only: bool) -> Store:
    try:
        from bilat.store.postgres import PostgresStore
    except ImportError as e:
        raise StoreError(
            f"PostgreSQL needs psycopg, which is not installed ({e}): pip install 'bilat[postgres]'"
        ) from e
    return PostgresStore(url, read_only=read_only)
