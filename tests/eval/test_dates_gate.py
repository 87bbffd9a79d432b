"""Rule 4 gate: date expressions in TimeML news (AQUAINT), plus the value comparison."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bilat.errors import ResourceInvalid
from bilat.evaluation.dates import (
    DateScore,
    evaluate_dates,
    load_timeml,
    score_document,
    value_agrees,
)
from bilat.records import DateSpan, Granularity

AQUAINT = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dates" / "aquaint"

# Measured on the 73 AQUAINT documents (489 gold DATE timexes): found 0.963,
# value accuracy 0.949. Floors leave room for noise only; raising them is a
# commit of its own.
FOUND_FLOOR = 0.95
VALUE_FLOOR = 0.93

ANCHOR = date(1998, 8, 7)
DAY, WEEK, MONTH, YEAR = Granularity.DAY, Granularity.WEEK, Granularity.MONTH, Granularity.YEAR


def test_dates_rule4_above_floors() -> None:
    if not AQUAINT.is_dir():
        pytest.skip("../shared/eval/dates/aquaint is not present")
    score = evaluate_dates(AQUAINT)
    result = score.as_dict()
    assert set(result) == {"n", "found", "value_accuracy"}
    assert score.n >= 400
    assert score.found >= FOUND_FLOOR, result
    assert score.value_accuracy >= VALUE_FLOOR, result


TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="1998-08-07T10:00">1998-08-07</TIMEX3></DCT>
<TEXT>
Bombs <EVENT eid="e1">exploded</EVENT>
<TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>
&amp; <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3> later, in
<TIMEX3 tid="t3" type="DATE" value="1998-08">August</TIMEX3>, they <TIMEX3 tid="t4" type="DATE"
value="PRESENT_REF">now</TIMEX3> said. <TIMEX3 tid="t5" type="DATE" value="P1D">daily</TIMEX3>
</TEXT>
</TimeML>
"""


def test_load_timeml_strips_tags_and_keeps_offsets(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    doc = load_timeml(path)
    assert doc.anchor == ANCHOR
    assert [g.value for g in doc.gold] == ["1998-08-07", "1998-08", "PRESENT_REF", "P1D"]
    assert all(doc.text[g.start : g.end] == g.text for g in doc.gold)
    assert [g.text for g in doc.gold] == ["Friday", "August", "now", "daily"]
    assert "&" in doc.text and "<" not in doc.text
    assert score_document(doc) == DateScore(n=4, n_found=3, n_correct=3)


def test_load_timeml_rejects_a_file_without_dct(tmp_path: Path) -> None:
    path = tmp_path / "bad.tml"
    path.write_text("<TimeML><TEXT>x</TEXT></TimeML>", encoding="utf-8")
    with pytest.raises(ResourceInvalid):
        load_timeml(path)
    with pytest.raises(ResourceInvalid):
        evaluate_dates(tmp_path / "empty-dir-that-does-not-exist")


def day(y: int, m: int, d: int) -> DateSpan:
    return DateSpan(date(y, m, d), date(y, m, d), DAY)


@pytest.mark.parametrize(
    ("span", "value", "agrees"),
    [
        (day(1998, 8, 7), "1998-08-07", True),
        (day(1998, 8, 7), "1998-08-07TEV", True),
        (day(1998, 8, 6), "1998-08-07", False),
        (day(1998, 8, 7), "1998-08", True),  # finer than the gold is fine
        (DateSpan(date(1998, 8, 1), date(1998, 8, 31), MONTH), "1998-08-07", False),
        (DateSpan(date(1998, 1, 1), date(1998, 12, 31), YEAR), "1998", True),
        (DateSpan(date(1998, 1, 1), date(1998, 12, 31), YEAR), "1998-XX", True),
        (DateSpan(date(1998, 1, 1), date(1998, 12, 31), YEAR), "1998-10", False),
        (DateSpan(date(1998, 11, 1), date(1998, 12, 31), YEAR), "1998-Q4", True),  # inside
        (DateSpan(date(1998, 9, 1), date(1998, 12, 31), YEAR), "1998-Q4", False),
        (DateSpan(date(1990, 1, 1), date(1999, 12, 31), Granularity.DECADE), "199X", True),
        (DateSpan(date(1990, 1, 1), date(1999, 12, 31), Granularity.DECADE), "1990", False),
        (DateSpan(date(2000, 2, 14), date(2000, 2, 20), WEEK), "2000-W7", True),
        (DateSpan(date(2000, 2, 7), date(2000, 2, 13), WEEK), "2000-W7", False),
        (DateSpan(date(1998, 9, 1), date(1998, 11, 30), Granularity.SEASON), "1998-FA", True),
        (DateSpan(date(1998, 12, 1), date(1999, 2, 28), Granularity.SEASON), "1999-WI", True),
        (day(1998, 8, 7), "PRESENT_REF", True),
        (DateSpan(date(1998, 5, 9), date(1998, 8, 7), MONTH), "PAST_REF", True),
        (DateSpan(date(1998, 8, 8), date(2003, 8, 7), YEAR), "FUTURE_REF", True),
        (day(1998, 8, 7), "FUTURE_REF", False),
        (DateSpan(date(1998, 8, 3), date(1998, 8, 9), WEEK), "P1W", True),
        (day(1998, 8, 7), "XXXX-08-07", True),
        (DateSpan(date(1989, 1, 1), date(1989, 12, 31), YEAR), "FY1989", True),
        (day(1998, 8, 7), "nonsense", False),
    ],
)
def test_value_agrees_at_the_gold_granularity(span: DateSpan, value: str, agrees: bool) -> None:
    assert value_agrees(span, value, ANCHOR) is agrees


def test_date_scores_add_up() -> None:
    total = DateScore(4, 3, 2) + DateScore(6, 5, 5)
    assert total.as_dict() == {"n": 10, "found": 0.8, "value_accuracy": 7 / 8}
    assert DateScore(0, 0, 0).as_dict() == {"n": 0, "found": 0.0, "value_accuracy": 0.0}
