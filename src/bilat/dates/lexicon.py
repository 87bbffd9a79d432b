"""Words (resources/dates.yaml) and regex fragments shared by the date rules.

Month and weekday names are matched case-sensitively (Title or UPPER case) so
that "may", "march" and "sun" as ordinary words are not read as dates; every
other keyword is matched case-insensitively through scoped ``(?i:...)`` groups.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bilat.resources.lexicons import load_lexicon

DATES_FILE = "dates.yaml"

# The words are data (resources/dates.yaml), read and checked once, when bilat.dates is
# first imported: the regular expressions below are built from them.
DATE_WORDS = load_lexicon(DATES_FILE)
MONTHS: Mapping[str, int] = DATE_WORDS.ints("MONTHS")
_FULL_MONTHS = [name for name, _ in sorted(MONTHS.items(), key=lambda kv: kv[1]) if len(name) > 4]
_FULL_MONTHS += ["may", "june", "july"]

WEEKDAYS: Mapping[str, int] = DATE_WORDS.ints("WEEKDAYS")
_UNITS = DATE_WORDS.ints("NUMBER_UNITS")
_TENS = DATE_WORDS.ints("NUMBER_TENS")
DECADE_WORDS: Mapping[str, int] = DATE_WORDS.ints("DECADE_WORDS")
ORDINALS: Mapping[str, int] = DATE_WORDS.ints("ORDINALS")


def _cased(words: list[str]) -> str:
    """Title and UPPER case forms, longest first so "Sept" is tried before "Sep"."""
    forms = {w.capitalize() for w in words} | {w.upper() for w in words}
    return "|".join(sorted(forms, key=lambda f: (-len(f), f)))


def month(group: str) -> str:
    """A month name or abbreviation ("Sept.", "Dec") captured as ``group``."""
    abbrevs = [name for name in MONTHS if len(name) <= 4 and name not in ("may", "june", "july")]
    return (
        rf"(?P<{group}>(?:{_cased(_FULL_MONTHS)})(?![A-Za-z])"
        rf"|(?:{_cased(abbrevs)})(?:\.|(?![A-Za-z])))"
    )


def full_month(group: str) -> str:
    """A full month name only: bare abbreviations ("Jan", "Mar") are too ambiguous alone."""
    return rf"(?P<{group}>(?:{_cased(_FULL_MONTHS)}|Sept\.)(?![A-Za-z]))"


def weekday(group: str) -> str:
    return rf"(?P<{group}>{_cased(list(WEEKDAYS))})(?![A-Za-z])"


def day(group: str) -> str:
    """Day of month 1-31 with an optional ordinal suffix, not part of a longer number."""
    return rf"(?<![\d,.$£€#])(?P<{group}>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d%]|[.,]\d)"


def year(group: str) -> str:
    """A four-digit year 1000-2099, not part of a longer number."""
    return rf"(?<![\d,.$£€#/])(?<!\d[-–])(?P<{group}>1\d{{3}}|20\d\d)(?![\d%]|[.,]\d)"


def number_value(word: str) -> int | None:
    """Value of a small cardinal: "11", "eleven", "twenty-three", "a"."""
    w = word.lower().replace("-", " ").split()
    if not w:
        return None
    if len(w) == 1 and w[0].isdigit():
        return int(w[0])
    if w in (["a"], ["an"]):
        return 1
    if len(w) == 1:
        return _UNITS.get(w[0], _TENS.get(w[0]))
    if len(w) == 2 and w[0] in _TENS and w[1] in _UNITS and _UNITS[w[1]] < 10:
        return _TENS[w[0]] + _UNITS[w[1]]
    return None


_UNIT_WORDS = "|".join(sorted(_UNITS, key=len, reverse=True))
_TEN_WORDS = "|".join(_TENS)
NUMBER = rf"(?:\d{{1,3}}|(?:{_TEN_WORDS})(?:[- ](?:{_UNIT_WORDS}))?|{_UNIT_WORDS}|an?)"

# Words before a bare year or month that make it a date ("in 1998", "since April"), and
# the subset strong enough for "May" (the modal verb, Theresa May) and bare years.
TIME_PREPOSITIONS = frozenset(DATE_WORDS.words("TIME_PREPOSITIONS"))
STRONG_PREPOSITIONS = frozenset(DATE_WORDS.words("STRONG_PREPOSITIONS"))

PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"

WORD_BOUNDARY_BEFORE = r"(?<![\w'-])"
WORD_BOUNDARY_AFTER = r"(?![\w-])"

SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]*[A-Z0-9])|\n\s*\n")
