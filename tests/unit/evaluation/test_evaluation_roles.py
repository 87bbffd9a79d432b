"""Rule 2: actor spans by token overlap and shared head token, one-to-one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from bilat.errors import ResourceInvalid
from bilat.evaluation.roles import RoleSentence, load_roles, score_roles, score_sentence
from bilat.records import Event

MakeEvent = Callable[..., Event]

CONLL = """\
Russian B-S
President I-S
Putin I-S
called O
Pakistani B-T
Prime I-T
Minister I-T
Khan I-T
. O

Erdogan B-R
will O
meet O
his B-R
counterpart I-R
. O

India B-S
blamed O
Pakistan B-T
and O
China B-T
. O
"""


@pytest.fixture
def sentences(tmp_path: Path) -> list[RoleSentence]:
    path = tmp_path / "roles.txt"
    path.write_text(CONLL, encoding="utf-8")
    return load_roles(path)


def _char(sentence: RoleSentence, first: int, last: int) -> tuple[int, int]:
    """Character range of tokens first..last in the sentence text."""
    return sentence.offsets[first][0], sentence.offsets[last][1]


def test_load_roles_builds_text_offsets_and_spans(sentences: list[RoleSentence]) -> None:
    first, second, third = sentences
    assert first.text == "Russian President Putin called Pakistani Prime Minister Khan ."
    assert first.source == ((0, 2),) and first.target == ((4, 7),)
    assert first.text[slice(*first.offsets[2])] == "Putin"
    assert second.reciprocal == ((0, 0), (3, 4)) and not second.source
    assert third.target == ((2, 2), (4, 4))


def test_load_roles_rejects_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("Putin X-S\n", encoding="utf-8")
    with pytest.raises(ResourceInvalid, match=r"bad\.txt:1"):
        load_roles(path)


def test_token_span_maps_characters_to_overlapping_tokens(
    sentences: list[RoleSentence],
) -> None:
    first = sentences[0]
    assert first.token_span(0, 7) == (0, 0)
    assert first.token_span(8, 20) == (1, 2)  # "President Putin" plus a partial token
    assert first.token_span(200, 210) is None


def _gold_events(sentence: RoleSentence, make_event: MakeEvent) -> list[Event]:
    """One event per gold target (or per reciprocal pair), each with the first gold source."""
    if sentence.reciprocal:
        a, b = sentence.reciprocal
        return [make_event(source=("A", *_char(sentence, *a)), target=("B", *_char(sentence, *b)))]
    src = ("A", *_char(sentence, *sentence.source[0]))
    return [make_event(source=src, target=("B", *_char(sentence, *t))) for t in sentence.target]


def test_roles_perfect_predictor_scores_one(
    sentences: list[RoleSentence], make_event: MakeEvent
) -> None:
    by_text = {s.text: _gold_events(s, make_event) for s in sentences}

    def predict(texts: Sequence[str]) -> list[list[Event]]:
        return [by_text[t] for t in texts]

    out = score_roles(sentences, predict).as_dict()
    assert out["n"] == 3
    for role in ("source", "target", "micro"):
        assert out[role] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert out["reciprocal"] == {"n": 2, "recall": 1.0}


def test_roles_empty_predictor_scores_zero(sentences: list[RoleSentence]) -> None:
    out = score_roles(sentences, lambda texts: [[] for _ in texts]).as_dict()
    assert out["micro"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert out["reciprocal"]["recall"] == 0.0


def test_head_token_must_match(sentences: list[RoleSentence], make_event: MakeEvent) -> None:
    first = sentences[0]
    # "Russian President" overlaps the gold source but ends on President, not Putin.
    wrong_head = make_event(source=("RUS", *_char(first, 0, 1)), target=None)
    # "Putin" alone overlaps and ends on the head: correct.
    right_head = make_event(source=("RUS", *_char(first, 2, 2)), target=None)
    source, target, _ = score_sentence(first, [wrong_head])
    assert (source.tp, source.fp, source.fn) == (0, 1, 1)
    source, _, _ = score_sentence(first, [right_head])
    assert (source.tp, source.fp, source.fn) == (1, 0, 0)
    assert target.fn == 1


def test_roles_are_not_interchangeable(
    sentences: list[RoleSentence], make_event: MakeEvent
) -> None:
    first = sentences[0]
    swapped = make_event(source=("PAK", *_char(first, 4, 7)), target=("RUS", *_char(first, 0, 2)))
    source, target, _ = score_sentence(first, [swapped])
    assert source.tp == target.tp == 0


def test_matching_is_one_to_one_and_duplicates_collapse(
    sentences: list[RoleSentence], make_event: MakeEvent
) -> None:
    first = sentences[0]
    whole, head_only = _char(first, 0, 2), _char(first, 2, 2)
    events = [
        make_event(source=("RUS", *whole), target=None),
        make_event(source=("RUS", *whole), target=None),  # identical span: counted once
        make_event(source=("RUS", *head_only), target=None),  # second span, same gold
    ]
    source, _, _ = score_sentence(first, events)
    assert (source.tp, source.fp, source.fn) == (1, 1, 0)


def test_roles_partial_predictor_by_hand(
    sentences: list[RoleSentence], make_event: MakeEvent
) -> None:
    third = sentences[2]
    # Source right, one of two targets right, one unresolved (code None) span still scored.
    events = [
        make_event(source=("IND", *_char(third, 0, 0)), target=("PAK", *_char(third, 2, 2))),
        make_event(source=("IND", *_char(third, 0, 0)), target=(None, *_char(third, 1, 1))),
    ]
    by_text = {third.text: events}
    result = score_roles([third], lambda texts: [by_text[t] for t in texts])
    assert result.source.as_dict() == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert (result.target.tp, result.target.fp, result.target.fn) == (1, 1, 1)
    assert result.micro.precision == pytest.approx(2 / 3)
    assert result.micro.recall == pytest.approx(2 / 3)


def test_spans_on_reciprocal_actors_are_set_aside(
    sentences: list[RoleSentence], make_event: MakeEvent
) -> None:
    second = sentences[1]
    event = make_event(source=("TUR", *_char(second, 0, 0)), target=("ITA", *_char(second, 4, 4)))
    source, target, found = score_sentence(second, [event])
    assert source.tp + source.fp + source.fn == 0
    assert target.tp + target.fp + target.fn == 0
    assert found == 2


def test_real_roles_file_loads() -> None:
    path = Path(__file__).resolve().parents[4] / "shared" / "eval" / "cameo" / "roles_train.txt"
    if not path.is_file():
        pytest.skip("../shared/eval is absent")
    sentences = load_roles(path)
    assert len(sentences) > 1000
    assert all(len(s.tokens) == len(s.offsets) for s in sentences)
