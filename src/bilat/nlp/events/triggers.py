"""Words that state events: verbs, event nouns and light verbs with their objects."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from bilat.nlp.events.lexicon import Sense, TriggerLexicon
from bilat.nlp.events.modality import untagged_verb
from bilat.nlp.events.trigger_context import (
    MODIFIER_DEPS,
    is_absent,
    is_alleged,
    is_avoided,
    is_blocked,
    is_modifier,
    is_prospective,
    is_timed_back_reference,
    repeats_outer_noun,
)
from bilat.nlp.patterns import below
from bilat.nlp.words import Words
from bilat.records import EventType

SYNTAX_WORDS = Words("syntax")  # resources/words.yaml, section syntax
WORDS = Words("events")  # resources/words.yaml, section events

OBJECT_DEPS = ("dobj", "nsubjpass", "attr")
ANY_OBJECT = "*"
CLAUSE = "_clause"  # a complements key: any clausal complement ("denied that ...")
# A bare "strike" is an attack, but a labour strike among workers or "on strike".
STRIKE = "strike"
LABOUR_STRIKE = (EventType.PROTEST, "strike")


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that states an event, and the sense the lexicon gives it.

    ``obj`` is the object noun a light verb took its sense from ("held *talks*").
    ``sense`` is None for a statement PLOVER does not code ("urged", "declined to
    comment"): it reports no event but still governs the words below it.
    """

    token: Token
    sense: Sense | None
    nominal: bool
    obj: Token | None = None
    # An act someone else forecasts ("analysts warn that the EU would impose sanctions"):
    # its "would" is the forecaster's, not the actor's stated intention.
    foreseen: bool = False
    # A meeting an agreement sets up ("agreed to hold talks in May"): the agreement's index.
    agreed_in: int | None = None


def find_triggers(sent: Span, lexicon: TriggerLexicon) -> list[Trigger]:
    """Triggers in a sentence; a light verb absorbs its event noun ("held talks")."""
    found: list[Trigger] = []
    absorbed: set[int] = set()
    for token in sent:
        if token.pos_ == "VERB" or untagged_verb(token):
            trigger = verb_trigger(token, lexicon) or _gerund_noun(token, lexicon)
            if trigger is not None and not is_avoided(token) and not is_alleged(token):
                found.append(trigger)
                if trigger.obj is not None:
                    absorbed.add(trigger.obj.i)
    for token in sent:
        if token.pos_ == "ADJ" and (intent := _intent(token, lexicon)) is not None:
            found.append(intent)
        if token.pos_ not in ("NOUN", "PROPN") or token.i in absorbed:
            continue
        sense = noun_sense(token, lexicon)
        if (
            sense is not None
            and not is_modifier(token)
            and not repeats_outer_noun(token, absorbed, lexicon)
            and not is_blocked(token, lexicon)
            and not is_absent(token)
            and not is_prospective(token)
            and not is_timed_back_reference(token)
        ):
            found.append(Trigger(token, sense, nominal=True))
    return found


def _gerund_noun(verb: Token, lexicon: TriggerLexicon) -> Trigger | None:
    """ "summoned for questioning", "after the shelling": a gerund the parse tags as a
    verb but uses as a noun (the object of a preposition) is that event noun."""
    if verb.dep_ != "pobj" or verb.tag_ != "VBG":
        return None
    sense = lexicon.nouns.get(verb.lower_)
    return None if sense is None else Trigger(verb, sense, nominal=True)


def _intent(adjective: Token, lexicon: TriggerLexicon) -> Trigger | None:
    """ "is ready to contribute to peacekeeping": a stated readiness to do what no trigger
    names is an expression of intent to cooperate (CAMEO 03, PLOVER AGREE). When the
    complement is itself a trigger, it is coded as that intention instead."""
    if adjective.lemma_.lower() not in WORDS.INTENT_WORDS:
        return None
    for child in adjective.children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            if child.pos_ == "VERB" and verb_trigger(child, lexicon) is not None:
                return None
            return Trigger(adjective, (EventType.AGREE, None), nominal=False)
    return None


