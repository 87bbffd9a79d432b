"""What a pair's page reads besides its events (schema version 6), on every backend: the
actors each sentence names, articles as citations show them, the store's tallies."""

from __future__ import annotations

from pathlib import Path

import duckdb
from store_corpus import ARTICLES, Batch, NewStore

from bilat.codec import sql_rows as rows
from bilat.dedup import signature
from bilat.records import Actor
from bilat.store import EventQuery, open_store, sql
from bilat.store.base import PairWeight
from bilat.store.batches import columns
from bilat.store.common import SQLStore
from bilat.store.migrations import MIGRATIONS, statements
from bilat.store.pair_reads import decode, encode

AFG, PAK = Actor("AFG", "Afghanistan"), Actor("PAK", "Pakistan")
NAMED = {"e01": (AFG, PAK), "e03": (AFG,)}


def test_named_actors_are_stored_with_their_events(new_store: NewStore, sample: Batch) -> None:
    store = new_store()
    store.write_batch(sample, NAMED)
    assert store.evidence_actors(["e01", "e02", "e03", "nope"]) == NAMED
    # A batch repeated: its articles are skipped, and so are their events' actors.
    assert store.write_batch(sample, {"e01": (PAK,)}) == 0
    assert store.evidence_actors(["e01"]) == {"e01": (AFG, PAK)}


def test_a_fingerprint_reads_back_value_for_value() -> None:
    fingerprint = (*signature("the ministers met in Kabul on Monday"), 0, 2**61 - 1)
    assert decode(encode(fingerprint)) == fingerprint
    assert decode("") == ()
    assert decode("0" * 15 + "a" + "ff") == (10, 255)  # not written by encode: read as given


def test_cited_articles_come_without_their_bodies_with_fingerprints(filled: SQLStore) -> None:
    a1, a2 = ARTICLES["A1"], ARTICLES["A2"]
    found = filled.cited_articles([a1.id, a2.id, "f" * 64])
    assert sorted(found) == sorted([a1.id, a2.id])
    cited = found[a1.id]
    assert (cited.source, cited.title, cited.published) == (a1.source, None, None)
    assert cited.fingerprint == signature(a1.body)
    assert filled.cited_articles([]) == {}


def test_involvement_counts_sides_and_named_actors_once_per_event(
    new_store: NewStore, sample: Batch
) -> None:
    store = new_store()
    store.write_batch(sample, NAMED)
    total, counts = store.involvement(0.0)
    assert total == 10
    assert counts == {"AFG": 2, "PAK": 4, "RUS": 4, "IND": 5, "USA": 2, "CHN": 2}
    total, counts = store.involvement(0.65)  # e01, e03, e05, e07
    assert total == 4
    assert counts == {"AFG": 2, "PAK": 3, "RUS": 2, "USA": 1, "IND": 1}


def test_pair_weights_tally_occurred_events_of_a_pair(filled: SQLStore) -> None:
    pak, rus = Actor("PAK", "Pakistan"), Actor("RUS", "Russia")
    # e01 (AGREE) and e05 (AID); e02 is planned, e07 is no pair.
    assert filled.pair_weights(["PAK"], 0.0) == [PairWeight(pak, rus, 2, 2.0, 0.0)]
    chn, ind, usa = Actor("CHN", "China"), Actor("IND", "India"), Actor("USA", "United States")
    assert filled.pair_weights(["IND", "USA", "CHN"], 0.0, among=True) == [
        PairWeight(chn, ind, 1, 1.0, 0.0),  # e10; e09 is proposed
        PairWeight(ind, usa, 2, 0.0, 2.0),  # e03 (SANCTION), e08 (REJECT)
    ]
    assert filled.pair_weights(["IND", "USA"], 0.6, among=True) == [
        PairWeight(ind, usa, 1, 0.0, 1.0)
    ]
    assert filled.pair_weights([], 0.0) == []


def test_a_pair_query_finds_both_directions_and_no_self_pair(filled: SQLStore) -> None:
    found = filled.events(EventQuery(dyad=("RUS", "PAK")))
    assert sorted(e.id for e in found) == ["e01", "e02", "e05"]
    assert [e.id for e in filled.events(EventQuery(dyad=("PAK", "PAK")))] == ["e07"]


def test_a_store_of_version_4_gets_pairs_and_reads_without_the_rest(
    tmp_path: Path, sample: Batch
) -> None:
    url = str(tmp_path / "old.duckdb")
    _version_4(url, sample)
    with open_store(url) as store:
        found = store.events(EventQuery(dyad=("PAK", "RUS")))
        assert sorted(e.id for e in found) == ["e01", "e02", "e05"]
        assert store.evidence_actors(e.id for e in found) == {}
        a1 = ARTICLES["A1"].id
        assert store.cited_articles([a1])[a1].fingerprint is None


def _version_4(url: str, batch: Batch) -> None:
    """A store as bilat wrote it before schema version 6."""
    old_events = sql.bulk_insert("events", sql.EVENT_SPEC[:-1])  # side_rule came in 5
    with duckdb.connect(url) as conn:
        for step in MIGRATIONS[:4]:
            for statement in statements(step.sql):
                conn.execute(statement)
            conn.execute(sql.RECORD_VERSION, [step.version, "2026-01-01"])
        conn.execute(sql.INSERT_ARTICLES, columns([rows.article_row(a) for a, _ in batch]))
        events = [rows.event_row(e)[:-1] for _, es in batch for e in es]
        conn.execute(old_events, columns(events))
