"""The wait between polls of `bilat ingest --watch`."""

from __future__ import annotations

from bilat.watch import Outcome, next_wait


def test_the_wait_doubles_after_quiet_rounds_up_to_the_cap() -> None:
    waits = []
    wait = 0.0
    for outcome in [Outcome.NEW, *[Outcome.UNCHANGED] * 3, Outcome.ERROR, Outcome.ERROR]:
        wait = next_wait(wait, outcome, interval=10, cap=60)
        waits.append(wait)
    assert waits == [10, 20, 40, 60, 60, 60]


def test_news_brings_the_wait_back_to_the_interval() -> None:
    assert next_wait(60, Outcome.NEW, interval=10, cap=60) == 10


def test_a_first_quiet_round_waits_the_interval() -> None:
    assert next_wait(0, Outcome.UNCHANGED, interval=5, cap=60) == 5
    assert next_wait(0, Outcome.ERROR, interval=5, cap=60) == 5