def noun_sense(token: Token, lexicon: TriggerLexicon) -> Sense | None:
    """The sense of an event noun; a two-word entry wins over the bare noun ("hunger
    strike" is a protest, "war game" an exercise, a bare "strike" an attack)."""
    lemma = token.lemma_.lower()
    if _asks_the_press(token):
        return None
    if lemma in WORDS.CONTAINERS:  # "a new round of joint exercises" is an exercise
        for inner in _key_words(token):
            if inner.lemma_.lower() in lexicon.nouns:
                return lexicon.nouns[inner.lemma_.lower()]
    for child in token.children:
        if child.dep_ in MODIFIER_DEPS and child.i < token.i:
            pair = f"{child.lemma_.lower()} {lemma}"
            if pair in lexicon.nouns:
                return lexicon.nouns[pair]
    if lemma == STRIKE and lemma in lexicon.nouns and _labour(token):
        return LABOUR_STRIKE
    return lexicon.nouns.get(lemma)


def _asks_the_press(noun: Token) -> bool:
    """ "a request for comment": a reporter asking, no act between actors."""
    return any(
        child.dep_ == "prep"
        and child.lower_ == "for"
        and any(o.dep_ == "pobj" and o.lower_ in WORDS.PRESS_QUERIES for o in child.children)
        for child in noun.children
    )


def _labour(strike: Token) -> bool:
    """ "went on strike", "the teachers' strike", "a strike for better pay": a labour
    strike, told by "on strike" or by workers or pay named in the sentence."""
    if strike.dep_ == "pobj" and strike.head.lower_ == "on":
        return True
    return any(t.lemma_.lower() in WORDS.LABOUR_WORDS for t in strike.sent)


def verb_trigger(token: Token, lexicon: TriggerLexicon) -> Trigger | None:
    """The sense of a verb, from complement, phrasal, light-verb, transfer or plain entries."""
    lemma = token.lemma_.lower()
    objects = relative_objects(token)
    if not objects and lemma in WORDS.ERGATIVE:
        objects = [c for c in token.children if c.dep_ == "nsubj"]
    if lemma in WORDS.SUBJECT_KEYED:
        return _by_subject(token, lexicon.complements.get(lemma, {}))
    if lemma in lexicon.complements:
        found = _complement(token, objects, lexicon.complements[lemma])
        if found is not None:
            return found
    if (insisted := _insistent(token, lexicon)) is not None:
        return insisted
    for child in _particles(token):
        if (lemma, child.lower_) in lexicon.phrasal:
            return Trigger(token, lexicon.phrasal[(lemma, child.lower_)], nominal=False)
    if lemma in lexicon.reporting and _commentator(token):
        return Trigger(token, None, nominal=False)  # analysis governs what it tells of
    if lemma in lexicon.reporting and _demands(token):
        return Trigger(token, (EventType.REQUEST, None), nominal=False)
    if lemma in WORDS.DESIRE_VERBS and _wants_another(token):
        return Trigger(token, (EventType.REQUEST, None), nominal=False)
    if lemma in lexicon.statements or (lemma in WORDS.OPINION_VERBS and _opinion(token)):
        return Trigger(token, None, nominal=False)
    if lemma in lexicon.support:
        overrides = lexicon.support[lemma]
        for obj in objects:
            obj_lemma = obj.lemma_.lower()
            if obj_lemma in overrides:
                return Trigger(token, overrides[obj_lemma], nominal=False, obj=obj)
            obj_sense = noun_sense(obj, lexicon)
            if obj_sense is not None:
                return Trigger(token, obj_sense, nominal=False, obj=obj)
            inner = _event_modifier(obj, lexicon)
            if inner is not None:  # "announced an aid package", "launched a missile attack"
                return Trigger(token, lexicon.nouns[inner.lemma_.lower()], nominal=False, obj=obj)
        if ANY_OBJECT in overrides and objects:
            sense = overrides[ANY_OBJECT]
            return None if sense is None else Trigger(token, sense, nominal=False)
    if lemma in lexicon.transfer:
        given = [g for c in token.children if c.lower_ == "with" for g in c.children]
        for obj in (*objects, *given):  # "provided the army with aircraft"
            if obj.lemma_.lower() in lexicon.aid_objects or _counted(obj, lexicon):
                return Trigger(token, (EventType.AID, None), nominal=False, obj=obj)
    if lemma in lexicon.demonstration_verbs and in_the_street(token, lexicon):
        return Trigger(token, (EventType.PROTEST, None), nominal=False)
    if lemma in lexicon.verbs:
        return Trigger(token, lexicon.verbs[lemma], nominal=False)
    return None


