"""The confidence model: features of a finished event, a logistic fit, folds by document."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

import pytest

from bilat.config import Settings
from bilat.nlp.build import annotate, make_nlp
from bilat.nlp.learned.confidence import (
    FEATURES,
    ConfidenceModel,
    Sample,
    feature_values,
    fit,
    fold_of,
    out_of_fold,
    select_features,
)
from bilat.records import Status
from tests.factories import day, event


def test_features_read_status_and_how_the_date_was_found() -> None:
    read = feature_values(event(when=day(2024, 3, 1)))
    assert (read["occurred"], read["date_read"], read["undated"]) == (1.0, 1.0, 0.0)
    guessed = feature_values(event(when=replace(day(2024, 3, 1), inferred=True)))
    assert (guessed["date_read"], guessed["undated"]) == (0.0, 0.0)
    planned = feature_values(event(status=Status.PLANNED))
    assert (planned["occurred"], planned["undated"]) == (0.0, 1.0)


def test_the_shipped_model_ranks_a_dated_occurred_act_over_an_undated_plan() -> None:
    model = ConfidenceModel.load()
    assert {name for name, _ in model.weights} <= set(FEATURES)
    sure = model.weighed(event(when=day(2024, 3, 1))).confidence
    unsure = model.weighed(event(status=Status.PLANNED)).confidence
    assert 0 < unsure < sure < 1


def test_a_model_file_naming_an_unknown_feature_fails_to_load(tmp_path: Path) -> None:
    path = tmp_path / "confidence.json"
    path.write_text(json.dumps({"intercept": 0.0, "weights": {"moon_phase": 1.0}}))
    with pytest.raises(ValueError, match="moon_phase"):
        ConfidenceModel.load(path)


def _samples(n: int, seed: int = 3) -> list[Sample]:
    """Events right with probability logistic(-1 + 2.5 x occurred); ``symmetric`` is noise."""
    rng = random.Random(seed)
    out: list[Sample] = []
    for i in range(n):
        values = {name: 0.0 for name in FEATURES}
        values["occurred"] = float(rng.random() < 0.6)
        values["symmetric"] = float(rng.random() < 0.5)
        p = 1 / (1 + 2.718281828 ** (1 - 2.5 * values["occurred"]))
        out.append((f"doc{i // 4}", values, rng.random() < p))
    return out


def test_the_fit_recovers_the_weights_that_made_the_labels() -> None:
    model = fit([(v, ok) for _, v, ok in _samples(4000)], ["occurred"])
    assert model.intercept == pytest.approx(-1.0, abs=0.2)
    assert dict(model.weights)["occurred"] == pytest.approx(2.5, abs=0.3)


def test_forward_selection_keeps_what_predicts_and_leaves_out_noise() -> None:
    path = select_features(_samples(1200))
    assert [name for name, _ in path[1:]] == ["occurred"]
    assert path[1][1] < path[0][1]  # it lowered out-of-fold log loss


def test_out_of_fold_never_scores_an_event_with_a_fit_that_saw_it() -> None:
    samples = _samples(400)
    doc, values, ok = samples[0]
    flipped = [(doc, values, not ok), *samples[1:]]
    before, after = out_of_fold(samples, ["occurred"]), out_of_fold(flipped, ["occurred"])
    assert before[0][0] == after[0][0]  # its own label did not move its confidence
    same_fold = [i for i, (d, _, _) in enumerate(samples) if fold_of(d) == fold_of(doc)]
    other = next(i for i in range(len(samples)) if i not in same_fold)
    assert before[other][0] != after[other][0]  # but it did move the other folds'


def test_the_pipeline_gives_every_event_the_fitted_confidence() -> None:
    nlp = make_nlp(Settings(event_model="off"))
    assert nlp.pipe_names[-1] == "bilat_confidence"
    model = ConfidenceModel.load()
    text = "Pakistan and Russia signed an agreement in Moscow on 3 March 2024."
    [done] = annotate(nlp, [("a1", text, None)])
    assert done.events
    for found in done.events:
        assert found.confidence == round(model.probability(feature_values(found)), 3)
