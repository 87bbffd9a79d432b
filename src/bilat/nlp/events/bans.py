"""A ban one state lays on another's people, goods or carriers ("Ukraine bans Russian
airlines", "a ban on Japanese seafood") curtails the exchanges between them: PLOVER
SANCTION. A ban at home ("bans the opposition party") stays COERCE (restrict)."""

from __future__ import annotations

from bilat.nlp.events.lexicon import Sense
from bilat.nlp.events.triggers import Trigger
from bilat.nlp.sides.participants import Participants
from bilat.nlp.words import Words
from bilat.records import EventType

WORDS = Words("events")  # resources/words.yaml, section events
DOMESTIC_BAN: Sense = (EventType.COERCE, "restrict")
FOREIGN_BAN: Sense = (EventType.SANCTION, None)


def ban_sense(trigger: Trigger, sense: Sense, found: Participants) -> Sense:
    """SANCTION for a ban between two different actors, the lexicon's sense otherwise."""
    if sense != DOMESTIC_BAN or trigger.token.lemma_.lower() not in WORDS.BANS:
        return sense
    source, target = found.source.code, found.target.code if found.target else None
    return FOREIGN_BAN if source and target and source != target else sense
