"""Sport pages: country names there are national teams, not states (resources/sport.yaml).

A page that speaks the language of sport (at least ``min_cues`` different words only
sport reporting uses) reports fixtures and results. Its events between two bare country
names are dropped; an event with a government, military or person side ("President
Putin congratulated the team") stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import yaml

from bilat.errors import ResourceInvalid
from bilat.records import Event, Mention

WORD = re.compile(r"[a-z][a-z-]*")


@dataclass(frozen=True, slots=True)
class SportCues:
    words: frozenset[str]
    min_cues: int

    @staticmethod
    def load() -> SportCues:
        text = resources.files("bilat.resources").joinpath("sport.yaml").read_text("utf-8")
        data = yaml.safe_load(text)
        cues, least = (data or {}).get("cues"), (data or {}).get("min_cues")
        if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
            raise ResourceInvalid("sport.yaml: cues must be a list of words")
        if not isinstance(least, int) or least < 1:
            raise ResourceInvalid("sport.yaml: min_cues must be a positive whole number")
        return SportCues(frozenset(c.lower() for c in cues), least)

    def reports_sport(self, text: str) -> bool:
        """Whether the text uses at least ``min_cues`` different sport words."""
        found = {w for w in WORD.findall(text.lower()) if w in self.words}
        return len(found) >= self.min_cues


def _team(side: Mention | None) -> bool:
    """A side named only as a country (no office, armed force or person): a team."""
    return side is not None and side.actor is not None and side.actor.sector is None


def without_fixtures(events: Sequence[Event], text: str, cues: SportCues) -> list[Event]:
    """The events of a page, minus those between two teams when the page reports sport."""
    if not events or not cues.reports_sport(text):
        return list(events)
    return [e for e in events if not (_team(e.source) and _team(e.target))]
