"""Amounts in text: money in an ISO currency, and counted things (doses, MW, troops).

``find_amounts`` owns the scale words (thousand, million, mn, m, billion, bn,
b, trillion, tn, crore = 1e7, lakh = 1e5, k): "US$ 989.23 million" is
989,230,000 USD. Money needs a currency sign, code or name next to the number;
a count needs a noun from a short list of things relations are made of
(troops, doses, barrels, MW, aircraft ...), with at most three modifiers
between ("50,000 Covid-19 vaccine doses"). A bare number is never an amount,
so years, percentages, ordinals, ages and issue numbers ("CWA # 1189") are
not read as amounts.

``value_usd`` is exact for US dollars. Other currencies convert at approximate
2021 annual average exchange rates (``USD_PER_UNIT``); a currency not in that
table gets ``None``. "Rs" and bare "rupees" are Pakistani when the text
mentions Pakistan more than India, Sri Lankan or Nepalese likewise, and Indian
otherwise. A range ("$2-3 billion") is read as its lower bound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from bilat.records import Amount
from bilat.resources.lexicons import load_lexicon

# The words and tables are data (resources/money.yaml), read and checked once, when this
# module is first imported: the regular expressions below are built from them.
_MONEY_WORDS = load_lexicon("money.yaml")
# Approximate 2021 annual averages, US dollars per unit of each currency.
USD_PER_UNIT: dict[str, Decimal] = {
    code: Decimal(rate) for code, rate in _MONEY_WORDS.strings("USD_PER_UNIT").items()
}
SCALES: dict[str, Decimal] = {w: Decimal(n) for w, n in _MONEY_WORDS.ints("SCALES").items()}
# Signs and codes written before the number. "Rs" is resolved per text.
_SIGNS = _MONEY_WORDS.strings("SIGNS")
_CODES = frozenset(USD_PER_UNIT) | {"RMB"}
# Currency names written after the number (or before it: "rupees 300 crore").
_NAMES = _MONEY_WORDS.strings("CURRENCY_NAMES")

# Counted things, as plural nouns; each is also found in the singular ("1 helicopter").
_PLURALS = _MONEY_WORDS.words("COUNTED_PLURALS")
_SYMBOLS = _MONEY_WORDS.words("UNIT_SYMBOLS")
# Surface form -> unit: plural nouns, their singulars, and standard symbols.
_COUNT_NOUNS: dict[str, str] = {
    **{w.removesuffix("s"): w for w in _PLURALS if w.endswith("s") and not w.endswith("ses")},
    **{w: w for w in _PLURALS},
    **{w: w for w in _SYMBOLS},
    **_MONEY_WORDS.strings("IRREGULAR_UNITS"),
}
# Measured rather than counted: fractions are normal ("1.5 tonnes").
_MEASURES = frozenset((*_MONEY_WORDS.words("MEASURES"), *_SYMBOLS))

_WORD_UNITS = {w: i for i, w in enumerate(_MONEY_WORDS.words("NUMBER_UNITS"))}
_WORD_TENS = {w: 10 * (i + 2) for i, w in enumerate(_MONEY_WORDS.words("NUMBER_TENS"))}
_SMALL_WORD = (
    rf"(?:(?:{'|'.join(_WORD_TENS)})(?:[- ](?:{'|'.join(list(_WORD_UNITS)[1:10])}))?"
    rf"|{'|'.join(sorted(_WORD_UNITS, key=len, reverse=True))}|a|an|half\s+a|a\s+dozen|dozen)"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?"
_NUM = (
    rf"(?:(?P<digits>{_DIGITS})(?:\s*(?:-|–|to)\s*{_DIGITS})?"
    rf"|(?P<words>(?i:{_SMALL_WORD})(?:\s+(?i:hundred))?))(?![\d%])"
)
# A scale word after a space, longest first; a one-letter scale only right after digits.
_SCALE_WORDS = "|".join(sorted((w for w in SCALES if len(w) > 1), key=len, reverse=True))
_SCALE = (
    rf"(?:\s*(?P<scale>(?i:{_SCALE_WORDS}))(?![\w])"
    rf"|(?<=\d)(?P<tight>[{''.join(w for w in SCALES if len(w) == 1)}])(?![\w]))"
)
_SIGN_RE = "|".join(re.escape(s) for s in sorted(_SIGNS, key=len, reverse=True))
_CODE_RE = "|".join(sorted(_CODES))
_NAME_RE = "|".join(
    re.escape(n).replace(r"\ ", r"\s+") + "s?" for n in sorted(_NAMES, key=len, reverse=True)
)
_COUNT_RE = "|".join(
    re.escape(n).replace(r"\ ", r"\s+") for n in sorted(_COUNT_NOUNS, key=len, reverse=True)
)
_FUNCTION = (
    r"(?:of|and|or|the|a|an|to|in|on|at|for|from|by|with|were|was|are|is|have|had|has|"
    r"per|cent|percent|years?|days?|months?|weeks?|hours?|old|more|than|about|over)"
)

# Not inside a longer number, word or model name ("A4", "1.5", "#1189", "Mi-35").
_START = r"(?<![\w,#/])(?<!\d\.)(?<!\w-)"
_MONEY = re.compile(
    _START + rf"(?:(?P<sign>{_SIGN_RE})\s?|(?<![A-Za-z])(?P<code>{_CODE_RE})\s?(?![A-Za-z])"
    rf"|(?P<pre_name>(?i:rupees))\s)?"
    rf"{_NUM}{_SCALE}?"
    rf"(?:(?:\s+(?i:of))?\s*(?:(?P<post_code>{_CODE_RE})(?![A-Za-z])"
    rf"|(?P<post_name>(?i:{_NAME_RE}))(?![\w])))?"
)
_COUNT = re.compile(
    _START + rf"{_NUM}{_SCALE}?(?:\s+(?P<mods>(?:(?!{_FUNCTION}\b)[A-Za-z][\w-]*\s+){{0,3}}))?"
    rf"\s*(?P<noun>{_COUNT_RE})(?![\w])"
)
_NOT_A_COUNT = re.compile(
    r"(?i)(?:#|\bno\.?|\bnumber|\bpage|\bsection|\barticle|\bchapter|\bissue|\bvol\.?|"
    r"\bresolution|\bin|\bsince|\bby|\bduring|\buntil)\s*$"
)


@dataclass(frozen=True, slots=True)
class AmountMatch:
    """An amount found in a text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    amount: Amount


