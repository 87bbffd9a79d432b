"""Sport pages: country names there are national teams, not states.

A page that speaks the language of sport (at least ``MIN_SPORT_CUES`` different words of
the list SPORT in resources/words.yaml, words only sport reporting uses) reports fixtures
and results. Its events between two bare country names are dropped; an event with a
government, military or person side ("President Putin congratulated the team") stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bilat.nlp.words import Words
from bilat.records import Event, Mention

WORDS = Words("events")  # resources/words.yaml, section events
# One sport word is no sign: politics has stadiums and golf courses too.
MIN_SPORT_CUES = 3
WORD = re.compile(r"[a-z][a-z-]*")


def reports_sport(text: str) -> bool:
    """Whether the text uses at least ``MIN_SPORT_CUES`` different sport words."""
    found = {w for w in WORD.findall(text.lower()) if w in WORDS.SPORT}
    return len(found) >= MIN_SPORT_CUES


def _team(side: Mention | None) -> bool:
    """A side named only as a country (no office, armed force or person): a team."""
    return side is not None and side.actor is not None and side.actor.sector is None


def without_fixtures(events: Sequence[Event], text: str) -> list[Event]:
    """The events of a page, minus those between two teams when the page reports sport."""
    if not events or not reports_sport(text):
        return list(events)
    return [e for e in events if not (_team(e.source) and _team(e.target))]
