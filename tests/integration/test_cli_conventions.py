"""The conventions every `bilat` command keeps (docs/cli.md, top), run as a user runs them:
`bilat` in a subprocess, on a store loaded with `bilat import` (no model needed)."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STORE_JSONL = ROOT / "tests" / "data" / "cli_store.jsonl"
TIMELINE_FIELDS = ["date", "type", "status", "pair", "sources", "sentence"]


def bilat(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`bilat ARGS...` as a user types it; never raises on a non-zero exit."""
    return subprocess.run(
        [sys.executable, "-m", "bilat", *map(str, args)],
        capture_output=True, text=True, timeout=300, check=False, cwd=cwd,
    )  # fmt: skip


def assert_one_line_error(done: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert done.returncode == code, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("conventions") / "store.duckdb"
    done = bilat("--db", path, "import", STORE_JSONL)
    assert done.returncode == 0, done.stderr
    return path


def test_db_is_taken_before_or_after_the_command(db: Path) -> None:
    before = bilat("--db", db, "events", "--format", "json")
    after = bilat("events", "--format", "json", "--db", db)
    joined = bilat("events", f"--db={db}", "--format", "json")
    assert before.returncode == after.returncode == joined.returncode == 0, after.stderr
    assert len(json.loads(before.stdout)) == 3
    assert before.stdout == after.stdout == joined.stdout


def test_version() -> None:
    done = bilat("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"bilat {metadata.version('bilat')}"


@pytest.mark.parametrize(
    "args",
    [
        ["events", "--since", "2022", "--until", "2020"],
        ["events", "--since", "last spring-ish"],
        ["events", "--type", "HUG"],
        ["events", "--limit", "0"],
        ["events", "--dyad", "PAK"],
        ["actors", "--actor", "PAK"],
        ["timeline", "PAK"],
        ["brief", "PAK"],
        ["export", "--format", "xls"],
        ["frobnicate"],
        ["events", "--db"],
        ["--config", "/nonexistent/bilat.toml", "events"],
        ["network", "--since", "2022", "--until", "2020"],
        ["export", "--since", "2022-06", "--until", "2022-05"],
        ["brief", "PAK", "RUS", "-o", "/nonexistent/folder/brief.md"],
    ],
    ids=" ".join,
)
def test_a_user_error_is_one_line_and_exit_2(db: Path, args: list[str]) -> None:
    line = assert_one_line_error(bilat("--db", db, *args))
    assert line.startswith("bilat")


def test_a_broken_settings_file_is_one_line(db: Path, tmp_path: Path) -> None:
    settings = tmp_path / "bilat.toml"
    settings.write_text("[bilat]\nbatch_size = 'unterminated\n", encoding="utf-8")
    line = assert_one_line_error(bilat("events", "--db", db, "--config", settings))
    assert line.startswith(f"bilat: settings file {settings}:")


def test_a_missing_store_is_one_line(tmp_path: Path) -> None:
    line = assert_one_line_error(bilat("events", "--db", tmp_path / "none.duckdb"))
    assert "none.duckdb" in line


def test_the_empty_date_range_says_which(db: Path) -> None:
    line = assert_one_line_error(bilat("events", "--db", db, "--since", "2022", "--until", "2020"))
    assert "2022 is after --until 2020" in line


def test_codes_are_read_in_any_case(db: Path) -> None:
    upper = bilat(
        "events", "--db", db, "--type", "CONSULT", "--dyad", "PAK-RUS", "--format", "json"
    )
    lower = bilat(
        "events", "--db", db, "--type", "consult", "--dyad", "pak-rus", "--format", "JSON"
    )
    mixed = bilat("events", "--db", db, "--type", "Consult", "--dyad", "Pakistan-rus",
                  "--status", "OCCURRED", "--format", "Json")  # fmt: skip
    assert upper.returncode == lower.returncode == mixed.returncode == 0, lower.stderr
    assert len(json.loads(upper.stdout)) == 1
    assert upper.stdout == lower.stdout == mixed.stdout


def test_an_unknown_actor_is_said_so_without_a_far_fetched_guess(db: Path) -> None:
    line = assert_one_line_error(bilat("events", "--db", db, "--actor", "Narnia"))
    assert line == "bilat: unknown actor 'Narnia': no country or organisation by that name"


def test_a_close_spelling_gets_a_suggestion(db: Path) -> None:
    line = assert_one_line_error(bilat("timeline", "--db", db, "Pakistn", "RUS"))
    assert line == "bilat: unknown actor 'Pakistn'; did you mean Pakistan (PAK)?"


def _on_a_terminal(*args: str | Path) -> tuple[int, str, bytes]:
    """Run bilat with standard output on a pseudo-terminal: (exit code, stderr, output)."""
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bilat", *map(str, args)],
            stdout=follower, stderr=subprocess.PIPE, text=True, timeout=300, check=False,
        )  # fmt: skip
        os.set_blocking(leader, False)
        try:
            out = os.read(leader, 1 << 16)
        except BlockingIOError:
            out = b""
    finally:
        os.close(follower)
        os.close(leader)
    return done.returncode, done.stderr, out


@pytest.mark.parametrize(
    "args",
    [["network", "--format", "png"], ["export", "--format", "parquet"]],
    ids=["network png", "export parquet"],
)
def test_binary_output_refuses_a_terminal(db: Path, args: list[str]) -> None:
    code, stderr, out = _on_a_terminal("--db", db, *args)
    assert code == 2, stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert "-o FILE" in stderr
    assert out == b""


def test_binary_output_goes_to_a_pipe_or_a_file(db: Path, tmp_path: Path) -> None:
    piped = subprocess.run(
        [sys.executable, "-m", "bilat", "--db", str(db), "network", "--format", "png"],
        capture_output=True, timeout=300, check=False,
    )  # fmt: skip
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith(b"\x89PNG")
    done = bilat("--db", db, "network", "--format", "png", "-o", tmp_path / "n.png")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "n.png").read_bytes().startswith(b"\x89PNG")


