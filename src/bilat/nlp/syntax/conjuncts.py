"""Walking coordinations in a dependency parse."""

from __future__ import annotations

from spacy.tokens import Token


def first_conjunct(token: Token) -> Token:
    """The first member of the coordination ``token`` is in ("Iraq" for "Syria" in
    "against Iraq and Syria"; the token itself when it is not a later conjunct)."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first
