"""Ratios, pooling and maximum one-to-one matching."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilat.evaluation.metrics import PRF, f1, macro_f1, max_matching, micro, precision, recall


def test_prf_ratios_by_hand() -> None:
    score = PRF(tp=3, fp=1, fn=2)
    assert score.precision == pytest.approx(0.75)
    assert score.recall == pytest.approx(0.6)
    assert score.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert score.support == 5
    assert score.as_dict() == {"precision": 0.75, "recall": 0.6, "f1": score.f1}


def test_zero_denominators_give_zero() -> None:
    assert precision(0, 0) == recall(0, 0) == f1(0.0, 0.0) == 0.0
    assert PRF().as_dict() == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert macro_f1([]) == 0.0


def test_micro_pools_counts_and_macro_averages_f1() -> None:
    a, b = PRF(1, 0, 0), PRF(0, 1, 1)
    assert micro([a, b]) == PRF(1, 1, 1)
    assert macro_f1([a, b]) == pytest.approx(0.5)


def test_matching_finds_the_maximum_not_the_greedy_one() -> None:
    # Greedy would give gold 0 to pred 0 and leave gold 1 unmatched.
    ok = {(0, 0), (0, 1), (1, 0)}
    pairs = max_matching([0, 1], [0, 1], lambda g, p: (g, p) in ok)
    assert pairs == [(0, 1), (1, 0)]


def test_matching_is_one_to_one() -> None:
    assert len(max_matching([1, 1, 1], [1], lambda a, b: a == b)) == 1
    assert max_matching([], [1], lambda a, b: True) == []


@given(st.lists(st.sets(st.integers(0, 5), max_size=6), max_size=6))
def test_matching_pairs_are_compatible_and_distinct(adjacency: list[set[int]]) -> None:
    pairs = max_matching(
        list(range(len(adjacency))), list(range(6)), lambda i, j: j in adjacency[i]
    )
    assert all(j in adjacency[i] for i, j in pairs)
    assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
    # Never fewer than a greedy pass finds.
    used: set[int] = set()
    greedy = 0
    for edges in adjacency:
        free = sorted(edges - used)
        if free:
            used.add(free[0])
            greedy += 1
    assert len(pairs) >= greedy
