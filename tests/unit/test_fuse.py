"""Fusion of events across articles, and the near-duplicate detection it counts sources with."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.article_info import ArticleInfo
from bilat.dedup import _coefficients, _hash64, estimated_jaccard, jaccard, shingles, signature
from bilat.fuse import cluster_date, cluster_id, evidence_similarity, fuse, source_groups
from bilat.records import Event, EventType, Status
from factories import article, day, event, month

_COEFFS = _coefficients(64)

JMCC_A = (
    "Pakistan and Russia held the third round of the Joint Military Consultative Committee "
    "(JMCC) in Rawalpindi on 30 September 2021."
)
JMCC_B = (
    "The third meeting of the Pakistan-Russia JMCC took place at GHQ Rawalpindi on "
    "September 30, 2021, discussing defence cooperation."
)
WIRE = (
    "ISLAMABAD: Pakistan and Russia held the third round of the Joint Military Consultative "
    "Committee in Rawalpindi on Thursday. The two sides discussed regional security, "
    "counter-terrorism cooperation, joint exercises and training exchanges between their "
    "armed forces. Officials said the talks were held in a cordial atmosphere and both "
    "delegations agreed to expand defence cooperation, including the sale of equipment."
)


def ev(id_: str, sentence: str, article: str, **fields: Any) -> Event:
    """A symmetric event (PAK-RUS CONSULT unless ``fields`` say otherwise), as fusion sees them."""
    return event(id_=id_, sentence=sentence, article=article, symmetric=True, **fields)


def info(id_: str, body: str, url: str | None = None) -> ArticleInfo:
    return ArticleInfo.from_article(article(body, id_=id_, url=url))


def test_two_articles_on_one_jmcc_meeting_make_one_cluster_with_two_sources() -> None:
    events = [
        ev("e1", JMCC_A, "a1", when=day(2021, 9, 30)),
        ev("e2", JMCC_B, "a2", when=day(2021, 9, 30)),
    ]
    [cluster] = fuse(events)
    assert cluster.sources == 2
    assert {e.id for e in cluster.events} == {"e1", "e2"}
    assert cluster.id == cluster_id(["e2", "e1"])


def test_syndicated_copy_is_counted_once() -> None:
    copy = "By Staff Reporter\n" + WIRE + "\nRead more: defence news"
    articles = {
        "a1": info("a1", WIRE),
        "a3": info("a3", copy),
        "a2": info("a2", "A different account. " + JMCC_B + " Analysts welcomed it."),
    }
    events = [
        ev("e1", JMCC_A, "a1", when=day(2021, 9, 30)),
        ev("e3", JMCC_A, "a3", when=day(2021, 9, 30)),
        ev("e2", JMCC_B, "a2", when=day(2021, 9, 30)),
    ]
    [cluster] = fuse(events, articles)
    assert len(cluster.events) == 3
    assert cluster.sources == 2
    assert fuse(events)[0].sources == 3  # without bodies, every article is its own source


def test_same_url_is_one_source() -> None:
    articles = {
        "a1": ArticleInfo("a1", url="https://example.org/x/"),
        "a2": ArticleInfo("a2", url="https://example.org/x"),
    }
    assert source_groups(["a2", "a1"], articles) == [("a1", "a2")]


def test_same_article_stating_the_event_twice_merges_as_one_source() -> None:
    intro = "Pakistan and Russia held the JMCC talks in Rawalpindi on Thursday."
    events = [
        ev("e1", intro, "a1", when=day(2021, 9, 30), start=0),
        ev("e2", JMCC_A, "a1", when=day(2021, 9, 30), start=500),
    ]
    [cluster] = fuse(events)
    assert cluster.sources == 1
    assert len(cluster.events) == 2


def test_different_months_stay_apart() -> None:
    events = [
        ev("e1", JMCC_A, "a1", when=month(2021, 9)),
        ev("e2", JMCC_A.replace("30 September", "12 November"), "a2", when=month(2021, 11)),
    ]
    assert len(fuse(events)) == 2


def test_different_dyads_stay_apart() -> None:
    events = [
        ev("e1", JMCC_A, "a1", when=day(2021, 9, 30)),
        ev("e2", JMCC_A, "a2", when=day(2021, 9, 30), source="PAK", target="CHN"),
    ]
    assert len(fuse(events)) == 2


def test_different_rounds_in_one_month_stay_apart() -> None:
    events = [
        ev("e1", JMCC_A, "a1", when=month(2021, 9)),
        ev("e2", JMCC_A.replace("third", "fourth"), "a2", when=month(2021, 9)),
    ]
    assert len(fuse(events)) == 2


def test_different_status_stays_apart() -> None:
    events = [
        ev("e1", JMCC_A, "a1", when=day(2021, 9, 30)),
        ev("e2", JMCC_A, "a2", when=day(2021, 9, 30), status=Status.DENIED),
    ]
    assert len(fuse(events)) == 2


def test_dissimilar_types_in_one_quad_stay_apart() -> None:
    events = [
        ev("e1", JMCC_A, "a1", when=day(2021, 9, 30)),
        ev(
            "e2",
            "Russia and Pakistan signed an agreement on gas pipeline construction.",
            "a2",
            when=day(2021, 9, 30),
            type_=EventType.AGREE,
        ),
    ]
    assert len(fuse(events)) == 2


def test_different_quads_never_merge() -> None:
    events = [
        ev("e1", JMCC_A, "a1", when=day(2021, 9, 30)),
        ev("e2", JMCC_A, "a2", when=day(2021, 9, 30), type_=EventType.COOPERATE),
    ]
    assert len(fuse(events)) == 2


def test_undated_event_joins_only_when_evidence_is_similar() -> None:
    similar = ev("e2", JMCC_A.replace(" on 30 September 2021", ""), "a2")
    unrelated = ev("e3", "Russia and Pakistan have consulted often over Afghanistan.", "a3")
    clusters = fuse([ev("e1", JMCC_A, "a1", when=day(2021, 9, 30)), similar, unrelated])
    assert [sorted(e.id for e in c.events) for c in clusters] == [["e1", "e2"], ["e3"]]


def test_event_without_dyad_is_a_singleton() -> None:
    lone = event(id_="e9", target=None, sentence=JMCC_A, when=day(2021, 9, 30))
    clusters = fuse([lone, ev("e1", JMCC_A, "a1", when=day(2021, 9, 30), start=5)])
    assert len(clusters) == 2
    assert all(c.sources == 1 for c in clusters)


def test_output_is_ordered_by_date_then_id_with_undated_last() -> None:
    events = [
        ev("late", "Pakistan and Russia met on energy.", "a1", when=day(2022, 2, 24)),
        ev("undated", "Pakistan and Russia consulted on Afghanistan.", "a2"),
        ev("early", "Pakistan and Russia discussed wheat exports.", "a3", when=month(2020, 1)),
    ]
    clusters = fuse(events)
    assert [c.events[0].id for c in clusters] == ["early", "late", "undated"]
    assert cluster_date(clusters[0]) == month(2020, 1)
    assert cluster_date(clusters[-1]) is None


def test_cluster_date_prefers_the_most_precise_member() -> None:
    events = [
        ev("e1", JMCC_A, "a1", when=month(2021, 9)),
        ev("e2", JMCC_B, "a2", when=day(2021, 9, 30)),
    ]
    [cluster] = fuse(events)
    assert cluster_date(cluster) == day(2021, 9, 30)


def test_evidence_similarity_ignores_the_dyads_own_names() -> None:
    a = ev("e1", "Pakistan and Russia met in Moscow.", "a1")
    b = ev("e2", "Russian and Pakistani officials held trade talks.", "a2")
    assert evidence_similarity(a, a) == 1.0
    assert evidence_similarity(a, b) == 0.0


@settings(max_examples=30, deadline=None)
@given(st.permutations(list(range(6))))
def test_fusion_does_not_depend_on_input_order(order: list[int]) -> None:
    events = [
        ev("e1", JMCC_A, "a1", when=day(2021, 9, 30)),
        ev("e2", JMCC_B, "a2", when=day(2021, 9, 30)),
        ev("e3", JMCC_A.replace(" on 30 September 2021", ""), "a3"),
        ev("e4", "Pakistan and Russia met on energy.", "a4", when=day(2022, 2, 24)),
        ev("e5", JMCC_A, "a5", when=day(2021, 9, 30), source="IND", target="RUS"),
        ev("e6", JMCC_A, "a6", when=month(2021, 11)),
    ]
    expected = fuse(events)
    assert fuse([events[i] for i in order]) == expected


def test_shingles_and_jaccard() -> None:
    assert shingles("one two") == frozenset({"one two"})
    assert len(shingles("a b c d e f g")) == 3
    assert shingles("") == frozenset()
    assert jaccard({1, 2}, {2, 3}) == 1 / 3
    assert jaccard(set(), set()) == 0.0


def test_minhash_estimates_near_duplicates_and_differences() -> None:
    copy = "By Staff Reporter\n" + WIRE.upper() + "\nRead more: defence news"
    other = (
        "India and the United States signed a logistics agreement in Washington after a "
        "week of negotiations over access to naval bases and fuel supplies for warships."
    )
    assert signature(WIRE) == signature(WIRE)
    assert len(signature(WIRE)) == 64
    assert estimated_jaccard(signature(WIRE), signature(copy)) >= 0.8
    assert estimated_jaccard(signature(WIRE), signature(other)) < 0.2
    assert (
        abs(
            estimated_jaccard(signature(WIRE), signature(copy))
            - jaccard(shingles(WIRE), shingles(copy))
        )
        < 0.2
    )
    assert signature("") == ()
    assert estimated_jaccard((), ()) == 0.0


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(WIRE.split()), min_size=1, max_size=40))
def test_signature_is_the_minhash_its_formula_gives(words: list[str]) -> None:
    # Each value is the least (a * h + b) mod (2**61 - 1) over the shingle hashes h.
    text = " ".join(words)
    hashes = [_hash64(s) for s in shingles(text)]
    expected = tuple(min((a * h + b) % ((1 << 61) - 1) for h in hashes) for a, b in _COEFFS)
    assert signature(text) == expected


@st.composite
def _prints(draw: st.DrawFn) -> dict[str, ArticleInfo]:
    """Articles whose fingerprints are copies of a few originals with some values changed."""
    originals = draw(st.lists(st.lists(st.integers(0, 9), min_size=64, max_size=64), min_size=1))
    out = {}
    for n in range(draw(st.integers(1, 12))):
        values = list(draw(st.sampled_from(originals)))
        for at in draw(st.lists(st.integers(0, 63), max_size=20)):
            values[at] = draw(st.integers(10, 12))
        url = draw(st.sampled_from([None, "https://a.example/x", "https://a.example/x/"]))
        out[f"a{n:02d}"] = ArticleInfo(f"a{n:02d}", url=url, fingerprint=tuple(values))
    return out


@settings(max_examples=200, deadline=None)
@given(_prints())
def test_source_groups_find_every_pair_of_one_source(articles: dict[str, ArticleInfo]) -> None:
    ids = sorted(articles)
    # Every pair compared, as source_groups did before it looked in bands.
    linked = {i: {i} for i in ids}
    for i in ids:
        for j in ids:
            a, b = articles[i], articles[j]
            same_url = a.url and b.url and a.url.rstrip("/") == b.url.rstrip("/")
            if same_url or estimated_jaccard(a.fingerprint, b.fingerprint) >= 0.8:
                linked[i].add(j)
    changed = True
    while changed:  # transitive closure
        changed = False
        for i in ids:
            grown = set().union(*(linked[j] for j in linked[i]))
            if grown != linked[i]:
                linked[i], changed = grown, True
    expected = sorted({tuple(sorted(group)) for group in linked.values()})
    assert sorted(tuple(sorted(g)) for g in source_groups(ids, articles)) == expected
