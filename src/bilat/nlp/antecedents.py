"""What a pronoun argument stands for: relative, personal and object pronouns, and the
speaker's own state named as "the government" in what the speaker says."""

from __future__ import annotations

from spacy.tokens import Token

SUBJECTS = frozenset({"nsubj", "csubj"})

PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})

PERSONAL = frozenset({"it", "he", "she", "they", "we"})

OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her"})

OWNERS = frozenset({"its", "their", "his", "her", "our"})

RELATIVE = frozenset({"who", "which", "that", "whom"})

# What a speaker's own state is called when the speaker is named: "said *the government*
# will ...", "said *his country* would ...".
HOME = frozenset({"government", "country", "nation", "administration", "kingdom"})

SAYING = frozenset(
    """say tell announce state declare add insist confirm note explain stress reiterate
    assert affirm""".split()  # noqa: SIM905
)

# How a pronoun's clause hangs below the verb whose subject it stands for; "as saying"
# is a prep and its pcomp.
CLIMB = frozenset({"ccomp", "xcomp", "conj", "advcl", "pcomp", "prep"})

QUOTING = frozenset({"quote", "cite", "report"})


def antecedent(head: Token) -> Token:
    """What a pronoun argument stands for, by rule, or ``head`` itself.

    "X, who attacked ...": the noun the relative clause hangs off. "NAF says it has
    killed ...": the subject of a verb above the pronoun's clause, named before it.
    """
    lower = head.lower_
    if lower in RELATIVE and (clause := _relative_clause(head)) is not None:
        return clause.head
    if lower in OBJECT_PRONOUNS and (earlier := _earlier_object(head)) is not None:
        return earlier
    if lower not in PERSONAL:
        return _speaker(head) or head
    current = head.head
    for _ in range(5):
        if current.head.i == current.i or current.dep_ not in CLIMB:
            break
        current = current.head
        # "X was quoted as saying he ...": the one quoted is the passive subject
        quoted = current.lemma_.lower() in QUOTING
        for child in current.children:
            subject = child.dep_ in SUBJECTS or (quoted and child.dep_ in PASSIVE_SUBJECTS)
            if subject and child.i < head.i and child.lower_ not in PERSONAL:
                return child
    return head


def _relative_clause(pronoun: Token) -> Token | None:
    """The relative clause a relative pronoun opens, as its subject or object ("X,
    *which* is preparing ...") or as the object of a preposition ("the project, for
    *which* Japan extended a loan", "the accord under *which* ...")."""
    above = pronoun.head
    if pronoun.dep_ == "pobj" and above.dep_ == "prep":
        above = above.head
    return above if above.dep_ == "relcl" and above.i != pronoun.i else None


def _earlier_object(pronoun: Token) -> Token | None:
    """ "hit the positions and destroyed *them*": an object pronoun of a verb coordinated
    with an earlier one stands for that verb's object (a noun, not another pronoun)."""
    verb = pronoun.head
    if pronoun.dep_ != "dobj" or verb.dep_ != "conj" or verb.head.i > verb.i:
        return None
    earlier = [c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    return earlier[0] if earlier else None


def _speaker(head: Token) -> Token | None:
    """ "Premier X said *the government* will extend the curfew": a bare "the government"
    or "his country" subject of what someone says is the speaker's own; the speaker
    names it. Not "the Chilean government", which names itself, nor "the government
    must ...", which the speaker asks of it."""
    determiners = [c for c in head.children if c.dep_ in ("det", "poss")]
    bare = len(list(head.children)) == len(determiners) == 1
    if not bare or determiners[0].lower_ not in OWNERS | {"the"}:
        return None
    verb = head.head
    if head.lemma_.lower() not in HOME or head.dep_ not in SUBJECTS or verb.dep_ != "ccomp":
        return None
    if verb.head.lemma_.lower() not in SAYING:
        return None
    if any(c.dep_ == "aux" and c.lower_ in ("must", "should", "ought") for c in verb.children):
        return None  # "said the government must ...": asked of it, not said for it
    return next(
        (c for c in verb.head.children if c.dep_ in SUBJECTS and c.lower_ not in PERSONAL),
        None,
    )
