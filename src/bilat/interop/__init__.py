"""Event files from bilat and from other event datasets, read into bilat's records.

``read_event_file`` reads bilat's own exports (``jsonl``, ``plover-json``),
files in the POLECAT and ICEWS column layouts and GDELT exports (docs/interop.md),
telling them apart by their first line when asked for ``auto``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from bilat.errors import ImportInvalid
from bilat.nlp.actors import ActorResolver
from bilat.records import Article, Event, Rejection
from bilat.resources import Ontology

EventFileFormat = Literal["auto", "jsonl", "plover-json", "polecat", "icews", "gdelt"]
EVENT_FILE_FORMATS: tuple[EventFileFormat, ...] = (
    "auto",
    "jsonl",
    "plover-json",
    "polecat",
    "icews",
    "gdelt",
)


@dataclass(frozen=True, slots=True)
class EventFile:
    """What a file holds: articles (None when only cited) with their events, the rows
    refused, and how many rows were skipped for each reason (codes PLOVER has no type for)."""

    format: EventFileFormat
    groups: tuple[tuple[Article | None, str, tuple[Event, ...]], ...]
    rejections: tuple[Rejection, ...] = ()
    skipped: tuple[tuple[str, int], ...] = ()

    @property
    def events(self) -> list[Event]:
        return [e for _, _, found in self.groups for e in found]


def read_text(path: str) -> str:
    """A file's text (``-``: standard input); ImportInvalid when it cannot be read."""
    import sys

    try:
        return sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise ImportInvalid(f"cannot read {path}: {e}") from e


def detect(text: str, where: str) -> EventFileFormat:
    """The format of an event file, from its first non-blank line."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    if first.lstrip().startswith(("{", "[")):
        return "jsonl" if '"kind"' in first else "plover-json"
    if "CAMEO Code" in first:
        return "icews"
    if "Event Type" in first and "Recipient Country" in first:
        return "polecat"
    from bilat.interop.gdelt import looks_like_gdelt

    if looks_like_gdelt(first):
        return "gdelt"
    raise ImportInvalid(
        f"{where}: not an event file bilat knows (JSONL or PLOVER JSON export, a POLECAT "
        "or ICEWS table with its header row, or a GDELT export); name it with --format"
    )


def read_event_file(
    path: str,
    fmt: EventFileFormat,
    resolver: ActorResolver,
    ontology: Ontology,
    text: str | None = None,
) -> EventFile:
    """Read ``path`` (or ``text``, named ``path`` in messages) as ``fmt``."""
    from bilat.codec.jsonl import read_jsonl
    from bilat.interop.gdelt import read_gdelt
    from bilat.interop.plover import read_plover
    from bilat.interop.stories import articles_of
    from bilat.interop.tables import read_icews, read_polecat

    text = read_text(path) if text is None else text
    found = detect(text, path) if fmt == "auto" else fmt
    if found == "jsonl":
        exported = read_jsonl(text, where=path)
        return EventFile(found, tuple((a, aid, tuple(ev)) for a, aid, ev in exported))
    if found == "plover-json":
        table = read_plover(text, path, resolver)
    elif found == "polecat":
        table = read_polecat(text, path, resolver, ontology)
    elif found == "gdelt":
        table = read_gdelt(text, path, resolver, ontology)
    else:
        table = read_icews(text, path, resolver, ontology)
    groups = tuple((a, a.id, tuple(ev)) for a, ev in articles_of(table.rows))
    return EventFile(found, groups, table.rejections, table.skipped)
