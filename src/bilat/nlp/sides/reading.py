"""A trigger's argument phrases read as actor mentions: what every side rule looks at."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from bilat.nlp.sides.pair_sides import (
    counterpart_of,
    pair_member_before,
    pair_targets,
    person_named_before,
)
from bilat.nlp.sides.phrases import SidePhrases
from bilat.nlp.syntax.antecedents import place_clause_partners
from bilat.nlp.syntax.mention_phrases import distinct
from bilat.nlp.syntax.roles import Arguments
from bilat.nlp.words import Words
from bilat.records import Mention

SYNTAX_WORDS = Words("syntax")  # resources/words.yaml, section syntax


@dataclass(frozen=True, slots=True)
class Reading:
    """One trigger's arguments as mentions, read once for every rule.

    ``sources`` and ``targets`` are the phrases as the parse gives them (a pair member
    before an unnamed subject, a counterpart's owner and "both sides" already put in);
    ``acting`` and ``aimed`` are the same after the clean-up the subject-object rule reads
    (modifiers as sources, uncoded targets after coded ones, an audience first).
    """

    phrases: SidePhrases
    args: Arguments
    trigger: Token
    joint: list[Mention]
    coded_modifiers: list[Mention]
    sources: list[Mention]
    targets: list[Mention]
    both_targets: list[Mention]
    acting: list[Mention]
    aimed: list[Mention]

    @property
    def coded_sources(self) -> list[Mention]:
        return [m for m in self.sources if m.code]

    @property
    def coded_targets(self) -> list[Mention]:
        return [t for t in self.targets if t.code]


def read_arguments(phrases: SidePhrases, args: Arguments, trigger: Token) -> Reading:
    """The mentions a trigger's arguments name, as every side rule reads them."""
    pair, ctx = phrases.pair, phrases.context
    sources = phrases.phrases(args.source)
    if sources and not sources[0].code and (it := pair_member_before(args.source, pair)):
        sources = [it, *sources[1:]]
    if sources and not sources[0].code and (he := person_named_before(args.source, ctx)):
        sources = [he, *sources[1:]]
    if len(sources) >= 2 and (owner := counterpart_of(sources[0], sources[1], pair)):
        sources = [owner, *sources[1:]]  # "the minister and his Greek counterpart met"
    targets = phrases.phrases(phrases.recipient_heads(args.target))
    if targets and not targets[0].code and (him := person_named_before(args.target, ctx)):
        targets = [him, *targets[1:]]  # "*He* is received by Obama"
    # "Norway urged *both sides* to ...": one event with each of the main pair
    both_targets = pair_targets(targets, sources, pair)
    targets = both_targets or targets
    coded_modifiers = distinct([m for m in phrases.phrases(args.modifiers) if m.code])
    acting = sources or coded_modifiers
    aimed = targets
    if aimed and not aimed[0].code:
        aimed = [t for t in aimed if t.code] or aimed
    if acting and trigger.lemma_.lower() in SYNTAX_WORDS.AUDIENCE_VERBS:
        aimed = _audience_first(acting[0], aimed)
    return Reading(
        phrases=phrases,
        args=args,
        trigger=trigger,
        joint=_joint(phrases, args),
        coded_modifiers=coded_modifiers,
        sources=sources,
        targets=targets,
        both_targets=both_targets,
        acting=acting,
        aimed=aimed,
    )


def _joint(phrases: SidePhrases, args: Arguments) -> list[Mention]:
    """The sides of "talks between A and B"; failing those, the two a place clause joins
    ("X met Y in Cairo, where they signed ...": X and Y together)."""
    joint = phrases.phrases(args.joint)
    if not joint and len(args.source) == 1 and (met := place_clause_partners(args.source[0])):
        joint = [m for m in phrases.phrases(list(met)) if m.code][:2]
        joint = joint if len(joint) == 2 else []
    return joint


def _audience_first(source: Mention, targets: list[Mention]) -> list[Mention]:
    """ "X protested to Y over the arrest of X's nationals": a grievance that names only
    the complainant's own people says who suffered, not whom the complaint is against;
    the audience it is addressed to is."""
    if source.code is None or not targets or targets[0].code != source.code:
        return targets
    elsewhere = [t for t in targets[1:] if t.code and t.code != source.code]
    return elsewhere or targets
