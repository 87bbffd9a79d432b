"""The pipeline make_nlp builds: its components declare what they read and write, and
spaCy's own check of the order finds nothing missing (with the shipped model)."""

from __future__ import annotations

import pytest

from bilat.config import Settings
from bilat.nlp.build import make_nlp


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
