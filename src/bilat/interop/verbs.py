"""``bilat import`` and ``bilat compare`` as API verbs in a Session (``bilat.Client`` calls
them)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from bilat.analysis.compare import Comparison, compare
from bilat.client.session import EventFilter, Session, event_query
from bilat.errors import ImportInvalid
from bilat.interop import EventFile, EventFileFormat, read_event_file
from bilat.records import Event, RunSummary


def read_file(session: Session, path: str, fmt: EventFileFormat) -> EventFile:
    """An event file read into records (nothing is stored)."""
    from bilat.resources import load_ontology

    return read_event_file(path, fmt, session.resolver, load_ontology())


CHUNK = 1000  # articles written per transaction


@dataclass(frozen=True, slots=True)
class Imported:
    """What ``bilat import`` did: the format read, the run's summary, and the rows skipped
    for each reason."""

    format: EventFileFormat
    summary: RunSummary
    skipped: tuple[tuple[str, int], ...] = ()


def import_file(session: Session, path: str, fmt: EventFileFormat = "auto") -> Imported:
    """Store the articles and events of an event file.

    ``seen`` counts the articles in the file, ``stored`` those new to the store,
    ``unchanged`` those already there (their events are left as stored), ``events``
    the events stored and ``rejections`` the rows that could not be read (recorded
    with the run, as ingest records its own).
    """
    found = read_file(session, path, fmt)
    store = session.writer(hold=True)
    run_id = store.start_run()
    known = store.article_ids(aid for _, aid, _ in found.groups)
    batch = []
    for article, aid, events in found.groups:
        if aid in known:
            continue
        if article is None:
            raise ImportInvalid(
                f"{path}: events cite article {aid[:12]}, which is neither in the file "
                "nor in the store"
            )
        batch.append((article, list(events)))
    # A transaction per chunk: a dataset of a million rows is not one transaction.
    stored = sum(store.write_batch(batch[i : i + CHUNK]) for i in range(0, len(batch), CHUNK))
    if found.rejections:
        store.record_rejections(run_id, list(found.rejections))
    summary = RunSummary(
        seen=len(found.groups),
        stored=stored,
        unchanged=len(found.groups) - len(batch),
        events=sum(len(events) for _, events in batch),
        rejections=found.rejections,
    )
    store.finish_run(run_id, summary)
    return Imported(found.format, summary, found.skipped)


def is_store(name: str) -> bool:
    """A DuckDB file (``.duckdb``, ``.db``) or a PostgreSQL URL, rather than an event file."""
    return name.startswith(("postgresql://", "postgres://")) or name.endswith((".duckdb", ".db"))


def event_set(
    session: Session, name: str | None, flt: EventFilter, fmt: EventFileFormat = "auto"
) -> list[Event]:
    """The events of a store (``None``: the session's store) or of an event file, filtered."""
    if name is None:
        return session.reader().events(event_query(flt, session.settings))
    if is_store(name):
        with Session(replace(session.settings, db=name)) as other:
            return other.reader().events(event_query(flt, other.settings))
    return [e for e in read_file(session, name, fmt).events if _keeps(flt, e)]


def _keeps(flt: EventFilter, e: Event) -> bool:
    """``flt`` on an event in memory, as the store applies it."""
    if flt.dyad is not None and e.dyad != tuple(sorted(flt.dyad)):
        return False
    if flt.actor is not None and flt.actor not in (e.source.code, e.target and e.target.code):
        return False
    if flt.since is None and flt.until is None:
        return True
    return e.date is not None and _overlaps(e.date.start, e.date.end, flt.since, flt.until)


def _overlaps(start: date, end: date, since: date | None, until: date | None) -> bool:
    return not ((since is not None and end < since) or (until is not None and start > until))


def compare_sets(
    session: Session,
    left: str | None,
    right: str,
    flt: EventFilter,
    fmt: EventFileFormat = "auto",
) -> Comparison:
    """Events per dyad and month in ``left`` (None: the store) and in ``right``."""
    return compare(event_set(session, left, flt, fmt), event_set(session, right, flt, fmt))