def in_the_street(verb: Token, lexicon: TriggerLexicon) -> bool:
    """ "protested outside the embassy", "thousands protested in front of parliament": a
    place the protest stood in or a crowd doing it makes it a demonstration."""
    for child in verb.children:
        if child.dep_ in ("prep", "advmod") and child.lower_ in lexicon.demonstration_places:
            return True
        if child.dep_ == "prep" and any(
            g.lower_ in lexicon.demonstration_places for g in child.children if g.dep_ == "pobj"
        ):
            return True  # "in front of"
        if child.dep_ == "nsubj" and child.lemma_.lower() in lexicon.demonstrators:
            return True
    return False


def _particles(verb: Token) -> list[Token]:
    """The verb's particles and prepositions, and the "for" opening a clause right after
    it: in "called for Egyptians to join", the parse hangs "for" off "join". A
    preposition of time is no part of the verb: "called Putin *on* Monday" is no
    "call on"."""
    found = [c for c in verb.children if c.dep_ == "prt" or (c.dep_ == "prep" and not _of_time(c))]
    for clause in verb.children:
        if clause.dep_ in ("advcl", "ccomp", "xcomp"):
            found.extend(
                m
                for m in clause.children
                if m.dep_ == "mark" and m.lower_ == "for" and _next_to(verb, m)
            )
    return found


def _of_time(prep: Token) -> bool:
    """ "on Monday", "in March", "for a week": the preposition's object says when."""
    return any(c.dep_ == "pobj" and c.lower_ in SYNTAX_WORDS.TEMPORAL for c in prep.children)


def _next_to(verb: Token, word: Token) -> bool:
    """Whether only the verb's own adverbs stand between it and ``word`` ("pushed hard for")."""
    between = verb.doc[verb.i + 1 : word.i]
    return word.i > verb.i and all(t.dep_ == "advmod" and t.head.i == verb.i for t in between)


def _insistent(verb: Token, lexicon: TriggerLexicon) -> Trigger | None:
    """ "pushed hard for a ceasefire": an appeal made insistently is a demand."""
    if not any(c.dep_ == "advmod" and c.lower_ in lexicon.insistent_adverbs for c in verb.children):
        return None
    for child in _particles(verb):
        sense = lexicon.insistent.get((verb.lemma_.lower(), child.lower_))
        if sense is not None:
            return Trigger(verb, sense, nominal=False)
    return None


def relative_objects(verb: Token) -> list[Token]:
    """The verb's objects; in a relative clause the noun it hangs off stands in for a
    relative pronoun object ("the accord *which* they signed", "the deal *that* was
    signed") or for the object gap ("the deal they signed"). A bare noun the parse hung
    off the verb as a clause is its object ("makes his first ever *visit*")."""
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS or _noun_as_clause(c)]
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return objects
    relative = [o for o in objects if o.lower_ in SYNTAX_WORDS.RELATIVE]
    if relative:
        return [verb.head, *(o for o in objects if o not in relative)]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    gapped = (
        not objects
        and subjects
        and all(s.lower_ not in SYNTAX_WORDS.RELATIVE for s in subjects)
        and not any(c.lower_ in WORDS.RELATIVE_ADVERBS for c in verb.children)
    )
    return [verb.head] if gapped else objects


def _noun_as_clause(child: Token) -> bool:
    return (
        child.dep_ == "ccomp"
        and child.pos_ == "NOUN"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "cop", "aux") for c in child.children)
    )


def _complement(
    verb: Token, objects: list[Token], entries: dict[str, Sense | None]
) -> Trigger | None:
    """ "declined to comment", "denied the charges", "denied that ...": the complement
    decides what the verb reports."""
    complements = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") or c in objects]
    relative = [o for o in objects if o.head.i != verb.i]  # "the talks they ended"
    for child in (*complements, *relative, *_prep_complements(verb)):
        for word in (child, *_key_words(child)):
            # the word as written too: the lemmatiser reads "bases" as "basis"
            key = next((k for k in (word.lemma_.lower(), word.lower_) if k in entries), None)
            if key is not None:  # "ended the talks", "ended mediation efforts"
                # "provided Peru with bases": the one provided for stays the object
                obj = None if child.head.lower_ == "with" else child
                return Trigger(verb, entries[key], nominal=False, obj=obj)
        if child.dep_ == "ccomp" and CLAUSE in entries:
            return Trigger(verb, entries[CLAUSE], nominal=False)
    if objects and ANY_OBJECT in entries:
        return Trigger(verb, entries[ANY_OBJECT], nominal=False)
    return None


