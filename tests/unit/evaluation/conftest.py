"""A factory of events for the scorer tests: only the fields a scorer reads matter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from bilat.records import DateSpan, Event, EventType, Granularity, Mention
from factories import event, mention

MakeEvent = Callable[..., Event]


def _side(spec: tuple[str | None, int, int] | str) -> Mention:
    if isinstance(spec, str):
        return mention(spec, spec, end=0, name=spec)
    code, start, end = spec
    return mention(code, "x", start, end=end)


def build_event(
    type_: EventType | str = EventType.CONSULT,
    source: tuple[str | None, int, int] | str = "PAK",
    target: tuple[str | None, int, int] | str | None = "RUS",
    *,
    sentence: str = "",
    when: tuple[int, int, int] | None = None,
    granularity: Granularity = Granularity.DAY,
    intensity: float = 0.0,
    symmetric: bool = False,
) -> Event:
    """An event; ``source``/``target`` are a code or (code, char start, char end)."""
    span = None
    if when is not None:
        day = date(*when)
        span = DateSpan(day, day, granularity)
    return event(
        type_,
        _side(source),
        None if target is None else _side(target),
        id_=f"e{id(sentence)}{type_}",
        article="article",
        sentence=sentence,
        when=span,
        intensity=intensity,
        symmetric=symmetric,
    )


@pytest.fixture
def make_event() -> MakeEvent:
    return build_event
