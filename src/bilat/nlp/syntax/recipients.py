"""Recipients among a verb's or a noun's objects: direct objects, recipient prepositions,
receivers of things handed over, and the places an actor's own assets are taken to."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from bilat.nlp.patterns import below
from bilat.nlp.words import Words

WORDS = Words("syntax")  # resources/words.yaml, section syntax

OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})


def _asset_preps() -> frozenset[str]:
    """Where the acts done with an actor's own things are aimed: "withdrew its troops
    *from* Syria", "lay down their arms *in* Iraq"."""
    return WORDS.TARGET_PREPS | {"in", "inside", "within"}


def conjuncts(head: Token) -> list[Token]:
    """``head`` and the heads coordinated with it ("Pakistan and Russia")."""
    return [head, *head.conjuncts]


def prep_objects(token: Token, preps: frozenset[str]) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in preps:
            for grand in child.children:
                temporal = grand.lemma_.lower() in WORDS.TEMPORAL
                if grand.dep_ == "pobj" and not temporal and not _absolute(child, grand):
                    yield grand
            if (stranded := _stranded_object(child)) is not None:
                yield stranded


def _stranded_object(prep: Token) -> Token | None:
    """ "granted asylum to *five officers* holed up in ...": the parse left the
    preposition without its object and read the noun after it as the subject of the
    participle that follows; that noun is the object."""
    if any(c.dep_ == "pobj" for c in prep.children) or prep.i + 1 >= len(prep.doc):
        return None
    after = prep.doc[prep.i + 1]
    noun = next((t for t in after.sent if t.left_edge.i == after.i and t.dep_ == "nsubj"), None)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    clause = noun.head
    return noun if clause.head.i == prep.head.i and clause.dep_ in ("advcl", "ccomp") else None


def _absolute(prep: Token, obj: Token) -> bool:
    """ "agreed, *with strings attached*", "with its borders closed": "with" and a noun
    its bare participle says the state of is a circumstance, not a partner ("met with
    officials sent by X" names one: that participle has words of its own)."""
    if prep.lower_ != "with":
        return False
    return any(
        c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and c.i == obj.i + 1 and not list(c.children)
        for c in obj.children
    )


def aimed_heads(head: Token) -> list[Token]:
    """A target head and the objects of its recipient prepositions: the words that say
    at whom a thing is aimed ("tariffs *on* American products", "a ban *against* X")."""
    return [head, *prep_objects(head, WORDS.TARGET_PREPS)]


def recipients_of(thing: Token) -> list[Token]:
    """The heads a thing given or withheld is aimed at: "aid *to* Chad and Mali",
    "support *for* X", "sanctions *on* Y" (not "diplomats *from* Z", who are Z's)."""
    return [h for p in prep_objects(thing, WORDS.RECIPIENT_PREPS) for h in conjuncts(p)]


def object_targets(carriers: list[Token], obj: Token | None) -> list[Token]:
    """Recipients among the objects of the first carrier that has any: its direct objects,
    then the objects of its recipient prepositions. An object that is the actor's own
    ("withdrew *its troops* from Syria", "opened *its borders*") is done with, not done
    to: the recipient is where the act takes it, or there is none."""
    for carrier in carriers:
        direct = [
            c for c in carrier.children if c.dep_ in OBJECTS and (obj is None or c.i != obj.i)
        ] or _shifted_objects(carrier)
        owned = [d for d in direct if _owned_asset(d)]
        targets = [h for d in direct if d not in owned for h in conjuncts(d)]
        if carrier.lemma_.lower() in WORDS.AUDIENCE_VERBS:
            # "complained to the UN over the raids": what is complained of comes first
            targets += [
                h for p in prep_objects(carrier, WORDS.GRIEVANCE_PREPS) for h in conjuncts(p)
            ]
        given_to = [h for p in prep_objects(carrier, frozenset({"to"})) for h in conjuncts(p)]
        goods = any(d.lemma_.lower() in WORDS.GOODS for d in direct)
        if given_to and (carrier.lemma_.lower() in WORDS.TRANSFERS or goods):
            # "returned the paintings *to their owners*": the receiver, then the thing
            targets = [*given_to, *targets]
        targets += [h for p in prep_objects(carrier, WORDS.TARGET_PREPS) for h in conjuncts(p)]
        targets = list({t.i: t for t in targets}.values())  # in order, once each
        if owned and not targets:
            places = [*prep_objects(carrier, _asset_preps()), *_asset_places(owned[0])]
            return [h for p in places for h in conjuncts(p)]
        if targets:
            return targets
    return []


def _shifted_objects(verb: Token) -> list[Token]:
    """ "denounced *as* a crime *X's crackdown*": an object put after the "as" phrase that
    says what the act calls it, which the parse reads as an apposition of that phrase
    (one set off by a comma describes: "served as envoy, *a post* he ...")."""
    doc = verb.doc
    shifted = (m["object"] for m in below("shifted-object", verb))
    return [appos for appos in shifted if doc[appos.left_edge.i - 1].text != ","]


def _owned_asset(token: Token) -> bool:
    """ "its troops", "their weapons", "some of its forces": a common noun owned by a
    pronoun, other than a noun for another actor ("its ally")."""
    owned = any(c.dep_ == "poss" and c.lower_ in WORDS.OWNERS for c in token.children)
    if owned and token.pos_ == "NOUN" and token.lemma_.lower() not in WORDS.RELATIONAL:
        return True
    # "some of its troops": the quantity stands for what it counts.
    return any(_owned_asset(p) for p in prep_objects(token, frozenset({"of"})))


def _asset_places(asset: Token) -> list[Token]:
    """Where an owned thing is taken from or to, when the parse hangs the place off the
    thing ("its troops from Syria", "their weapons in Iraq"), not off the verb."""
    places = list(prep_objects(asset, _asset_preps()))
    for of in prep_objects(asset, frozenset({"of"})):
        places += prep_objects(of, _asset_preps())
    return places


def is_temporal(token: Token) -> bool:
    """A time phrase: "Sunday", "on Sunday", "on March 31", "in 2019", "this month"."""
    if token.dep_ == "npadvmod":
        return token.lemma_.lower() in WORDS.TEMPORAL
    objects = [c for c in token.children if c.dep_ == "pobj"]
    if not objects:
        return False
    return objects[0].like_num or any(t.lower_ in WORDS.TEMPORAL for t in objects[0].subtree)
