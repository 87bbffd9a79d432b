"""Hand-built spaCy Docs: parse trees written out, so logic tests need no model.

The records over them (mentions) come from tests/factories.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import spacy
from spacy.tokens import Doc

import factories
from bilat.nlp.facts import DatedText, DocFacts
from bilat.records import Mention

_VOCAB = spacy.blank("en").vocab


def parsed(tokens: Sequence[tuple[str, int, str, str, str]], starts: Sequence[int] = (0,)) -> Doc:
    """Tokens as (text, head index, dep, pos, lemma); tags follow from pos and text.
    ``starts`` are the indices of the tokens that begin sentences."""
    words = [t[0] for t in tokens]
    spaces = [
        i + 1 < len(tokens) and tokens[i + 1][0] not in (".", ",", "'s") for i in range(len(tokens))
    ]
    tags = [_tag(t[0], t[3], t[4]) for t in tokens]
    doc = Doc(
        _VOCAB,
        words=words,
        spaces=spaces,
        heads=[t[1] for t in tokens],
        deps=[t[2] for t in tokens],
        pos=[t[3] for t in tokens],
        lemmas=[t[4] for t in tokens],
        tags=tags,
        sent_starts=[i in starts for i in range(len(tokens))],
    )
    return doc


def _tag(text: str, pos: str, lemma: str) -> str:
    if pos == "VERB":
        if text.endswith("ing"):
            return "VBG"
        if text.endswith("ed") or (text.lower() != lemma and not text.endswith("s")):
            return "VBD"  # "signed", and irregular pasts: "held", "met"
        return "VBZ" if text.lower() == f"{lemma}s" or text.endswith("es") else "VB"
    plural = pos in ("NOUN", "PROPN") and lemma != text and text.endswith("s")
    if plural:  # "Albanians" (lemma "Albanian") is NNPS, "Paris" (lemma "Paris") is not
        return "NNPS" if pos == "PROPN" else "NNS"
    return {"PROPN": "NNP", "NOUN": "NN", "AUX": "MD", "PUNCT": "."}.get(pos, "XX")


def mention(doc: Doc, word: str, code: str, nth: int = 0) -> Mention:
    """A Mention over the nth token spelled ``word``, resolved to ``code``."""
    token = [t for t in doc if t.text == word][nth]
    return factories.mention(code, word, token.idx, name=code)


def facts(
    doc: Doc,
    mentions: Sequence[Mention],
    dates: Sequence[DatedText] = (),
    anchor: date | None = date(2021, 12, 15),
) -> DocFacts:
    """What the facts component would have found: the given mentions and dates."""
    return DocFacts("a1", anchor, tuple(mentions), tuple(dates), ())
