"""EventQuery normalises what it can and refuses what it cannot answer."""

from __future__ import annotations

from datetime import date

import pytest

from bilat.store import EventQuery


def test_dyad_is_unordered() -> None:
    assert EventQuery(dyad=("RUS", "PAK")) == EventQuery(dyad=("PAK", "RUS"))
    assert EventQuery(dyad=("RUS", "PAK")).dyad == ("PAK", "RUS")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"limit": -1},
        {"offset": -5},
        {"since": date(2022, 1, 2), "until": date(2022, 1, 1)},
    ],
)
def test_event_query_refuses_impossible_bounds(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"limit|offset|after"):
        EventQuery(**kwargs)  # type: ignore[arg-type]
