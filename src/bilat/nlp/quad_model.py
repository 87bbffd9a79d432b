"""A small trained sentence classifier for the CAMEO pentaclass (0-4), numpy only.

Multinomial logistic regression over hashed sparse features of one sentence:
lower-cased word unigrams and bigrams, lemmas, POS-lemma and dependency-lemma
pairs, the ROOT lemma, negation and modal auxiliaries (alone and with the ROOT
lemma). Tokens come in as ``(text, lemma, pos, dep)`` tuples so the pipeline
can pass what spaCy already computed; :meth:`QuadModel.predict_span` takes a
spaCy ``Span`` (or ``Doc``) directly.

Training (:func:`train`) is full-batch L-BFGS on the L2-regularised
cross-entropy, deterministic. Weights ship as ``resources/models/quad_model.npz``
(only the non-zero hash buckets, float16); ``scripts/train_quad_model.py`` makes
them and ``MODEL_CARD.md`` beside them says from what.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from bilat.errors import ModelMissing, ResourceInvalid

Token = tuple[str, str, str, str]
"""(text, lemma, POS, dependency label) of one token."""

Proba = tuple[float, float, float, float, float]

N_CLASSES = 5
DEFAULT_BITS = 18
MODEL_FILE = "quad_model.npz"
# SHA-256 fingerprints of the training sentences: evaluation on data the model has seen
# must leave it out (see bilat.evaluate).
TRAINED_FILE = "quad_model.trained.txt"

MODALS = frozenset(
    {"will", "would", "shall", "should", "may", "might", "can", "could", "must", "ought"}
)
_SKIP_POS = frozenset({"PUNCT", "SPACE", "SYM"})
_BOS, _EOS = "<s>", "</s>"

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


class _SpacyToken(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def lemma_(self) -> str: ...
    @property
    def pos_(self) -> str: ...
    @property
    def dep_(self) -> str: ...


def fingerprint(sentence: str) -> str:
    """A sentence's identity across tokenisations: case and all white space dropped."""
    folded = "".join(sentence.split()).casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def training_fingerprints(path: Path | None = None) -> frozenset[str]:
    """Fingerprints of the sentences the shipped model was trained on."""
    if path is not None:
        text = path.read_text(encoding="utf-8")
    else:
        text = (
            resources.files("bilat.resources")
            .joinpath("models", TRAINED_FILE)
            .read_text(encoding="utf-8")
        )
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def span_tokens(span: Iterable[_SpacyToken]) -> list[Token]:
    """The token tuples of a spaCy Span or Doc."""
    return [(t.text, t.lemma_, t.pos_, t.dep_) for t in span]


def features(tokens: Sequence[Token]) -> list[str]:
    """The feature strings of one sentence (duplicates allowed; hashing dedupes)."""
    feats: list[str] = []
    words = [_BOS]
    roots: list[str] = []
    negated = False
    modals: list[str] = []
    for text, lemma, pos, dep in tokens:
        if pos in _SKIP_POS or not text.strip():
            continue
        word = text.lower()
        lem = lemma.lower() or word
        words.append(word)
        feats.append("w=" + word)
        feats.append("l=" + lem)
        feats.append(f"p={pos}|{lem}")
        feats.append(f"d={dep}|{lem}")
        if dep == "ROOT":
            roots.append(lem)
        elif dep == "neg":
            negated = True
        if pos == "AUX" and lem in MODALS:
            modals.append(lem)
    words.append(_EOS)
    feats.extend(f"b={a}_{b}" for a, b in pairwise(words))
    for root in roots:
        feats.append("root=" + root)
        if negated:
            feats.append("negroot=" + root)
        feats.extend(f"modroot={m}|{root}" for m in modals)
    if negated:
        feats.append("NEG")
    feats.extend("mod=" + m for m in modals)
    return feats


def hash_features(tokens: Sequence[Token], bits: int = DEFAULT_BITS) -> IntArray:
    """Sorted distinct hash buckets of a sentence's features (crc32, stable across runs)."""
    mask = (1 << bits) - 1
    buckets = {zlib.crc32(f.encode("utf-8")) & mask for f in features(tokens)}
    return np.array(sorted(buckets), dtype=np.int64)


