"""POLECAT and ICEWS event files: their column layouts and one ``CodedRow`` per row.

Both datasets publish tab-separated files with a header row (docs/interop.md
lists every column and what bilat reads from it). Columns are found by name, so
their order does not matter and extra columns are ignored; a file without the
columns bilat needs is refused whole. A row bilat cannot read (a date that is
no date, a CAMEO code with no PLOVER mapping, a country it does not know) is a
``Rejection`` naming its line; the other rows are read.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from bilat.errors import BilatError, ImportInvalid
from bilat.interop.stories import CodedRow, Side, Story
from bilat.nlp.actors import ActorResolver
from bilat.records import Actor, DateSpan, EventType, Granularity, Rejection
from bilat.resources import CameoMapping, Ontology

# POLECAT weekly data files (Harvard Dataverse, doi:10.7910/DVN/AJGVIT), in file order.
POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code",
    "Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
    "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name",
    "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename",
    "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
)  # fmt: skip
POLECAT_REQUIRED = ("Event ID", "Event Date", "Event Type", "Actor Country", "Recipient Country")

# ICEWS Coded Event Data (Harvard Dataverse, doi:10.7910/DVN/28075), in file order.
ICEWS_COLUMNS = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
)  # fmt: skip
ICEWS_REQUIRED = ("Event ID", "Event Date", "Source Country", "CAMEO Code", "Target Country")


# CAMEO root codes PLOVER left out: their events are statements or appeals, not acts.
_UNCODED_ROOTS = {"01": "make public statement", "02": "appeal"}


class RowInvalid(BilatError):
    """One row of an event file cannot become an event."""


class OutOfScope(RowInvalid):
    """A well-formed row codes something PLOVER has no type for (CAMEO 01 statements,
    02 appeals): skipped and counted, not rejected."""


@dataclass(frozen=True, slots=True)
class Table:
    """The rows of an event file, the rows refused with their reasons, and how many rows
    were skipped for each reason."""

    rows: tuple[CodedRow, ...]
    rejections: tuple[Rejection, ...]
    skipped: tuple[tuple[str, int], ...] = ()


Row = Mapping[str, str]
Reader = Callable[[Row, ActorResolver, Ontology, str], CodedRow]


def read_polecat(text: str, where: str, resolver: ActorResolver, ontology: Ontology) -> Table:
    """The rows of a POLECAT file (tab- or comma-separated, header first)."""
    return _read(text, where, POLECAT_REQUIRED, _polecat_row, resolver, ontology)


def read_icews(text: str, where: str, resolver: ActorResolver, ontology: Ontology) -> Table:
    """The rows of an ICEWS file (tab- or comma-separated, header first)."""
    return _read(text, where, ICEWS_REQUIRED, _icews_row, resolver, ontology)


def _read(
    text: str,
    where: str,
    required: tuple[str, ...],
    reader: Reader,
    resolver: ActorResolver,
    ontology: Ontology,
) -> Table:
    header = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in header else ","
    table = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)
    missing = [c for c in required if c not in (table.fieldnames or ())]
    if missing:
        raise ImportInvalid(f"{where}: no column {', '.join(repr(c) for c in missing)}")
    rows: list[CodedRow] = []
    rejected: list[Rejection] = []
    skipped: Counter[str] = Counter()
    for number, raw in enumerate(table, start=2):
        line = {k: (v or "").strip() for k, v in raw.items() if k is not None}
        try:
            rows.append(reader(line, resolver, ontology, where))
        except OutOfScope as e:
            skipped[str(e)] += 1
        except (RowInvalid, ValueError) as e:
            rejected.append(Rejection("import", str(e), f"{where}, line {number}"))
    return Table(tuple(rows), tuple(rejected), tuple(sorted(skipped.items())))


def _polecat_row(row: Row, resolver: ActorResolver, ontology: Ontology, where: str) -> CodedRow:
    name = row["Event Type"].upper()
    try:
        type_ = EventType(name)
    except ValueError:
        raise RowInvalid(f"not a PLOVER event type: {row['Event Type']!r}") from None
    mode = row.get("Event Mode", "").lower() or None
    intensity = row.get("Intensity", row.get("Event Intensity", ""))
    contexts = [c.strip().lower() for c in row.get("Contexts", "").replace(",", ";").split(";")]
    heading = f"POLECAT event {row['Event ID']}" + _from(row.get("Source", ""))
    story = Story(
        key=f"polecat:{row['Event ID']}",
        source=f"{where}#{row['Event ID']}",
        heading=heading,
        title=heading,
        publisher=row.get("Source") or None,
        published=day_of(row.get("Publication Date", "")) if row.get("Publication Date") else None,
        language=row.get("Language") or "en",
    )
    return CodedRow(
        story=story,
        id=f"polecat-{row['Event ID']}",
        type=type_,
        source=side_of(row.get("Actor Name", ""), row["Actor Country"], resolver),
        target=side_of(row.get("Recipient Name", ""), row["Recipient Country"], resolver),
        date=day_of(row["Event Date"]),
        verb=type_.value + (f" ({mode})" if mode else ""),
        mode=mode,
        contexts=tuple(c for c in contexts if c),
        intensity=float(intensity) if intensity else ontology.intensity(type_, mode),
        coder="polecat" + (f" {row['Version']}" if row.get("Version") else ""),
    )


def _icews_row(row: Row, resolver: ActorResolver, ontology: Ontology, where: str) -> CodedRow:
    code, coding = cameo_coding(row["CAMEO Code"], ontology)
    story_id = row.get("Story ID") or row["Event ID"]
    heading = f"ICEWS story {story_id}" + _from(row.get("Publisher", ""))
    story = Story(
        key=f"icews:{story_id}",
        source=f"{where}#{story_id}",
        heading=heading,
        title=heading,
        publisher=row.get("Publisher") or None,
    )
    verb = row.get("Event Text") or coding.description or coding.type.value
    return CodedRow(
        story=story,
        id=f"icews-{row['Event ID']}",
        type=coding.type,
        source=side_of(row.get("Source Name", ""), row["Source Country"], resolver),
        target=side_of(row.get("Target Name", ""), row["Target Country"], resolver),
        date=day_of(row["Event Date"]),
        verb=f"{verb} (CAMEO {code})",
        mode=coding.mode,
        contexts=coding.contexts,
        intensity=ontology.intensity(coding.type, coding.mode),
        coder="icews",
    )


def cameo_coding(written: str, ontology: Ontology) -> tuple[str, CameoMapping]:
    """A CAMEO code as written and its PLOVER coding; OutOfScope for the families PLOVER
    leaves out, RowInvalid for a code with no PLOVER type."""
    code = _cameo(written, ontology)
    try:
        return code, ontology.lookup_cameo(code)
    except KeyError:
        if code.isdigit() and code[:2] in _UNCODED_ROOTS:
            raise OutOfScope(f"CAMEO {code[:2]} ({_UNCODED_ROOTS[code[:2]]})") from None
        raise RowInvalid(f"no PLOVER type for CAMEO code {written!r}") from None


def _cameo(code: str, ontology: Ontology) -> str:
    """A CAMEO code as ICEWS writes it; a leading zero lost to a spreadsheet comes back
    when that makes a code the table lists ("42" -> "042": no root code is above 20)."""
    code = code.strip()
    if code.isdigit() and code not in ontology.cameo_table and int(code[:2]) > 20:
        restored = "0" + code
        if restored in ontology.cameo_table:
            return restored
    return code


def side_of(name: str, country: str, resolver: ActorResolver, sector: str | None = None) -> Side:
    """A side: its name as written, and the actor its country resolves to (None if blank)."""
    if not country:
        return Side(name or "unknown", None)
    try:
        actor = resolver.lookup(country)
    except BilatError:
        raise RowInvalid(
            f"unknown country {country!r} (add it to an actors file: docs/settings.md)"
        ) from None
    return Side(name or actor.name, Actor(actor.code, actor.name, sector or None))


def day_of(text: str) -> DateSpan:
    """An ISO day (a time after it is ignored)."""
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        raise RowInvalid(f"not a date: {text!r} (expected YYYY-MM-DD)") from None
    return DateSpan(day, day, Granularity.DAY, text[:10])


def _from(publisher: str) -> str:
    return f", {publisher}" if publisher else ""
