"""Synthetic articles for benchmarks and load tests: paragraphs of real articles, recombined.

Paragraphs come from ../shared/seeds when it is there, else from a small built-in corpus, so
the benchmarks run anywhere. Each article is a headline and 5-10 paragraphs in random order,
with a publication date in 2018-2022; a seed makes the corpus repeatable.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

from bilat.errors import BilatError

# Paragraphs shorter than this are headings, bylines and page furniture: not article prose.
MIN_PARAGRAPH_WORDS = 25
# Synthetic articles take this many paragraphs (inclusive): 400-700 words, like a news story.
PARAGRAPHS_PER_DOC = (5, 10)
# Places the seed articles may be, relative to the working folder and to this checkout.
_SEED_PLACES = (
    Path("..") / "shared" / "seeds",
    Path(__file__).resolve().parents[2].parent / "shared" / "seeds",
)

# A small corpus of its own, so the benchmark runs where ../shared/seeds is absent.
BUILTIN_PARAGRAPHS = (
    "Pakistan and Russia held the fourth round of their bilateral political consultations in "
    "Islamabad on Tuesday, the Foreign Office said in a statement. The delegations reviewed "
    "cooperation in energy, trade, defence and counter-terrorism and agreed to meet again in "
    "Moscow next year.",
    "Foreign Minister Sergey Lavrov arrived in Islamabad on a two-day visit, the first by a "
    "Russian foreign minister in nine years. He called on Prime Minister Imran Khan and "
    "discussed the situation in Afghanistan, where both countries fear a spillover of "
    "violence after the withdrawal of foreign troops.",
    "The two sides signed an intergovernmental agreement on the construction of the Pakistan "
    "Stream gas pipeline, a 1,100-kilometre line from Karachi to Lahore with an estimated cost "
    "of $2.5 billion. Russian companies will hold a stake of up to 26 percent in the project.",
    "India protested against the planned sale of Russian helicopters to Pakistan, and its "
    "ambassador in Moscow raised the matter with the Russian Deputy Foreign Minister. Officials "
    "in New Delhi said the deal could upset the military balance in the region.",
    "China and Pakistan reaffirmed their all-weather strategic partnership during a telephone "
    "conversation between the two foreign ministers, who pledged to speed up work on the "
    "China-Pakistan Economic Corridor and to resist pressure from third countries.",
    "The United States imposed sanctions on three Pakistani entities accused of supplying "
    "components for missile programmes, the Treasury Department announced. Islamabad rejected "
    "the measures as discriminatory and said it had not been consulted beforehand.",
    "Troops of Pakistan and Russia began the annual Druzhba joint exercise in the mountains of "
    "Khyber Pakhtunkhwa on Monday. About 200 soldiers from each country will practise "
    "counter-terrorism operations over two weeks, the military's media wing said.",
    "Turkey offered to mediate between Pakistan and Afghanistan after clashes at the Chaman "
    "border crossing left several people dead. The Turkish president spoke to both leaders by "
    "phone and urged restraint, according to his office.",
    "The European Union granted Pakistan an extension of its GSP Plus trade preferences, "
    "subject to progress on 27 international conventions on human rights, labour, the "
    "environment and governance. Exporters of textiles welcomed the decision.",
    "Iran and Pakistan agreed to open two new border markets and to extend the electricity "
    "supply to Gwadar, officials said after a meeting of the joint economic commission in "
    "Tehran. The commission will meet again in Islamabad in the spring.",
    "Saudi Arabia deposited $3 billion with the State Bank of Pakistan and deferred payments for "
    "oil imports worth $1.2 billion a year, easing pressure on the country's foreign exchange "
    "reserves ahead of talks with the International Monetary Fund.",
    "Afghan officials accused Pakistan of shelling villages in Kunar province, a charge the "
    "Pakistani military denied. The Afghan Ministry of Foreign Affairs summoned the Pakistani "
    "ambassador in Kabul and demanded an investigation.",
)


@dataclass(frozen=True, slots=True)
class SyntheticDoc:
    """One made-up article: paragraphs of real ones, recombined."""

    title: str
    text: str
    published: str


def seed_folder() -> Path | None:
    """../shared/seeds beside the working folder or beside this checkout, if present."""
    for place in _SEED_PLACES:
        if place.is_dir() and any(place.glob("*.txt")):
            return place
    return None


def paragraphs_from(folder: Path | None) -> tuple[str, ...]:
    """Prose paragraphs of the .txt files in ``folder``; the built-in ones without it."""
    found: dict[str, None] = {}
    if folder is not None:
        for path in sorted(folder.glob("*.txt")):
            for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8", errors="replace")):
                paragraph = " ".join(block.split())
                if len(paragraph.split()) >= MIN_PARAGRAPH_WORDS:
                    found.setdefault(paragraph)
    return tuple(found) if found else BUILTIN_PARAGRAPHS


def synthesize(n: int, paragraphs: Sequence[str], seed: int = 0) -> Iterator[SyntheticDoc]:
    """``n`` distinct articles, each a headline and 5-10 paragraphs in random order."""
    if len(paragraphs) < 2:
        raise BilatError("need at least two paragraphs to make distinct articles from")
    rng = random.Random(seed)
    low, high = (min(k, len(paragraphs)) for k in PARAGRAPHS_PER_DOC)
    seen: set[tuple[int, ...]] = set()
    first = date(2018, 1, 1)
    for _ in range(n):
        for _attempt in range(1000):
            picked = tuple(rng.sample(range(len(paragraphs)), rng.randint(low, high)))
            if picked not in seen:
                break
        else:
            raise BilatError(f"cannot make {n} distinct articles from {len(paragraphs)} paragraphs")
        seen.add(picked)
        lead = paragraphs[picked[0]].split()
        yield SyntheticDoc(
            title=" ".join(lead[:8]).rstrip(",.;:"),
            text="\n\n".join(paragraphs[i] for i in picked),
            published=(first + timedelta(days=rng.randrange(5 * 365))).isoformat(),
        )


def write_jsonl(docs: Iterable[SyntheticDoc], path: Path) -> int:
    """Write ``docs`` as bilat's JSONL input, one article a line; how many were written."""
    count = 0
    with path.open("w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(asdict(doc), ensure_ascii=False) + "\n")
            count += 1
    return count
