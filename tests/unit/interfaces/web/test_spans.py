"""Highlight pieces: cut at every span edge, text preserved, nothing lost or doubled."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bilat.interfaces.web.spans import article_pieces, sentence_pieces, snippet
from bilat.records import Actor, Mention
from tests.unit.interfaces.web.web_corpus import AGREE_SENTENCE, BODY, articles


def test_article_pieces_rebuild_the_body_and_mark_spans() -> None:
    events = articles()[0][1]
    start = BODY.index("Moscow")
    mentions = [Mention("Moscow", start, start + 6, Actor("RUS", "Russia"))]
    pieces = article_pieces(BODY, events, mentions)
    assert "".join(p.text for p in pieces) == BODY
    moscow = next(p for p in pieces if p.actor == "RUS")
    assert moscow.text == "Moscow" and len(moscow.events) == 1
    covered = "".join(p.text for p in pieces if p.events)
    assert AGREE_SENTENCE in covered and "The talks lasted" not in covered


def test_sentence_pieces_mark_trigger_and_actors() -> None:
    agree = next(e for e in articles()[0][1] if e.evidence.sentence == AGREE_SENTENCE)
    pieces = sentence_pieces(agree)
    assert "".join(p.text for p in pieces) == AGREE_SENTENCE
    assert [p.text for p in pieces if p.trigger] == ["signed"]
    assert [p.actor for p in pieces if p.actor] == ["PAK", "RUS"]


def test_snippet_marks_whole_words_by_their_stem() -> None:
    pieces = snippet("pipelines, a pipe and a Pipeline", 0, ["pipeline"])
    assert [p.text for p in pieces if p.trigger] == ["pipelines", "Pipeline"]


@given(
    st.text(max_size=60),
    st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=6),
)
def test_article_pieces_never_lose_text(body: str, spans: list[tuple[int, int]]) -> None:
    mentions = [Mention("x", s, t, Actor("PAK", "Pakistan")) for s, t in spans]
    assert "".join(p.text for p in article_pieces(body, [], mentions)) == body
