"""Words and regex fragments shared by the date rules.

Month and weekday names are matched case-sensitively (Title or UPPER case) so
that "may", "march" and "sun" as ordinary words are not read as dates; every
other keyword is matched case-insensitively through scoped ``(?i:...)`` groups.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_FULL_MONTHS = [name for name, _ in sorted(MONTHS.items(), key=lambda kv: kv[1]) if len(name) > 4]
_FULL_MONTHS += ["may", "june", "july"]

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
DECADE_WORDS: dict[str, int] = {
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
}
ORDINALS: dict[str, int] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": 4,
    "final": 4,
}


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

# Words before a bare year or month that make it a date ("in 1998", "since April").
TIME_PREPOSITIONS = frozenset(
    [
        "in",
        "since",
        "by",
        "until",
        "till",
        "through",
        "throughout",
        "during",
        "from",
        "to",
        "between",
        "before",
        "after",
        "around",
        "circa",
        "about",
        "early",
        "late",
        "mid",
        "of",
        "and",
        "or",
        "for",
        "as",
        "than",
        "last",
        "this",
        "next",
        "that",
        "the",
        "a",
        "an",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
    ]
)
# The subset strong enough for "May" (the modal verb, Theresa May) and bare years.
STRONG_PREPOSITIONS = frozenset(
    [
        "in",
        "since",
        "by",
        "until",
        "till",
        "through",
        "throughout",
        "during",
        "from",
        "before",
        "after",
        "around",
        "circa",
        "early",
        "late",
        "mid",
        "last",
        "this",
        "next",
        "between",
    ]
)

PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"

WORD_BOUNDARY_BEFORE = r"(?<![\w'-])"
WORD_BOUNDARY_AFTER = r"(?![\w-])"

SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]*[A-Z0-9])|\n\s*\n")
