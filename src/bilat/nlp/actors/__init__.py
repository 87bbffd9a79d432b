"""The actors stage: text in, resolved actor mentions out.

``ActorResolver.find_mentions(text, when)`` is the stage's one entry point: the knowledge
base (``kb``, read and checked by ``schema``), the name trie (``gazetteer``), misspellings
(``spelling``), names of several states (``ambiguous``) and the reading of chains of names
and titles (``mentions``) serve it. ``eras`` says which state a name meant at a date and
``agents`` what kind of thing a phrase denotes (people, organisations or neither).
"""

from bilat.nlp.actors.resolver import ActorResolver

__all__ = ["ActorResolver"]
