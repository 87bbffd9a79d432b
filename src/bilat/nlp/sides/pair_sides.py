"""The article's main pair (the two actors most often named together) as the sides of
an act: "the two sides" acting or acted on, a "they"/"it" standing for them, and the
other of the pair whose statement one of it answers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from bilat.nlp.syntax.antecedents import person_before, previous_subject
from bilat.nlp.syntax.mention_phrases import mention_root
from bilat.nlp.syntax.role_spans import role_span
from bilat.nlp.words import Words
from bilat.records import Actor, Mention

WORDS = Words("sides")  # resources/words.yaml, section sides

# "the two countries", "both sides": the article's main pair of actors.
PAIR_ANAPHOR = re.compile(
    r"\b(?:the two|both)\s+(?:countries|sides|nations|states|governments|neighbou?rs|capitals|"
    r"delegations|leaders|ministers|armies|militaries|partners)\b",
    re.IGNORECASE,
)
# "his Turkish counterpart", "their Greek counterparts": an office-holder of another state
# than the one whose counterpart it is.
OWNED_COUNTERPART = re.compile(
    r"^(?:his|her|their|its)\s+(?:[\w'.-]+\s+){1,3}counterparts?\b", re.IGNORECASE
)


def main_pair(doc: Doc, mentions: Sequence[Mention]) -> tuple[Actor, Actor] | None:
    """The pair of actors most often named in the same sentence: what "both sides" means."""
    counts: Counter[tuple[Actor, Actor]] = Counter()
    for sent in doc.sents:
        actors = {
            m.actor
            for m in mentions
            if m.actor is not None and sent.start_char <= m.start < sent.end_char
        }
        # A total order: one code may come with two sectors, and a set's order varies
        # from process to process, which made the pair (and stored events) vary too.
        ordered = sorted(actors, key=_actor_order)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if a.code != b.code:
                    counts[(a, b)] += 1
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def pair_in_context(
    sentence: str, previous: Sequence[Mention], pair: tuple[Actor, Actor] | None
) -> tuple[Actor, Actor] | None:
    """What "the two countries" of ``sentence`` stands for: the two actors the previous
    sentence of its paragraph names, when it names exactly two ("Sisi hosted Sudan's army
    chief. *The two leaders* discussed the dam"); else the article's main pair."""
    if not PAIR_ANAPHOR.search(sentence):
        return pair
    named: dict[str, Actor] = {}
    for m in previous:
        if m.actor is not None:
            named.setdefault(m.actor.code, m.actor)
    if len(named) != 2:
        return pair
    a, b = sorted(named.values(), key=_actor_order)
    return a, b


def _actor_order(actor: Actor) -> tuple[str, str, str]:
    """A total order of actors, so that a pair is the same whatever order they came in."""
    return (actor.code, actor.sector or "", actor.name)


def pair_named(
    mention: Mention, pair: tuple[Actor, Actor] | None
) -> tuple[Mention, Mention] | None:
    """ "the two countries", "both sides": the article's main pair, at ``mention``."""
    if pair is None or not PAIR_ANAPHOR.search(mention.text):
        return None
    a, b = pair
    return (
        Mention(mention.text, mention.start, mention.end, a),
        Mention(mention.text, mention.start, mention.end, b),
    )


def answered(
    source: Mention,
    target: Mention | None,
    trigger: Token,
    pair: tuple[Actor, Actor] | None,
    answered_acts: frozenset[str],
) -> Mention | None:
    """ "China rejected *the protest*": a definite noun of another's statement, naming
    nobody, answers the other side of the article's main pair when one of it answers.
    ``target`` is the object read as a side; without one, the trigger's direct object."""
    # by code: "the Greek government" (a sector) answers for Greece of the pair
    if pair is None or source.code not in (pair[0].code, pair[1].code):
        return None
    head = _direct_object(trigger) if target is None else mention_root(target, trigger.doc)
    if head is None or head.lemma_.lower() not in answered_acts:
        return None
    if not any(c.dep_ == "det" and c.lower_ in WORDS.ANAPHORIC_DETERMINERS for c in head.children):
        return None
    if any(c.dep_ in ("prep", "acl", "relcl", "poss") for c in head.children):
        return None  # "the protest by farmers", "the request that ...": said here
    if target is None:
        phrase = trigger.doc[head.left_edge.i : head.i + 1]
        target = Mention(phrase.text, phrase.start_char, phrase.end_char)
    a, b = pair
    return replace(target, actor=b if source.code == a.code else a)


def _direct_object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def counterpart_of(
    owner: Mention, counterpart: Mention, pair: tuple[Actor, Actor] | None
) -> Mention | None:
    """ "(he) met *his Turkish counterpart*": a counterpart is of another state than its
    owner, so an owner left unresolved (or read as the counterpart's own state) is the
    other of the article's main pair, when the counterpart's state is one of it."""
    if pair is None or not OWNED_COUNTERPART.match(counterpart.text):
        return None
    if counterpart.code not in (pair[0].code, pair[1].code):
        return None
    if owner.code and owner.code != counterpart.code:
        return None
    a, b = pair
    return replace(owner, actor=b if counterpart.code == a.code else a)


def pair_before(
    heads: Sequence[Token], pair: tuple[Actor, Actor] | None
) -> tuple[Mention, Mention] | None:
    """ "The two sides met. *They* agreed ...": a "they" standing for the previous
    sentence's "the two sides", or for the pair named there by name ("Chile and Peru
    met. *They* agreed ..."), is the article's main pair too."""
    earlier = previous_subject(heads[0]) if len(heads) == 1 else None
    if earlier is None or pair is None or heads[0].lower_ != "they":
        return None
    named = {role_span(t).text for t in (earlier, *earlier.conjuncts)}
    if not PAIR_ANAPHOR.search(role_span(earlier).text) and named != {a.name for a in pair}:
        return None
    a, b = pair
    return _at_pronoun(heads[0], a), _at_pronoun(heads[0], b)


def pair_member_before(heads: Sequence[Token], pair: tuple[Actor, Actor] | None) -> Mention | None:
    """ "Algeria cut ties with Morocco. *It* also closed its airspace": an "it" standing
    for the previous sentence's subject that is one of the main pair by name is that one."""
    earlier = previous_subject(heads[0]) if len(heads) == 1 and heads[0].lower_ == "it" else None
    if earlier is None or pair is None:
        return None
    named = [a for a in pair if a.name == role_span(earlier).text]
    return _at_pronoun(heads[0], named[0]) if named else None


def person_named_before(heads: Sequence[Token], context: Sequence[Mention]) -> Mention | None:
    """ "Pope Francis arrives at Andrews. *He* is received by Obama": a sentence-opening
    "he" or "she" standing for the previous sentence's named subject is that one's actor
    (at the pronoun, so that the evidence stays in its sentence)."""
    earlier = person_before(heads[0]) if len(heads) == 1 else None
    if earlier is None:
        return None
    named = [m.actor for m in context if m.start <= earlier.idx < m.end and m.actor]
    return _at_pronoun(heads[0], named[0]) if named else None


def _at_pronoun(pronoun: Token, actor: Actor) -> Mention:
    """A mention of ``actor`` at the pronoun that stands for it, so that the evidence
    stays in the pronoun's sentence."""
    return Mention(pronoun.text, pronoun.idx, pronoun.idx + len(pronoun.text), actor)


def pair_targets(
    targets: Sequence[Mention], sources: Sequence[Mention], pair: tuple[Actor, Actor] | None
) -> list[Mention]:
    """ "Uruguay and Paraguay urged *both governments* to settle": a target that names the
    main pair by "both sides" is each of it, when the act is a third party's."""
    if not targets or targets[0].code or pair is None:
        return []
    if any(s.actor in pair for s in sources):
        return []
    both = pair_named(targets[0], pair)
    return list(both) if both else []
