"""Rule 6: document events against a gold JSONL, one event a line.

A predicted event matches a gold one when all of these hold:

* same document (the predicted mapping is keyed by document file name);
* same PLOVER type (ignored for the ``untyped`` figures);
* same unordered pair of actor codes (``Event.dyad``: both sides resolved, and
  to different codes);
* the date agrees at the gold's granularity: a null gold date matches
  anything, a predicted event without a date fails any other, and otherwise
  ``DateSpan.agrees_with`` decides ("2021-09" takes any day of that month,
  "195" any date in the 1950s);
* the predicted evidence sentence contains the gold quote, compared after
  Unicode NFKC, folding curly quotes and dashes to ASCII, collapsing
  whitespace and ignoring case.

Matching is one-to-one and maximum (augmenting paths), per document; gold
items are tried in file order and predicted events in the order given, so the
result is deterministic. Every predicted event counts, including those of
documents with no gold event.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilat.errors import ResourceInvalid
from bilat.evaluation.metrics import PRF, max_matching
from bilat.records import Event, EventType, Status

_ISO_DATE = re.compile(r"\d{3}|\d{4}(-\d{2}(-\d{2})?)?")
_FOLD = str.maketrans({"‘": "'", "’": "'", "ʼ": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event; ``actors`` is the sorted pair of codes."""

    doc: str
    type: EventType
    actors: tuple[str, str]
    date: str | None
    status: Status
    quote: str
    line: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "type": self.type.value,
            "actors": list(self.actors),
            "date": self.date,
            "status": self.status.value,
            "quote": self.quote,
            "line": self.line,
        }


def gold_from_json(raw: Mapping[str, Any], line: int = 0) -> GoldEvent:
    """Validate one gold line; raises ValueError saying what is wrong."""
    actors = raw.get("actors")
    if not isinstance(actors, list) or len(actors) != 2 or actors[0] == actors[1]:
        raise ValueError("actors must be a pair of different codes")
    a, b = (str(code).strip().upper() for code in actors)
    date = raw.get("date")
    if date is not None and not (isinstance(date, str) and _ISO_DATE.fullmatch(date)):
        raise ValueError(f"date {date!r} is not ISO (2021, 2021-09, 2021-09-30, 195) or null")
    quote = raw.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        raise ValueError("quote must be a non-empty string")
    return GoldEvent(
        doc=str(raw["doc"]),
        type=EventType(raw["type"]),
        actors=(a, b) if a <= b else (b, a),
        date=date,
        status=Status(raw.get("status", "occurred")),
        quote=quote,
        line=line,
    )


def load_gold(path: Path) -> list[GoldEvent]:
    """Read the gold JSONL; blank lines are skipped."""
    gold: list[GoldEvent] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            gold.append(gold_from_json(json.loads(line), number))
        except (KeyError, ValueError, TypeError) as exc:
            raise ResourceInvalid(f"{path}:{number}: {exc}") from exc
    return gold


def normalise_text(text: str) -> str:
    """The form quotes and sentences are compared in."""
    folded = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return " ".join(folded.split()).casefold()


def date_agrees(gold: str | None, event: Event) -> bool:
    if gold is None:
        return True
    return event.date is not None and event.date.agrees_with(gold)


def matches(gold: GoldEvent, event: Event, *, typed: bool = True) -> bool:
    """Whether ``event`` (from ``gold.doc``) matches ``gold`` under rule 6."""
    return (
        (not typed or event.type is gold.type)
        and event.dyad == gold.actors
        and date_agrees(gold.date, event)
        and normalise_text(gold.quote) in normalise_text(event.evidence.sentence)
    )


def _describe(doc: str, event: Event) -> dict[str, Any]:
    return {
        "doc": doc,
        "type": event.type.value,
        "actors": [event.source.code, event.target.code if event.target else None],
        "date": event.date.iso() if event.date else None,
        "status": event.status.value,
        "sentence": event.evidence.sentence,
    }


@dataclass(frozen=True, slots=True)
class EventsResult:
    """Figures of rule 6 with the details of the typed matching."""

    n_gold: int
    n_pred: int
    typed: PRF
    untyped: PRF
    matched: tuple[tuple[GoldEvent, str, Event], ...]
    missed: tuple[GoldEvent, ...]
    spurious: tuple[tuple[str, Event], ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "n_gold": self.n_gold,
            "n_pred": self.n_pred,
            **self.typed.as_dict(),
            "untyped": self.untyped.as_dict(),
        }

    def details(self) -> dict[str, list[dict[str, Any]]]:
        """JSON-ready lists for debugging: matched pairs, missed gold, spurious predictions."""
        return {
            "matched": [
                {"gold": g.as_dict(), "predicted": _describe(d, e)} for g, d, e in self.matched
            ],
            "missed": [g.as_dict() for g in self.missed],
            "spurious": [_describe(d, e) for d, e in self.spurious],
        }


def score_events(
    gold: Sequence[GoldEvent], predicted: Mapping[str, Sequence[Event]]
) -> EventsResult:
    """Match ``predicted`` (document file name -> events) against ``gold``."""
    docs = list(dict.fromkeys([g.doc for g in gold] + list(predicted)))
    matched: list[tuple[GoldEvent, str, Event]] = []
    missed: list[GoldEvent] = []
    spurious: list[tuple[str, Event]] = []
    untyped_tp = 0
    for doc in docs:
        golds = [g for g in gold if g.doc == doc]
        events = list(predicted.get(doc, ()))
        pairs = max_matching(golds, events, matches)
        hit_gold = {i for i, _ in pairs}
        hit_pred = {j for _, j in pairs}
        matched.extend((golds[i], doc, events[j]) for i, j in pairs)
        missed.extend(g for i, g in enumerate(golds) if i not in hit_gold)
        spurious.extend((doc, e) for j, e in enumerate(events) if j not in hit_pred)
        untyped_tp += len(max_matching(golds, events, lambda g, e: matches(g, e, typed=False)))
    n_gold = len(gold)
    n_pred = sum(len(events) for events in predicted.values())
    tp = len(matched)
    return EventsResult(
        n_gold=n_gold,
        n_pred=n_pred,
        typed=PRF(tp, n_pred - tp, n_gold - tp),
        untyped=PRF(untyped_tp, n_pred - untyped_tp, n_gold - untyped_tp),
        matched=tuple(matched),
        missed=tuple(missed),
        spurious=tuple(spurious),
    )
