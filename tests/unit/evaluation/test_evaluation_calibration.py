"""Precision of predicted events by confidence band."""

from __future__ import annotations

import pytest

from bilat.evaluation.calibration import bands, merged, threshold_for


def test_bands_count_right_events_and_precision_at_or_above() -> None:
    pairs = [(0.1, False), (0.2, True), (0.75, True), (0.75, False), (0.95, True)]
    rows = {row["from"]: row for row in bands(pairs)}
    assert (rows[0.0]["n"], rows[0.0]["right"]) == (2, 1)
    assert (rows[0.7]["n"], rows[0.7]["right"]) == (2, 1)
    assert rows[0.7]["precision_at_or_above"] == pytest.approx(2 / 3)
    assert rows[0.9]["precision_at_or_above"] == 1.0
    assert sum(row["n"] for row in rows.values()) == len(pairs)


def test_the_threshold_is_the_lowest_band_that_reaches_the_precision() -> None:
    table = bands([(0.1, False), (0.2, False), (0.65, True), (0.85, True), (0.86, False)])
    rows = merged([table, table])
    assert threshold_for(rows, 0.6) == 0.3  # an empty band counts what lies above it
    assert threshold_for(rows, 0.7) is None
    assert threshold_for(rows, 0.4) == 0.0


def test_eval_md_shows_out_of_fold_confidence_and_the_thresholds() -> None:
    from bilat.evaluation.report import render_calibration
    from bilat.nlp.learned.confidence import FEATURES

    def sample(i: int, occurred: bool, ok: bool) -> list[object]:
        values = dict.fromkeys(FEATURES, 0.0)  # whichever the shipped model uses
        return [f"d{i}", {**values, "occurred": float(occurred), "undated": 1.0}, ok]

    samples = [sample(i, i % 3 != 0, i % 3 != 0 or i % 2 == 0) for i in range(60)]
    table = bands([(0.75, True), (0.2, False)])
    text = "\n".join(
        render_calibration({"events x": {"calibration": table, "calibration_samples": samples}})
    )
    assert "out of fold" in text
    assert "| >= 0.9 |" in text
    assert "Precision 70% is reached from confidence" in text
    assert "1 of 1 events at confidence 0.7 or more are right" in text
    assert render_calibration({"classes x": {"macro_f1": 0.9}}) == []
