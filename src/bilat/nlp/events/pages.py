"""Pages about something else than politics: sport and markets.

A page speaks a trade's language when it uses at least ``MIN_CUES`` different words of
that trade's list in resources/words.yaml (words only that trade's reporting uses; one
word is no sign, politics has stadiums and stock markets too):

* on a page that reports sport (SPORT), country names are national teams: its events
  between two bare country names are fixtures and results, and go; an event with a
  government, military or person side ("President Putin congratulated the team") stays;
* a page that reports markets (MARKETS: indices, traders, earnings) tells prices and
  company results; the politics it mentions is what moved them, told in passing, and
  its events go (rule 7 of the evaluation: such pages yield no events).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bilat.nlp.words import Words
from bilat.records import Event, Mention

WORDS = Words("events")  # resources/words.yaml, section events
MIN_CUES = 3
WORD = re.compile(r"[a-z][a-z&-]*")


def _speaks(text: str, cues: frozenset[str]) -> bool:
    found = {w for w in WORD.findall(text.lower()) if w in cues}
    return len(found) >= MIN_CUES


def reports_sport(text: str) -> bool:
    """Whether the text uses at least ``MIN_CUES`` different sport words."""
    return _speaks(text, WORDS.SPORT)


def reports_markets(text: str) -> bool:
    """Whether the text uses at least ``MIN_CUES`` different words of market reporting."""
    return _speaks(text, WORDS.MARKETS)


def _team(side: Mention | None) -> bool:
    """A side named only as a country (no office, armed force or person): a team."""
    return side is not None and side.actor is not None and side.actor.sector is None


def off_topic_dropped(events: Sequence[Event], text: str) -> list[Event]:
    """The events of a page, minus fixtures on a sport page and all on a markets page."""
    if not events:
        return []
    if reports_markets(text):
        return []
    if reports_sport(text):
        return [e for e in events if not (_team(e.source) and _team(e.target))]
    return list(events)
