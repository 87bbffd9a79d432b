"""`bilat import` of POLECAT, ICEWS and PLOVER JSON files and `bilat compare`, in a subprocess.

The files in tests/data/interop are small tables written from the datasets' published
column lists (docs/interop.md), with rows bilat must refuse.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.integration.seeds_cli import ROOT, bilat

DATA = ROOT / "tests" / "data" / "interop"
ICEWS = DATA / "icews_sample.tab"
POLECAT = DATA / "polecat_sample.tsv"


def _events(db: Path) -> list[dict[str, object]]:
    done = bilat("events", "--format", "json", db=db)
    assert done.returncode == 0, done.stderr
    found: list[dict[str, object]] = json.loads(done.stdout)
    return found


def test_icews_file_is_imported_with_its_bad_rows_named(tmp_path: Path) -> None:
    db = tmp_path / "icews.duckdb"
    done = bilat("import", str(ICEWS), db=db)
    assert done.returncode == 3, done.stderr  # some rows stored, some refused
    assert "line 7: unknown country 'Narnia'" in done.stderr
    assert "line 9: not a date: 'yesterday'" in done.stderr
    # CAMEO 012, a statement, is out of PLOVER's scope: counted, not rejected.
    assert "skipped 1 rows of CAMEO 01 (make public statement)" in done.stderr
    assert "line 3" not in done.stderr
    assert "(icews): 5 stored" in done.stderr
    events = {e["id"]: e for e in _events(db)}
    sanction = events["icews-926750"]
    assert sanction["source"]["code"] == "USA"  # type: ignore[index]
    assert sanction["target"]["code"] == "RUS"  # type: ignore[index]
    assert sanction["date"]["start"] == "2021-10-02"  # type: ignore[index]
    # "43" is CAMEO 043 (host a visit) with its leading zero restored: CONSULT.
    assert events["icews-926753"]["type"] == "CONSULT"
    again = bilat("import", "--format", "ICEWS", str(ICEWS), db=db)
    assert "0 stored, 5 already stored" in again.stderr


def test_polecat_file_is_imported_and_keeps_its_coding(tmp_path: Path) -> None:
    db = tmp_path / "polecat.duckdb"
    done = bilat("import", str(POLECAT), db=db)
    assert done.returncode == 3, done.stderr
    assert "not a PLOVER event type: 'GOSSIP'" in done.stderr
    events = {e["id"]: e for e in _events(db)}
    assert len(events) == 4
    agree = events["polecat-20210914-0001-a1"]
    assert agree["type"] == "AGREE"
    assert agree["context"] == ["economic", "natural resource"]
    assert agree["intensity"] == 4.0
    assert agree["source"]["text"] == "Vladimir Putin"  # type: ignore[index]
    accuse = events["polecat-20211010-0004-d4"]
    assert (accuse["type"], accuse["mode"]) == ("ACCUSE", "disapprove")
    assert accuse["extractor"] == "polecat 1.0"


def test_plover_json_export_imports_into_another_store(tmp_path: Path) -> None:
    first, second = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    assert bilat("import", str(POLECAT), db=first).returncode == 3
    exported = tmp_path / "events.plover.jsonl"
    done = bilat("export", "--format", "plover-json", "-o", str(exported), db=first)
    assert done.returncode == 0, done.stderr
    done = bilat("import", str(exported), db=second)
    assert done.returncode == 0, done.stderr
    assert "(plover-json): 4 stored" in done.stderr
    before = {e["id"]: (e["type"], e["date"], e["source"]["code"]) for e in _events(first)}  # type: ignore[index]
    after = {e["id"]: (e["type"], e["date"], e["source"]["code"]) for e in _events(second)}  # type: ignore[index]
    assert after == before


def test_an_unknown_file_is_refused_in_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("date,who,what\n2021-01-01,a,b\n", encoding="utf-8")
    done = bilat("import", str(junk), db=tmp_path / "x.duckdb")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "not an event file bilat knows" in done.stderr


def test_compare_lines_up_a_store_and_a_file_by_dyad_and_month(tmp_path: Path) -> None:
    db = tmp_path / "icews.duckdb"
    assert bilat("import", str(ICEWS), db=db).returncode == 3
    done = bilat("compare", str(POLECAT), "--format", "csv", db=db)
    assert done.returncode == 0, done.stderr
    rows = {(r["a"], r["b"], r["month"]): r for r in csv.DictReader(io.StringIO(done.stdout))}
    assert rows[("PAK", "RUS", "2021-09")]["left_events"] == "2"
    assert rows[("PAK", "RUS", "2021-09")]["right_events"] == "2"
    assert rows[("CHN", "PAK", "2021-10")]["right_events"] == "0"
    assert rows[("IND", "PAK", "2021-10")]["right_conflict"] == "1"
    assert "3 in both, 1 only in the store, 0 only in" in done.stderr
    narrow = bilat(
        "compare", str(ICEWS), str(POLECAT), "--dyad", "rus-pak", "--format", "json", db=db
    )
    assert narrow.returncode == 0, narrow.stderr
    assert [r["month"] for r in json.loads(narrow.stdout)["rows"]] == ["2021-09"]


def test_gdelt_export_is_told_by_its_width_and_imported(tmp_path: Path) -> None:
    db = tmp_path / "gdelt.duckdb"
    done = bilat("import", str(DATA / "gdelt_sample.export.CSV"), db=db)
    assert done.returncode == 3, done.stderr
    assert "line 5: not a date: '20211399' (expected YYYYMMDD)" in done.stderr
    assert "skipped 1 rows of CAMEO 01 (make public statement)" in done.stderr
    assert "3 articles in" in done.stderr and "(gdelt): 3 stored" in done.stderr
    events = {e["id"]: e for e in _events(db)}
    assert sorted(events) == ["gdelt-1001", "gdelt-1002", "gdelt-1003", "gdelt-1006"]
    assert events["gdelt-1002"]["type"] == "CONSULT"
    assert events["gdelt-1001"]["source"]["sector"] == "GOV"  # type: ignore[index]
    assert events["gdelt-1006"]["target"] is None
    exported = bilat("export", "--format", "csv", "--dyad", "PAK-RUS", db=db)
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert {r["url"] for r in rows} == {"https://news.example/a"}  # one article, two events
