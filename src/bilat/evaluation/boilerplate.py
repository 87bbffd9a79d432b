"""Scoring rule 5: boilerplate removal on the article-extraction benchmark.

For each page, bilat's HTML path extracts a body; it is compared with the
human ``articleBody`` by word 4-gram shingles (lower-cased ``\\w+`` tokens,
counted as a multiset). Per page, TP/FP/FN are normalised so that long pages
weigh no more than short ones; precision and recall are averaged over pages,
and F1 is taken from the two averages, as the benchmark's own evaluate.py does.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bilat.config import Settings
from bilat.errors import BilatError
from bilat.ingest.html import extract_body

_TOKEN = re.compile(r"\w+")
_SHINGLE = 4


@dataclass(frozen=True, slots=True)
class PageScore:
    """Shares of one page's shingles: matched, extra (predicted only), missed."""

    id: str
    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.fp, self.fn, self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.fp, self.fn, self.fn)


@dataclass(frozen=True, slots=True)
class BoilerplateScore:
    """Rule 5 over a set of pages."""

    n: int
    precision: float
    recall: float
    f1: float
    pages: tuple[PageScore, ...] = ()

    def as_dict(self) -> dict[str, float | int]:
        return {"n": self.n, "precision": self.precision, "recall": self.recall, "f1": self.f1}


def evaluate_boilerplate(
    directory: Path,
    settings: Settings | None = None,
    *,
    extract: Callable[[str], str] = extract_body,
) -> BoilerplateScore:
    """Score ``extract`` on ``directory``/ground-truth.json and html/<id>.html.gz.

    Pages listed without an HTML file are skipped (``n`` counts the pages scored).
    ``settings`` keeps the call shape of the other scorers; no setting changes
    HTML extraction today.
    """
    truth = _load_truth(directory / "ground-truth.json")
    pages = []
    for page_id, expected in sorted(truth.items()):
        path = directory / "html" / f"{page_id}.html.gz"
        if path.is_file():
            html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
            pages.append(score_page(page_id, expected, extract(html)))
    return summarise(pages)


def score_page(page_id: str, expected: str, predicted: str) -> PageScore:
    """Shingle TP/FP/FN of one page, normalised to sum to 1."""
    truth, guess = shingles(expected), shingles(predicted)
    tp = sum((truth & guess).values())
    fp = sum((guess - truth).values())
    fn = sum((truth - guess).values())
    total = tp + fp + fn
    if total == 0:
        return PageScore(page_id, 0.0, 0.0, 0.0)
    return PageScore(page_id, tp / total, fp / total, fn / total)


def summarise(pages: list[PageScore]) -> BoilerplateScore:
    """Average precision and recall over pages; F1 of the averages."""
    precisions = [p.precision for p in pages if p.tp + p.fp > 0]
    recalls = [p.recall for p in pages if p.tp + p.fn > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BoilerplateScore(len(pages), precision, recall, f1, tuple(pages))


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """Word 4-grams of lower-cased tokens, with counts; a short text is one shingle."""
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    windows = (tuple(tokens[i : i + _SHINGLE]) for i in range(max(1, len(tokens) - _SHINGLE + 1)))
    return Counter(window for window in windows if window)


def _ratio(tp: float, fp: float, fn: float, miss: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == miss == 0:
        return 0.0
    return tp / (tp + miss)


def _load_truth(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise BilatError(f"cannot read ground truth {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise BilatError(f"{path}: expected an object of {{id: {{articleBody, url}}}}")
    return {
        str(key): str(value.get("articleBody") or "")
        for key, value in data.items()
        if isinstance(value, dict)
    }
