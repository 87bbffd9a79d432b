"""Fit the confidence model (``make calibrate``, also run by ``make train``).

The predicted events of every rule 6 dev set (as ``make eval`` scores them: the seed
articles, the fresh news sets and the held-out half of ``news/wcep-dev``), each labelled
right when it matches a gold event (typed), are the data. Features are chosen by forward
selection on out-of-fold log loss (``bilat.nlp.learned.confidence``), then fitted on all
events and written with the selection path and the out-of-fold figures.

    python scripts/fit_confidence.py --eval ../shared/eval \\
        --events tests/data/seeds_events.jsonl --docs ../shared/seeds ... \\
        --out src/bilat/resources/models/confidence.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bilat import evaluate
from bilat.config import Settings
from bilat.evaluation.calibration import bands
from bilat.nlp.learned.confidence import (
    FOLDS,
    L2,
    MIN_GAIN,
    Sample,
    fit,
    log_loss,
    out_of_fold,
    select_features,
)


def samples_of(sets: list[tuple[Path, Path]]) -> list[Sample]:
    settings = Settings.load()
    out: list[Sample] = []
    for gold, docs in sets:
        result = evaluate.events(gold, docs, settings)
        out += [(str(doc), values, bool(ok)) for doc, values, ok in result["calibration_samples"]]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--events", type=Path, action="append", default=[])
    parser.add_argument("--docs", type=Path, action="append", default=[])
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    news = args.eval / "news"
    sets = [*zip(args.events, args.docs, strict=True)]
    sets.append((news / "wcep-dev.gold.jsonl", news / "wcep-dev"))
    samples = samples_of(sets)
    path = select_features(samples)
    chosen = [name for name, _ in path[1:]]
    model = fit([(values, ok) for _, values, ok in samples], chosen)
    scored = out_of_fold(samples, chosen)
    record = {
        "intercept": round(model.intercept, 6),
        "weights": {name: round(w, 6) for name, w in model.weights},
        "fitted_on": {
            "events": len(samples),
            "right": sum(ok for _, _, ok in samples),
            "documents": len({doc for doc, _, _ in samples}),
            "sets": [str(gold.name) for gold, _ in sets],
        },
        "selection": {
            "folds": FOLDS,
            "l2": L2,
            "min_gain": MIN_GAIN,
            "out_of_fold_log_loss": [[name or "(intercept)", round(v, 4)] for name, v in path],
        },
        "out_of_fold": {
            "log_loss": round(log_loss(scored), 4),
            "bands": bands(scored),
        },
    }
    args.out.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: record[k] for k in ("weights", "selection")}, indent=2))


if __name__ == "__main__":
    main()
