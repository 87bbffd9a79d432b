"""The last side rules: the subject acts on the object, with the steps that fill in or
correct a side and move the rule's confidence (each named, with its example and offset),
and the rules for an act without a subject."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from bilat.nlp.sides.one_country import OneCountry, passive_place, people_of_place
from bilat.nlp.sides.pair_sides import answered, counterpart_of
from bilat.nlp.sides.reading import Reading
from bilat.nlp.syntax.mention_phrases import (
    coordinated_with,
    distinct,
    named_noun,
    whole_phrase,
)
from bilat.nlp.syntax.roles import clause_tokens
from bilat.records import Mention

Pairs = tuple[tuple[Mention, Mention | None], ...]


@dataclass(frozen=True, slots=True)
class Step:
    """A step of the subject-object rule: ``offset`` moves the rule's confidence;
    ``changes_sides`` steps are named in the event's provenance."""

    name: str
    example: str
    offset: float
    changes_sides: bool = True


ANSWERED = Step("answered", "China rejected the protest (one of the main pair's).", 0.0)
CLAUSE_RECIPIENT = Step("clause-recipient", "Turkish police imposed a curfew in Cizre.", -0.1)
COUNTERPART = Step("counterpart", "He met his Turkish counterpart.", 0.0)
CODED_SOURCE = Step("coded-source", "France sent aid.", 0.2, changes_sides=False)
CODED_TARGET = Step("coded-target", "They sent aid to Mali.", 0.15, changes_sides=False)
INHERITED = Step("inherited-subject", "France met Mali and signed a deal.", -0.05, False)
PEOPLE_OF_PLACE = Step("people-of-place", "Thousands of people blocked streets in Hong Kong.", 0.0)
ONE_COUNTRY = Step("one-country", "Lt. Gen. Avril resigned to allow Haiti's elections.", -0.1)


@dataclass(frozen=True, slots=True)
class Sides:
    """What a side rule decides: the sides, whether the act is mutual, further pairs of
    coordinated actors (one event each) and the steps taken on the way."""

    source: Mention
    target: Mention | None
    symmetric: bool
    also: Pairs = ()
    steps: tuple[Step, ...] = ()


def subject_object(r: Reading) -> Sides | None:
    """The acting phrase is the source, the aimed-at one (or one the clause names) the
    target; a sentence naming one country gives it the sides nobody named."""
    if not r.acting:
        return None
    source, target = r.acting[0], r.aimed[0] if r.aimed else None
    target, further, steps = _named_target(r, source, target)
    if target is not None and (owner := counterpart_of(source, target, r.phrases.pair)):
        source, steps = owner, [*steps, COUNTERPART]  # "he met his Turkish counterpart"
    steps += [CODED_SOURCE] if source.code else []
    steps += [CODED_TARGET] if target is not None and target.code else []
    steps += [INHERITED] if r.args.inherited else []
    if not source.code and source.text:
        clause = r.phrases.mentions_in(clause_tokens(r.trigger))
        placed = people_of_place(source, r.trigger, clause)
        steps += [PEOPLE_OF_PLACE] if placed is not source else []
        source = placed
    if (domestic := r.phrases.domestic) is not None and _one_country_applies(r, source, target):
        # One actor in the whole sentence: the unnamed sides are of that country
        # ("Lt. Gen. Avril resigned to allow Haiti's first elections"); not in an act
        # with a counterpart ("X welcomed the South African leader": X is not).
        p, doc = r.phrases, r.trigger.doc
        one = OneCountry(domestic, p.pair, p.agents)
        source, target = (
            one.side(source, target, doc, acting=True),
            target and one.side(target, source, doc),
        )
        steps.append(ONE_COUNTRY)
    return Sides(source, target, False, _also(r, source, target, further), tuple(steps))


def _named_target(
    r: Reading, source: Mention, target: Mention | None
) -> tuple[Mention | None, list[Mention], list[Step]]:
    """An uncoded target as the statement of the pair's other side it answers; failing a
    coded target, the other actor the trigger's clause names (and further ones)."""
    steps: list[Step] = []
    further: list[Mention] = []
    p = r.phrases
    if target is None or not target.code:
        answer = answered(source, target, r.trigger, p.pair, p.agents.answered_acts)
        if answer is not None:
            target, steps = answer, [ANSWERED]
    if target is None or not target.code:
        recipients = p.recipients_in_clause(r.trigger, source)
        if recipients:
            (target, *further), steps = recipients, [*steps, CLAUSE_RECIPIENT]
    return target, further, steps


def _one_country_applies(r: Reading, source: Mention, target: Mention | None) -> bool:
    p = r.phrases
    return (
        not (source.code and (target is None or target.code))
        and not p.agents.counterpart_act(r.trigger)
        and not all(p.border(m, r.trigger.doc) for m in p.mentions)
    )


def _also(r: Reading, source: Mention, target: Mention | None, further: list[Mention]) -> Pairs:
    """Further pairs: the other coded subjects with the target, the source with the
    targets coordinated with it, and each other subject with "both sides"."""
    also: Pairs = tuple((other, target) for other in r.coded_sources if other.code != source.code)
    also += tuple(
        (source, other)
        for other in (*coordinated_with(target, r.coded_targets, r.trigger.doc), *further)
        if other.code not in (source.code, target.code if target else None)
    )
    also += tuple(
        (other, t)
        for other in r.coded_sources
        if other.code != source.code
        for t in r.both_targets[1:]
    )
    return also


def no_source(r: Reading) -> Sides | None:
    """Nobody named as acting ("five people were killed"): keep the recipient, with the
    place the act happens in as the source when a passive clause names one."""
    if r.acting or not r.aimed:
        return None
    trigger, target = r.trigger, r.aimed[0]
    unknown = Mention("", trigger.idx, trigger.idx, None)
    clause = r.phrases.mentions_in(clause_tokens(trigger))
    where = passive_place(trigger, target, clause)
    return Sides(where or unknown, target, False)


def two_names(r: Reading) -> Sides | None:
    """No parsed arguments: a sentence naming exactly two actors relates them, weakly,
    each by the whole phrase it names ("*UN* experts" -> "UN experts")."""
    if r.acting or r.aimed:
        return None
    sent, p = r.trigger.sent, r.phrases
    inside = distinct([m for m in p.mentions if sent.start_char <= m.start < sent.end_char])
    if len(inside) != 2:
        return None
    spans = [sent.doc.char_span(m.start, m.end, alignment_mode="expand") for m in inside]
    if not all(span is None or p.agents.can_be_side(span) for span in spans):
        return None
    if _parallel(spans):
        return None
    first, second = (whole_phrase(m, sent.doc) for m in inside)
    return Sides(first, second, True)


def _parallel(spans: list[Span | None]) -> bool:
    """Two names in the same role, each after the same preposition ("sales: two *to*
    Biman Bangladesh Airlines and three *to* the Ghanaian government"): both receive the
    act, neither does it to the other."""
    roots = [named_noun(span.root) for span in spans if span is not None]
    if len(roots) != 2 or not all(r.dep_ == "pobj" for r in roots):
        return False
    return roots[0].head.lower_ == roots[1].head.lower_
