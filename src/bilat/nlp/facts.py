"""What the facts component finds in one document, before the parse is read: actor
mentions, date expressions and amounts, with where each sits in the text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bilat.records import Amount, DateSpan, Mention


@dataclass(frozen=True, slots=True)
class DatedText:
    """A date expression found in the text (start/end are char offsets)."""

    start: int
    end: int
    span: DateSpan


@dataclass(frozen=True, slots=True)
class FoundAmount:
    """An amount found in the text (start/end are char offsets)."""

    start: int
    end: int
    amount: Amount


@dataclass(frozen=True, slots=True)
class DocFacts:
    """What earlier components found in one document."""

    article_id: str
    anchor: date | None
    mentions: tuple[Mention, ...]
    dates: tuple[DatedText, ...]
    amounts: tuple[FoundAmount, ...]
