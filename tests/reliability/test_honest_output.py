"""What `bilat ingest` prints, as a user's script or terminal meets it (issue #16.6, #15.3):
file names escaped in every line, rejections and progress as they happen, --quiet, and
Ctrl-C storing whole batches, printing the summary and marking the run interrupted."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest

from bilat.store import open_store
from reliability.conftest import BILAT, bilat_run, child_env
from reliability.hostile import good_text
from reliability.synthetic import write_dispatches

pytestmark = [pytest.mark.model, pytest.mark.slow]

EXIT_INTERRUPTED = 130


def _with_a_bad_first_line(path: Path, n: int) -> Path:
    write_dispatches(path, n)
    lines = path.read_text(encoding="utf-8")
    path.write_text('{"text": "too short"}\n' + lines, encoding="utf-8")
    return path


def test_a_file_name_cannot_forge_a_line_of_output(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x\nrejected fake.txt: forged\n\x1b[2Jz.txt").write_text("short", encoding="utf-8")
    (folder / "good.txt").write_text(good_text(1), encoding="utf-8")
    done = bilat_run(str(tmp_path / "s.duckdb"), "ingest", str(folder))
    lines = done.stderr.splitlines()
    assert not any(line.startswith("rejected fake.txt") for line in lines), lines
    assert "\x1b" not in done.stderr
    (rejected,) = [line for line in lines if line.startswith("rejected ")]
    assert "x\\nrejected fake.txt: forged\\n\\x1b[2Jz.txt: text too short" in rejected
    assert lines[-1].startswith("2 inputs: 1 articles stored")


def test_progress_and_rejections_stream_and_quiet_keeps_only_the_summary(
    tmp_path: Path,
) -> None:
    corpus = _with_a_bad_first_line(tmp_path / "in.jsonl", 60)
    db = str(tmp_path / "s.duckdb")
    child = subprocess.Popen(
        [*BILAT, "--db", db, "ingest", "--batch-size", "5", str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(BILAT_PROGRESS_INTERVAL="0.1"),
    )
    assert child.stderr is not None
    first = child.stderr.readline()  # the rejection, before the run ends
    assert first.startswith(f"rejected {corpus}:1: text too short"), first
    assert child.poll() is None, "the rejection was printed while the run went on"
    rest = child.stderr.read()
    assert child.wait() == 3
    progress = [line for line in rest.splitlines() if line.startswith("progress: ")]
    assert progress, rest
    assert " of 61 inputs (" in progress[0] and "inputs/s" in progress[0]
    assert "left" in progress[0]
    quiet = bilat_run(db, "ingest", "--quiet", str(corpus))
    assert quiet.returncode == 3
    assert quiet.stderr.splitlines() == [
        "61 inputs: 0 articles stored, 60 unchanged, 1 rejected; 0 events"
    ]


def test_ctrl_c_stores_whole_batches_prints_the_summary_and_marks_the_run(
    tmp_path: Path,
) -> None:
    corpus = _with_a_bad_first_line(tmp_path / "in.jsonl", 200)
    db = str(tmp_path / "s.duckdb")
    child = subprocess.Popen(
        [*BILAT, "--db", db, "ingest", "--batch-size", "5", str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    assert child.stderr is not None
    assert child.stderr.readline().startswith("rejected ")  # the first batch is written
    child.send_signal(signal.SIGINT)
    started = time.monotonic()
    err = child.stderr.read()
    assert child.wait(timeout=120) == EXIT_INTERRUPTED, err
    assert time.monotonic() - started < 60
    assert "Traceback" not in err
    assert "stopping after the current batch" in err
    summary = err.strip().splitlines()[-1]
    assert summary.endswith("interrupted: run the same command again to read the rest"), err
    stored = int(summary.split(" articles stored")[0].rsplit(" ", 1)[-1])
    assert 0 < stored < 200
    with open_store(db, read_only=True) as store:
        (run,) = store.runs()
        assert run.summary.interrupted and run.finished is not None
        assert run.summary.stored == stored == store.count_articles()
        assert run.summary.seen % 5 == 0  # whole batches of 5 inputs
    again = bilat_run(db, "ingest", "--quiet", str(corpus))
    assert f"{200 - stored} articles stored, {stored} unchanged" in again.stderr
    with open_store(db, read_only=True) as store:
        assert store.count_articles() == 200
        assert not store.runs()[-1].summary.interrupted


def test_the_store_keeps_the_real_name_and_only_the_terminal_sees_escapes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a\tb.txt"
    path.write_text("short", encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    done = bilat_run(db, "ingest", str(path))
    assert f"rejected {tmp_path}/a\\tb.txt: text too short" in done.stderr
    with open_store(db, read_only=True) as store:
        assert [r.source for r in store.rejections()] == [str(path)]


def test_on_a_terminal_a_bar_shows_total_rate_and_time_left(tmp_path: Path) -> None:
    import os
    import pty

    corpus = write_dispatches(tmp_path / "in.jsonl", 40)
    main, child_side = pty.openpty()
    child = subprocess.Popen(
        [*BILAT, "--db", str(tmp_path / "s.duckdb"), "ingest", "--batch-size", "5", str(corpus)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=child_side,
        env=child_env(COLUMNS="120", TERM="xterm"),
    )
    os.close(child_side)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(main)
    assert child.wait(timeout=300) == 0
    text = seen.decode("utf-8", "replace")
    assert "ingesting" in text and "inputs/s" in text, text[-2000:]
    assert "/40" in text, "the bar shows the total"
    assert "40 inputs: 40 articles stored" in text
