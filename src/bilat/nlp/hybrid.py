"""Rules propose, the sentence classifier disposes.

The rule extractor finds who did what to whom; the quad classifier
(``resources/models/quad_model.npz``, see its MODEL_CARD.md) reads the whole
sentence and says which of the five CAMEO pentaclasses it reports. Under
cross-validation the combination below beat both alone: keep the rules'
class unless the model gives it at most ``DOUBT`` probability; then follow the
model: drop the sentence's events (class 0), keep only the events of the
model's quad, or, when the rules found none of that quad, re-type the lead
event to the quad's most common type.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Span

from bilat.nlp.extract import EXTRACTOR_VERSION, DocFacts
from bilat.records import Event, EventType, Evidence, Mention, event_id

# The model must give the rules' class more than this for the rules to stand.
DOUBT = 0.10
# The most common PLOVER type of each quad in news: what a re-typed event becomes.
QUAD_DEFAULT: dict[int, EventType] = {
    1: EventType.CONSULT,
    2: EventType.COOPERATE,
    3: EventType.ACCUSE,
    4: EventType.ASSAULT,
}
HYBRID_SUFFIX = "+quad-model"

Proba = Sequence[float]
Intensity = Callable[[EventType, str | None], float]


def lead_quad(events: Sequence[Event]) -> int:
    """The quad of the highest-|intensity| event (first on ties), 0 when there is none."""
    if not events:
        return 0
    return max(events, key=lambda e: abs(e.intensity)).type.quad


def reconcile(
    events: Sequence[Event],
    proba: Proba,
    intensity: Intensity,
    make_event: Callable[[EventType], Event | None],
    retype: bool = True,
) -> list[Event]:
    """The events of one sentence after the classifier has had its say.

    ``make_event`` builds an event of a type for the sentence when the rules
    found none (it may return None when the sentence names nobody).
    """
    rules = lead_quad(events)
    best = max(range(len(proba)), key=lambda k: proba[k])
    if proba[rules] > DOUBT or best == rules:
        return [_weighed(e, proba) for e in events]
    if best == 0:
        return []
    same_quad = [e for e in events if e.type.quad == best]
    if same_quad:
        return [_weighed(e, proba) for e in same_quad]
    new_type = QUAD_DEFAULT[best]
    if not retype:
        return [_weighed(e, proba) for e in events]
    if events:
        lead = max(events, key=lambda e: abs(e.intensity))
        retyped = replace(
            lead,
            type=new_type,
            mode=None,
            intensity=intensity(new_type, None),
            confidence=round(min(lead.confidence, proba[best]) * 0.6, 3),
            extractor_version=lead.extractor_version + HYBRID_SUFFIX,
        )
        return [retyped]
    made = make_event(new_type)
    if made is None:
        return []
    return [replace(made, confidence=round(proba[best] * 0.4, 3))]


def _weighed(event: Event, proba: Proba) -> Event:
    """Blend the rules' confidence with the model's belief in the event's quad."""
    blended = round(0.7 * event.confidence + 0.3 * proba[event.type.quad], 3)
    return replace(event, confidence=max(0.05, min(0.99, blended)))


def sentence_event(
    sent: Span, type_: EventType, facts: DocFacts, intensity: Intensity, keep_uncoded: bool
) -> Event | None:
    """An event the classifier sees in a sentence where the rules found none: between the
    sentence's two actors, or (when uncoded events are kept) with an unnamed source."""
    named: list[Mention] = []
    for m in facts.mentions:
        inside = sent.start_char <= m.start < sent.end_char and m.actor is not None
        if inside and all(n.code != m.code for n in named):
            named.append(m)
    if len(named) < 2 and not keep_uncoded:
        return None
    root = sent.root
    source = named[0] if named else Mention("", root.idx, root.idx, None)
    target = named[1] if len(named) > 1 else None
    dates = [d.span for d in facts.dates if sent.start_char <= d.start < sent.end_char]
    return Event(
        id=event_id(
            facts.article_id,
            root.idx,
            type_.value,
            source.code or "",
            target.code or "" if target else "",
        ),
        type=type_,
        source=source,
        target=target,
        symmetric=target is not None,
        date=dates[0] if dates else None,
        intensity=intensity(type_, None),
        evidence=Evidence(facts.article_id, sent.text, sent.start_char, sent.end_char, root.text),
        extractor_version=EXTRACTOR_VERSION + HYBRID_SUFFIX,
    )
