"""The fine-tuned event model, run with onnxruntime and tokenizers (no torch).

``scripts/train_event_model.py`` makes ``resources/models/event_model.onnx`` (int8) and
``event_tokenizer.json``; MODEL_CARD.md beside them says from what. The model reads one
sentence as words (spaCy's tokens) and answers, per sentence, a probability for each of
17 labels (no event, then the 16 PLOVER types) and, per word, the probability that the
word is part of the source or of the target of the sentence's event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bilat.errors import ModelMissing
from bilat.records import EventType

MODEL_FILE = "event_model.onnx"
TOKENIZER_FILE = "event_tokenizer.json"
TYPES: tuple[EventType, ...] = tuple(EventType)
# Word pieces one sentence may use; the model was trained with the same bound.
MAX_PIECES = 96

FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class SentenceReading:
    """What the model reads in one sentence.

    ``none`` is the probability that the sentence reports no event between two actors;
    ``types`` the probability of each PLOVER type (``TYPES`` order); ``source`` and
    ``target`` the probability, per word, that the word belongs to that side.
    """

    none: float
    types: tuple[float, ...]
    source: tuple[float, ...]
    target: tuple[float, ...]

    def quad(self, quad: int) -> float:
        """Probability of the CAMEO pentaclass ``quad`` (0 = no event)."""
        if quad == 0:
            return self.none
        return sum(p for t, p in zip(TYPES, self.types, strict=True) if t.quad == quad)

    def best_type(self, quad: int | None = None) -> tuple[EventType, float]:
        """The likeliest type (within ``quad`` when given) and its probability."""
        pairs = [
            (t, p) for t, p in zip(TYPES, self.types, strict=True) if quad is None or t.quad == quad
        ]
        return max(pairs, key=lambda pair: pair[1])


class EventEncoder:
    """The exported model and its tokenizer; loads once, reads batches of sentences."""

    def __init__(self, model_path: Path, tokenizer_path: Path, threads: int = 2) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        if not model_path.is_file() or not tokenizer_path.is_file():
            raise ModelMissing(f"event model not found at {model_path.parent}")
        self.model_path = model_path
        self.tokenizer_path = tokenizer_path
        options = ort.SessionOptions()
        # Threads that sleep when idle: spinning ones starved spaCy and the local engine's
        # other processes on a busy machine (2 spinning threads read 2-5x slower there).
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(
            str(model_path), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.enable_truncation(MAX_PIECES)

    @classmethod
    def load(cls, directory: Path | None = None, threads: int = 2) -> EventEncoder:
        """The model shipped in ``bilat.resources`` (or the one in ``directory``)."""
        if directory is not None:
            return cls(directory / MODEL_FILE, directory / TOKENIZER_FILE, threads)
        models = resources.files("bilat.resources").joinpath("models")
        with (
            resources.as_file(models.joinpath(MODEL_FILE)) as model,
            resources.as_file(models.joinpath(TOKENIZER_FILE)) as tokenizer,
        ):
            return cls(Path(model), Path(tokenizer), threads)

    def read(self, sentences: Sequence[Sequence[str]]) -> list[SentenceReading]:
        """The model's reading of each sentence, given as its words.

        Each sentence runs alone: int8 dynamic quantisation scales activations over the
        whole input, so in a padded batch a sentence's reading would depend on its
        neighbours. Alone it is the same wherever it occurs (and only ~10% slower).
        """
        readings: list[SentenceReading] = []
        for words in sentences:
            encoding = self.tokenizer.encode(list(words), is_pretokenized=True)
            ids = np.asarray([encoding.ids], dtype=np.int64)
            type_logits, role_logits = self.session.run(
                None, {"input_ids": ids, "attention_mask": np.ones_like(ids)}
            )
            readings.append(
                _reading(
                    _softmax(type_logits[0]),
                    _softmax(role_logits[0]),
                    encoding.word_ids,
                    len(words),
                )
            )
        return readings


def _softmax(logits: FloatArray) -> FloatArray:
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return np.asarray(shifted / shifted.sum(axis=-1, keepdims=True), dtype=np.float32)


def _reading(
    types: FloatArray, roles: FloatArray, word_ids: Sequence[int | None], n_words: int
) -> SentenceReading:
    """One sentence's reading; a word's roles are those of its first piece (a word cut
    off by the piece bound reads as outside both sides)."""
    source = [0.0] * n_words
    target = [0.0] * n_words
    seen: set[int] = set()
    for piece, word in enumerate(word_ids):
        if word is None or word in seen or word >= n_words:
            continue
        seen.add(word)
        source[word] = float(roles[piece, 1])
        target[word] = float(roles[piece, 2])
    return SentenceReading(
        none=float(types[0]),
        types=tuple(float(p) for p in types[1:]),
        source=tuple(source),
        target=tuple(target),
    )
