"""Typed, frozen records handed between stages. Standard library only.

Every stage of bilat takes and returns these records, never dicts or parallel
lists, so a field renamed here is a type error everywhere it is used.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


class Granularity(StrEnum):
    """How precisely a date expression pins down time, finest first."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    YEAR = "year"
    DECADE = "decade"

    @property
    def rank(self) -> int:
        """How coarse: day 0, week 1, month 2, season and quarter 3 (4 is left for a half
        year, which TIMEX3 values name), year 5, decade 6."""
        return _GRANULARITY_RANK[self]


_GRANULARITY_RANK: dict[Granularity, int] = {
    Granularity.DAY: 0,
    Granularity.WEEK: 1,
    Granularity.MONTH: 2,
    Granularity.SEASON: 3,
    Granularity.QUARTER: 3,
    Granularity.YEAR: 5,
    Granularity.DECADE: 6,
}


class Status(StrEnum):
    """Whether the event happened, per the sentence that reports it."""

    OCCURRED = "occurred"
    PLANNED = "planned"
    PROPOSED = "proposed"
    DENIED = "denied"
    HYPOTHETICAL = "hypothetical"


class EventType(StrEnum):
    """The 16 PLOVER 2.0 event types."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"

    @property
    def quad(self) -> int:
        """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
        return _QUAD[self]


_QUAD: dict[EventType, int] = {
    **dict.fromkeys((EventType.AGREE, EventType.CONSULT, EventType.SUPPORT, EventType.CONCEDE), 1),
    **dict.fromkeys((EventType.COOPERATE, EventType.AID, EventType.RETREAT), 2),
    **dict.fromkeys((EventType.REQUEST, EventType.ACCUSE, EventType.REJECT, EventType.THREATEN), 3),
    **dict.fromkeys(
        (
            EventType.PROTEST,
            EventType.SANCTION,
            EventType.MOBILIZE,
            EventType.COERCE,
            EventType.ASSAULT,
        ),
        4,
    ),
}


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A period of time named by a text, e.g. "late September 2021".

    ``start`` and ``end`` are inclusive calendar days. ``inferred`` marks a
    date bilat guessed (for example an article's publication date taken from
    the latest date it cites) rather than read.
    """

    start: date
    end: date
    granularity: Granularity
    text: str = ""
    inferred: bool = False

    def iso(self) -> str:
        """ISO form at this granularity: 2021-09-30, 2021-09, 2021, or 195 for the 1950s."""
        if self.granularity is Granularity.DAY:
            return self.start.isoformat()
        if self.granularity in (Granularity.WEEK, Granularity.MONTH):
            return f"{self.start.year:04d}-{self.start.month:02d}"
        if self.granularity is Granularity.DECADE:
            return f"{self.start.year // 10:03d}"
        return f"{self.start.year:04d}"

    def label(self) -> str:
        """How people write it: ``iso()``, except a decade as 1950s."""
        if self.granularity is Granularity.DECADE:
            return f"{self.start.year // 10 * 10:04d}s"
        return self.iso()

    def agrees_with(self, iso: str) -> bool:
        """True when this span falls within the period an ISO prefix names."""
        return self.start.isoformat().startswith(iso) or (
            len(iso) == 3 and f"{self.start.year:04d}".startswith(iso)
        )


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article. ``id`` is the SHA-256 of its normalised body."""

    id: str
    source: str
    body: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: DateSpan | None = None
    language: str = "en"
    boilerplate_removed: int = 0


def article_id(body: str) -> str:
    """Content id: whitespace and case differences do not make a new article."""
    normalised = " ".join(body.split()).casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input a stage refused, with a one-line reason a user can act on."""

    stage: str
    reason: str
    source: str


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: ISO alpha-3 for states (PAK), short codes for IGOs (UN, SCO)."""

    code: str
    name: str
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A text span naming an actor; ``actor`` is None when it resolves to no code."""

    text: str
    start: int
    end: int
    actor: Actor | None = None

    @property
    def code(self) -> str | None:
        return self.actor.code if self.actor else None


@dataclass(frozen=True, slots=True)
class Amount:
    """A quantity: money in an ISO currency, or a counted noun (doses, MW, troops)."""

    value: Decimal
    unit: str
    text: str
    value_usd: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence that states an event; offsets are into the article body."""

    article_id: str
    sentence: str
    start: int
    end: int
    trigger: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """One PLOVER-coded event with the evidence for it."""

    id: str
    type: EventType
    source: Mention
    evidence: Evidence
    target: Mention | None = None
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    symmetric: bool = False
    date: DateSpan | None = None
    status: Status = Status.OCCURRED
    amounts: tuple[Amount, ...] = ()
    intensity: float = 0.0
    confidence: float = 0.5
    extractor_version: str = ""
    # The rule that found the sides ("subject-object+one-country"): the event's provenance.
    rule: str = ""

    @property
    def dyad(self) -> tuple[str, str] | None:
        """The sorted pair of actor codes, when both sides resolved to different codes."""
        a, b = self.source.code, self.target.code if self.target else None
        if a is None or b is None or a == b:
            return None
        return (a, b) if a <= b else (b, a)


def event_id(article: str, sentence_start: int, type_: str, source: str, target: str) -> str:
    """Stable id, so re-extracting the same article yields the same events."""
    key = f"{article}|{sentence_start}|{type_}|{source}|{target}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class EventCluster:
    """The same real-world event told by one or more sources."""

    id: str
    events: tuple[Event, ...]
    sources: int

    @property
    def lead(self) -> Event:
        """The most confident member stands for the cluster."""
        return max(self.events, key=lambda e: e.confidence)


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What one ingest run did."""

    seen: int = 0
    stored: int = 0
    unchanged: int = 0
    events: int = 0
    rejections: tuple[Rejection, ...] = field(default_factory=tuple)
    interrupted: bool = False  # stopped by Ctrl-C: the whole batches before it are stored
