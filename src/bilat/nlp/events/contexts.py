"""PLOVER contexts of an event, from cue words in its sentence (resources/contexts.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import yaml

from bilat.errors import ResourceInvalid

# Analyst-facing sectors, each a group of PLOVER contexts.
SECTORS: dict[str, tuple[str, ...]] = {
    "defence": ("military", "cbrn"),
    "energy": ("natural_resource",),
    "trade": ("economic",),
    "diplomacy": ("diplomatic",),
    "security": ("terrorism", "intelligence", "cyber", "illegal_drugs", "crime", "territory"),
    "health": ("health",),
}


@dataclass(frozen=True, slots=True)
class ContextCues:
    """One compiled pattern per context."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]

    @classmethod
    def load(cls) -> ContextCues:
        text = resources.files("bilat.resources").joinpath("contexts.yaml").read_text("utf-8")
        data = yaml.safe_load(text)
        if not isinstance(data, dict):
            raise ResourceInvalid("contexts.yaml: expected a mapping of context -> cue words")
        patterns = []
        for context, cues in data.items():
            if not cues:
                continue
            alternation = "|".join(re.escape(str(c)) for c in sorted(cues, key=len, reverse=True))
            patterns.append((str(context), re.compile(rf"\b(?:{alternation})", re.IGNORECASE)))
        return cls(tuple(patterns))

    def contexts(self, text: str) -> tuple[str, ...]:
        """The contexts whose cues occur in ``text``, in file order."""
        return tuple(name for name, pattern in self.patterns if pattern.search(text))


def sector_of(context: str) -> str | None:
    """The analyst sector a PLOVER context belongs to, if any."""
    for sector, members in SECTORS.items():
        if context in members:
            return sector
    return None
