"""From a parsed, annotated Doc to PLOVER events, sentence by sentence: the stages composed.

For each sentence: triggers and their senses (``events``), the trigger's argument phrases
(``syntax``), their sides (``sides``, over the mentions of ``actors``), which triggers the
sentence reports, their status, type and date (``events``), and the states the sides
were at that date (``actors.eras``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from bilat.nlp.actors.eras import Eras
from bilat.nlp.events.bans import ban_sense
from bilat.nlp.events.contexts import ContextCues
from bilat.nlp.events.dating import (
    PlacedDate,
    dates_the_trigger,
    done_before,
    event_date,
    is_definite,
    news_month,
    place_dates,
    plan_ahead,
    report_month,
    same_paragraph,
)
from bilat.nlp.events.dominance import sequence_phrase
from bilat.nlp.events.exercises import exercise_sense
from bilat.nlp.events.intentions import act_of, promised_act
from bilat.nlp.events.lexicon import Sense, TriggerLexicon
from bilat.nlp.events.modality import status_of, told_in_past, told_in_present
from bilat.nlp.events.reportable import (
    Located,
    is_citation,
    reportable,
    without_partial_repeats,
)
from bilat.nlp.events.timeline import (
    KnownDates,
    Timeline,
    advance,
    known_key,
    news_day,
    paragraph_bounds,
    undated_state,
    with_context_year,
)
from bilat.nlp.events.triggers import Trigger, find_triggers
from bilat.nlp.facts import DatedText, DocFacts
from bilat.nlp.sides import ParticipantFinder, Participants, main_pair
from bilat.nlp.sides.pair_sides import pair_in_context
from bilat.nlp.sides.partners import (
    other_side,
    struck_abroad,
    to_destination,
    without_opponents,
    without_topics,
)
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
VISIT: Sense = (EventType.CONSULT, "visit")

# An event noun states its act less surely than a verb; a side inferred from elsewhere
# yields to one the sentence names outright.
NOMINAL_TRIGGER_PENALTY = 0.1
INFERRED_SIDE_PENALTY = 0.1

# PLOVER score of a type and mode (the ontology's ``intensity``).
Intensity = Callable[[EventType, str | None], float]


@dataclass(frozen=True, slots=True)
class Scene:
    """One sentence with what its events share: its mentions, its paragraph's (for the
    era it recalls), the main pair, amounts, contexts, placed dates and the report time."""

    sent: Span
    facts: DocFacts
    pair: tuple[Actor, Actor] | None
    mentions: list[Mention]
    paragraph: list[Mention]
    amounts: tuple[Amount, ...]
    contexts: tuple[str, ...]
    placed: list[PlacedDate]
    timeline: Timeline
    # an act no date of its own dates, in a story at the time of its report
    reported: DateSpan | None
    # a verbal act no date dates, in a sentence that tells the news of the day
    news_month: DateSpan | None


@dataclass(frozen=True, slots=True)
class Act:
    """A reported trigger with its sides, final sense, status and date."""

    trigger: Trigger
    sense: Sense
    status: Status
    when: DateSpan | None
    definite: bool
    confidence: float


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
        previous: list[Mention] = []  # the mentions of the paragraph's previous sentence
        text = doc.text  # built anew from the tokens at each access
        for sent in doc.sents:
            if not same_paragraph(text, previous_end, sent.start_char):
                timeline = replace(timeline, reference=None, context_year=None)
                previous = []
            dates = [d for d in facts.dates if sent.start_char <= d.start < sent.end_char]
            mentions = [m for m in facts.mentions if sent.start_char <= m.start < sent.end_char]
            here = pair_in_context(sent.text, previous, pair)
            previous = mentions
            if not is_citation(sent.text):
                scene = self._scene(sent, text, facts, here, mentions, dates, timeline)
                found = self._sentence_events(scene, dates, known, keep_uncoded)
                events.extend(found)
                known.update((known_key(e), e.date) for e in found if e.date is not None)
            timeline = advance(timeline, sent, dates)
            previous_end = sent.start_char + len(sent.text.rstrip())
        return events

    def _scene(
        self,
        sent: Span,
        text: str,
        facts: DocFacts,
        pair: tuple[Actor, Actor] | None,
        mentions: list[Mention],
        dates: list[DatedText],
        timeline: Timeline,
    ) -> Scene:
        first, last = paragraph_bounds(text, sent.start_char, sent.end_char)
        year, anchor = timeline.context_year, facts.anchor
        return Scene(
            sent=sent,
            facts=facts,
            pair=pair,
            mentions=mentions,
            paragraph=[m for m in facts.mentions if first <= m.start < last],
            amounts=tuple(
                a.amount for a in facts.amounts if sent.start_char <= a.start < sent.end_char
            ),
            contexts=self.cues.contexts(sent.text),
            placed=place_dates(
                sent, [(d.start, d.end, with_context_year(d.span, year, anchor)) for d in dates]
            ),
            timeline=timeline,
            reported=report_month(timeline.previous, anchor),
            news_month=news_month(sent.root, anchor),
        )

    def _sentence_events(
        self, scene: Scene, dates: list[DatedText], known: KnownDates, keep_uncoded: bool
    ) -> list[Event]:
        """One event per type, pair and date in a sentence: "held talks ... the talks" is
        one; "signed an MoU in 2018 and another in 2019" are two, and so are "established
        ties following the agreement"."""
        finder = ParticipantFinder(
            scene.mentions, scene.pair, [(d.start, d.end) for d in dates], scene.paragraph
        )
        best: dict[tuple[str, ...], Event] = {}
        promises: dict[str, Sense] = {}  # AGREE id -> act promised
        made_by: dict[str, int] = {}  # event id -> its trigger's index
        scheduled: set[int] = set()  # agreements that set up a meeting on a date of its own
        for trigger, sense, found in self._governing(scene.sent, finder, keep_uncoded):
            act, promised = self._act(scene, trigger, sense, found.confidence, not keep_uncoded)
            if act is None:
                continue
            phase = sequence_phrase(trigger.token)
            # "Germany and France sent aid to Mali and Niger": one event per pair.
            for read_source, read_target in ((found.source, found.target), *found.also):
                event, dated = self._event(scene, act, read_source, read_target, known, found)
                if promised is not None:
                    promises[event.id] = promised
                made_by[event.id] = trigger.token.i
                if trigger.agreed_in is not None and _dated_below(trigger.token, scene.placed):
                    scheduled.add(trigger.agreed_in)
                sides = _sides(event.source, event.target)
                key = (act.sense[0].value, *sides, dated.iso() if dated else "", phase)
                kept = best.get(key)
                if kept is None or event.confidence > kept.confidence:
                    best[key] = event
        # "agreed to hold a fourth round of talks in May": the report is the dated meeting
        events = [
            e
            for e in best.values()
            if not (e.type is EventType.AGREE and made_by[e.id] in scheduled)
        ]
        acts = [promised_act(e, promises[e.id], scene.reported) for e in events if e.id in promises]
        return without_partial_repeats(events + acts)

    def _act(
        self, scene: Scene, trigger: Trigger, sense: Sense, confidence: float, scheduled: bool
    ) -> tuple[Act | None, Sense | None]:
        """The trigger's act with its status, final sense and date (None: a state the
        writer describes, no act), and the act it promises, if any (``scheduled``: see
        ``act_of``)."""
        token, anchor, placed = trigger.token, scene.facts.anchor, scene.placed
        if trigger.nominal and undated_state(token, placed):
            return None, None
        tl = scene.timeline
        when = news_day(token, placed, anchor) or event_date(
            token, placed, tl.reference, tl.previous, trigger.obj
        )
        if told_in_past(token):
            when = done_before(when, anchor)
        status = status_of(token, when, anchor)
        if status is Status.PLANNED:
            when = plan_ahead(when, anchor)
        elif status is Status.HYPOTHETICAL and when is not None and when.inferred:
            when = None  # "if Trump agrees": nothing happened on the day of the report
        final, promised = act_of(trigger, sense, status, scheduled)
        if trigger.nominal:
            confidence -= NOMINAL_TRIGGER_PENALTY
        definite = when is None and is_definite(token, trigger.obj)
        return Act(trigger, final, status, when, definite, confidence), promised

    def _event(
        self,
        scene: Scene,
        act: Act,
        read_source: Mention,
        read_target: Mention | None,
        known: KnownDates,
        found: Participants,
    ) -> tuple[Event, DateSpan | None]:
        """One event of the act between one pair of the sides read, with the date the
        act was given (the report time, which stands in for none, aside)."""
        (type_, mode), status, token = act.sense, act.status, act.trigger.token
        target = other_side(
            read_source, read_target, scene.mentions, scene.pair, type_.quad in (1, 2)
        )
        if type_ is EventType.ASSAULT:
            target = struck_abroad(read_source, target, scene.mentions, scene.sent.doc)
        inferred = INFERRED_SIDE_PENALTY if target is not read_target else 0.0
        dated = known.get((type_.value, *_sides(read_source, target))) if act.definite else act.when
        # "the two countries" signing in 1948 are Pakistan and the Soviet Union.
        # "has demanded an admission by Moscow" is of the writer's time, whatever
        # era the paragraph recalls.
        recalled = [] if told_in_present(token) else scene.paragraph
        source, target = self._of_era(read_source, target, dated, recalled)
        article = scene.facts.article_id
        event = Event(
            id=event_id(
                article,
                token.idx,
                type_.value,
                source.code or source.text,
                target.code or target.text if target else "",
            ),
            type=type_,
            mode=mode,
            contexts=scene.contexts,
            source=source,
            target=target,
            symmetric=found.symmetric,
            date=dated or (_undated(scene, act) if status is Status.OCCURRED else None),
            status=status,
            amounts=scene.amounts if type_.quad == 2 or type_ is EventType.AGREE else (),
            intensity=self.intensity(type_, mode) if status is Status.OCCURRED else 0.0,
            confidence=round(max(0.05, min(0.99, act.confidence - inferred)), 3),
            evidence=Evidence(
                article_id=article,
                sentence=scene.sent.text,
                start=scene.sent.start_char,
                end=scene.sent.end_char,
                trigger=token.text,
            ),
            extractor_version=EXTRACTOR_VERSION,
            rule=found.rule + ("+other-side" if inferred else ""),
        )
        return event, dated

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
            if sense == VISIT:
                found = to_destination(found, trigger.token, finder.phrases.mentions)
            sense = ban_sense(trigger, exercise_sense(trigger, sense, found), found)
            coded = found.source.code or (found.target is not None and found.target.code)
            if keep_uncoded or coded:
                located.append((trigger, sense, found))
        return reportable(located, statements)


def _undated(scene: Scene, act: Act) -> DateSpan | None:
    """The inferred date of an occurred act no date dates: the report's month when the
    story is at the time of its report; for a verb, also when its sentence tells the news
    of the day (an event noun there may be a topic: "hopes are pinned on the visit")."""
    if scene.reported is not None or act.trigger.nominal:
        return scene.reported
    return scene.news_month


def _dated_below(trigger: Token, placed: list[PlacedDate]) -> bool:
    """Whether a date inside the trigger's own phrase dates it ("hold talks *in May*"), not
    one it shares with a verb above ("agreed *on Saturday* to resume visits")."""
    return any(trigger in d.head.ancestors and dates_the_trigger(trigger, d.head) for d in placed)


def _sides(source: Mention, target: Mention | None) -> list[str]:
    """The sorted codes (or texts) of an event's sides: its key within a sentence."""
    return sorted((source.code or source.text, target.code or target.text if target else ""))


__all__ = ["EXTRACTOR_VERSION", "Extractor", "Intensity"]
