"""Who did it and to whom: the argument phrases of an event trigger in a dependency parse."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from bilat.nlp.patterns import below, matches
from bilat.nlp.syntax.antecedents import PASSIVE_SUBJECTS, SUBJECTS, antecedent
from bilat.nlp.syntax.recipients import (
    OBJECTS,
    conjuncts,
    is_temporal,
    object_targets,
    prep_objects,
)
from bilat.nlp.words import Words

WORDS = Words("syntax")  # resources/words.yaml, section syntax


@dataclass(frozen=True, slots=True)
class Arguments:
    """The heads of a trigger's source and target phrases.

    ``joint`` holds the sides of "talks between A and B"; ``modifiers`` the words
    in front of an event noun ("Pakistan-Russia talks"), joint only if they name
    two actors.
    """

    source: tuple[Token, ...] = ()
    target: tuple[Token, ...] = ()
    joint: tuple[Token, ...] = ()
    modifiers: tuple[Token, ...] = ()
    inherited: bool = False
    # The target was found in the trigger's complement clause, not among its own objects.
    indirect: bool = False


def _complement_targets(verb: Token) -> list[Token]:
    """Who a verbal act is aimed at when it has no object: the subject of its clause
    ("demanded that *the US* match ...") or the recipient in its infinitive ("threatened
    to break off relations *with Congo*")."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            subjects = [c for c in child.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS]
            if subjects:
                return [antecedent(s) for s in conjuncts(subjects[0])]
        if child.dep_ == "xcomp":
            # "threatened to deliver blows *to the US*": the recipient, then the thing
            # (the first object target, which is the recipient itself when there is none)
            recipient = next(prep_objects(child, WORDS.TARGET_PREPS), None)
            received = {t.i for t in conjuncts(recipient)} if recipient is not None else set()
            objects = [t for t in object_targets([child], None) if t.i not in received]
            heads = [h for h in (recipient, *objects[:1]) if h is not None]
            found = {t.i: t for h in heads for t in conjuncts(h)}  # in order, once each
            if found:
                return list(found.values())
    return []


def _between(token: Token) -> list[Token]:
    """The sides of "between A and B" (or the one phrase of "between the two countries")."""
    for obj in prep_objects(token, frozenset({"between", "among", "amongst"})):
        return conjuncts(obj)
    return []


def _subject_of(verb: Token) -> tuple[list[Token], bool]:
    """Subject heads of a verb, climbing xcomp/conj chains when it has none of its own."""
    current: Token | None = verb
    inherited = False
    for _ in range(4):
        if current is None:
            break
        subjects = [c for c in current.children if c.dep_ in SUBJECTS]
        if not subjects and current.i == verb.head.i != verb.i and _active_conjunct(verb):
            # "He will be received at the White House and *will meet* the President":
            # an active conjunct's subject is the passive subject it shares
            subjects = [c for c in current.children if c.dep_ in PASSIVE_SUBJECTS]
        if subjects:
            return [h for s in subjects for h in conjuncts(s)], inherited
        if current.dep_ in ("xcomp", "conj", "advcl", "acomp") and current.head.i != current.i:
            current = current.head
            inherited = True
            continue
        if current.dep_ == "pcomp":  # "came to the rescue by sending doses"
            current = current.head.head
            inherited = True
            continue
        if current.dep_ == "acl" and _misread_subject(current.head):
            # "Rebels resorted to ..., officials said": read as "rebels (who) resorted"
            return conjuncts(current.head), True
        if current.dep_ == "acl" and _misread_main_verb(current):
            # "A US-led coalition bombed targets in Syria": no passive takes an object
            return conjuncts(current.head), inherited
        if current.dep_ == "acl" and current.tag_ == "VBG":
            noun = current.head
            above = governing_verb(noun)
            if noun.lemma_.lower() in WORDS.DOCUMENTS and above is not None:
                # "put out a report accusing the army": whoever put it out accuses
                current, inherited = above, True
                continue
            # "rebels attacking the town": the noun a participle describes does it
            return conjuncts(noun), True
        break
    if current is not None and (swallowed := _swallowed_subject(current)):
        return swallowed, inherited
    return [], inherited


def _active_conjunct(verb: Token) -> bool:
    """A conjunct in the active voice: not a participle sharing the passive of the verb
    before it ("was tortured and *killed*"), unless an auxiliary of its own makes it
    active ("will be received and *will meet*")."""
    if verb.dep_ != "conj" or any(c.dep_ == "auxpass" for c in verb.children):
        return False
    return verb.tag_ != "VBN" or any(c.dep_ == "aux" for c in verb.children)


def _misread_main_verb(participle: Token) -> bool:
    """A past participle with a direct object, on a noun that heads the sentence: the
    sentence's main verb, in the past tense, that the parse read as a reduced relative."""
    return (
        participle.tag_ in ("VBN", "VBD")
        and participle.head.dep_ == "ROOT"
        and participle.head.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "dobj" for c in participle.children)
    )


def _misread_subject(noun: Token) -> bool:
    """A subject of a verb that has another subject: the parse took the subject of the
    reported clause ("Rebels resorted to force, officials said") for the saying verb's."""
    if noun.dep_ not in SUBJECTS:
        return False
    return sum(c.dep_ in SUBJECTS for c in noun.head.children) >= 2


