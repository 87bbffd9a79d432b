"""From a parsed, annotated Doc to PLOVER events, sentence by sentence."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from bilat.nlp.actors.eras import Eras
from bilat.nlp.events.contexts import ContextCues
from bilat.nlp.events.dating import (
    PlacedDate,
    bounds_a_duration,
    dates_the_trigger,
    event_date,
    is_definite,
    names_a_thing,
    place_dates,
    publication_day,
    report_month,
    same_paragraph,
)
from bilat.nlp.events.dominance import sequence_phrase
from bilat.nlp.events.lexicon import TriggerLexicon
from bilat.nlp.events.modality import (
    as_intention,
    declined,
    describes_state,
    intended,
    reported_plan,
    status_of,
    told_in_present,
    unless_clause,
)
from bilat.nlp.events.reportable import Located, reportable
from bilat.nlp.events.triggers import Trigger, find_triggers
from bilat.nlp.sides.participants import ParticipantFinder, main_pair
from bilat.nlp.sides.partners import other_side, without_opponents, without_topics
from bilat.nlp.syntax.roles import noun_arguments, verb_arguments
from bilat.records import (
    Actor,
    Amount,
    DateSpan,
    Event,
    EventType,
    Evidence,
    Mention,
    Status,
    event_id,
)

EXTRACTOR_VERSION = "bilat-rules-0.1"

# A reference-list entry: Author, “Title,” Outlet, 2 December 2021. The title is another
# article's headline; what it reports is not an event this text states.
CITATION = re.compile(
    r",\s*[”\"]\s*(?:[A-Z][\w&.'’-]*\s+){0,5}[A-Z][\w&.'’-]*\s*,[^,\n]{0,40}\b\d{4}\W*$"
)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# A bare month ("in April", "late September") takes its year from the text around it.
BARE_MONTH = re.compile(
    r"^(?:(?:early|late|mid|the end of|the beginning of|the middle of)[\s-]+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2})?$",
    re.IGNORECASE,
)


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


# Dates of the events reported so far, by type and pair: what "the meeting" refers back to.
KnownDates = Mapping[tuple[str, ...], DateSpan]


# PLOVER score of a type and mode (the ontology's ``intensity``).
Intensity = Callable[[EventType, str | None], float]


class Extractor:
    """Turns the triggers of a Doc into Events. Holds only immutable resources."""

    def __init__(
        self,
        lexicon: TriggerLexicon,
        cues: ContextCues,
        intensity: Intensity,
        eras: Eras | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.cues = cues
        self.intensity = intensity
        self.eras = eras or Eras()

    def extract(self, doc: Doc, facts: DocFacts, keep_uncoded: bool = False) -> list[Event]:
        """Events of every sentence. Uncoded events (no actor code) only when asked."""
        pair = main_pair(doc, facts.mentions)
        events: list[Event] = []
        timeline = Timeline(facts.anchor)
        known: dict[tuple[str, ...], DateSpan] = {}
        previous_end = 0
        for sent in doc.sents:
            if not same_paragraph(doc.text, previous_end, sent.start_char):
                timeline = replace(timeline, reference=None, context_year=None)
            sentence_dates = [d for d in facts.dates if sent.start_char <= d.start < sent.end_char]
            found = self._sentence_events(
                sent, facts, pair, sentence_dates, timeline, known, keep_uncoded
            )
            events.extend(found)
            for event in found:
                if event.date is not None:
                    known[_known_key(event)] = event.date
            moving = [
                d
                for d in sentence_dates
                if not (
                    names_a_thing(sent, d.start, d.end) or bounds_a_duration(sent, d.start, d.end)
                )
            ]
            timeline = _advance(timeline, moving)
            previous_end = sent.start_char + len(sent.text.rstrip())
        return events

    def _sentence_events(
        self,
        sent: Span,
        facts: DocFacts,
        pair: tuple[Actor, Actor] | None,
        dates: list[DatedText],
        timeline: Timeline,
        known: KnownDates,
        keep_uncoded: bool = False,
    ) -> list[Event]:
        if CITATION.search(sent.text):
            return []
        mentions = [m for m in facts.mentions if sent.start_char <= m.start < sent.end_char]
        first, last = paragraph_bounds(sent.doc.text, sent.start_char, sent.end_char)
        paragraph = [m for m in facts.mentions if first <= m.start < last]
        finder = ParticipantFinder(mentions, pair, [(d.start, d.end) for d in dates])
        amounts = tuple(
            a.amount for a in facts.amounts if sent.start_char <= a.start < sent.end_char
        )
        contexts = self.cues.contexts(sent.text)
        placed = place_dates(
            sent,
            [
                (d.start, d.end, _with_context_year(d.span, timeline.context_year, facts.anchor))
                for d in dates
            ],
        )
        best: dict[tuple[str, ...], Event] = {}
        # an act no date of its own dates, in a story at the time of its report
        reported = report_month(timeline.previous, facts.anchor)
        promises: dict[str, tuple[EventType, str | None]] = {}  # AGREE id -> act promised
        for trigger, sense, found in self._governing(sent, finder, keep_uncoded):
            if trigger.nominal and _undated_state(trigger.token, placed):
                continue
            when = _news_day(trigger.token, placed, facts.anchor) or event_date(
                trigger.token, placed, timeline.reference, timeline.previous
            )
            status = status_of(trigger.token, when, facts.anchor)
            type_, mode = sense
            promised: tuple[EventType, str | None] | None = None
            if declined(type_, status):
                type_, mode = EventType.REJECT, None
            elif intended(trigger.token) and unless_clause(trigger.token):
                type_, mode = EventType.THREATEN, None
            elif not trigger.foreseen and _promised(trigger.token, type_):
                if type_.quad in (1, 2):
                    # "will hold a joint exercise": the promise (AGREE) and the act, planned
                    promised = (type_, mode)
                type_, mode = as_intention(type_), None
            confidence = found.confidence - (0.1 if trigger.nominal else 0.0)
            definite = when is None and is_definite(trigger.token, trigger.obj)
            phase = sequence_phrase(trigger.token)
            # "Germany and France sent aid to Mali and Niger": one event per pair.
            for read_source, read_target in ((found.source, found.target), *found.also):
                cooperative = type_.quad in (1, 2)
                target = other_side(read_source, read_target, mentions, pair, cooperative)
                # A side inferred from elsewhere yields to one the sentence names outright.
                inferred = 0.1 if target is not read_target else 0.0
                sides = _sides(read_source, target)
                dated = known.get((type_.value, *sides)) if definite else when
                # "the two countries" signing in 1948 are Pakistan and the Soviet Union.
                # "has demanded an admission by Moscow" is of the writer's time, whatever
                # era the paragraph recalls.
                recalled = [] if told_in_present(trigger.token) else paragraph
                source, target = self._of_era(read_source, target, dated, recalled)
                sides = _sides(source, target)
                event = Event(
                    id=event_id(
                        facts.article_id,
                        trigger.token.idx,
                        type_.value,
                        source.code or source.text,
                        target.code or target.text if target else "",
                    ),
                    type=type_,
                    mode=mode,
                    contexts=contexts,
                    source=source,
                    target=target,
                    symmetric=found.symmetric,
                    date=dated or (reported if status is Status.OCCURRED else None),
                    status=status,
                    amounts=amounts if type_.quad == 2 or type_ is EventType.AGREE else (),
                    intensity=self.intensity(type_, mode) if status is Status.OCCURRED else 0.0,
                    confidence=round(max(0.05, min(0.99, confidence - inferred)), 3),
                    evidence=Evidence(
                        article_id=facts.article_id,
                        sentence=sent.text,
                        start=sent.start_char,
                        end=sent.end_char,
                        trigger=trigger.token.text,
                    ),
                    extractor_version=EXTRACTOR_VERSION,
                )
                # One event per type, pair and date in a sentence: "held talks ... the
                # talks" is one; "signed an MoU in 2018 and another in 2019" are two, and
                # so are "established ties following the agreement".
                if promised is not None:
                    promises[event.id] = promised
                key = (type_.value, *sides, dated.iso() if dated else "", phase)
                kept = best.get(key)
                if kept is None or event.confidence > kept.confidence:
                    best[key] = event
        events = list(best.values())
        acts = [_promised_act(e, *promises[e.id], reported) for e in events if e.id in promises]
        return without_partial_repeats(events + acts)

    def _of_era(
        self,
        source: Mention,
        target: Mention | None,
        dated: DateSpan | None,
        paragraph: list[Mention],
    ) -> tuple[Mention, Mention | None]:
        """The sides as the states of the event's date, or of its paragraph's era."""
        if dated is None:
            at_era = self.eras.of_paragraph(source, paragraph)
            return at_era, None if target is None else self.eras.of_paragraph(target, paragraph)
        return self.eras.at(source, dated), None if target is None else self.eras.at(target, dated)

    def _governing(
        self, sent: Span, finder: ParticipantFinder, keep_uncoded: bool
    ) -> list[Located]:
        """The sentence's reportable triggers with their participants, minus those another
        reported trigger or a statement governs ("rejected the *offer*")."""
        located: list[Located] = []
        statements: list[Trigger] = []
        for trigger in find_triggers(sent, self.lexicon):
            sense = trigger.sense
            if sense is None:
                statements.append(trigger)
                continue
            args = (
                noun_arguments(trigger.token)
                if trigger.nominal
                else verb_arguments(trigger.token, trigger.obj)
            )
            found = finder.find(args, trigger.token)
            if found is None:
                continue
            if sense[0].quad in (1, 2):
                found = without_opponents(found, trigger.token)
            if sense[0] is EventType.CONSULT:
                found = without_topics(found, trigger.token)
            coded = found.source.code or (found.target is not None and found.target.code)
            if keep_uncoded or coded:
                located.append((trigger, sense, found))
        return reportable(located, statements)


def _promised(trigger: Token, type_: EventType) -> bool:
    """Whether the trigger states an intention coded as such; a meeting a past report
    scheduled ("said they would meet in May") stays a planned meeting."""
    if type_ is EventType.CONSULT and reported_plan(trigger):
        return False
    return intended(trigger) and as_intention(type_) is not type_


def _promised_act(
    promise: Event, type_: EventType, mode: str | None, reported: DateSpan | None
) -> Event:
    """The act a promise states ("will hold a joint exercise in May"), as a planned event
    beside the promise's AGREE: planned, so it weighs nothing in the relationship's scores
    (intensity 0) until it happens, and dated only by a date the text gives it."""
    status = Status.PLANNED if promise.status is Status.OCCURRED else promise.status
    return replace(
        promise,
        id=event_id(
            promise.evidence.article_id,
            promise.evidence.start,
            f"{type_.value}:{promise.id}",
            promise.source.code or promise.source.text,
            "",
        ),
        type=type_,
        mode=mode,
        status=status,
        date=None if promise.date is reported else promise.date,
        intensity=0.0,
    )


def _news_day(trigger: Token, placed: list[PlacedDate], anchor: date | None) -> DateSpan | None:
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
    what its clause tells of ("clashes erupt"), not as its topic ("hopes are pinned on
    the visit")."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return told_in_present(trigger)


def _undated_state(noun: Token, placed: list[PlacedDate]) -> bool:
    """An event noun in a simple-present clause that no date of its own ties to a time:
    the writer's picture of relations, not an act ("the 2019 visit marks a shift" is one)."""
    return describes_state(noun) and not any(dates_the_trigger(noun, d.head) for d in placed)


