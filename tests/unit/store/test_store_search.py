"""Full-text search in the store: every word must occur, best first, paginated, on every backend.

The same tests run on DuckDB and PostgreSQL (conftest.py), with the same expected
answers: both backends keep the one inverted index of bilat.store.search.
"""

from __future__ import annotations

from datetime import date

import pytest
from store_corpus import NewStore, NewUrl, raw_sql

from bilat.errors import SearchTooBroad
from bilat.records import Article, Event, EventType
from bilat.store import open_store
from bilat.store.common import SQLStore
from bilat.store.search import holds_phrases, parse_query, query_terms, words
from factories import article, event, mention

Doc = tuple[Article, list[Event]]


def _doc(
    body: str, title: str | None = None, events: tuple[tuple[str, str, float], ...] = ()
) -> Doc:
    """An article; each event is (sentence, ISO day, confidence), the sentence inside the body."""
    page = article(body, source=f"{body[:10]}.txt", title=title)
    made = []
    for n, (sentence, day, confidence) in enumerate(events):
        at = body.index(sentence)
        made.append(
            event(
                EventType.CONSULT,
                mention("PAK", start=at),
                mention("RUS", start=at),
                id_=f"{page.id[:8]}-{n}",
                article=page.id,
                sentence=sentence,
                start=at,
                when=date.fromisoformat(day),
                confidence=confidence,
            )
        )
    return page, made


GAS_TWICE = "Gas talks: the gas pipeline was discussed."
ONE_GAS = "The pipeline deal covers gas."
DOCS = [
    _doc("Wheat exports rose. Nothing about energy at all."),
    _doc(f"Officials met. {ONE_GAS}", events=((ONE_GAS, "2021-05-02", 0.9),)),
    _doc(GAS_TWICE, title="Pipeline news", events=((GAS_TWICE, "2021-05-01", 0.4),)),
    _doc("A gas-fired plant; the pipeline of projects is long.", title="Energy"),
]


@pytest.fixture
def searchable(store: SQLStore) -> SQLStore:
    store.write_batch(DOCS)
    return store


def _titles(found: list[tuple[Article, int]]) -> list[tuple[str, int]]:
    return [(a.body[:12], score) for a, score in found]


def test_articles_hold_every_word_and_rank_by_occurrences(searchable: SQLStore) -> None:
    found, total = searchable.search_articles(query_terms("Gas PIPELINE"), limit=10)
    # Title words count: "Pipeline news" + 2 gas + 1 pipeline = 4; ties keep stored order.
    assert _titles(found) == [
        (GAS_TWICE[:12], 4),
        ("Officials me", 2),
        ("A gas-fired ", 2),
    ]
    assert total == 3
    assert searchable.search_articles(query_terms("gas wheat"), limit=10) == ([], 0)


def test_article_search_pages_through_the_ranking(searchable: SQLStore) -> None:
    everything, total = searchable.search_articles(["gas"], limit=10)
    pages = [searchable.search_articles(["gas"], limit=1, offset=i)[0] for i in range(total)]
    assert [p[0] for p in pages] == everything
    assert total == 3
    assert searchable.search_articles(["gas"], limit=10, offset=3) == ([], 3)


def test_words_match_whole_words_casefolded(searchable: SQLStore) -> None:
    assert searchable.search_articles(["pipe"], limit=10) == ([], 0)
    assert searchable.search_articles(["ENERGY".casefold()], limit=10)[1] == 2
    assert words("Gas-fired PIPELINE's") == ["gas", "fired", "pipeline", "s"]


@pytest.mark.parametrize(
    "hostile", ["%", "_", "'; DROP TABLE articles; --", "\\", "?", "%s", "gas%", "*", "\x00"]
)
def test_search_terms_are_values_never_sql(searchable: SQLStore, hostile: str) -> None:
    assert searchable.search_articles([hostile], limit=10) == ([], 0)
    assert searchable.search_events([hostile], 0.0, limit=10) == ([], 0)
    assert searchable.count_articles() == len(DOCS)


def test_events_match_their_sentence_with_the_confidence_floor(searchable: SQLStore) -> None:
    found, total = searchable.search_events(["gas", "pipeline"], 0.0, limit=10)
    assert [(e.evidence.sentence, score) for e, score in found] == [(GAS_TWICE, 3), (ONE_GAS, 2)]
    assert total == 2
    assert found[0][0] == DOCS[2][1][0]  # the whole event comes back
    kept, total = searchable.search_events(["gas", "pipeline"], 0.5, limit=10)
    assert [e.evidence.sentence for e, _ in kept] == [ONE_GAS]
    assert total == 1