def find_amounts(text: str) -> list[AmountMatch]:
    """Money and counted quantities in ``text``, sorted and never overlapping."""
    rupee = _rupee_code(text)
    found: list[AmountMatch] = []
    for m in _MONEY.finditer(text):
        amount = _money(m, rupee)
        if amount is not None:
            found.append(AmountMatch(m.start(), m.end(), m.group(), amount))
    for m in _COUNT.finditer(text):
        amount = _count(text, m)
        if amount is not None:
            found.append(AmountMatch(m.start(), m.end(), m.group(), amount))
    found.sort(key=lambda a: (a.start - a.end, a.start))
    kept: list[AmountMatch] = []
    for a in found:
        if all(a.end <= k.start or k.end <= a.start for k in kept):
            kept.append(a)
    return sorted(kept, key=lambda a: a.start)


def _money(m: re.Match[str], rupee: str) -> Amount | None:
    if not (m["sign"] or m["code"] or m["pre_name"] or m["post_code"] or m["post_name"]):
        return None  # a bare number is not money
    value = _value(m)
    if m["sign"]:
        unit = _SIGNS[m["sign"]]
    elif m["code"] or m["post_code"]:
        unit = (m["code"] or m["post_code"]).upper()
    else:
        name = " ".join((m["pre_name"] or m["post_name"]).lower().split())
        unit = _NAMES.get(name) or _NAMES[name[:-1]]
    unit = {"RUPEE": rupee, "RMB": "CNY"}.get(unit, unit)
    rate = USD_PER_UNIT.get(unit)
    usd = (value * rate).quantize(Decimal("0.01")) if rate is not None and unit != "USD" else None
    return Amount(value=value, unit=unit, text=m.group(), value_usd=value if unit == "USD" else usd)


def _count(text: str, m: re.Match[str]) -> Amount | None:
    if _NOT_A_COUNT.search(text, max(0, m.start() - 12), m.start()):
        return None  # "CWA # 1189 troops", "in 2021 doses"
    scaled = bool(m["scale"] or m["tight"])
    if not scaled and m["words"] and m["words"].lower().split()[-1] in ("a", "an"):
        return None  # "a helicopter crashed" counts nothing
    noun = " ".join(m["noun"].split())
    unit = _COUNT_NOUNS.get(noun) or _COUNT_NOUNS.get(noun.lower())
    if unit is None:
        return None
    value = _value(m)
    if value != value.to_integral_value() and not scaled and unit not in _MEASURES:
        return None  # "1.5 troops" is a version number or a ratio, not a count
    return Amount(value=value, unit=unit, text=m.group())


def _value(m: re.Match[str]) -> Decimal:
    base = Decimal(m["digits"].replace(",", "")) if m["digits"] else _word_value(m["words"])
    scale = (m["scale"] or m["tight"] or "").lower()
    value = base * SCALES[scale] if scale else base
    # Whole numbers without trailing zeros or exponent: 1.5bn is 1500000000.
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _word_value(words: str) -> Decimal:
    w = " ".join(words.lower().replace("-", " ").split())
    hundred = w.endswith(" hundred")
    w = w.removesuffix(" hundred")
    if w in ("a", "an"):
        n = Decimal(1)
    elif w == "half a":
        n = Decimal("0.5")
    elif w in ("a dozen", "dozen"):
        n = Decimal(12)
    elif " " in w:
        tens, unit = w.split()
        n = Decimal(_WORD_TENS[tens] + _WORD_UNITS[unit])
    else:
        n = Decimal(_WORD_UNITS.get(w, _WORD_TENS.get(w, 0)))
    return n * 100 if hundred else n


_RUPEE_COUNTRIES = (
    ("PKR", re.compile(r"\bPakistan|\bIslamabad|\bKarachi|\bLahore")),
    ("LKR", re.compile(r"\bSri Lanka|\bColombo")),
    ("NPR", re.compile(r"\bNepal|\bKathmandu")),
    ("INR", re.compile(r"\bIndia|\bNew Delhi|\bMumbai")),
)


def _rupee_code(text: str) -> str:
    """The rupee a text most likely means: the country it mentions most (India on ties)."""
    counts = [(len(rx.findall(text)), code) for code, rx in _RUPEE_COUNTRIES]
    best = max(counts, key=lambda c: (c[0], c[1] == "INR"))
    return best[1] if best[0] else "INR"
