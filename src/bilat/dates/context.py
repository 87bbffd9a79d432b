"""Which way an expression without a year points: back or forward from the anchor.

News reports mostly past events, so "Friday", "Nov. 25" and "in April" default
to the latest such day or month on or before the publication date. The
nearest tense cue decides otherwise: scanning back from the expression within
its sentence (then forward, when nothing before decides), a future marker
("will", "is scheduled to", "planned", "as early as", "until") makes it the
next one on or after the anchor; a past-tense verb ("said", "announced",
"was") keeps it in the past. Without a cue, a past reading that lands more
than three times as far away as the next occurrence takes the next one instead
("a ceremony on March 12" in a February story), but never more than about half
a year ahead. A reading against the cue still wins when it is more than four
times nearer ("the Jan. 14 deadline" in a story of 5 January is nine days
ahead, not a year back). Weekdays, all within a week, follow the cue alone.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from enum import Enum

from bilat.dates.lexicon import DATE_WORDS, SENTENCE_END


class Direction(Enum):
    PAST = "past"
    FUTURE = "future"
    UNKNOWN = "unknown"


_FUTURE_WORDS = frozenset(DATE_WORDS.words("FUTURE_WORDS"))
_PAST_WORDS = frozenset(DATE_WORDS.words("PAST_WORDS"))
_AUXILIARIES = frozenset(DATE_WORDS.words("AUXILIARIES"))
_BE = frozenset(DATE_WORDS.words("BE"))
# Phrases right before the expression that point ahead: "as early as Tuesday".
_FUTURE_BEFORE = re.compile(
    r"(?i)(?:as\s+(?:early|soon|late)\s+as|no\s+later\s+than|(?<=\w\s)until|by|"
    r"set\s+for|scheduled\s+for|planned\s+for|due\s+on)\s+(?:(?:on|the)\s+)?"
    r"(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s*(?:[A-Z]{3}\s+)?)?$"
)
_WORD = re.compile(r"[A-Za-z']+")
_WINDOW = 100  # characters either side: the governing verb is usually close
_TOKENS = 12  # words either side


def direction_at(text: str, start: int, end: int | None = None) -> Direction:
    """PAST, FUTURE, or UNKNOWN when no cue in the sentence decides."""
    before = _sentence_part(text, max(0, start - _WINDOW), start, last=True)
    if _FUTURE_BEFORE.search(before):
        return Direction.FUTURE
    words = _WORD.findall(before)[-_TOKENS:]
    for i in range(len(words) - 1, -1, -1):
        if i and words[i - 1].lower() in _BE:
            continue  # "would be held": a participle, the modal decides
        found = _cue(words[i], strict=False)
        if found is not Direction.UNKNOWN:
            return found
    stop = end if end is not None else start
    after = _sentence_part(text, stop, min(len(text), stop + _WINDOW), last=False)
    for word in _WORD.findall(after)[:_TOKENS]:
        found = _cue(word, strict=True)
        if found is not Direction.UNKNOWN:
            return found
    return Direction.UNKNOWN


def _sentence_part(text: str, lo: int, hi: int, last: bool) -> str:
    window = text[lo:hi]
    ends = list(SENTENCE_END.finditer(window))
    if not ends:
        return window
    return window[ends[-1].end() :] if last else window[: ends[0].start() + 1]


def _cue(word: str, strict: bool) -> Direction:
    """The tense a word signals; after the expression only auxiliaries count as future
    ("On Friday, the government planned ..." is past)."""
    w = word.lower()
    if w in (_AUXILIARIES if strict else _FUTURE_WORDS):
        return Direction.FUTURE
    if w in _PAST_WORDS or (w.endswith("ed") and len(w) > 4 and word[0].islower()):
        return Direction.PAST
    return Direction.UNKNOWN


# Distance weights: a reading against the tense cue counts as this many times further away.
_AGAINST_CUE = 4
_AHEAD_UNCUED = 3


def choose(past: date, future: date, anchor: date, direction: Direction, reach: int = 183) -> date:
    """Pick the past or the future candidate (see the module docstring)."""
    ahead, behind = (future - anchor).days, (anchor - past).days
    if direction is Direction.FUTURE:
        return future if ahead < behind * _AGAINST_CUE else past
    if ahead > reach:
        return past
    weight = _AGAINST_CUE if direction is Direction.PAST else _AHEAD_UNCUED
    return future if ahead * weight < behind else past


def month_day_near(month: int, day: int, anchor: date, direction: Direction) -> date | None:
    """The date of "Nov. 25" nearest the anchor in the given direction."""
    candidates: list[date] = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:  # 29 February in a common year
            continue
    past = [d for d in candidates if d <= anchor]
    future = [d for d in candidates if d >= anchor]
    if not past or not future:
        return past[-1] if past else (future[0] if future else None)
    return choose(past[-1], future[0], anchor, direction)


def month_year_near(month: int, anchor: date, direction: Direction) -> int:
    """The year of "in April": this month counts as both past and future."""
    past = anchor.year if month <= anchor.month else anchor.year - 1
    future = anchor.year if month >= anchor.month else anchor.year + 1
    first = anchor.replace(day=1)
    return choose(date(past, month, 1), date(future, month, 1), first, direction, 213).year


def weekday_near(weekday: int, anchor: date, direction: Direction) -> date:
    """ "Friday" in a story: the anchor itself on a Friday, else the nearest one."""
    if direction is Direction.FUTURE:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)
