"""The side rules: who is the source of an act and who its target, tried in order.

Each rule has a name, an example sentence and its own confidence; the first rule that
decides gives the event its sides, and its name goes on the event (``Event.rule``). The
last rule, subject-object, adjusts its confidence by named steps
(``bilat.nlp.sides.subject_object``). A new rule goes into ``SIDE_RULES`` at the place
in the order where it should win over the rules after it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bilat.nlp.sides.pair_sides import counterpart_of, pair_before, pair_named
from bilat.nlp.sides.participants import Participants
from bilat.nlp.sides.reading import Reading
from bilat.nlp.sides.subject_object import Sides, no_source, subject_object, two_names
from bilat.records import Mention

__all__ = ["SIDE_RULES", "SideRule", "Sides", "decide"]


@dataclass(frozen=True, slots=True)
class SideRule:
    """One way of reading an act's sides: ``decide`` gives them, or None when the rule
    does not apply (the next rule is tried)."""

    name: str
    example: str
    confidence: float
    decide: Callable[[Reading], Sides | None]


def _third_party_between_pair(r: Reading) -> Sides | None:
    if len(r.joint) != 1 or not (both := pair_named(r.joint[0], r.phrases.pair)):
        return None
    third = r.phrases.third_party(r.args, both, r.trigger)
    return None if third is None else Sides(third, both[0], False, ((third, both[1]),))


def _pair_between(r: Reading) -> Sides | None:
    if len(r.joint) != 1 or not (both := pair_named(r.joint[0], r.phrases.pair)):
        return None
    return Sides(both[0], both[1], True)


def _third_party_between(r: Reading) -> Sides | None:
    if len(r.joint) < 2:
        return None
    third = r.phrases.third_party(r.args, r.joint, r.trigger)
    return None if third is None else Sides(third, r.joint[0], False, ((third, r.joint[1]),))


def _between(r: Reading) -> Sides | None:
    if len(r.joint) < 2:
        return None
    first, second = r.joint[0], r.joint[1]
    # "the minister and his Greek counterpart met": the minister is of the other side
    first = counterpart_of(first, second, r.phrases.pair) or first
    return Sides(first, second, True)


def _two_inside_between(r: Reading) -> Sides | None:
    if len(r.joint) != 1 or len(sides := r.phrases.coded_in(r.args.joint)) < 2:
        return None
    return Sides(sides[0], sides[1], True)


def _two_modifiers(r: Reading) -> Sides | None:
    if r.sources or len(r.coded_modifiers) < 2:
        return None
    return Sides(r.coded_modifiers[0], r.coded_modifiers[1], True)


def _pair_subject(r: Reading) -> Sides | None:
    pair = r.phrases.pair
    if not r.sources:
        return None
    both = pair_named(r.sources[0], pair) or pair_before(r.args.source, pair)
    return Sides(both[0], both[1], True) if both else None


def _joint_subjects(r: Reading) -> Sides | None:
    coded = r.coded_sources
    if len(coded) < 2 or (r.coded_targets and r.phrases.aimed_at(r.args)):
        return None
    return Sides(coded[0], coded[1], True)


def _two_inside_subject(r: Reading) -> Sides | None:
    inside: list[Mention] = r.phrases.coded_in(r.args.source)
    if len(inside) < 2 or any(t.code for t in r.targets):
        return None
    return Sides(inside[0], inside[1], True)


# In order: the first that decides wins. Confidences are those the rules always had
# (0.55 for a pair named as subject, more for a pair the syntax joins, less for sides
# found without a subject).
SIDE_RULES: tuple[SideRule, ...] = (
    SideRule(
        "third-party-between-pair",
        "Chad offered to mediate between the two neighbours.",
        0.75,
        _third_party_between_pair,
    ),
    SideRule("pair-between", "Talks between the two sides resumed.", 0.75, _pair_between),
    SideRule(
        "third-party-between",
        "Kuwait launched a mediation between Iraq and Iran.",
        0.75,
        _third_party_between,
    ),
    SideRule("between", "Talks between Pakistan and Russia ended on Friday.", 0.85, _between),
    SideRule(
        "two-inside-between",
        "Talks between Pakistan's Defence Secretary and Russia's Deputy Minister ended.",
        0.75,
        _two_inside_between,
    ),
    SideRule("two-modifiers", "The Pakistan-Russia talks ended.", 0.75, _two_modifiers),
    SideRule("pair-subject", "The two countries signed a treaty.", 0.55, _pair_subject),
    SideRule("joint-subjects", "Pakistan and Russia agreed to cooperate.", 0.8, _joint_subjects),
    SideRule(
        "two-inside-subject",
        "Pakistan and Russian advisers met in Moscow.",
        0.75,
        _two_inside_subject,
    ),
    SideRule("two-names", "UN experts visited Mali on Friday.", 0.25, two_names),
    SideRule("no-source", "Five people were killed in Syria.", 0.35, no_source),
    SideRule("subject-object", "France sent aid to Mali.", 0.55, subject_object),
)


def decide(reading: Reading) -> Participants | None:
    """The sides the first rule that applies gives, or None when none does."""
    for rule in SIDE_RULES:
        sides = rule.decide(reading)
        if sides is None:
            continue
        confidence = rule.confidence
        for step in sides.steps:
            confidence += step.offset
        steps = "".join(f"+{s.name}" for s in sides.steps if s.changes_sides)
        return Participants(
            sides.source, sides.target, sides.symmetric, confidence, sides.also, rule.name + steps
        )
    return None
