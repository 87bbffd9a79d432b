"""A light language check: the Unicode script of the letters, then function-word ratios.

No model and no download: it only has to tell English from text bilat cannot read,
and name what it saw so the user knows why an input was refused.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from bilat.errors import InputRejected


def _words(text: str) -> frozenset[str]:
    """A word set written as one string, to keep long lists readable."""
    return frozenset(text.split())


# Frequent function words, chosen to overlap little between the languages.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the of and to in is that for it with as was on be by at this are from or have an "
        "they which has but not were their its been had will would who also can more than "
        "there about into after between these such other we our he she his her said"
        ""
    ),
    "fr": _words(
        "le la les des du et est une dans qui pour pas sur au aux avec ce cette il elle sont "
        "par plus ne se été leur ont mais nous vous"
    ),
    "de": _words(
        "der die das und ist nicht ein eine mit den dem sich auf für von zu im auch es wird "
        "sind wurde bei nach aus einer oder werden hat"
    ),
    "es": _words(
        "el los las del y que en por con para una es se su al lo como más pero sus le ya "
        "fue este entre también"
    ),
    "pt": _words(
        "o os da do das dos e que em um uma para com não se na no mais foi ao pelo pela "
        "como seu sua também"
    ),
    "it": _words(
        "il lo gli della delle dei di che è per una con non si sono nel alla anche come "
        "più del ha questo"
    ),
    "nl": _words(
        "de het een van en is dat op te zijn voor met niet aan ook als bij door om wordt "
        "naar maar werd"
    ),
    "id": _words(
        "yang dan di ini itu dengan untuk dari tidak dalam akan pada juga ke karena oleh "
        "ada atau bisa"
    ),
    "tr": _words("ve bir bu da de için ile olarak çok daha gibi olan ancak sonra kadar değil"),
}
_NAMES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "pt": "Portuguese",
    "it": "Italian",
    "nl": "Dutch",
    "id": "Indonesian",
    "tr": "Turkish",
}
# Script -> the language codes it most often means, for the reason and the settings check.
_SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "Cyrillic": ("ru", "uk", "bg", "sr", "kk"),
    "Arabic": ("ar", "fa", "ur", "ps"),
    "Han (Chinese/Japanese)": ("zh", "ja"),
    "Japanese kana": ("ja",),
    "Hangul (Korean)": ("ko",),
    "Devanagari": ("hi", "mr", "ne"),
    "Bengali": ("bn",),
    "Greek": ("el",),
    "Hebrew": ("he", "yi"),
    "Thai": ("th",),
    "Georgian": ("ka",),
    "Armenian": ("hy",),
    "Tamil": ("ta",),
    "Gurmukhi": ("pa",),
    "Ethiopic": ("am",),
}
_SCRIPT_PREFIXES = (
    ("LATIN", "Latin"),
    ("CYRILLIC", "Cyrillic"),
    ("ARABIC", "Arabic"),
    ("CJK", "Han (Chinese/Japanese)"),
    ("HIRAGANA", "Japanese kana"),
    ("KATAKANA", "Japanese kana"),
    ("HANGUL", "Hangul (Korean)"),
    ("DEVANAGARI", "Devanagari"),
    ("BENGALI", "Bengali"),
    ("GREEK", "Greek"),
    ("HEBREW", "Hebrew"),
    ("THAI", "Thai"),
    ("GEORGIAN", "Georgian"),
    ("ARMENIAN", "Armenian"),
    ("TAMIL", "Tamil"),
    ("GURMUKHI", "Gurmukhi"),
    ("ETHIOPIC", "Ethiopic"),
)
# Below this many letters the script is not worth judging.
_MIN_LETTERS = 20
# Share of letters outside Latin script that makes a text non-Latin.
_FOREIGN_SCRIPT_SHARE = 0.5
# English prose runs 30-50 % function words; lists of names and headlines run lower.
_MIN_ENGLISH_RATIO = 0.08
_MIN_OTHER_RATIO = 0.05
# Fewer words than this are too few to tell English by its share of function words.
_SHORT_TEXT_WORDS = 60
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Enough words to judge; the sample keeps a 20 MB text cheap.
_SAMPLE_WORDS = 5000


@dataclass(frozen=True, slots=True)
class Guess:
    """What the check saw: a language code ("und" when unsure) and the dominant script."""

    code: str
    script: str
    name: str


def guess_language(text: str) -> Guess:
    """The script of the letters, then the language whose function words are most frequent."""
    script, share = _dominant_script(text)
    if script != "Latin" and share >= _FOREIGN_SCRIPT_SHARE:
        codes = _SCRIPT_LANGUAGES.get(script, ())
        code = codes[0] if len(codes) == 1 else "und"
        return Guess(code=code, script=script, name=f"{script} script")
    words = [w.casefold() for w in _WORD.findall(text)[:_SAMPLE_WORDS]]
    if not words:
        return Guess(code="und", script=script, name="no words")
    counts = {
        code: sum(1 for w in words if w in vocabulary)
        for code, vocabulary in _FUNCTION_WORDS.items()
    }
    ratios = {code: n / len(words) for code, n in counts.items()}
    best = max(ratios, key=lambda code: ratios[code])
    if best == "en" and ratios["en"] >= _MIN_ENGLISH_RATIO:
        return Guess(code="en", script="Latin", name="English")
    # One function word is no evidence: "al" of an Arabic name is not Spanish.
    other = best != "en" and counts[best] >= 2 and ratios[best] >= _MIN_OTHER_RATIO
    if other and ratios[best] > ratios["en"]:
        return Guess(code=best, script="Latin", name=_NAMES[best])
    if ratios["en"] >= _MIN_ENGLISH_RATIO:
        return Guess(code="en", script="Latin", name="English")
    if len(words) < _SHORT_TEXT_WORDS and not other:
        # A wire brief or headline ("Houthi rebels release six foreign hostages") is mostly
        # names: with no sign of another language, a short Latin text is read as English.
        return Guess(code="en", script="Latin", name="English")
    english = f"{ratios['en']:.0%}"
    return Guess(
        code="und", script="Latin", name=f"an unknown language ({english} English function words)"
    )


def check_language(text: str, languages: tuple[str, ...]) -> str:
    """The language code of ``text``; InputRejected when it is not one of ``languages``."""
    guess = guess_language(text)
    if guess.code in languages:
        return guess.code
    if guess.script != "Latin" and set(_SCRIPT_LANGUAGES.get(guess.script, ())) & set(languages):
        return guess.code
    wanted = ", ".join(languages) or "none"
    lead = "not English" if languages == ("en",) else "not in a language bilat reads"
    raise InputRejected(f"{lead}: looks like {guess.name} (languages setting: {wanted})")


def _dominant_script(text: str) -> tuple[str, float]:
    """The most common script among the letters, with its share of them."""
    scripts: Counter[str] = Counter()
    # Count characters first (in C), then name the script of each distinct letter once.
    for char, count in Counter(text[: _SAMPLE_WORDS * 8]).items():
        if char.isalpha():
            scripts[_script_of(char)] += count
    total = sum(scripts.values())
    if total < _MIN_LETTERS:
        return "Latin", 0.0
    script, count = scripts.most_common(1)[0]
    return script, count / total


def _script_of(char: str) -> str:
    name = unicodedata.name(char, "")
    for prefix, script in _SCRIPT_PREFIXES:
        if name.startswith(prefix):
            return script
    return "other"
