"""Small keyword-argument factories for the records tests build by hand.

Importable as ``factories`` (pyproject puts tests/ on the path). Each factory fills what
a test does not care about with a plain default, so a test names only what it checks:
``event(EventType.AID, "RUS", "PAK", when=day(2021, 4, 1), intensity=7.5)``.
"""

from __future__ import annotations

import calendar
import hashlib
from dataclasses import replace
from datetime import date
from typing import Any

from bilat.records import (
    Actor,
    Article,
    DateSpan,
    Event,
    EventType,
    Evidence,
    Granularity,
    Mention,
    article_id,
)

# The countries tests use most, so a mention reads as a news text would spell it.
NAMES = {
    "PAK": "Pakistan",
    "RUS": "Russia",
    "CHN": "China",
    "IND": "India",
    "USA": "United States",
}
SENTENCE = "Pakistan and Russia held talks."


def day(y: int, m: int, d: int, text: str = "") -> DateSpan:
    return DateSpan(date(y, m, d), date(y, m, d), Granularity.DAY, text)


def month(y: int, m: int, text: str = "") -> DateSpan:
    last = calendar.monthrange(y, m)[1]
    return DateSpan(date(y, m, 1), date(y, m, last), Granularity.MONTH, text)


def year(y: int) -> DateSpan:
    return DateSpan(date(y, 1, 1), date(y, 12, 31), Granularity.YEAR)


def actor(code: str, name: str | None = None, sector: str | None = None) -> Actor:
    """An actor named as NAMES spells its code (else by the code itself)."""
    return Actor(code, NAMES.get(code, code) if name is None else name, sector)


def mention(
    code: str | None,
    text: str | None = None,
    start: int = 0,
    *,
    end: int | None = None,
    name: str | None = None,
    sector: str | None = None,
) -> Mention:
    """A mention of ``code`` (None: resolved to no actor) spelled ``text`` at ``start``.

    ``text`` defaults to the actor's name, ``end`` to the end of ``text``.
    """
    who = None if code is None else actor(code, name, sector)
    if text is None:
        text = who.name if who is not None else ""
    return Mention(text, start, start + len(text) if end is None else end, who)


def event(
    type_: EventType | str = EventType.CONSULT,
    source: str | Mention = "PAK",
    target: str | Mention | None = "RUS",
    *,
    id_: str | None = None,
    when: DateSpan | date | None = None,
    article: str = "a1",
    sentence: str = SENTENCE,
    start: int = 0,
    trigger: str = "",
    **overrides: Any,
) -> Event:
    """An event whose sides are codes (or mentions), stated by ``sentence`` at ``start``
    of ``article``; ``when`` a span or a day. ``overrides`` set any other Event field.

    The id, unless given, follows from what the event says, so equal events share it.
    """
    side = source if isinstance(source, Mention) else mention(source)
    other = target if isinstance(target, Mention) or target is None else mention(target)
    span = DateSpan(when, when, Granularity.DAY) if isinstance(when, date) else when
    type_ = EventType(type_)
    if id_ is None:
        key = f"{article}|{start}|{sentence}|{type_}|{side}|{other}|{span}"
        id_ = hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
    built = Event(
        id=id_,
        type=type_,
        source=side,
        target=other,
        evidence=Evidence(article, sentence, start, start + len(sentence), trigger),
        date=span,
    )
    return replace(built, **overrides)


def article(body: str, *, id_: str | None = None, source: str = "", **overrides: Any) -> Article:
    """An article of ``body``, its id the content id unless given; ``source`` defaults to
    the id's file name. ``overrides`` set any other Article field."""
    ident = article_id(body) if id_ is None else id_
    built = Article(id=ident, source=source or f"{ident}.txt", body=body)
    return replace(built, **overrides)
