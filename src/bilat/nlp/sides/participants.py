"""What the sides stage gives for one event: its sides, how sure, and the rule that found them."""

from __future__ import annotations

from dataclasses import dataclass

from bilat.records import Mention


@dataclass(frozen=True, slots=True)
class Participants:
    """Resolved sides of one event and how sure the resolution is.

    ``rule`` names the side rule that decided (``bilat.nlp.sides.rules``), with the steps
    that changed a side after it ("subject-object+one-country"): the event's provenance.
    """

    source: Mention
    target: Mention | None
    symmetric: bool
    confidence: float
    # Further (source, target) pairs of coordinated actors, one event each.
    also: tuple[tuple[Mention, Mention | None], ...] = ()
    rule: str = ""