@dataclass(frozen=True, slots=True)
class SparseRows:
    """Binary feature rows, L2-normalised: CSR without scipy."""

    indptr: IntArray
    cols: IntArray
    vals: FloatArray
    n_cols: int

    @classmethod
    def from_buckets(cls, rows: Sequence[IntArray], n_cols: int) -> SparseRows:
        lengths = np.array([len(r) for r in rows], dtype=np.int64)
        indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        cols = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
        scale = 1.0 / np.sqrt(np.maximum(lengths, 1))
        vals = np.repeat(scale, lengths)
        return cls(indptr, cols.astype(np.int64), vals, n_cols)

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1

    def row_ids(self) -> IntArray:
        return np.repeat(np.arange(self.n_rows), np.diff(self.indptr))

    def dot(self, weights: FloatArray) -> FloatArray:
        """self @ weights for a (n_cols, k) matrix."""
        rows = self.row_ids()
        contrib = weights[self.cols] * self.vals[:, None]
        return np.stack(
            [
                np.bincount(rows, weights=contrib[:, k], minlength=self.n_rows)
                for k in range(weights.shape[1])
            ],
            axis=1,
        )

    def tdot(self, grad: FloatArray, rows: IntArray) -> FloatArray:
        """self.T @ grad for a (n_rows, k) matrix."""
        contrib = grad[rows] * self.vals[:, None]
        return np.stack(
            [
                np.bincount(self.cols, weights=contrib[:, k], minlength=self.n_cols)
                for k in range(grad.shape[1])
            ],
            axis=1,
        )


def _softmax(scores: FloatArray) -> FloatArray:
    shifted = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    out: FloatArray = exp / exp.sum(axis=1, keepdims=True)
    return out


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Softmax over hashed features: ``weights`` (2**bits, n_classes) and ``bias``."""

    weights: FloatArray
    bias: FloatArray
    bits: int

    @property
    def n_classes(self) -> int:
        return int(self.bias.shape[0])

    def scores(self, buckets: IntArray) -> FloatArray:
        if len(buckets) == 0:
            empty: FloatArray = self.bias.copy()
            return empty
        total: FloatArray = self.weights[buckets].sum(axis=0) / np.sqrt(len(buckets))
        return total + self.bias

    def proba(self, tokens: Sequence[Token]) -> FloatArray:
        out: FloatArray = _softmax(self.scores(hash_features(tokens, self.bits))[None, :])[0]
        return out

    def proba_many(self, sentences: Sequence[Sequence[Token]]) -> FloatArray:
        if not sentences:
            return np.zeros((0, self.n_classes))
        rows = [hash_features(s, self.bits) for s in sentences]
        scores = np.stack([self.scores(r) for r in rows])
        return _softmax(scores)


@dataclass(frozen=True, slots=True)
class QuadModel:
    """The shipped pentaclass model. ``load()`` reads the package's weights."""

    head: LinearModel

    @classmethod
    def load(cls, path: Path | None = None) -> QuadModel:
        """Read weights from ``path``, by default the file shipped in bilat.resources.models."""
        if path is None:
            ref = resources.files("bilat.resources").joinpath("models", MODEL_FILE)
            if not ref.is_file():
                raise ModelMissing(f"bilat's pentaclass weights {MODEL_FILE} are not installed")
            with resources.as_file(ref) as real:
                return cls(_read_npz(real))
        if not path.is_file():
            raise ModelMissing(f"no model weights at {path}")
        return cls(_read_npz(path))

    def save(self, path: Path) -> None:
        _write_npz(path, self.head)

    def predict_proba(self, tokens: Sequence[Token]) -> Proba:
        """Probabilities of classes 0..4 for one sentence."""
        p = self.head.proba(tokens)
        return (float(p[0]), float(p[1]), float(p[2]), float(p[3]), float(p[4]))

    def predict_proba_many(self, sentences: Sequence[Sequence[Token]]) -> FloatArray:
        """(n, 5) probabilities, one row per sentence."""
        return self.head.proba_many(sentences)

    def predict(self, tokens: Sequence[Token]) -> int:
        """The most probable class 0..4 (the lower one on a tie)."""
        return int(np.argmax(self.head.proba(tokens)))

    def predict_span(self, span: Iterable[_SpacyToken]) -> Proba:
        """:meth:`predict_proba` of a spaCy Span or Doc."""
        return self.predict_proba(span_tokens(span))


def _write_npz(path: Path, head: LinearModel) -> None:
    used = np.flatnonzero(np.any(head.weights != 0, axis=1))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        np.savez_compressed(
            out,
            bits=np.array(head.bits, dtype=np.int64),
            rows=used.astype(np.int32),
            weights=head.weights[used].astype(np.float16),
            bias=head.bias.astype(np.float32),
        )


def _read_npz(path: Path) -> LinearModel:
    with np.load(path, allow_pickle=False) as data:
        try:
            bits = int(data["bits"])
            rows = data["rows"].astype(np.int64)
            stored = data["weights"].astype(np.float64)
            bias = data["bias"].astype(np.float64)
        except KeyError as exc:
            raise ResourceInvalid(f"{path}: missing array {exc}") from exc
    if stored.shape != (len(rows), len(bias)) or (len(rows) and rows.max() >= 1 << bits):
        raise ResourceInvalid(f"{path}: weights do not match their bucket list")
    weights = np.zeros((1 << bits, len(bias)))
    weights[rows] = stored
    weights.flags.writeable = False
    bias.flags.writeable = False
    return LinearModel(weights, bias, bits)


