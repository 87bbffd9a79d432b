"""Fusion keeps acts apart: a cluster is one act, of one type, citing every sentence that
tells it; another act in the same sentence is a cluster of its own."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.fuse import CONTINUATION_GAP, fuse
from bilat.records import (
    Actor,
    DateSpan,
    Event,
    EventCluster,
    EventType,
    Evidence,
    Granularity,
    Mention,
    Status,
)

CONSULT, AGREE = EventType.CONSULT, EventType.AGREE
MARCH = DateSpan(date(2019, 3, 1), date(2019, 3, 31), Granularity.MONTH, "March 2019")
EARLY_MARCH = DateSpan(date(2019, 3, 1), date(2019, 3, 10), Granularity.MONTH, "early March")

# Two articles on one meeting of a working group: each names it in one sentence (one of
# them an agreement reached at it too) and tells what it discussed in the next.
LEAD_A = "In early March, the India-Japan Joint Working Group on Energy met for the second time."
MORE_A = (
    "The meeting was held between the two energy secretaries, who discussed LNG supplies, "
    "refinery upgrades and grid links."
)
LEAD_B = (
    "In March 2019, India and Japan agreed to expand their energy partnership at the second "
    "session of their working group."
)
MORE_B = (
    "Officials also reviewed hydrogen research, offshore wind projects and the financing of "
    "two power plants."
)


def _event(
    id_: str,
    sentence: str,
    article: str,
    start: int,
    *,
    type_: EventType = CONSULT,
    when: DateSpan | None = None,
    mode: str | None = None,
    status: Status = Status.OCCURRED,
) -> Event:
    return Event(
        id=id_,
        type=type_,
        source=Mention("India", 0, 5, Actor("IND", "India")),
        target=Mention("Japan", 10, 15, Actor("JPN", "Japan")),
        evidence=Evidence(article, sentence, start, start + len(sentence)),
        date=when,
        mode=mode,
        status=status,
        symmetric=True,
    )


def _carried(span: DateSpan) -> DateSpan:
    """The date a sentence without one of its own takes from the text before it."""
    return DateSpan(span.start, span.end, span.granularity, span.text, inferred=True)


def _two_articles() -> list[Event]:
    after_a = len(LEAD_A) + 1
    after_b = len(LEAD_B) + 1
    return [
        _event("a-lead", LEAD_A, "a", 0, when=EARLY_MARCH),
        # "The meeting was held ...": a definite description takes the date of the
        # meeting already told, as read there (not marked inferred).
        _event("a-more", MORE_A, "a", after_a, when=EARLY_MARCH),
        _event("b-lead", LEAD_B, "b", 0, when=MARCH),
        _event("b-agree", LEAD_B, "b", 0, when=MARCH, type_=AGREE),
        _event("b-more", MORE_B, "b", after_b, when=_carried(MARCH)),
    ]


def _members(clusters: Sequence[EventCluster]) -> list[list[str]]:
    return sorted(sorted(e.id for e in c.events) for c in clusters)


def test_another_act_in_the_same_sentence_is_a_cluster_of_its_own() -> None:
    sentence = "At the JMCC meeting, Pakistan and Russia agreed to hold joint naval drills."
    events = [
        _event("meeting", sentence, "a1", 0, when=MARCH),
        _event("agreement", sentence, "a1", 0, when=MARCH, type_=AGREE),
    ]
    clusters = fuse(events)
    assert _members(clusters) == [["agreement"], ["meeting"]]
    assert {c.lead.type for c in clusters} == {CONSULT, AGREE}


def test_one_meeting_told_in_two_sentences_by_each_of_two_articles_is_one_cluster() -> None:
    clusters = fuse(_two_articles())
    assert _members(clusters) == [["a-lead", "a-more", "b-lead", "b-more"], ["b-agree"]]
    meeting = next(c for c in clusters if len(c.events) == 4)
    assert meeting.sources == 2
    assert meeting.lead.type is CONSULT


def test_the_type_of_a_cluster_is_the_type_of_its_members_whatever_their_confidence() -> None:
    meeting = _event("meeting", LEAD_B, "b", 0, when=MARCH)
    # The more confident AGREE of the same sentence takes nothing from the meeting.
    agreement = replace(_event("agree", LEAD_B, "b", 0, when=MARCH, type_=AGREE), confidence=0.99)
    clusters = fuse([meeting, agreement])
    assert len(clusters) == 2
    for cluster in clusters:
        assert {e.type for e in cluster.events} == {cluster.lead.type}


def test_a_sentence_dating_an_act_of_its_own_does_not_continue_the_one_before() -> None:
    call = "In the same month, this was followed by a conversation between the two leaders."
    own = DateSpan(MARCH.start, MARCH.end, Granularity.MONTH, "the same month")
    events = [
        _event("lead", LEAD_A, "a", 0, when=EARLY_MARCH),
        _event("call", call, "a", len(LEAD_A) + 1, when=own),
    ]
    assert _members(fuse(events)) == [["call"], ["lead"]]


def test_a_sentence_of_another_mode_does_not_continue_the_one_before() -> None:
    call = "The two leaders then spoke about the energy projects."
    events = [
        _event("lead", LEAD_A, "a", 0, when=EARLY_MARCH),
        _event("call", call, "a", len(LEAD_A) + 1, when=_carried(EARLY_MARCH), mode="phone"),
    ]
    assert _members(fuse(events)) == [["call"], ["lead"]]


def test_a_sentence_far_after_another_does_not_continue_it() -> None:
    far = len(LEAD_A) + CONTINUATION_GAP + 1
    near = len(LEAD_A) + 1
    for start, joined in ((near, True), (far, False)):
        events = [
            _event("lead", LEAD_A, "a", 0, when=EARLY_MARCH),
            _event("more", MORE_B, "a", start, when=_carried(EARLY_MARCH)),
        ]
        assert (len(fuse(events)) == 1) is joined


@settings(max_examples=30, deadline=None)
@given(st.permutations(list(range(5))))
def test_continuations_do_not_depend_on_input_order(order: list[int]) -> None:
    events = _two_articles()
    assert fuse([events[i] for i in order]) == fuse(events)


# Sentences of a made-up article, one per position: events at one position share theirs.
_SENTENCES = (
    LEAD_A,
    MORE_A,
    LEAD_B,
    MORE_B,
    "The talks went on into the evening.",
    "The two sides agreed to meet again.",
    "They also spoke by phone.",
)


@st.composite
def _any_event(draw: st.DrawFn, n: int) -> Event:
    sentence_no = draw(st.integers(0, len(_SENTENCES) - 1))
    when = draw(st.sampled_from([None, MARCH, EARLY_MARCH, _carried(MARCH)]))
    return _event(
        f"e{n:03d}",
        _SENTENCES[sentence_no],
        draw(st.sampled_from(["a", "b"])),
        sentence_no * 150,
        type_=draw(st.sampled_from([CONSULT, AGREE])),
        when=when,
        mode=draw(st.sampled_from([None, None, "phone"])),
        status=draw(st.sampled_from([Status.OCCURRED, Status.OCCURRED, Status.PLANNED])),
    )


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(0, 999), min_size=1, max_size=30, unique=True).flatmap(
        lambda ns: st.tuples(*(_any_event(n) for n in ns))
    )
)
def test_every_cluster_is_one_type_and_status(events: tuple[Event, ...]) -> None:
    clusters = fuse(events)
    for cluster in clusters:
        assert len({(e.type, e.status, e.dyad) for e in cluster.events}) == 1
    assert sorted(e.id for c in clusters for e in c.events) == sorted(e.id for e in events)


def test_a_guessed_date_is_no_sign_of_one_act() -> None:
    # Two articles' consultations with some wording in common (similarity about 0.3): on a
    # day both texts name they are one meeting; both dated only by the day they were
    # published (a guess), they need the similarity of undated reports, and stay two.
    talks = "India and Japan held talks on the gas pipeline project in Delhi."
    agenda = "India and Japan held talks on Afghanistan and regional security."
    read = DateSpan(date(2021, 12, 1), date(2021, 12, 1), Granularity.DAY, "1 December")
    guessed = replace(read, text="", inferred=True)
    for when, clusters in ((read, 1), (guessed, 2)):
        both = [_event("t", talks, "a", 0, when=when), _event("g", agenda, "b", 0, when=when)]
        assert len(fuse(both)) == clusters
