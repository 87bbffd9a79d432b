"""From a parsed, annotated Doc to PLOVER events, sentence by sentence."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from bilat.nlp.contexts import ContextCues
from bilat.nlp.lexicon import Sense, TriggerLexicon
from bilat.nlp.modality import status_of
from bilat.nlp.roles import Arguments, core_span, noun_arguments, verb_arguments
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

# "the two countries", "both sides": the article's main pair of actors.
PAIR_ANAPHOR = re.compile(
    r"\b(?:the two|both)\s+(?:countries|sides|nations|states|governments|neighbou?rs|capitals|"
    r"delegations|leaders|ministers|armies|militaries|sides')\b",
    re.IGNORECASE,
)
SAME_PERIOD = re.compile(
    r"\b(?:the same (?:day|week|month|year)|that (?:day|week|month|year)|later that \w+)\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# A bare month ("in April", "late September") takes its year from the text around it.
BARE_MONTH = re.compile(
    r"^(?:(?:early|late|mid|the end of|the beginning of|the middle of)[\s-]+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2})?$",
    re.IGNORECASE,
)
# Transfer verbs whose object is concrete (doses, weapons) are AID.
MATERIAL_OBJECT_POS = frozenset({"NOUN", "PROPN"})


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
class Trigger:
    """A word that states an event, and the sense the lexicon gives it."""

    token: Token
    sense: Sense
    nominal: bool
    obj: Token | None = None


# PLOVER score of a type and mode (the ontology's ``intensity``).
Intensity = Callable[[EventType, str | None], float]


def find_triggers(sent: Span, lexicon: TriggerLexicon) -> list[Trigger]:
    """Triggers in a sentence; a light verb absorbs its event noun ("held talks")."""
    found: list[Trigger] = []
    absorbed: set[int] = set()
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB":
            trigger = _verb_trigger(token, lemma, lexicon)
            if trigger is not None:
                found.append(trigger)
                if trigger.obj is not None:
                    absorbed.add(trigger.obj.i)
    for token in sent:
        lemma = token.lemma_.lower()
        if (
            token.pos_ in ("NOUN", "PROPN")
            and token.i not in absorbed
            and lemma in lexicon.nouns
            and not _is_absorbed_chain(token, absorbed, lexicon)
        ):
            found.append(Trigger(token, lexicon.nouns[lemma], nominal=True))
    return found


def _verb_trigger(token: Token, lemma: str, lexicon: TriggerLexicon) -> Trigger | None:
    for child in token.children:
        if child.dep_ in ("prt", "prep") and (lemma, child.lower_) in lexicon.phrasal:
            return Trigger(token, lexicon.phrasal[(lemma, child.lower_)], nominal=False)
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    if lemma in lexicon.support:
        for obj in objects:
            obj_lemma = obj.lemma_.lower()
            overrides = lexicon.support[lemma]
            if obj_lemma in overrides:
                sense = overrides[obj_lemma]
                return None if sense is None else Trigger(token, sense, nominal=False, obj=obj)
            if obj_lemma in lexicon.nouns:
                return Trigger(token, lexicon.nouns[obj_lemma], nominal=False, obj=obj)
            if lemma in lexicon.transfer and obj.pos_ in MATERIAL_OBJECT_POS:
                return Trigger(token, (EventType.AID, None), nominal=False, obj=obj)
    if lemma in lexicon.verbs:
        return Trigger(token, lexicon.verbs[lemma], nominal=False)
    return None


def _is_absorbed_chain(token: Token, absorbed: set[int], lexicon: TriggerLexicon) -> bool:
    """"a round of talks": the inner noun repeats the outer event."""
    head = token.head
    return (
        token.dep_ == "pobj"
        and head.lower_ == "of"
        and (head.head.i in absorbed or head.head.lemma_.lower() in lexicon.nouns)
    )


class Extractor:
    """Turns the triggers of a Doc into Events. Holds only immutable resources."""

    def __init__(
        self, lexicon: TriggerLexicon, cues: ContextCues, intensity: Intensity
    ) -> None:
        self.lexicon = lexicon
        self.cues = cues
        self.intensity = intensity

    def extract(self, doc: Doc, facts: DocFacts, keep_uncoded: bool = False) -> list[Event]:
        """Events of every sentence. Uncoded events (no actor code) only when asked."""
        pair = main_pair(doc, facts.mentions)
        events: list[Event] = []
        previous_date: DateSpan | None = None
        context_year: int | None = None
        for sent in doc.sents:
            sentence_dates = [d for d in facts.dates if sent.start_char <= d.start < sent.end_char]
            explicit = [d for d in sentence_dates if YEAR.search(d.span.text)]
            found = self._sentence_events(
                sent, facts, pair, sentence_dates, previous_date, context_year, keep_uncoded
            )
            events.extend(found)
            if sentence_dates:
                previous_date = sentence_dates[-1].span
            if explicit:
                context_year = explicit[-1].span.start.year
        return events

    def _sentence_events(
        self,
        sent: Span,
        facts: DocFacts,
        pair: tuple[Actor, Actor] | None,
        dates: list[DatedText],
        previous_date: DateSpan | None,
        context_year: int | None,
        keep_uncoded: bool,
    ) -> list[Event]:
        mentions = [m for m in facts.mentions if sent.start_char <= m.start < sent.end_char]
        amounts = tuple(
            a.amount for a in facts.amounts if sent.start_char <= a.start < sent.end_char
        )
        contexts = self.cues.contexts(sent.text)
        best: dict[tuple[str, ...], Event] = {}
        for trigger in find_triggers(sent, self.lexicon):
            args = (
                noun_arguments(trigger.token)
                if trigger.nominal
                else verb_arguments(trigger.token, trigger.obj)
            )
            roles = _resolve_roles(args, mentions, sent, pair)
            if roles is None:
                continue
            source, target, symmetric, confidence = roles
            if not keep_uncoded and source.code is None and (target is None or target.code is None):
                continue
            when = _event_date(trigger.token, dates, previous_date, context_year, facts.anchor)
            type_, mode = trigger.sense
            status = status_of(trigger.token, when, facts.anchor)
            if trigger.nominal:
                confidence -= 0.1
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
                symmetric=symmetric,
                date=when,
                status=status,
                amounts=amounts if type_.quad == 2 or type_ is EventType.AGREE else (),
                intensity=self.intensity(type_, mode),
                confidence=round(max(0.05, min(0.99, confidence)), 3),
                evidence=Evidence(
                    article_id=facts.article_id,
                    sentence=sent.text,
                    start=sent.start_char,
                    end=sent.end_char,
                    trigger=trigger.token.text,
                ),
                extractor_version=EXTRACTOR_VERSION,
            )
            # One event per type and pair in a sentence: "held talks ... the talks" is one.
            sides = sorted((source.code or source.text, target.code or target.text if target else ""))
            key = (type_.value, *sides)
            kept = best.get(key)
            if kept is None or event.confidence > kept.confidence:
                best[key] = event
        return list(best.values())


def main_pair(doc: Doc, mentions: Sequence[Mention]) -> tuple[Actor, Actor] | None:
    """The pair of actors most often named in the same sentence: what "both sides" means."""
    counts: Counter[tuple[Actor, Actor]] = Counter()
    for sent in doc.sents:
        actors = {
            m.actor
            for m in mentions
            if m.actor is not None and sent.start_char <= m.start < sent.end_char
        }
        ordered = sorted(actors, key=lambda a: a.code)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if a.code != b.code:
                    counts[(a, b)] += 1
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _mentions_in(tokens: Sequence[Token], mentions: Sequence[Mention]) -> list[Mention]:
    spans = [(t.idx, t.idx + len(t.text)) for t in tokens]
    return [m for m in mentions if m.actor and any(s < m.end and m.start < e for s, e in spans)]


def _phrase_mention(head: Token, mentions: Sequence[Mention]) -> Mention:
    """The argument phrase as a Mention, resolved to the actor named inside it, if any."""
    span = core_span(head)
    full = [t for t in head.subtree if t.i <= head.i or t.dep_ in ("appos", "prep", "pobj")]
    named = _mentions_in(list(span) or full, mentions) or _mentions_in(full, mentions)
    actor = named[-1].actor if named else None
    return Mention(span.text, span.start_char, span.end_char, actor)


def _resolve_roles(
    args: Arguments,
    mentions: Sequence[Mention],
    sent: Span,
    pair: tuple[Actor, Actor] | None,
) -> tuple[Mention, Mention | None, bool, float] | None:
    """(source, target, symmetric, confidence) or None when nobody acts."""
    confidence = 0.55
    if args.joint:
        sides = _distinct([_phrase_mention(h, mentions) for h in args.joint])
        if len(sides) >= 2:
            return sides[0], sides[1], True, confidence + 0.3
    sources = _distinct([_phrase_mention(h, mentions) for h in args.source])
    targets = _distinct([_phrase_mention(h, mentions) for h in args.target])
    sources = [_anaphor(m, pair, 0) for m in sources]
    if len(sources) >= 2 and sources[0].code and sources[1].code:
        # "Pakistan and Russia agreed": a joint action is a symmetric dyad.
        return sources[0], sources[1], True, confidence + 0.25
    if sources and len(_codes_in(args.source, mentions)) >= 2 and not targets:
        coded = _codes_in(args.source, mentions)
        return coded[0], coded[1], True, confidence + 0.2
    if sources and sources[0].code and pair and PAIR_ANAPHOR.search(sources[0].text):
        return Mention(sources[0].text, sources[0].start, sources[0].end, pair[0]), Mention(
            sources[0].text, sources[0].start, sources[0].end, pair[1]
        ), True, confidence
    source = sources[0] if sources else None
    target = targets[0] if targets else None
    if source is None and target is None:
        return _fallback(sent, mentions, confidence)
    if source is None:
        return None if target is None else (target, None, False, confidence - 0.25)
    if source.code:
        confidence += 0.2
    if target is not None and target.code:
        confidence += 0.15
    if args.inherited:
        confidence -= 0.05
    return source, target, False, confidence


def _fallback(
    sent: Span, mentions: Sequence[Mention], confidence: float
) -> tuple[Mention, Mention | None, bool, float] | None:
    """No parsed arguments: a sentence naming exactly two actors relates them, weakly."""
    coded = _distinct([m for m in mentions if m.actor])
    if len(coded) == 2:
        return coded[0], coded[1], True, confidence - 0.2
    return None


def _codes_in(heads: Sequence[Token], mentions: Sequence[Mention]) -> list[Mention]:
    tokens = [t for h in heads for t in h.subtree]
    return _distinct(_mentions_in(tokens, mentions))


def _anaphor(mention: Mention, pair: tuple[Actor, Actor] | None, side: int) -> Mention:
    if mention.actor is None and pair is not None and PAIR_ANAPHOR.search(mention.text):
        return Mention(mention.text, mention.start, mention.end, pair[side])
    return mention


def _distinct(mentions: Sequence[Mention]) -> list[Mention]:
    """Drop repeats of the same actor (or the same uncoded text), keeping order."""
    seen: set[str] = set()
    out = []
    for m in mentions:
        key = m.code or m.text.lower()
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _event_date(
    trigger: Token,
    dates: Sequence[DatedText],
    previous: DateSpan | None,
    context_year: int | None,
    anchor: date | None,
) -> DateSpan | None:
    """The date expression nearest the trigger; "the same month" refers back."""
    if dates:
        nearest = min(dates, key=lambda d: abs(d.start - trigger.idx))
        return _with_context_year(nearest.span, context_year, anchor)
    if previous is not None and SAME_PERIOD.search(trigger.sent.text):
        return previous
    return None


def _with_context_year(span: DateSpan, context_year: int | None, anchor: date | None) -> DateSpan:
    """ "in April" after "in 2021" means April 2021, whatever the publication year."""
    if not BARE_MONTH.match(span.text.strip()) or context_year is None:
        return span
    if span.start.year == context_year:
        return span
    if anchor is not None and context_year > anchor.year:
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
    "Status",
    "find_triggers",
    "main_pair",
]
