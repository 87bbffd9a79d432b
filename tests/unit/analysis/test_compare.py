"""bilat.analysis.compare: dyad-month counts of two event sets."""

from __future__ import annotations

from bilat.analysis.compare import compare, month_of
from bilat.records import EventType
from factories import day, event, year


def test_month_of_needs_a_date_within_one_month() -> None:
    assert month_of(event(EventType.AGREE, "PAK", "RUS", when=day(2021, 9, 30))) == "2021-09"
    assert month_of(event(EventType.AGREE, "PAK", "RUS", when=year(2021))) is None
    assert month_of(event(EventType.AGREE, "PAK", "RUS", when=None)) is None


def test_compare_counts_each_side_by_sorted_dyad_and_month() -> None:
    left = [
        event(EventType.AGREE, "RUS", "PAK", when=day(2021, 9, 1)),
        event(EventType.ACCUSE, "PAK", "RUS", when=day(2021, 9, 20)),
        event(EventType.PROTEST, "PAK", None, when=day(2021, 9, 20)),
    ]
    right = [
        event(EventType.CONSULT, "PAK", "RUS", when=day(2021, 9, 3)),
        event(EventType.SANCTION, "USA", "RUS", when=day(2021, 10, 3)),
        event(EventType.ACCUSE, "RUS", "USA", when=day(2021, 10, 9)),
        event(EventType.SANCTION, "USA", "RUS", when=None),
    ]
    found = compare(left, right)
    assert [(r.a, r.b, r.month) for r in found.rows] == [
        ("PAK", "RUS", "2021-09"),
        ("RUS", "USA", "2021-10"),
    ]
    first = found.rows[0]
    assert (first.left.events, first.left.cooperation, first.left.conflict) == (2, 1, 1)
    assert (first.right.events, first.right.cooperation) == (1, 1)
    assert (found.both, found.only_left, found.only_right) == (1, 0, 1)
    assert found.unplaced == (1, 1)
    assert found.correlation is not None
    assert round(found.correlation, 6) == -1.0


def test_correlation_is_none_when_a_side_does_not_vary() -> None:
    one = [event(EventType.AGREE, "PAK", "RUS", when=day(2021, 9, 1))]
    assert compare(one, one).correlation is None