# ---------------------------------------------------------------- training


@dataclass(frozen=True, slots=True)
class TrainConfig:
    """``l2``: L2 penalty on the weights (not the bias) added to the mean cross-entropy."""

    l2: float = 1e-3
    bits: int = DEFAULT_BITS
    max_iter: int = 300
    tol: float = 1e-6


def train(
    sentences: Sequence[Sequence[Token]],
    labels: Sequence[int],
    n_classes: int = N_CLASSES,
    config: TrainConfig | None = None,
) -> LinearModel:
    """Fit a :class:`LinearModel`; deterministic for the same inputs."""
    cfg = config or TrainConfig()
    if len(sentences) != len(labels) or not sentences:
        raise ValueError("need as many labels as sentences, and at least one")
    y = np.asarray(labels, dtype=np.int64)
    if y.min() < 0 or y.max() >= n_classes:
        raise ValueError(f"labels must be in 0..{n_classes - 1}")
    buckets = [hash_features(s, cfg.bits) for s in sentences]
    # Train on the buckets in use only, then scatter back into the full table.
    used, inverse = np.unique(np.concatenate(buckets), return_inverse=True)
    compact: list[IntArray] = []
    start = 0
    for row in buckets:
        compact.append(inverse[start : start + len(row)].astype(np.int64))
        start += len(row)
    x = SparseRows.from_buckets(compact, len(used))
    w, b = _fit(x, y, n_classes, cfg)
    weights = np.zeros((1 << cfg.bits, n_classes))
    weights[used] = w
    return LinearModel(weights, b, cfg.bits)


def _fit(
    x: SparseRows, y: IntArray, n_classes: int, cfg: TrainConfig
) -> tuple[FloatArray, FloatArray]:
    n, d = x.n_rows, x.n_cols
    rows = x.row_ids()
    onehot = np.zeros((n, n_classes))
    onehot[np.arange(n), y] = 1.0

    def objective(theta: FloatArray) -> tuple[float, FloatArray]:
        w = theta[: d * n_classes].reshape(d, n_classes)
        b = theta[d * n_classes :]
        scores = x.dot(w) + b
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_z = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        log_p = shifted - log_z
        loss = -float((log_p * onehot).sum()) / n + 0.5 * cfg.l2 * float((w * w).sum())
        g = (np.exp(log_p) - onehot) / n
        grad_w = x.tdot(g, rows) + cfg.l2 * w
        return loss, np.concatenate([grad_w.ravel(), g.sum(axis=0)])

    theta = _lbfgs(objective, np.zeros(d * n_classes + n_classes), cfg.max_iter, cfg.tol)
    return theta[: d * n_classes].reshape(d, n_classes), theta[d * n_classes :]


def _lbfgs(
    f: Callable[[FloatArray], tuple[float, FloatArray]],
    theta: FloatArray,
    max_iter: int,
    tol: float,
    memory: int = 10,
) -> FloatArray:
    """Minimise ``f`` (returns loss, gradient) by L-BFGS with Armijo backtracking."""
    loss, grad = f(theta)
    s_hist: list[FloatArray] = []
    y_hist: list[FloatArray] = []
    for _ in range(max_iter):
        if float(np.linalg.norm(grad)) < tol:
            break
        q = grad.copy()
        alphas: list[float] = []
        for s, yv in zip(reversed(s_hist), reversed(y_hist), strict=True):
            a = float(s @ q) / float(yv @ s)
            alphas.append(a)
            q -= a * yv
        if s_hist:
            q *= float(s_hist[-1] @ y_hist[-1]) / float(y_hist[-1] @ y_hist[-1])
        for (s, yv), a in zip(zip(s_hist, y_hist, strict=True), reversed(alphas), strict=True):
            beta = float(yv @ q) / float(yv @ s)
            q += (a - beta) * s
        direction = -q
        slope = float(grad @ direction)
        if slope >= 0:  # not a descent direction: restart from the gradient
            s_hist.clear()
            y_hist.clear()
            direction, slope = -grad, -float(grad @ grad)
        step = 1.0 if s_hist else 1.0 / max(float(np.linalg.norm(grad)), 1.0)
        while True:
            new_theta = theta + step * direction
            new_loss, new_grad = f(new_theta)
            if new_loss <= loss + 1e-4 * step * slope or step < 1e-10:
                break
            step *= 0.5
        s_vec, y_vec = new_theta - theta, new_grad - grad
        if float(s_vec @ y_vec) > 1e-12:
            s_hist.append(s_vec)
            y_hist.append(y_vec)
            if len(s_hist) > memory:
                s_hist.pop(0)
                y_hist.pop(0)
        improved = loss - new_loss
        theta, loss, grad = new_theta, new_loss, new_grad
        if 0 <= improved < tol * max(abs(loss), 1.0):
            break
    return theta
