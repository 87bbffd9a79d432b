"""What a pronoun argument stands for: relative, personal and object pronouns, and the
speaker's own state named as "the government" in what the speaker says."""

from __future__ import annotations

from spacy.tokens import Token

from bilat.nlp.words import Words

WORDS = Words("syntax")  # resources/words.yaml, section syntax

SUBJECTS = frozenset({"nsubj", "csubj"})

PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})


# How a pronoun's clause hangs below the verb whose subject it stands for; "as saying"
# is a prep and its pcomp.
CLIMB = frozenset({"ccomp", "xcomp", "conj", "advcl", "pcomp", "prep"})


# How the noun a "where"-clause describes hangs below its verb: "ended a visit *to Hanoi*".
NOUN_CLIMB = frozenset({"pobj", "prep", "dobj", "attr", "appos", "compound", "npadvmod"})


def antecedent(head: Token) -> Token:
    """What a pronoun argument stands for, by rule, or ``head`` itself.

    "X, who attacked ...": the noun the relative clause hangs off. "NAF says it has
    killed ...": the subject of a verb above the pronoun's clause, named before it.
    """
    lower = head.lower_
    if lower in WORDS.RELATIVE and (clause := _relative_clause(head)) is not None:
        return clause.head
    if lower in WORDS.OBJECT_PRONOUNS and (earlier := _earlier_object(head)) is not None:
        return earlier
    if lower not in WORDS.PERSONAL:
        return _speaker(head) or head
    if (doer := _subject_above_place_clause(head)) is not None:
        return doer
    current = head.head
    for _ in range(5):
        if current.head.i == current.i or current.dep_ not in CLIMB:
            break
        current = current.head
        # "X was quoted as saying he ...": the one quoted is the passive subject
        quoted = current.lemma_.lower() in WORDS.QUOTING
        for child in current.children:
            subject = child.dep_ in SUBJECTS or (quoted and child.dep_ in PASSIVE_SUBJECTS)
            if subject and child.i < head.i and child.lower_ not in WORDS.PERSONAL:
                return child
    return head


def _subject_above_place_clause(pronoun: Token) -> Token | None:
    """ "X travelled to Cairo, where *he* met Y": the subject of a "where"/"when" clause
    that is a personal pronoun stands for the subject of the verb governing the place or
    time the clause describes, when that subject is a noun named before the pronoun (a
    plural one for "they": in "X met Y in Cairo, where *they* signed" they are both)."""
    verb = _verb_above_place_clause(pronoun)
    if verb is None:
        return None
    subjects = [
        c
        for c in verb.children
        if c.dep_ in SUBJECTS
        and c.i < pronoun.i
        and c.lower_ not in WORDS.PERSONAL | WORDS.RELATIVE
    ]
    if not subjects or (pronoun.lower_ == "they" and not _plural(subjects[0])):
        return None
    return subjects[0]


def place_clause_partners(pronoun: Token) -> tuple[Token, Token] | None:
    """ "X met Y in Cairo, where *they* signed an accord": a "they" opening a "where"/
    "when" clause after a verb with a singular subject and an object stands for both."""
    verb = _verb_above_place_clause(pronoun)
    if verb is None or pronoun.lower_ != "they":
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.pos_ in ("NOUN", "PROPN")]
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    if not subjects or not objects or _plural(subjects[0]) or objects[0].i > pronoun.i:
        return None
    return subjects[0], objects[0]


def _verb_above_place_clause(pronoun: Token) -> Token | None:
    """The verb governing the place or time a "where"/"when" clause whose subject is
    ``pronoun`` describes ("ended a visit to *Hanoi*, where he met ...": "ended")."""
    clause = pronoun.head
    if (
        pronoun.lower_ not in WORDS.PERSONAL
        or pronoun.dep_ not in SUBJECTS
        or clause.dep_ != "relcl"
    ):
        return None
    if not any(
        c.lower_ in WORDS.PLACE_TIME_RELATIVES for c in clause.children if c.dep_ == "advmod"
    ):
        return None
    current = clause.head
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            break
        if current.dep_ not in NOUN_CLIMB:
            return None
        current = current.head
    return current if current.pos_ in ("VERB", "AUX") else None


def _plural(noun: Token) -> bool:
    return noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)


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
    if not bare or determiners[0].lower_ not in WORDS.OWNERS | {"the"}:
        return None
    verb = head.head
    if head.lemma_.lower() not in WORDS.HOME or head.dep_ not in SUBJECTS or verb.dep_ != "ccomp":
        return None
    if verb.head.lemma_.lower() not in WORDS.SAYING:
        return None
    if any(c.dep_ == "aux" and c.lower_ in ("must", "should", "ought") for c in verb.children):
        return None  # "said the government must ...": asked of it, not said for it
    return next(
        (c for c in verb.head.children if c.dep_ in SUBJECTS and c.lower_ not in WORDS.PERSONAL),
        None,
    )


def person_before(pronoun: Token, depth: int = 3) -> Token | None:
    """ "Pope Francis arrives at Andrews. *He* is received by Obama": a sentence-opening
    "he" or "she", subject of its sentence's main verb (active or passive), stands for the
    singular named subject of the previous sentence's main verb, or for what that
    sentence's own "he" stands for (up to ``depth`` sentences back)."""
    if pronoun.lower_ not in ("he", "she") or depth == 0:
        return None
    subject = _subject_before(pronoun, SUBJECTS | PASSIVE_SUBJECTS)
    if subject is not None and subject.lower_ == pronoun.lower_:
        return person_before(subject, depth - 1)  # "He arrived. He met ..."
    if subject is None or subject.pos_ != "PROPN" or _plural(subject):
        return None
    return subject


def previous_subject(pronoun: Token) -> Token | None:
    """ "The two ministers met on Monday. *They* also agreed ...": a sentence-opening
    "they" that is the subject of its sentence's main verb stands for the plural subject
    of the previous sentence's main verb (a noun, not another pronoun); "it" for a
    singular name ("Algeria cut ties. *It* also closed its airspace")."""
    if pronoun.lower_ not in ("they", "it"):
        return None
    subject = _subject_before(pronoun, SUBJECTS)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    if pronoun.lower_ == "it":
        return subject if subject.tag_ == "NNP" and not _plural(subject) else None
    return subject if _plural(subject) else None


def _subject_before(pronoun: Token, deps: frozenset[str]) -> Token | None:
    """The first subject (by ``deps``) of the previous sentence's main verb, when
    ``pronoun`` opens its own sentence as the subject (by ``deps``) of its main verb, no
    noun before it."""
    sent = pronoun.sent
    if pronoun.dep_ not in deps or pronoun.head.dep_ != "ROOT" or sent.start == 0:
        return None
    if any(t.pos_ in ("NOUN", "PROPN") for t in sent if t.i < pronoun.i):
        return None
    before = pronoun.doc[sent.start - 1].sent.root
    return next((c for c in before.children if c.dep_ in deps), None)