def _swallowed_subject(verb: Token) -> list[Token]:
    """ "Apart from this Pakistan and Russia have been holding talks": a finite main verb
    without a subject, whose fronted prepositional phrase runs into its auxiliaries, had
    its subject taken into that phrase by the parse."""
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children)
    if verb.dep_ != "ROOT" or not finite:
        return []
    first = min((verb, *(c for c in verb.children if c.dep_ in ("aux", "neg"))), key=lambda t: t.i)
    if first.i == verb.sent.start:
        return []
    head = verb.doc[first.i - 1]
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    if head.pos_ != "PROPN" or head.dep_ != "pobj" or verb not in head.ancestors:
        return []
    return conjuncts(head)


def verb_arguments(verb: Token, obj: Token | None = None) -> Arguments:
    """Arguments of a verbal trigger; ``obj`` is the event noun of a light verb ("held talks")."""
    if (speaker := _trailing_speaker(verb)) is not None:
        return _trailing_speech_arguments(verb, speaker)
    sources, inherited = _subject_of(verb)
    # "The meeting was held": the light verb's own event noun is no recipient.
    passive = [
        c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS and (obj is None or c.i != obj.i)
    ]
    agents = list(prep_objects(verb, frozenset({"by"})))
    doers = [h for a in agents for h in conjuncts(a)]  # whoever the "by" phrase names
    auxpass = any(c.dep_ == "auxpass" for c in verb.children)
    targets: list[Token] = []
    if passive and not agents and verb.lower_ in WORDS.STANCES:
        sources, passive = [h for p in passive for h in conjuncts(p)], []
    if passive:
        sources = doers
        targets = [h for p in passive for h in conjuncts(p)]
    elif agents and inherited and auxpass:
        # "X arrived and *was greeted by Y*": the subject a passive conjunct shares is
        # acted on; whoever the "by" phrase names acts
        sources, targets = doers, sources
    elif agents and not sources and (auxpass or (obj is not None and obj.dep_ in PASSIVE_SUBJECTS)):
        # "a loan was granted to Ukraine *by Poland*" (the light verb's own event noun is
        # its passive subject), "..., having been annexed *by Germany*" (a passive
        # participle with no subject of its own): whoever the "by" phrase names does it
        sources = doers
    carriers = [verb] if obj is None else [obj, verb]
    joint = next((b for c in carriers if (b := _between(c))), [])
    if not joint and not passive:
        # "hosted a meeting between A and B": the act's object joins both sides
        joint = next((b for c in verb.children if c.dep_ == "dobj" and (b := _between(c))), [])
    if not targets:
        targets = object_targets(carriers, obj) or _done_by_event(obj)
    if (
        inherited
        and verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() in WORDS.CONTROL
        and not passive
    ):
        # "ordered the paper to close": whom the governing verb acts on comes first
        controlled = [c for c in verb.head.children if c.dep_ == "dobj"]
        targets = [*(h for c in controlled[:1] for h in conjuncts(c)), *targets]
    indirect = not targets and not joint
    if indirect:
        targets = _complement_targets(verb) or _purpose_targets(verb)
    return Arguments(tuple(sources), tuple(targets), tuple(joint), (), inherited, indirect)


def _done_by_event(event: Token | None) -> list[Token]:
    """ "staged a strike *that shut down the capital*", "launched an attack which killed
    five soldiers": what the event itself does, in a relative clause it is the subject
    of, is whom it is aimed at."""
    if event is None:
        return []
    for clause in event.children:
        subjects = [c.lower_ for c in clause.children if c.dep_ in SUBJECTS]
        relative = any(s in ("that", "which") for s in subjects)
        if clause.dep_ == "relcl" and relative:
            return object_targets([clause], None)
    return []


def _trailing_speaker(verb: Token) -> Token | None:
    """ "X is failing to protect refugees, a rights group protested": the parse reads the
    speaker as an apposition of the clause's last noun and the verb as describing it.
    Returns the speaker of such a misread finite verb, or None."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or head.dep_ != "appos":
        return None
    # nothing after the verb but when it was said: "..., a group protested on Monday"
    if head.i > verb.i or not all(_when_said(c) for c in verb.children):
        return None
    start = head.left_edge.i
    if start == 0 or verb.doc[start - 1].text != ",":
        return None
    return head


def _when_said(token: Token) -> bool:
    if token.dep_ in ("advmod", "npadvmod", "punct"):
        return True
    return token.dep_ == "prep" and is_temporal(token)


def _trailing_speech_arguments(verb: Token, speaker: Token) -> Arguments:
    """The speaker acts on the subject of the clause it speaks about."""
    root = verb.sent.root
    said_of = [c for c in root.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS]
    targets = [antecedent(h) for s in said_of[:1] for h in conjuncts(s)]
    return Arguments(tuple(conjuncts(speaker)), tuple(targets), (), (), False, True)


def _purpose_targets(verb: Token) -> list[Token]:
    """ "summoned the envoy *to complain*": an infinitive of purpose with no recipient of
    its own is aimed at whoever the verb it serves acts on."""
    if not matches("purpose-infinitive", verb, role="verb") or verb.head.i == verb.i:
        return []
    return object_targets([verb.head], None)


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above ``token`` (at most three steps up)."""
    current = token
    for _ in range(3):
        if current.head.i == current.i:
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def clause_tokens(trigger: Token) -> list[Token]:
    """The clause a trigger sits in, without subordinate clauses: where its recipient is
    named when the parse attaches it elsewhere ("came to Islamabad's rescue by sending")."""
    top = trigger
    for _ in range(6):
        if top.head.i == top.i or top.dep_ in ("advcl", "relcl", "ccomp", "parataxis"):
            break
        top = top.head
    out: list[Token] = []
    stack = [top]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(
            c for c in token.children if c.dep_ not in ("advcl", "relcl", "ccomp", "parataxis")
        )
    return sorted(out, key=lambda t: t.i)


