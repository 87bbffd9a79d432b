"""A factory of events for the scorer tests: only the fields a scorer reads matter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from bilat.records import (
    Actor,
    DateSpan,
    Event,
    EventType,
    Evidence,
    Granularity,
    Mention,
)

MakeEvent = Callable[..., Event]


def _mention(spec: tuple[str | None, int, int] | str | None) -> Mention | None:
    if spec is None:
        return None
    if isinstance(spec, str):
        return Mention(spec, 0, 0, Actor(spec, spec))
    code, start, end = spec
    return Mention("x", start, end, Actor(code, code) if code else None)


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
    src = _mention(source)
    assert src is not None
    return Event(
        id=f"e{id(sentence)}{type_}",
        type=EventType(type_),
        source=src,
        target=_mention(target),
        evidence=Evidence("article", sentence, 0, len(sentence)),
        date=span,
        intensity=intensity,
        symmetric=symmetric,
    )


@pytest.fixture
def make_event() -> MakeEvent:
    return build_event