def without_partial_repeats(events: list[Event]) -> list[Event]:
    """A sentence's events minus those with one side unresolved that repeat, with less
    said, an event of the same type the sentence codes in full: in "Iran has found a
    market for arms sales and cooperation, notably Syria", the cooperation whose partner
    the parse missed is the one with Syria; in "after Iraq invaded Kuwait, the US and
    Britain went to war to defeat the Iraqis", the war with an unnamed side is theirs."""
    full = [e for e in events if e.dyad is not None]
    return [e for e in events if e.dyad is not None or not _repeats(e, full)]


def _repeats(partial: Event, full: list[Event]) -> bool:
    """Whether a full event of ``partial``'s type has its one resolved side among its own
    (an act of a country on itself, both sides resolved, repeats nothing)."""
    codes = {partial.source.code, partial.target.code if partial.target else None}
    if None not in codes or len(codes) != 2:
        return False
    code = next(c for c in codes if c is not None)
    return any(e.type is partial.type and code in (e.dyad or ()) for e in full)


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Character range of the paragraph (line) a sentence at ``start:end`` is in."""
    after = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if after < 0 else after


def _sides(source: Mention, target: Mention | None) -> list[str]:
    """The sorted codes (or texts) of an event's sides: its key within a sentence."""
    return sorted((source.code or source.text, target.code or target.text if target else ""))


def _known_key(event: Event) -> tuple[str, ...]:
    """The key under which an event's date is remembered: its type and sorted sides."""
    source = event.source.code or event.source.text
    target = "" if event.target is None else event.target.code or event.target.text
    return (event.type.value, *sorted((source, target)))


def _advance(timeline: Timeline, dates: list[DatedText]) -> Timeline:
    """The timeline after a sentence with these date expressions."""
    if not dates:
        return timeline
    explicit = [d for d in dates if YEAR.search(d.span.text)]
    year = explicit[-1].span.start.year if explicit else timeline.context_year
    last = _with_context_year(dates[-1].span, year, timeline.anchor)
    return replace(timeline, reference=last, previous=dates[-1].span, context_year=year)


def _with_context_year(span: DateSpan, context_year: int | None, anchor: date | None) -> DateSpan:
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


__all__ = [
    "EXTRACTOR_VERSION",
    "DatedText",
    "DocFacts",
    "Extractor",
    "FoundAmount",
    "Intensity",
    "find_triggers",
    "main_pair",
]