def noun_arguments(noun: Token) -> Arguments:
    """Arguments of a nominal trigger: "Lavrov's visit to Islamabad", "talks between A and B"."""
    verb = governing_verb(noun)
    if verb is not None and _undergone(noun, verb):
        return _undergone_arguments(noun, verb)
    joint = _between(noun) or (_between(verb) if verb is not None else [])
    sources = [c for c in noun.children if c.dep_ == "poss"]
    if verb is not None and sources and all(s.lower_ in WORDS.OWNERS for s in sources):
        # "NAF reiterated its commitment": the owner is the governing verb's subject
        subjects, _ = _subject_of(verb)
        sources = [h for h in subjects if h.i != noun.i] or sources
    done_to = noun.lemma_.lower() in WORDS.PATIENT_NOUNS
    sources += list(prep_objects(noun, frozenset({"by"} if done_to else {"by", "of"})))
    if verb is not None and sources and all(_unowned_forces(s) for s in sources):
        # "the US completed the withdrawal of troops": the troops are the subject's
        subjects, _ = _subject_of(verb)
        sources = [h for h in subjects if h.i != noun.i] or sources
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
    targets = list(prep_objects(noun, WORDS.TARGET_PREPS | ({"of"} if done_to else set())))
    inherited = False
    if not sources and verb is not None:
        # "a proposal ... is under consideration by both sides": the agent of the clause
        sources = [m["agent"] for m in below("agent-in-phrase", verb)]
    if not sources and verb is not None and noun.dep_ in OBJECTS | {"pobj"}:
        # "Pakistan received the doses": the governing verb's subject acts.
        sources, inherited = _subject_of(verb)
        if not sources and verb.lower_ in WORDS.STANCES:
            # "forces were engaged in ethnic cleansing"
            sources = [h for c in verb.children if c.dep_ in PASSIVE_SUBJECTS for h in conjuncts(c)]
            inherited = True
    indirect = not targets and not joint
    if indirect:
        targets = _content_subjects(noun, verb)
    return Arguments(
        tuple(h for s in sources for h in conjuncts(s)),
        tuple(h for t in targets for h in conjuncts(t)),
        tuple(joint),
        tuple(modifiers),
        inherited,
        indirect and bool(targets),
    )


def _content_subjects(noun: Token, verb: Token | None) -> list[Token]:
    """ "its demand that *Israel* lift the siege", "a warning that *Iran* must stop": the
    subject of a that-clause saying what the act asks or warns of, hung off the noun or,
    as the parse often has it, off the verb whose object the noun is, right after it."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp")]
    if verb is not None and noun.dep_ == "dobj" and noun.head.i == verb.i:
        clauses += [c for c in verb.children if c.dep_ == "ccomp" and c.i > noun.i]
    for clause in clauses:
        marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        subjects = [c for c in clause.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS]
        if marked and subjects:
            return [antecedent(subjects[0])]
    return []


def _undergone(noun: Token, verb: Token) -> bool:
    """ "came under attack", "is under fire": the verb's subject suffers the act."""
    under = [m["under"] for m in matches("under-attack", noun, role="act")]
    return any(u.head.i == verb.i for u in under) and verb.lemma_.lower() in WORDS.UNDERGO_VERBS


def _undergone_arguments(noun: Token, verb: Token) -> Arguments:
    """ "Turkish villages came under attack from Syrian forces": who attacks is named by
    "by" or "from" (or a modifier: "under Syrian fire"); the subject is attacked."""
    subjects, inherited = _subject_of(verb)
    agents = frozenset({"by", "from"})
    # the parse may hang "by militants" on the verb: "came under attack by militants"
    sources = list(prep_objects(noun, agents)) or list(prep_objects(verb, agents))
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
    return Arguments(
        tuple(h for s in sources for h in conjuncts(s)),
        tuple(subjects),
        (),
        tuple(modifiers),
        inherited,
    )


def _unowned_forces(token: Token) -> bool:
    """ "troops", "some invasion forces": forces the phrase names no owner of (no
    possessor, no nationality, no name)."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in WORDS.FORCES:
        return False
    return not any(
        c.dep_ == "poss" or c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG")
        for c in token.children
        if c.i < token.i
    )
