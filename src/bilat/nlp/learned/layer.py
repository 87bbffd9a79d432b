"""Rules propose, the event model disposes.

The rules find triggers, actor codes, dates, amounts and modality; the fine-tuned
encoder (``encoder.EventEncoder``) reads the whole sentence. Where they disagree the
model has the final say on what measured better than the rules on held-out dev data:

1. a sentence the model is sure (``1 - DOUBT``) reports no event between actors yields
   none: this is also what keeps sport, business and crime pages quiet;
2. otherwise the rules' events stand with their types;
3. in sentence coding, where every sentence is read, a sentence the rules found nothing
   in takes the model's best class when that is an event, with its type between the
   actors its role head picks (on documents such sentences are not read: events the
   model added there were rare and mostly wrong);
4. who is source and who is target, where the rules read them the other way round or
   found no actor code for a side the role head marks.

Confidence is set after this layer, by the fitted probability that an event is right
(``confidence``): the model's belief in the class did not separate right events from
wrong ones on the dev sets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Span, Token

from bilat.nlp.events.dating import publication_day
from bilat.nlp.events.modality import told_in_present
from bilat.nlp.extract import EXTRACTOR_VERSION
from bilat.nlp.learned.encoder import EventEncoder, SentenceReading
from bilat.nlp.syntax.mention_phrases import mention_root, named_noun
from bilat.records import (
    DateSpan,
    Event,
    EventType,
    Evidence,
    Mention,
    event_id,
)

LEARNED_SUFFIX = "+event-model"
# The model overrules the rules only when it is 95% sure: their precision on documents is
# high, and a sentence classifier trained on CAMEO conventions disagrees with PLOVER's on
# some acts (facilitating talks is material cooperation to CAMEO).
DOUBT = 0.05
# A word belongs to a side when the role head gives it at least this.
ROLE_MIN = 0.5

Intensity = Callable[[EventType, str | None], float]


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What the layer needs of one sentence besides the model's reading."""

    sent: Span
    words: tuple[Token, ...]
    events: tuple[Event, ...]
    mentions: tuple[Mention, ...]
    dates: tuple[DateSpan, ...]
    article_id: str
    anchor: date | None


def words_of(sent: Span) -> tuple[Token, ...]:
    """The sentence's tokens the model reads (white space tokens left out)."""
    return tuple(t for t in sent if not t.is_space)


def needs_reading(facts: SentenceFacts, keep_uncoded: bool) -> bool:
    """Whether the model must read the sentence: when uncoded events are kept (sentence
    coding), every sentence; else one with a rule event that is, or may become, a relation
    between two different actors. Reading costs more than parsing, so sentences the rules
    find nothing in are left alone: the model adds events only where it is sure, which on
    documents was rare and mostly wrong."""
    if keep_uncoded:
        return bool(facts.words)
    if any(e.dyad is not None for e in facts.events):
        return True
    return bool(facts.events) and len({m.code for m in facts.mentions if m.code}) >= 2


class LearnedLayer:
    """Applies a reading to one sentence's rule events."""

    def __init__(self, encoder: EventEncoder, intensity: Intensity, keep_uncoded: bool) -> None:
        self.encoder = encoder
        self.intensity = intensity
        self.keep_uncoded = keep_uncoded

    def decide_all(self, sentences: Sequence[SentenceFacts]) -> list[Event]:
        """Every sentence's events after the model has read those it must."""
        todo = self.to_read(sentences)
        return self.apply(sentences, todo, self.encoder.read([words for _, words in todo]))

    def to_read(self, sentences: Sequence[SentenceFacts]) -> list[tuple[int, list[str]]]:
        """The sentences the model must read, as (start offset, words): plain data, so
        the reading may run in another thread while spaCy parses the next document."""
        return [
            (s.sent.start_char, [t.text for t in s.words])
            for s in sentences
            if needs_reading(s, self.keep_uncoded)
        ]

    def apply(
        self,
        sentences: Sequence[SentenceFacts],
        todo: Sequence[tuple[int, list[str]]],
        readings: Sequence[SentenceReading],
    ) -> list[Event]:
        """Every sentence's events given the readings of ``todo`` (``to_read``)."""
        by_start = {start: r for (start, _), r in zip(todo, readings, strict=True)}
        out: list[Event] = []
        for facts in sentences:
            reading = by_start.get(facts.sent.start_char)
            out.extend(facts.events if reading is None else self.decide(facts, reading))
        return out

    def decide(self, facts: SentenceFacts, reading: SentenceReading) -> list[Event]:
        if reading.none >= 1 - DOUBT:
            return []
        if facts.events:
            # The rules' acts stand, each with its own type: a sentence classifier peaks
            # on one act of "visits and arms sales", and re-typing by its class lowered
            # typed document-event F1 on every dev set.
            events = list(facts.events)
        else:
            quad = max(range(5), key=reading.quad)
            made = self._new_event(facts, reading, quad) if quad != 0 else None
            events = [] if made is None else [made]
        return [_with_sides(e, facts, reading) for e in events]

    def _new_event(self, facts: SentenceFacts, reading: SentenceReading, quad: int) -> Event | None:
        type_, _ = reading.best_type(quad)
        source = _side(facts, reading.source)
        target = _side(facts, reading.target, other_than=source)
        if not self.keep_uncoded and (
            source is None or target is None or source.code is None or target.code is None
        ):
            return None
        if source is None:
            root = facts.sent.root
            source = Mention("", root.idx, root.idx, None)
        sent = facts.sent
        when = facts.dates[0] if facts.dates else news_of_the_day(sent.root, facts.anchor)
        return Event(
            id=event_id(
                facts.article_id,
                sent.start_char,
                type_.value,
                source.code or source.text,
                (target.code or target.text) if target else "",
            ),
            type=type_,
            source=source,
            target=target,
            date=when,
            intensity=self.intensity(type_, None),
            evidence=Evidence(
                facts.article_id, sent.text, sent.start_char, sent.end_char, sent.root.text
            ),
            extractor_version=EXTRACTOR_VERSION + LEARNED_SUFFIX,
        )


