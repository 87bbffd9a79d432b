"""Where a text is in time as it moves from sentence to sentence, and which acts the
time of the report dates: "in April" after "in 2021" is April 2021, an act told in the
present is news of the publication day, "the meeting" takes the date of the meeting
reported before."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Span, Token

from bilat.nlp.events.dating import (
    PlacedDate,
    bounds_a_duration,
    dates_the_trigger,
    names_a_thing,
    publication_day,
    sets_a_deadline,
)
from bilat.nlp.events.modality import (
    describes_state,
    told_in_future,
    told_in_present,
    untagged_verb,
)
from bilat.nlp.facts import DatedText
from bilat.nlp.words import Words
from bilat.records import DateSpan, Event

WORDS = Words("events")  # resources/words.yaml, section events

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# A bare month ("in April", "late September") takes its year from the text around it.
BARE_MONTH = re.compile(
    r"^(?:(?:early|late|mid|the end of|the beginning of|the middle of)[\s-]+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2})?$",
    re.IGNORECASE,
)

# Dates of the events reported so far, by type and pair: what "the meeting" refers back to.
KnownDates = Mapping[tuple[str, ...], DateSpan]


@dataclass(frozen=True, slots=True)
class Timeline:
    """Where the text is in time when a sentence starts.

    ``reference`` is the last date of the paragraph so far (None at a paragraph's start),
    ``previous`` the last date of the text so far, ``context_year`` the last year written
    in the paragraph (a new paragraph returns to the story's own time: "in September"
    there reads from the publication date, not from a year the paragraph before recalled).
    """

    anchor: date | None
    reference: DateSpan | None = None
    previous: DateSpan | None = None
    context_year: int | None = None


def advance(timeline: Timeline, sent: Span, dates: Sequence[DatedText]) -> Timeline:
    """The timeline after a sentence with these date expressions; a date that names a
    thing ("the 1923 Treaty"), bounds a duration ("since 2015") or sets a deadline ("by
    2022") does not move it."""
    moving = [
        d
        for d in dates
        if not (
            names_a_thing(sent, d.start, d.end)
            or bounds_a_duration(sent, d.start, d.end)
            or sets_a_deadline(sent, d.start, d.end)
        )
    ]
    if not moving:
        return timeline
    explicit = [d for d in moving if YEAR.search(d.span.text)]
    year = explicit[-1].span.start.year if explicit else timeline.context_year
    last = with_context_year(moving[-1].span, year, timeline.anchor)
    return replace(timeline, reference=last, previous=moving[-1].span, context_year=year)


def with_context_year(span: DateSpan, context_year: int | None, anchor: date | None) -> DateSpan:
    """ "in April" after "in 2021" means April 2021, whatever the publication year."""
    if not BARE_MONTH.match(span.text.strip()) or context_year is None:
        return span
    if span.start.year == context_year:
        return span
    # The publication year is the year the anchored, tense-aware reading already
    # chose from: "signed in August" in a May story is last August, not this one.
    if anchor is not None and context_year >= anchor.year:
        return span
    shift = context_year - span.start.year
    try:
        start = span.start.replace(year=span.start.year + shift)
        end = span.end.replace(year=span.end.year + shift)
    except ValueError:  # 29 February in a year without one
        return span
    return DateSpan(start, end, span.granularity, span.text, span.inferred)


def known_key(event: Event) -> tuple[str, ...]:
    """The key under which an event's date is remembered: its type and sorted sides."""
    source = event.source.code or event.source.text
    target = "" if event.target is None else event.target.code or event.target.text
    return (event.type.value, *sorted((source, target)))


def news_day(trigger: Token, placed: list[PlacedDate], anchor: date | None) -> DateSpan | None:
    """The publication day of an act told in the present ("Israel reopens its embassy in
    Cairo, after closing it in 2011"): news of the day, which only a date of the act's own
    clause moves; another clause's date, or the paragraph's last, dates another act."""
    if anchor is None or not _told_as_news(trigger):
        return None
    if any(dates_the_trigger(trigger, d.head) for d in placed):
        return None
    return publication_day(anchor)


def _told_as_news(trigger: Token) -> bool:
    """Whether the act is told in the present or present perfect; an event noun only as
    what its clause tells of, not as its topic ("hopes are pinned on the visit")."""
    nominal = trigger.pos_ in ("NOUN", "PROPN") and not untagged_verb(trigger)
    if nominal and not _tells_of(trigger):
        return False
    # "will hold talks": a plan told today is not an act of today
    return told_in_present(trigger) and not told_in_future(trigger)


def _tells_of(noun: Token) -> bool:
    """Whether the clause of an event noun tells of the act: as its subject ("clashes
    erupt"), as what its verb stages ("holds three days of drills"), or as the
    circumstance of a toll ("six are killed in a drone attack")."""
    top = noun
    while top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.pos_ in ("NOUN", "NUM"):
        top = top.head.head
    if top.dep_ in ("nsubj", "nsubjpass"):
        return True
    if top.dep_ == "dobj":
        return top is not noun and top.head.lemma_.lower() in WORDS.STAGING_VERBS
    prep = top.head
    return (
        top.dep_ == "pobj"
        and prep.lower_ in WORDS.CIRCUMSTANCE_PREPOSITIONS
        and prep.head.pos_ == "VERB"
        and any(c.dep_ == "auxpass" for c in prep.head.children)
    )


def undated_state(noun: Token, placed: list[PlacedDate]) -> bool:
    """An event noun in a simple-present clause that no date of its own ties to a time:
    the writer's picture of relations, not an act ("the 2019 visit marks a shift" is one)."""
    return describes_state(noun) and not any(dates_the_trigger(noun, d.head) for d in placed)


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Character range of the paragraph (line) a sentence at ``start:end`` is in."""
    after = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if after < 0 else after
