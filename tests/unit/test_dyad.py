"""A pair's page and brief read once (bilat._dyad): the pair's events and the articles they
cite a query each, the actors sentences name as stored at ingest, one fusion."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bilat import _dyad
from bilat.dedup import signature
from bilat.evidence_actors import EvidenceActors
from bilat.records import Actor, Article, Event, EventType, Evidence, Mention
from bilat.store import EventQuery, open_store
from bilat.store.base import Store

PAK, RUS, AFG = Actor("PAK", "Pakistan"), Actor("RUS", "Russia"), Actor("AFG", "Afghanistan")
FIRST = "Pakistan and Russia held talks on Afghanistan in Moscow."
SECOND = "Russia and Pakistan signed a gas deal."


class Finder:
    """Finds the actors above by their names: what the resolver does, for these sentences."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def find_mentions(self, text: str, when: date | None = None) -> list[Mention]:
        self.asked.append(text)
        found = []
        for actor in (PAK, RUS, AFG):
            at = text.find(actor.name)
            if at >= 0:
                found.append(Mention(actor.name, at, at + len(actor.name), actor))
        return sorted(found, key=lambda m: m.start)


def _batch() -> list[tuple[Article, list[Event]]]:
    body = f"{FIRST} {SECOND}"
    article = Article("a" * 64, "a.txt", body)
    other = Article("b" * 64, "b.txt", "India and China met.")
    events = [
        _event("e1", EventType.CONSULT, article.id, FIRST, 0),
        _event("e2", EventType.AGREE, article.id, SECOND, len(FIRST) + 1),
    ]
    return [(article, events), (other, [])]


def _event(id_: str, type_: EventType, article: str, sentence: str, start: int) -> Event:
    return Event(
        id=id_,
        type=type_,
        source=Mention("Pakistan", start, start + 8, PAK),
        target=Mention("Russia", start + 13, start + 19, RUS),
        evidence=Evidence(article, sentence, start, start + len(sentence)),
        symmetric=True,
    )


class Counting:
    """A store that counts the calls a read makes."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.calls: list[tuple[str, Any]] = []

    def events(self, query: EventQuery) -> list[Event]:
        self.calls.append(("events", query))
        return self._store.events(query)

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._store, name)

        def counted(*args: Any) -> Any:
            self.calls.append((name, args))
            return method(*args)

        return counted


@pytest.fixture
def stored(tmp_path: Path) -> Iterable[Store]:
    store = open_store(str(tmp_path / "s.duckdb"))
    batch = _batch()
    store.write_batch(batch, EvidenceActors(Finder())(e for _, es in batch for e in es))
    yield store
    store.close()


def test_a_pair_is_read_with_a_query_each_and_fused_once(
    stored: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    fusions: list[Sequence[Event]] = []
    real_fuse = _dyad.fuse
    monkeypatch.setattr(_dyad, "fuse", lambda es, arts: fusions.append(es) or real_fuse(es, arts))
    counting = Counting(stored)
    finder = Finder()
    read = _dyad.read_pair(counting, finder, PAK, RUS, 0.0)  # type: ignore[arg-type]
    assert [name for name, _ in counting.calls] == ["events", "evidence_actors", "cited_articles"]
    assert counting.calls[0][1] == EventQuery(dyad=("PAK", "RUS"))
    assert len(fusions) == 1
    assert finder.asked == []  # the actors were stored at ingest
    assert read.named == {"e1": (AFG, PAK, RUS), "e2": (PAK, RUS)}
    assert read.articles["a" * 64].fingerprint == signature(f"{FIRST} {SECOND}")
    assert [len(c.events) for c in read.clusters] == [1, 1]


def test_what_an_older_store_lacks_is_made_when_read(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "old.duckdb"))
    store.write_batch(_batch())  # as an import writes: no named actors
    store._all("DELETE FROM article_fingerprints")  # type: ignore[attr-defined]
    finder = Finder()
    read = _dyad.read_pair(store, finder, PAK, RUS, 0.0)
    assert read.named == {"e1": (AFG, PAK, RUS), "e2": (PAK, RUS)}
    assert sorted(finder.asked) == sorted([FIRST, SECOND])
    assert read.articles["a" * 64].fingerprint == signature(f"{FIRST} {SECOND}")
    store.close()


def test_the_brief_counts_drivers_against_the_stores_tallies(stored: Store) -> None:
    read = _dyad.read_pair(stored, Finder(), PAK, RUS, 0.0)
    base = _dyad.store_baseline(stored, 0.0)
    assert (base.total, dict(base.counts)) == (2, {"AFG": 1, "PAK": 2, "RUS": 2})
    brief = _dyad.pair_brief(read, base, _dyad.neighbourhood(stored, read, 0.0))
    assert [(d.code, d.name) for d in brief.drivers] == [("AFG", "Afghanistan")]
    assert [(link.a, link.b, link.events) for link in brief.links] == [("PAK", "RUS", 2)]
