"""The sides stage's entry point: a trigger's arguments in, its resolved sides out."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from bilat.nlp.sides.participants import Participants
from bilat.nlp.sides.phrases import SidePhrases
from bilat.nlp.sides.reading import read_arguments
from bilat.nlp.sides.rules import decide
from bilat.nlp.syntax.roles import Arguments
from bilat.records import Actor, Mention


class ParticipantFinder:
    """Finds the sides of the acts of one sentence, by the side rules in order."""

    def __init__(
        self,
        mentions: Sequence[Mention],
        pair: tuple[Actor, Actor] | None,
        blocked: Sequence[tuple[int, int]] = (),
        context: Sequence[Mention] = (),
    ) -> None:
        # ``blocked``: character ranges that cannot be actors ("On 1 December");
        # ``context``: the mentions of the sentence's paragraph.
        self.phrases = SidePhrases(mentions, pair, blocked, context)

    def find(self, args: Arguments, trigger: Token) -> Participants | None:
        """Source, target and symmetry of the event ``trigger`` states, or None."""
        return decide(read_arguments(self.phrases, args, trigger))
