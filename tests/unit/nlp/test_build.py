"""The pipeline make_nlp builds: its components declare what they read and write, and
spaCy's own check of the order finds nothing missing (with the shipped model); the
model's reading ahead in another process changes nothing of what it decides."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from spacy.tokens import Doc

from bilat.config import Settings
from bilat.errors import ModelReaderFailed
from bilat.nlp.build import LearnedComponent, make_nlp


@pytest.mark.parametrize(
    ("event_model", "one_sided", "keep_uncoded"),
    [("on", False, False), ("off", False, False), ("off", True, False), ("on", False, True)],
)
def test_analyze_pipes_finds_no_problem(
    event_model: str, one_sided: bool, keep_uncoded: bool
) -> None:
    nlp = make_nlp(Settings(event_model=event_model, one_sided=one_sided), keep_uncoded)
    analysis = nlp.analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values()), analysis["problems"]
    summary = analysis["summary"]
    assert summary["bilat_lines"]["assigns"] == ["token.is_sent_start"]
    assert summary["bilat_facts"]["assigns"] == ["doc._.facts"]
    assert "doc._.facts" in summary["bilat_events"]["requires"]
    assert "token.dep" in summary["bilat_events"]["requires"]
    bilat = [name for name in nlp.pipe_names if name.startswith("bilat_")]
    assert all(summary[name]["assigns"] for name in bilat)


def test_a_component_before_what_it_reads_is_a_problem() -> None:
    # The check is real: events coded before the facts they read are flagged.
    nlp = make_nlp(Settings(event_model="off"))
    nlp.remove_pipe("bilat_facts")
    nlp.add_pipe("bilat_facts", last=True)
    problems = nlp.analyze_pipes()["problems"]
    assert "doc._.facts" in problems["bilat_events"]


_STORIES = [
    "Pakistan and Russia signed an agreement on gas pipelines in Moscow on Tuesday. "
    "The Russian foreign minister visited Islamabad last week.",
    "The weather was fine. Nothing happened in the markets.",
    "China accused India of violating the border agreement. "
    "India rejected the claim and recalled its ambassador from Beijing.",
]


def _events_of(docs: Iterable[Doc]) -> list[tuple[str, ...]]:
    return [tuple(e.id for e in doc._.events) for doc in docs]


def test_the_model_reading_ahead_judges_as_one_doc_at_a_time() -> None:
    # nlp.pipe goes through LearnedComponent.pipe, which reads in a process of its own;
    # calling the pipeline on each text goes through __call__. Same events, same order,
    # and a second stream reads in the same process.
    nlp = make_nlp(Settings(event_model="on"))
    stories = _STORIES * 3
    piped = _events_of(nlp.pipe(stories, batch_size=2))
    again = _events_of(nlp.pipe(stories[:3], batch_size=2))
    one_by_one = _events_of(nlp(text) for text in stories)
    assert piped == one_by_one
    assert again == one_by_one[:3]
    assert any(piped)
    learned = nlp.get_pipe("bilat_learned")
    assert isinstance(learned, LearnedComponent)
    assert learned.reader().in_child


def test_a_reading_process_that_died_fails_its_stream_and_is_replaced_for_the_next() -> None:
    nlp = make_nlp(Settings(event_model="on"))
    learned = nlp.get_pipe("bilat_learned")
    assert isinstance(learned, LearnedComponent)
    expected = _events_of(nlp.pipe(_STORIES))
    dead = learned.reader()
    assert dead._child is not None
    dead._child._process.kill()
    dead._child._process.wait()
    # the stream under way when the process died fails, saying why ...
    with pytest.raises(ModelReaderFailed, match="reading process stopped"):
        list(dead.submit([["Talks", "."]]).result(timeout=30))
    # ... and the next stream reads with a new process, as before
    assert _events_of(nlp.pipe(_STORIES)) == expected
    assert learned.reader() is not dead and learned.reader().alive


def test_a_sentence_starts_after_a_line_break_and_never_mid_clause() -> None:
    nlp = make_nlp(Settings(event_model="off"))
    doc = nlp(
        "Moro conflict\n\nGunmen abduct a Norwegian resort manager from a resort. Troops were sent."
    )
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == [
        "Moro conflict",
        "Gunmen abduct a Norwegian resort manager from a resort.",
        "Troops were sent.",
    ]