def news_of_the_day(verb: Token, anchor: date | None) -> DateSpan | None:
    """The publication day, for an act a report tells in the present or present perfect
    ("are killed", "has signed"): news of the day is dated on the day it is reported."""
    if anchor is None or not told_in_present(verb):
        return None
    return publication_day(anchor)


def _runs(probs: Sequence[float]) -> list[tuple[int, int, float]]:
    """Maximal runs of words at or over ROLE_MIN: (first, last, summed probability)."""
    runs: list[tuple[int, int, float]] = []
    first: int | None = None
    for i, p in enumerate([*probs, 0.0]):
        if p >= ROLE_MIN and first is None:
            first = i
        elif p < ROLE_MIN and first is not None:
            runs.append((first, i - 1, sum(probs[first:i])))
            first = None
    return runs


def _span_mention(facts: SentenceFacts, first: int, last: int) -> Mention:
    """A mention for words ``first..last``, coded as the resolved mention it overlaps
    (the last one: the head of "a Swiss court" is "court", its actor Swiss)."""
    start, end = facts.words[first].idx, facts.words[last].idx + len(facts.words[last].text)
    coded = [m for m in facts.mentions if m.start < end and m.end > start and m.actor]
    actor = coded[-1].actor if coded else None
    return Mention(
        facts.sent.doc[facts.words[first].i : facts.words[last].i + 1].text, start, end, actor
    )


def _side(
    facts: SentenceFacts, probs: Sequence[float], other_than: Mention | None = None
) -> Mention | None:
    """The strongest span the role head marks, as a mention (None when it marks none, or
    only the other side's actor)."""
    for first, last, _ in sorted(_runs(probs), key=lambda r: -r[2]):
        mention = _span_mention(facts, first, last)
        if other_than is None or mention.code is None or mention.code != other_than.code:
            return mention
    return None


def _overlaps(mention: Mention | None, span: Mention | None) -> bool:
    if mention is None or span is None:
        return False
    return mention.start < span.end and mention.end > span.start


def _with_sides(event: Event, facts: SentenceFacts, reading: SentenceReading) -> Event:
    """The event with the role head's sides where the rules read them the other way round
    (swapped), or found no code for one (filled with the marked span's actor)."""
    source = _side(facts, reading.source)
    target = _side(facts, reading.target, other_than=source)
    swapped = _overlaps(event.source, target) and _overlaps(event.target, source)
    if swapped and not _agent_in_syntax(event, facts.sent):
        return replace(event, source=event.target or event.source, target=event.source)
    new_source, new_target = event.source, event.target
    if source is not None and _missing(event.source) and not _overlaps(event.target, source):
        new_source = source
    if target is not None and _missing(event.target) and not _overlaps(event.source, target):
        new_target = target
    if new_target is not None and new_source.code and new_source.code == new_target.code:
        return event
    return replace(event, source=new_source, target=new_target)


# From a name up to the object of "by": "by *Russia*", "by Russia and *Belarus*".
AGENT_CLIMB = frozenset({"conj", "appos", "compound", "amod", "poss"})


def _agent_in_syntax(event: Event, sent: Span) -> bool:
    """Whether the parse itself names the rules' source as the one who acts, which the
    role head, learned from few such sentences, may read the other way round: the "by"
    phrase of a passive ("Ukraine was attacked *by Russia*"), or the trigger noun's own
    modifier ("placed under *US* sanctions", "*Russia's* invasion of Ukraine")."""
    return _passive_agent(event.source, sent) or _noun_modifier(
        event.source, sent, event.evidence.trigger
    )


# A noun's modifiers that name who does what it names.
NOUN_AGENT_DEPS = frozenset({"compound", "poss", "amod"})


def _noun_modifier(side: Mention, sent: Span, trigger: str) -> bool:
    root = mention_root(side, sent.doc)
    return (
        root is not None
        and root.dep_ in NOUN_AGENT_DEPS
        and root.head.pos_ in {"NOUN", "PROPN"}
        and root.head.text == trigger
    )


def _passive_agent(side: Mention, sent: Span) -> bool:
    """Whether the rules read ``side`` in the "by" phrase of a passive."""
    root = mention_root(side, sent.doc)
    if root is None:
        return False
    head = named_noun(root, AGENT_CLIMB)
    return head.dep_ == "pobj" and head.head.dep_ == "agent"


def _missing(side: Mention | None) -> bool:
    """A rule side the role head may fill: none, or one without an actor code."""
    return side is None or side.code is None