def test_a_pdf_needs_a_file(db: Path) -> None:
    line = assert_one_line_error(bilat("--db", db, "brief", "PAK", "RUS", "--format", "pdf"))
    assert "-o FILE" in line


def test_timeline_is_a_table_by_default(db: Path) -> None:
    done = bilat("--db", db, "timeline", "PAK", "RUS")
    assert done.returncode == 0, done.stderr
    header = done.stdout.splitlines()[1]
    assert re.findall(r"\w+", header) == TIMELINE_FIELDS
    assert "2021-04-07" in done.stdout
    assert "\t" not in done.stdout


def test_timeline_as_csv_and_json_agree(db: Path) -> None:
    as_csv = bilat("--db", db, "timeline", "PAK", "RUS", "--format", "csv")
    as_json = bilat("--db", db, "timeline", "pak", "rus", "--format", "json")
    assert as_csv.returncode == as_json.returncode == 0, as_csv.stderr
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    items = json.loads(as_json.stdout)
    assert len(rows) == len(items) == 2
    assert list(rows[0]) == TIMELINE_FIELDS
    assert [r["date"] for r in rows] == ["2021-04-07", "undated"]
    assert all("\n" not in r["sentence"] for r in rows)
    assert [i["date"]["start"] if i["date"] else None for i in items] == ["2021-04-07", None]
    assert items[0]["sentence"].startswith("The foreign ministers of Pakistan and Russia met")
    assert {"id", "type", "status", "source", "target", "sources", "events"} <= items[0].keys()


def test_a_decade_is_printed_as_the_1950s(db: Path) -> None:
    as_csv = bilat("--db", db, "events", "--dyad", "PAK-USA", "--format", "csv")
    table = bilat("--db", db, "events", "--dyad", "PAK-USA")
    (row,) = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert row["date"] == "1950s"
    assert "│ 1950s" in table.stdout


@pytest.mark.parametrize(
    "command",
    [
        "",
        "ingest",
        "events",
        "timeline",
        "brief",
        "actors",
        "export",
        "import",
        "network",
        "serve",
        "bench",
        "eval",
        "eval classes",
        "eval all",
    ],
)
def test_help_has_no_type_labels(command: str) -> None:
    done = bilat(*command.split(), "--help")
    assert done.returncode == 0, done.stderr
    assert not re.search(r"<(str|bool|int|float|path|list)[^>]*>", done.stdout), done.stdout
    assert "Usage: bilat" in done.stdout


def test_help_shows_defaults_and_keeps_brackets() -> None:
    ingest = bilat("ingest", "--help").stdout
    assert "pip install 'bilat[ray]'" in " ".join(ingest.split())
    events = bilat("events", "--help").stdout
    assert "--format [table|csv|json]" in events
    assert "[default: table]" in events
    assert "[default: 8000" in bilat("serve", "--help").stdout


def test_an_empty_brief_says_so_and_exits_1(db: Path) -> None:
    done = bilat("--db", db, "brief", "FRA", "DEU")
    line = assert_one_line_error(done, code=1)
    assert line == "bilat: no events between France (FRA) and Germany (DEU)"
    assert done.stdout == ""


def test_empty_events_say_so_and_exit_1(db: Path) -> None:
    table = bilat("--db", db, "events", "--type", "ASSAULT")
    assert assert_one_line_error(table, code=1) == "bilat: no stored events match"
    assert table.stdout == ""
    as_json = bilat("--db", db, "events", "--since", "2030", "--format", "json")
    assert_one_line_error(as_json, code=1)
    assert json.loads(as_json.stdout) == []
    as_csv = bilat("--db", db, "events", "--dyad", "FRA-DEU", "--format", "csv")
    assert_one_line_error(as_csv, code=1)
    assert as_csv.stdout.startswith("id,date,")
    assert len(as_csv.stdout.splitlines()) == 1


def test_an_empty_timeline_exits_1(db: Path) -> None:
    done = bilat("--db", db, "timeline", "FRA", "DEU")
    assert assert_one_line_error(done, code=1).startswith("bilat: no events between France")