def _prep_complements(verb: Token) -> list[Token]:
    """What the verb puts its object under, keeps its subject from or provides: "placed
    him *under investigation*", "stayed away *from work*", "provided Peru *with bases*"."""
    on_verb = below("complement-prep-object", verb)
    on_adverb = below("adverb-complement-prep-object", verb)
    return [m["object"] for m in (*on_verb, *on_adverb)]


def _by_subject(verb: Token, entries: dict[str, Sense | None]) -> Trigger | None:
    """ "UN peacekeepers arrived in Juba": the subject decides what the verb reports."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        for word in (subject, *_key_words(subject)):
            sense = entries.get(word.lemma_.lower())
            if sense is not None:
                return Trigger(verb, sense, nominal=False)
    return None


def _key_words(obj: Token) -> list[Token]:
    """Words that may decide an object's meaning besides its head: "*curfew* hours",
    "some of the *restrictions*"."""
    out = [c for c in obj.children if c.dep_ == "compound"]
    return [*out, *(m["object"] for m in below("of-object", obj))]


def _commentator(verb: Token) -> bool:
    """ "said Derek Scissors, a China scholar", "analysts say", and later in the text
    "Scissors said": what a commentator says is analysis (news/ANNOTATION.md: not an
    event), whatever acts it tells of."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        words = (subject, *(c for c in subject.children if c.dep_ in ("appos", "compound")))
        if any(w.lemma_.lower() in WORDS.COMMENTATORS for w in words):
            return True
        # the tagger may take a surname for a plural noun ("Scissors said")
        if subject.is_title and subject.lower_ in commentators_named(verb.doc):
            return True
    return False


_COMMENTATORS = "bilat.commentators"  # the key of a Doc's commentators in doc.user_data


def commentators_named(doc: Doc) -> frozenset[str]:
    """The names (lower case) the text gives commentators: "Derek Scissors, a China
    scholar", "AEI scholar Derek Scissors" give "scissors"; found once per Doc."""
    cached = doc.user_data.get(_COMMENTATORS)
    if cached is None:
        cached = frozenset(
            word.head.lower_
            for word in doc
            if word.lemma_.lower() in WORDS.COMMENTATORS
            and word.dep_ in ("appos", "compound")
            and word.head.pos_ == "PROPN"
        )
        doc.user_data[_COMMENTATORS] = cached
    return cached  # type: ignore[no-any-return]


def _opinion(verb: Token) -> bool:
    """ "agree with X" and nothing agreed to: an opinion shared."""
    deps = {(c.dep_, c.lower_) for c in verb.children}
    with_someone = ("prep", "with") in deps
    committed = any(
        dep in ("xcomp", "dobj") or (dep == "prep" and word in WORDS.COMMITMENT_PREPS)
        for dep, word in deps
    )
    return with_someone and not committed


def _wants_another(verb: Token) -> bool:
    """ "Beijing wants Trump to lift the tariffs": wanting another to act is asking it to
    (news/ANNOTATION.md: REQUEST), not the act."""
    return any(
        c.dep_ in ("ccomp", "xcomp") and any(g.dep_ == "nsubj" for g in c.children)
        for c in verb.children
    )


def _demands(verb: Token) -> bool:
    """ "said that Sudan must return the helicopter": reported obligation is a demand."""
    return bool(below("reported-obligation", verb))


def _event_modifier(obj: Token, lexicon: TriggerLexicon) -> Token | None:
    """The event noun among the modifiers of a light verb's object ("an *aid* package")."""
    for child in obj.children:
        if child.dep_ in MODIFIER_DEPS and child.lemma_.lower() in lexicon.nouns:
            return child
    return None


def _counted(obj: Token, lexicon: TriggerLexicon) -> bool:
    """ "sent 50,000 doses of its vaccine": the counted noun or what it is "of"."""
    return any(m["object"].lemma_.lower() in lexicon.aid_objects for m in below("of-object", obj))
