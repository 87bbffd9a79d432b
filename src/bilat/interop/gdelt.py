"""GDELT event files: the daily and 15-minute "export" tables, read by column position.

GDELT ships tab-separated rows without a header: 61 columns in GDELT 2.0 and 58 (57
before April 2013, without ``SOURCEURL``) in GDELT 1.0, whose geography blocks have no
``ADM2Code``. A row's width tells the version. Events of one source URL share an
article. docs/interop.md lists the columns and what bilat reads from them.
"""

from __future__ import annotations

import csv
import io
from collections import Counter

from bilat.interop.stories import CodedRow, Story
from bilat.interop.tables import (
    OutOfScope,
    RowInvalid,
    Table,
    cameo_coding,
    day_of,
    side_of,
)
from bilat.nlp.actors import ActorResolver
from bilat.records import DateSpan, Rejection
from bilat.resources import Ontology

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")  # fmt: skip
_EVENT = ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
          "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")  # fmt: skip
_GEO_2 = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_GEO_1 = tuple(c for c in _GEO_2 if c != "ADM2Code")


def _columns(geo: tuple[str, ...], url: bool) -> tuple[str, ...]:
    return (
        ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
        + tuple(f"Actor1{c}" for c in _ACTOR)
        + tuple(f"Actor2{c}" for c in _ACTOR)
        + _EVENT
        + tuple(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in geo)
        + ("DATEADDED",)
        + (("SOURCEURL",) if url else ())
    )


GDELT2_COLUMNS = _columns(_GEO_2, url=True)  # 61
GDELT1_COLUMNS = _columns(_GEO_1, url=True)  # 58
LAYOUTS = {len(c): c for c in (GDELT2_COLUMNS, GDELT1_COLUMNS, GDELT1_COLUMNS[:-1])}


def looks_like_gdelt(first_line: str) -> bool:
    """A header-less tab-separated row of a GDELT width with an 8-digit SQLDATE."""
    fields = first_line.rstrip("\r\n").split("\t")
    return len(fields) in LAYOUTS and len(fields[1]) == 8 and fields[1].isdigit()


def read_gdelt(text: str, where: str, resolver: ActorResolver, ontology: Ontology) -> Table:
    """The rows of a GDELT export file; a row bilat cannot read is a Rejection."""
    rows: list[CodedRow] = []
    rejected: list[Rejection] = []
    skipped: Counter[str] = Counter()
    reader = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    for number, fields in enumerate(reader, start=1):
        if not fields:
            continue
        try:
            names = LAYOUTS.get(len(fields))
            if names is None:
                raise RowInvalid(
                    f"{len(fields)} tab-separated fields: a GDELT row has 57, 58 or 61"
                )
            row = dict(zip(names, (f.strip() for f in fields), strict=True))
            rows.append(_row(row, resolver, ontology, where))
        except OutOfScope as e:
            skipped[str(e)] += 1
        except (RowInvalid, ValueError) as e:
            rejected.append(Rejection("import", str(e), f"{where}, line {number}"))
    return Table(tuple(rows), tuple(rejected), tuple(sorted(skipped.items())))


def _row(row: dict[str, str], resolver: ActorResolver, ontology: Ontology, where: str) -> CodedRow:
    code, coding = cameo_coding(row["EventCode"], ontology)
    day = _sqldate(row["SQLDATE"])
    url = row.get("SOURCEURL") or None
    added = row["DATEADDED"][:8]
    key = url or row["GLOBALEVENTID"]
    story = Story(
        key=f"gdelt:{key}",
        source=url or f"{where}#{row['GLOBALEVENTID']}",
        heading=f"GDELT events of {key}",
        title=f"GDELT events of {key}",
        url=url,
        published=_sqldate(added) if added else None,
    )
    sides = [
        side_of(row[f"{a}Name"].title(), row[f"{a}CountryCode"], resolver, row[f"{a}Type1Code"])
        for a in ("Actor1", "Actor2")
    ]
    return CodedRow(
        story=story,
        id=f"gdelt-{row['GLOBALEVENTID']}",
        type=coding.type,
        source=sides[0],
        target=sides[1] if row["Actor2Code"] or row["Actor2CountryCode"] else None,
        date=day,
        verb=f"{coding.description or coding.type.value} (CAMEO {code})",
        mode=coding.mode,
        contexts=coding.contexts,
        intensity=ontology.intensity(coding.type, coding.mode),
        coder="gdelt 2.0" if len(row) == len(GDELT2_COLUMNS) else "gdelt 1.0",
    )


def _sqldate(text: str) -> DateSpan:
    """A GDELT day, YYYYMMDD (DATEADDED's time of day is cut off before)."""
    try:
        return day_of(f"{text[:4]}-{text[4:6]}-{text[6:8]}") if len(text) == 8 else day_of("")
    except RowInvalid:
        raise RowInvalid(f"not a date: {text!r} (expected YYYYMMDD)") from None
