"""Rule 7: noise on real news, events found on pages that are not about politics.

An items file has one JSON object a line: ``doc`` (the document's file name), and
``political`` (true or false); other keys (``category``, ``n_events``) are ignored.
Only events between two different actor codes count (``Event.dyad``), the events that
document-event gold (rule 6) could contain.

* ``nonpolitical_share``: of the items marked not political, the share that yield at
  least one such event; ``nonpolitical_events_per_100``: those events per 100 such items;
* ``political_share``: of the items marked political, the share that yield at least one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilat.errors import ResourceInvalid
from bilat.evaluation.metrics import ratio
from bilat.records import Event


@dataclass(frozen=True, slots=True)
class TopicItem:
    doc: str
    political: bool


def load_items(path: Path) -> list[TopicItem]:
    """Read the items JSONL; blank lines are skipped."""
    items: list[TopicItem] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            political = raw["political"]
            if not isinstance(political, bool):
                raise ValueError("political must be true or false")
            items.append(TopicItem(str(raw["doc"]), political))
        except (KeyError, ValueError, TypeError) as exc:
            raise ResourceInvalid(f"{path}:{number}: {exc}") from exc
    return items


@dataclass(frozen=True, slots=True)
class NoiseResult:
    n_items: int
    n_nonpolitical: int
    nonpolitical_hit: int
    nonpolitical_events: int
    n_political: int
    political_hit: int
    noisy: tuple[tuple[str, Event], ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "n_items": self.n_items,
            "n_nonpolitical": self.n_nonpolitical,
            "nonpolitical_share": ratio(self.nonpolitical_hit, self.n_nonpolitical),
            "nonpolitical_events_per_100": 100
            * ratio(self.nonpolitical_events, self.n_nonpolitical),
            "political_share": ratio(self.political_hit, self.n_political),
        }


def score_noise(items: Sequence[TopicItem], events: Mapping[str, Sequence[Event]]) -> NoiseResult:
    """Score the events found per item document (``events`` keyed by ``doc``)."""
    nonpolitical = [i for i in items if not i.political]
    political = [i for i in items if i.political]

    def between_states(item: TopicItem) -> list[Event]:
        return [e for e in events.get(item.doc, ()) if e.dyad is not None]

    noisy = tuple((i.doc, e) for i in nonpolitical for e in between_states(i))
    return NoiseResult(
        n_items=len(items),
        n_nonpolitical=len(nonpolitical),
        nonpolitical_hit=sum(bool(between_states(i)) for i in nonpolitical),
        nonpolitical_events=len(noisy),
        n_political=len(political),
        political_hit=sum(bool(between_states(i)) for i in political),
        noisy=noisy,
    )
