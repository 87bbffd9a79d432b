"""Where an actor's phrase begins and ends: the text span a role names, from its head token.

The span runs over the head's modifiers, compounds and "of"/"in"/"by" phrases to its
right, and stops before clauses, participles, time and place phrases, phrases of
circumstance or topic and descriptive appositions, so that it ends on the actor's head
(rule 2 of ../shared/eval scores spans by their last token).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from bilat.nlp.patterns import below
from bilat.nlp.syntax.antecedents import SUBJECTS
from bilat.nlp.syntax.recipients import is_temporal
from bilat.nlp.words import Words

WORDS = Words("syntax")  # resources/words.yaml, section syntax

# Dependents that open a new clause: their actors are not the argument's.
CLAUSAL = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct"})
# Where a role's phrase stops on the right of its head; "acl" is a participle or
# infinitive with a verb of its own ("a resolution *presented by Britain*").
SPAN_STOPS = frozenset(
    {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "conj", "cc"}
)


def act_agent(head: Token) -> Token | None:
    """Who does the act a noun names: its owner ("Serbia's crackdown", not "its"), else
    its "by" phrase, on the noun or on a participle describing it ("crimes committed by
    X"); None for a noun not for an act, or an act nobody is named doing."""
    if head.lemma_.lower() not in WORDS.ACTS:
        return None
    owners = [c for c in head.children if c.dep_ == "poss" and c.lower_ not in WORDS.OWNERS]
    if owners:
        return owners[0]
    found = below("act-by-agent", head) or below("act-by-agent-of-participle", head)
    return found[0]["agent"] if found else None


def phrase_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by ``head``, without clauses hanging off it."""
    out = [head]
    for child in head.children:
        if child.dep_ not in CLAUSAL:
            out.extend(phrase_tokens(child))
    return sorted(out, key=lambda t: t.i)


def naming_tokens(head: Token) -> list[Token]:
    """Tokens that may name the actor of a phrase: everything left of the head, and
    appositions, compounds and "of" phrases to its right ("Secretary of the Security
    Council of Russia Nikolai Patrushev"), but no clauses or other prepositions."""
    out = [head]
    for child in head.children:
        if child.i < head.i or child.dep_ in ("appos", "compound", "flat", "nmod", "npadvmod"):
            out.extend(t for t in child.subtree)
        elif child.dep_ == "prep" and child.lower_ == "of":
            out.extend(t for t in child.subtree if t.dep_ not in CLAUSAL)
    return sorted(out, key=lambda t: t.i)


def core_span(head: Token) -> Span:
    """The phrase from its left edge up to the head: "the Croatian government's request"."""
    left = min((t.i for t in phrase_tokens(head) if t.i <= head.i), default=head.i)
    while left < head.i and head.doc[left].is_punct:
        left += 1
    return head.doc[left : head.i + 1]


def role_span(head: Token, located: bool = True) -> Span:
    """The whole phrase an actor role names: its words before the head, and after it the
    modifiers, "of"/"in"/"by" phrases and appositions ("rebels loyal to Machar", "the
    enclave of Eastern Ghouta", "Aya Hijazi, an American aid worker"), without
    coordinated phrases, places around it or clauses with a verb of their own. Unless
    ``located``, without the place the head is at either ("the Peruvian envoy *in Lima*"):
    for a head whose own words name the actor, where it is says nothing more of who."""
    left = core_span(head).start
    right = head.i
    stack = [
        c
        for c in head.children
        if c.i > head.i
        and _in_span(c)
        and (located or c.dep_ != "prep" or c.lower_ not in WORDS.SITES)
        and not _topic(head, c)
    ]
    while stack:
        token = stack.pop()
        right = max(right, token.i)
        stack.extend(c for c in token.children if _in_span(c) or c.dep_ == "conj")
    doc = head.doc
    while right > head.i and doc[right].is_punct:
        right -= 1
    right = _possessed_end(doc, right)
    # "Nigerian Air Force ( NAF )": an opened bracket closes inside the phrase.
    words = [t.text for t in doc[left : right + 1]]
    if words.count("(") > words.count(")") and right + 1 < len(doc) and doc[right + 1].text == ")":
        right += 1
    return doc[left : right + 1]


def is_saying(head: Token) -> bool:
    """A text or a saying, whose "on"/"about" phrase is its topic ("comments on X")."""
    return head.lemma_.lower() in WORDS.DOCUMENTS | WORDS.SAYINGS


def _topic(head: Token, child: Token) -> bool:
    """What a text or a saying is about: "comments *on farm seizures*", "a resolution *on
    weapons*" say what, not whose (unlike "sanctions on Iran")."""
    return child.dep_ == "prep" and child.lower_ in WORDS.TOPIC_PREPS and is_saying(head)


def _possessed_end(doc: Doc, right: int) -> int:
    """Where the phrase ends when its last word is the owner in a possessive written
    "Japan ’ s right": the parser reads the spaced curly "’ s" as a verb, so the owned
    noun (and an "of" complement after it) is found by its words, as "'s" would be."""
    if right + 2 >= len(doc) or doc[right + 1].text != "’" or doc[right + 2].lower_ != "s":
        return right
    end = _noun_run_end(doc, right + 3)
    if end is None:
        return right
    if end + 1 < len(doc) and doc[end + 1].lower_ == "of":
        end = _noun_run_end(doc, end + 2) or end
    return end


def _noun_run_end(doc: Doc, start: int) -> int | None:
    """The last noun of the words from ``start`` that can make up a noun phrase
    ("the internationally recognized government"), or None if there is none."""
    end = None
    for token in doc[start:]:
        if token.pos_ in ("NOUN", "PROPN"):
            end = token.i
        elif token.pos_ not in ("DET", "ADJ", "ADV", "NUM") and token.tag_ != "VBN":
            break
    return end


def _in_span(token: Token) -> bool:
    """Whether a dependent to the right stays in a role's phrase: not a clause, not a
    participle or infinitive ("the decision *to recognise* ...", "two guards *held
    captive*"), not a time ("IDF troops *on Sunday*"), not a place around the actor
    ("the region *near Damascus*") and not a circumstance ("civilians *as* shields"):
    the phrase should end on its head word."""
    if token.dep_ in SPAN_STOPS or _description(token) or _misread_speaker(token):
        return False
    if token.dep_ == "prep" and token.lower_ in WORDS.PLACE_PREPS | WORDS.CIRCUMSTANCE_PREPS:
        return False
    return not (token.dep_ in ("prep", "npadvmod") and is_temporal(token))


def _description(token: Token) -> bool:
    """An apposition set off by a comma that describes the actor rather than naming it or
    its post: "Haifa, *Israel's third largest city*", "the fund, *a pooled fund*". One
    coordinated further on is a list the parse misread ("A, a few parties and B")."""
    if token.dep_ != "appos" or token.pos_ != "NOUN" or token.lemma_.lower() in WORDS.OFFICES:
        return False
    if any(c.dep_ == "conj" for c in token.children):
        return False
    start = token.left_edge.i
    return start > 0 and token.doc[start - 1].text == ","


def _misread_speaker(token: Token) -> bool:
    """ "... from Syria, Defence Minister X said": an apposition followed by a saying verb
    with no subject of its own is that verb's subject, misread as the apposition."""
    after = token.right_edge.i + 1
    if token.dep_ != "appos" or after >= len(token.doc):
        return False
    verb = token.doc[after]
    return verb.lemma_.lower() in WORDS.SAYING and not any(
        c.dep_ in SUBJECTS for c in verb.children
    )
