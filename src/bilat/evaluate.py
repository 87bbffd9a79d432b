"""`bilat eval` as a Python API: plug the pipeline into the scorers of bilat.evaluation."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bilat.config import Settings
from bilat.errors import ResourceInvalid
from bilat.records import Article, Event


class SentencePredictor:
    """Runs the full pipeline on each sentence alone (no publication date)."""

    def __init__(self, settings: Settings) -> None:
        from bilat.nlp.build import make_nlp

        self.nlp = make_nlp(settings, keep_uncoded=True)
        self.batch_size = settings.batch_size

    def __call__(self, sentences: Sequence[str]) -> list[list[Event]]:
        from bilat.nlp.build import annotate

        items = ((f"s{i}", text, None) for i, text in enumerate(sentences))
        return [list(done.events) for done in annotate(self.nlp, items, self.batch_size)]


def unseen(sentences: Sequence[str], settings: Settings) -> tuple[list[int], str]:
    """Indexes of the sentences the shipped event model never trained on, and a note.

    With the model on, a dev set is scored on its held-out part only (the split fixed in
    ``bilat.nlp.learned.split``); a set the model never saw is scored whole.
    """
    from bilat.nlp.learned.split import fingerprint

    return _unseen([fingerprint(s) for s in sentences], settings, "items")


def _unseen(keys: Sequence[str], settings: Settings, what: str) -> tuple[list[int], str]:
    """Indexes of the keys the event model did not train on, and the note saying so."""
    if settings.event_model == "off":
        return list(range(len(keys))), "off"
    from bilat.nlp.learned.split import training_fingerprints

    seen = training_fingerprints()
    kept = [i for i, key in enumerate(keys) if key not in seen]
    if len(kept) == len(keys):
        return kept, "on"
    return kept, f"on: scored on the {len(kept)} of {len(keys)} {what} it never trained on"


def classes(file: Path, settings: Settings) -> dict[str, Any]:
    from bilat.evaluation.classes import load_classes, score_classes

    items = load_classes(file)
    kept, note = unseen([i.text for i in items], settings)
    items = [items[i] for i in kept]
    return {**score_classes(items, SentencePredictor(settings)).as_dict(), "event_model": note}


def roles(file: Path, settings: Settings) -> dict[str, Any]:
    from bilat.evaluation.roles import load_roles, score_roles

    sentences = load_roles(file)
    kept, note = unseen([s.text for s in sentences], settings)
    sentences = [sentences[i] for i in kept]
    return {**score_roles(sentences, SentencePredictor(settings)).as_dict(), "event_model": note}


def plover(file: Path, settings: Settings) -> dict[str, Any]:
    from bilat.evaluation.plover import load_plover, score_plover

    records = load_plover(file)
    kept, note = unseen([r.text for r in records], settings)
    records = [records[i] for i in kept]
    return {**score_plover(records, SentencePredictor(settings)).as_dict(), "event_model": note}


def dates(directory: Path) -> dict[str, Any]:
    from bilat.evaluation.dates import evaluate_dates

    return evaluate_dates(directory).as_dict()


def boilerplate(directory: Path, settings: Settings) -> dict[str, Any]:
    from bilat.evaluation.boilerplate import evaluate_boilerplate

    return evaluate_boilerplate(directory, settings).as_dict()


def unseen_files(files: Sequence[Path], settings: Settings) -> tuple[list[Path], str]:
    """The document files the event model never trained on, and a note."""
    if settings.event_model == "off":  # no need to read every file for its key
        return list(files), "off"
    from bilat.nlp.learned.split import document_key

    keys = [document_key(p.name, p.read_bytes()) for p in files]
    kept, note = _unseen(keys, settings, "documents")
    return [files[i] for i in kept], note


def _files(docs: Path) -> list[Path]:
    return sorted(p for p in docs.iterdir() if p.is_file() and not p.name.startswith("."))


def document_events(files: Sequence[Path], settings: Settings) -> dict[str, list[Event]]:
    """Events of every document file, keyed by file name, through the real ingest."""
    from bilat.ingest import read_sources
    from bilat.nlp.build import make_nlp
    from bilat.pipeline import extract_articles

    nlp = make_nlp(settings)
    out: dict[str, list[Event]] = {}
    for path in files:
        articles = [a for a in read_sources([str(path)], settings) if isinstance(a, Article)]
        found = extract_articles(nlp, articles, settings.batch_size)
        out[path.name] = [e for per_article in found for e in per_article]
    return out


def events(gold: Path, docs: Path, settings: Settings) -> dict[str, Any]:
    from bilat.evaluation.calibration import calibration_samples, calibration_table
    from bilat.evaluation.events import load_gold, score_events

    files, note = unseen_files(_files(docs), settings)
    names = {p.name for p in files}
    golds = [g for g in load_gold(gold) if g.doc in names]
    result = score_events(golds, document_events(files, settings))
    return {
        **result.as_dict(),
        "calibration": calibration_table(result),
        "calibration_samples": calibration_samples(result),
        "event_model": note,
    }


def noise(items: Path, docs: Path, settings: Settings) -> dict[str, Any]:
    """Rule 7: events on pages that are not about politics. An item's document may be
    stored gzipped (``x.html`` as ``x.html.gz``)."""
    from bilat.evaluation.noise import load_items, score_noise

    topics = load_items(items)
    paths: dict[str, Path] = {}
    for item in topics:
        found = [p for p in (docs / item.doc, docs / f"{item.doc}.gz") if p.is_file()]
        if not found:
            raise ResourceInvalid(f"{items}: no document {item.doc} in {docs}")
        paths[item.doc] = found[0]
    files, note = unseen_files(list(paths.values()), settings)
    by_file = document_events(files, settings)
    kept = {p.name for p in files}
    events_of = {doc: by_file[p.name] for doc, p in paths.items() if p.name in kept}
    scored = [i for i in topics if i.doc in events_of]
    return {**score_noise(scored, events_of).as_dict(), "event_model": note}


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
    news = data / "news"
    for gold in sorted(news.glob("*.gold.jsonl")):
        folder = news / gold.name.removesuffix(".gold.jsonl")
        if folder.is_dir():
            results[f"events {gold.name}"] = events(gold, folder, settings)
    for items in sorted(news.glob("*.items.jsonl")):
        folder = news / items.name.removesuffix(".items.jsonl")
        if folder.is_dir():
            results[f"noise {items.name}"] = noise(items, folder, settings)
    topics = data / "boilerplate" / "topics.jsonl"
    if topics.is_file():
        results[f"noise {topics.name}"] = noise(topics, data / "boilerplate" / "html", settings)
    if markdown is not None:
        from bilat.evaluation.report import write_markdown

        write_markdown(results, markdown, data=data)
    return results
