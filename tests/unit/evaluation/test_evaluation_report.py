"""EVAL.md: one section per set, figures in tables."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bilat.evaluation.report import render_markdown, write_markdown

RESULTS: dict[str, dict[str, object]] = {
    "classes class_train.tsv": {
        "n": 5,
        "accuracy": 0.6,
        "macro_f1": 0.5,
        "per_class": {"0": {"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "support": 2}},
        "confusion": [[1, 1], [0, 3]],
    },
    "roles roles_train.txt": {
        "n": 3,
        "source": {"precision": 0.5, "recall": 1.0, "f1": 2 / 3},
        "target": {"precision": 0.25, "recall": 0.5, "f1": 1 / 3},
    },
    "events seeds_events.jsonl": {"n_gold": 64, "n_pred": 0, "f1": 0.0},
}


def test_markdown_has_a_section_and_table_per_set() -> None:
    text = render_markdown(RESULTS, data="../shared/eval", when=date(2022, 2, 1), bilat="9.9")
    assert text.startswith("# bilat evaluation\n")
    assert "bilat 9.9, 2022-02-01." in text
    assert "`../shared/eval`" in text
    assert "## Rule 1: Event type, sentence level" in text
    assert "Data set: `class_train.tsv`" in text
    assert "| accuracy | 0.600 |" in text
    assert "| 0 | 1.000 | 0.500 | 0.667 | 2 |" in text  # per_class row
    assert "| 1 | 0 | 3 |" in text  # confusion matrix row
    assert "| source | 0.500 | 1.000 | 0.667 |" in text
    assert "## Rule 6: Document events" in text
    assert "| n_gold | 64 |" in text


def test_write_markdown_writes_the_file(tmp_path: Path) -> None:
    path = tmp_path / "EVAL.md"
    write_markdown(RESULTS, path, when=date(2022, 2, 1))
    text = path.read_text(encoding="utf-8")
    assert "2022-02-01" in text and "## Rule 2: Actor roles" in text
