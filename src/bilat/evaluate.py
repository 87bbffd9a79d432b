"""`bilat eval` as a Python API: plug the pipeline into the scorers of bilat.evaluation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bilat.config import Settings
from bilat.records import Article, Event

if TYPE_CHECKING:
    from spacy.language import Language


class SentencePredictor:
    """Runs the full pipeline on each sentence alone (no publication date)."""

    def __init__(self, settings: Settings) -> None:
        from bilat.nlp.build import make_nlp

        self.nlp: Language = make_nlp(settings, keep_uncoded=True)
        self.batch_size = settings.batch_size

    def __call__(self, sentences: Sequence[str]) -> list[list[Event]]:
        from bilat.nlp.build import annotate

        items = ((f"s{i}", text, None) for i, text in enumerate(sentences))
        return [list(done.events) for done in annotate(self.nlp, items, self.batch_size)]


def unseen(sentences: Sequence[str], settings: Settings) -> tuple[Settings, str]:
    """Settings that never score the sentence classifier on sentences it was trained on.

    A set that overlaps the classifier's training data is scored with the rules
    alone; the classifier's own cross-validated figures are in its MODEL_CARD.md.
    """
    if settings.quad_model == "off":
        return settings, "off"
    from bilat.nlp.quad_model import fingerprint, training_fingerprints

    seen = training_fingerprints()
    overlap = sum(fingerprint(s) in seen for s in sentences)
    if overlap:
        note = f"off: {overlap} of {len(sentences)} sentences are in its training data"
        return replace(settings, quad_model="off"), note
    return settings, settings.quad_model


def classes(file: Path, settings: Settings) -> dict[str, Any]:
    from bilat.evaluation.classes import load_classes, score_classes

    items = load_classes(file)
    settings, note = unseen([i.text for i in items], settings)
    return {**score_classes(items, SentencePredictor(settings)).as_dict(), "quad_model": note}


def roles(file: Path, settings: Settings) -> dict[str, Any]:
    from bilat.evaluation.roles import load_roles, score_roles

    sentences = load_roles(file)
    settings, note = unseen([s.text for s in sentences], settings)
    return {**score_roles(sentences, SentencePredictor(settings)).as_dict(), "quad_model": note}


def plover(file: Path, settings: Settings) -> dict[str, Any]:
    from bilat.evaluation.plover import load_plover, score_plover

    records = load_plover(file)
    settings, note = unseen([r.text for r in records], settings)
    return {**score_plover(records, SentencePredictor(settings)).as_dict(), "quad_model": note}


def dates(directory: Path) -> dict[str, Any]:
    from bilat.evaluation.dates import evaluate_dates

    return evaluate_dates(directory).as_dict()


def boilerplate(directory: Path, settings: Settings) -> dict[str, Any]:
    from bilat.evaluation.boilerplate import evaluate_boilerplate

    return evaluate_boilerplate(directory, settings).as_dict()


def document_events(docs: Path, settings: Settings) -> dict[str, list[Event]]:
    """Events of every document in ``docs``, keyed by file name, through the real ingest."""
    from bilat.ingest import read_sources
    from bilat.nlp.build import make_nlp
    from bilat.pipeline import extract_articles

    nlp = make_nlp(settings)
    files = sorted(p for p in docs.iterdir() if p.is_file() and not p.name.startswith("."))
    out: dict[str, list[Event]] = {}
    for path in files:
        articles = [a for a in read_sources([str(path)], settings) if isinstance(a, Article)]
        found = extract_articles(nlp, articles, settings.batch_size)
        out[path.name] = [e for per_article in found for e in per_article]
    return out


def events(gold: Path, docs: Path, settings: Settings) -> dict[str, Any]:
    from bilat.evaluation.events import load_gold, score_events

    return score_events(load_gold(gold), document_events(docs, settings)).as_dict()


def all_sets(
    data: Path,
    settings: Settings,
    markdown: Path | None = None,
    event_sets: Sequence[tuple[Path, Path]] = (),
) -> dict[str, Any]:
    """Every rule on every set under ``data`` (the layout of ../shared/eval), plus rule 6
    on each (gold JSONL, documents folder) pair in ``event_sets``."""
    results: dict[str, Any] = {}
    for tsv in sorted((data / "cameo").glob("class_*.tsv")):
        results[f"classes {tsv.name}"] = classes(tsv, settings)
    for conll in sorted((data / "cameo").glob("roles_*.txt")):
        results[f"roles {conll.name}"] = roles(conll, settings)
    gsr = data / "plover" / "PLOVER_GSR_CAMEO.txt"
    if gsr.is_file():
        results[f"plover {gsr.name}"] = plover(gsr, settings)
    for tml_dir in sorted(p for p in (data / "dates").glob("*") if p.is_dir()):
        results[f"dates {tml_dir.name}"] = dates(tml_dir)
    if (data / "boilerplate" / "ground-truth.json").is_file():
        results["boilerplate"] = boilerplate(data / "boilerplate", settings)
    for gold, docs in event_sets:
        results[f"events {gold.name}"] = events(gold, docs, settings)
    if markdown is not None:
        from bilat.evaluation.report import write_markdown

        write_markdown(results, markdown, data=data)
    return results
