"""The escaping of names in CLI lines, the plain progress line, and the planned total."""

from __future__ import annotations

import io
from pathlib import Path

from bilat.ingest.plan import planned_inputs
from bilat.interfaces.ingest_output import IngestOutput, printable
from bilat.records import Rejection, RunSummary


def test_printable_escapes_what_a_terminal_acts_on() -> None:
    assert printable("a\nb\rc\td") == "a\\nb\\rc\\td"
    assert printable("\x1b[2J\x07") == "\\x1b[2J\\x07"
    assert printable("right\u202eleft\u2028") == "right\\u202eleft\\u2028"
    assert printable("caf\udce9.txt") == "caf\\udce9.txt"
    assert printable("Pakistan–Russia, café") == "Pakistan–Russia, café"


class _Pipe(io.StringIO):
    def isatty(self) -> bool:
        return False


def test_rejections_stream_and_progress_lines_say_how_far() -> None:
    out = _Pipe()
    show = IngestOutput(100, quiet=False, stream=out, every=0.0)
    with show.running():
        show(RunSummary(seen=10, stored=9, rejections=(Rejection("ingest", "bad\nline", "x\ny"),)))
        show(RunSummary(seen=20, stored=19, rejections=(Rejection("ingest", "bad\nline", "x\ny"),)))
    lines = out.getvalue().splitlines()
    assert lines[0] == "rejected x\\ny: bad\\nline"
    assert lines[1].startswith("progress: 10 of 100 inputs (10%), about ")
    assert lines[1].endswith("inputs/s; 9 stored, 1 rejected")
    assert lines[2].startswith("progress: 20 of 100 inputs (20%)")
    assert len(lines) == 3, "each rejection once"


def test_quiet_prints_nothing() -> None:
    out = _Pipe()
    IngestOutput(None, quiet=True, stream=out, every=0.0)(RunSummary(seen=5))
    assert out.getvalue() == ""


def test_planned_inputs_counts_files_and_jsonl_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl").write_text('{"text": 1}\n{"text": 2}\n{"text": 3}', "utf-8")
    assert planned_inputs([str(tmp_path)]) == 4
    assert planned_inputs([str(tmp_path / "a.txt"), "-"]) is None
    assert planned_inputs(["https://news.example/a"]) is None
    (tmp_path / "c.warc.gz").write_bytes(b"")
    assert planned_inputs([str(tmp_path)]) is None