def test_events_with_equal_scores_come_by_date(store: SQLStore) -> None:
    late = "Gas was sold in June."
    early = "Gas was sold in May."
    store.write_batch(
        [_doc(f"{late} {early}", events=((late, "2021-06-01", 0.9), (early, "2021-05-01", 0.9)))]
    )
    found, _ = store.search_events(["gas"], 0.0, limit=10)
    assert [e.evidence.sentence for e, _ in found] == [early, late]
    second, total = store.search_events(["gas"], 0.0, limit=1, offset=1)
    assert [e.evidence.sentence for e, _ in second] == [late]
    assert total == 2


def test_no_words_find_nothing(searchable: SQLStore) -> None:
    assert query_terms("  ,;-- ") == ()
    assert searchable.search_articles([], limit=10) == ([], 0)
    assert searchable.search_events([], 0.0, limit=10) == ([], 0)


def test_a_repeated_article_is_indexed_once(new_store: NewStore) -> None:
    store = new_store()
    store.write_batch([DOCS[2], DOCS[2]])
    store.write_batch([DOCS[2]])
    assert _titles(store.search_articles(["gas"], limit=10)[0]) == [(GAS_TWICE[:12], 2)]


def test_a_store_from_before_the_index_is_indexed_on_upgrade(new_url: NewUrl) -> None:
    url = new_url()
    with open_store(url) as store:
        store.write_batch(DOCS)
    _as_version_1(url)
    with open_store(url) as store:
        found, total = store.search_articles(["gas", "pipeline"], limit=10)
        assert total == 3
        assert found[0][1] == 4
        assert store.search_events(["gas"], 0.0, limit=10)[1] == 2


def _as_version_1(url: str) -> None:
    """Drop the index and its schema version, as a store written by an older bilat."""
    statements = [
        "DROP TABLE article_terms",
        "DROP TABLE event_terms",
        "DELETE FROM schema_version WHERE version >= 2",
    ]
    for statement in statements:
        raw_sql(url, statement)


def test_words_match_by_their_stem(searchable: SQLStore) -> None:
    singular = searchable.search_articles(["pipeline"], limit=10)
    plural = searchable.search_articles(["pipelines"], limit=10)
    assert plural == singular
    assert singular[1] == 3
    assert searchable.search_events(["discussing"], 0.0, limit=10)[1] == 1


def test_quoted_words_match_only_as_a_phrase(searchable: SQLStore) -> None:
    # "gas pipeline" in a row is only in GAS_TWICE; the other two hold both words apart.
    found, total = searchable.search_articles(
        ["gas", "pipelines"], limit=10, phrases=[("gas", "pipelines")]
    )
    assert _titles(found) == [(GAS_TWICE[:12], 4)]
    assert total == 1
    events, total = searchable.search_events(
        ["gas", "pipeline"], 0.0, limit=10, phrases=[("gas", "pipeline")]
    )
    assert [e.evidence.sentence for e, _ in events] == [GAS_TWICE]
    assert searchable.search_articles(["gas", "pipeline"], 1, 1, [("gas", "pipeline")]) == (
        [],
        1,
    )


def test_a_store_with_a_word_index_is_reindexed_by_stem(new_url: NewUrl) -> None:
    url = new_url()
    with open_store(url) as store:
        store.write_batch(DOCS)
    _as_version_2_with_words(url)
    with open_store(url) as store:
        assert store.search_articles(["pipelines"], limit=10)[1] == 3


def _as_version_2_with_words(url: str) -> None:
    """An index of plain words, as bilat wrote before it stemmed (schema version 2)."""
    statements = [
        "UPDATE article_terms SET term = 'pipeline' WHERE term = 'pipelin'",
        "DELETE FROM schema_version WHERE version >= 3",
    ]
    for statement in statements:
        raw_sql(url, statement)


def test_queries_split_into_words_and_quoted_phrases() -> None:
    query = parse_query('“Gas pipelines” Russia "one" "')
    assert query.words == ("gas", "pipelines", "russia", "one")
    assert query.phrases == (("gas", "pipelines"),)
    assert holds_phrases("New gas pipeline.", query.phrases)
    assert not holds_phrases("A pipeline for gas.", query.phrases)


def test_phrase_pages_read_candidates_a_chunk_at_a_time(
    searchable: SQLStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bilat.store import search

    phrase = [("gas", "pipeline")]
    whole = searchable.search_articles(["gas", "pipeline"], 10, 0, phrase)
    monkeypatch.setattr(search, "PHRASE_CHUNK", 1)
    assert searchable.search_articles(["gas", "pipeline"], 10, 0, phrase) == whole
    monkeypatch.setattr(search, "PHRASE_CANDIDATES", 2)
    with pytest.raises(SearchTooBroad, match="occur in 3 documents"):
        searchable.search_articles(["gas", "pipeline"], 10, 0, phrase)
    assert searchable.search_articles(["gas", "pipeline"], 10)[1] == 3  # no phrase: no limit
