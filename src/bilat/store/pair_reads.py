"""What a pair's page and brief read besides the pair's events, and what ingest keeps for them
(schema version 6): the actors each evidence sentence names, the fingerprints of articles'
bodies, and store-wide tallies (the drivers' baseline, the network around the pair).
"""

from __future__ import annotations

import struct
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import bilat.store.sql as sql  # noqa: PLR0402 - not through bilat.store, which opens backends
from bilat.codec import sql_rows as rows
from bilat.dedup import signature
from bilat.records import Actor, Article, Event, EventType
from bilat.store.base import CitedArticle, PairWeight

# Named actors by event id: what ingest found in each event's evidence sentence.
NamedActors = Mapping[str, Sequence[Actor]]
_HEX = 16  # digits per signature value (each is below 2**61)
_COOPERATIVE = [t.value for t in EventType if t.quad <= 2]


def pair_tables(
    articles: Sequence[Article], events: Sequence[Event], named: NamedActors | None
) -> list[tuple[str, list[rows.Row]]]:
    """The bulk inserts of what version 6 keeps beside articles and events."""
    pairs = [(e.id, sql.pair_key(*e.dyad)) for e in events if e.dyad is not None]
    actors = [
        (event_id, i, actor.code, actor.name)
        for event_id, found in sorted((named or {}).items())
        for i, actor in enumerate(found)
    ]
    fingerprints = [(a.id, encode(signature(a.body))) for a in articles]
    return [
        (sql.INSERT_PAIRS, pairs),
        (sql.INSERT_EVENT_ACTORS, actors),
        (sql.INSERT_FINGERPRINTS, fingerprints),
    ]


def encode(fingerprint: Sequence[int]) -> str:
    return "".join(f"{value:0{_HEX}x}" for value in fingerprint)


def decode(text: str) -> tuple[int, ...]:
    if len(text) % _HEX:  # not written by ``encode``: read it digit group by group
        return tuple(int(text[i : i + _HEX], 16) for i in range(0, len(text), _HEX))
    # 16 hex digits are 8 bytes, big-endian: one C call instead of an int() per value.
    return struct.unpack(f">{len(text) // _HEX}Q", bytes.fromhex(text))


def _actors_of(n: int) -> str:
    return (
        f"SELECT event_id, code, name FROM event_actors WHERE {sql.ids_in('event_id', n)}"
        " ORDER BY event_id, position"
    )


# An article as a citation shows it: its row with an empty body, and its stored fingerprint
# (NULL for an article stored before version 6).
def _cited_articles(n: int) -> str:
    return (
        "SELECT "
        + ", ".join("'' AS body" if c == "body" else f"articles.{c}" for c, _ in sql.ARTICLE_SPEC)
        + ", fingerprint FROM articles LEFT JOIN article_fingerprints ON article_id = articles.id"
        f" WHERE {sql.ids_in('articles.id', n)}"
    )


# Events per actor they involve or their sentence names (the baseline of a brief's
# drivers): an event counts once per actor. Parameters: the least confidence, thrice.
_INVOLVEMENT = """
SELECT code, COUNT(DISTINCT event_id) FROM (
    SELECT event_actors.event_id, event_actors.code FROM event_actors
    JOIN events ON events.id = event_actors.event_id WHERE events.confidence >= ?
    UNION ALL
    SELECT id, source_code FROM events WHERE source_code IS NOT NULL AND confidence >= ?
    UNION ALL
    SELECT id, target_code FROM events WHERE target_code IS NOT NULL AND confidence >= ?
) AS involved
GROUP BY code
"""
_COUNT_CONFIDENT = "SELECT COUNT(*) FROM events WHERE confidence >= ?"


def _pair_weights(among: bool) -> str:
    """Occurred events per pair of actors, with the names of both and the summed weights
    (as ``MONTHLY_TYPES``) of cooperative and conflictual ones. Pairs with a side in the
    given codes, or with both sides in them when ``among``. Parameters: the cooperative
    types, the codes twice, the least confidence."""
    either = "AND" if among else "OR"
    weight = "CASE WHEN intensity = 0 THEN 1 ELSE ABS(intensity) END"
    lower = "source_code < target_code"
    return (
        "SELECT LEAST(source_code, target_code) AS a, GREATEST(source_code, target_code) AS b,"
        f" MIN(CASE WHEN {lower} THEN source_name ELSE target_name END),"
        f" MIN(CASE WHEN {lower} THEN target_name ELSE source_name END), COUNT(*),"
        f" SUM(CASE WHEN event_type = ANY(?) THEN {weight} ELSE 0 END), SUM({weight})"
        f" FROM events WHERE (source_code = ANY(?) {either} target_code = ANY(?))"
        " AND source_code <> target_code AND status = 'occurred' AND confidence >= ?"
        " GROUP BY a, b ORDER BY a, b"
    )


class PairReads(ABC):
    """The reads of a pair's page and brief, for a store with ``_all``."""

    @abstractmethod
    def _all(self, query: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    def evidence_actors(self, event_ids: Iterable[str]) -> dict[str, tuple[Actor, ...]]:
        """The actors each event's evidence sentence names, as found at ingest; an event
        stored without them (before version 6, or imported) is absent."""
        wanted = sorted(set(event_ids))
        found: defaultdict[str, list[Actor]] = defaultdict(list)
        if wanted:
            for event_id, code, name in self._all(_actors_of(len(wanted)), sql.id_params(wanted)):
                found[event_id].append(Actor(code, name))
        return {event_id: tuple(actors) for event_id, actors in found.items()}

    def cited_articles(self, ids: Iterable[str]) -> dict[str, CitedArticle]:
        """The stored articles among ``ids`` without their bodies, by id, in one query."""
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        out = {}
        for row in self._all(_cited_articles(len(wanted)), sql.id_params(wanted)):
            a = rows.article(row[:-1])  # the article's codec, on a row without its body
            fingerprint = None if row[-1] is None else decode(row[-1])
            out[a.id] = CitedArticle(
                a.id, a.source, a.title, a.publisher, a.url, a.published, fingerprint
            )
        return out

    def involvement(self, min_confidence: float) -> tuple[int, dict[str, int]]:
        """How many events have at least ``min_confidence``, and how many of them involve
        each actor or name it in their sentence (as found at ingest)."""
        total = int(self._all(_COUNT_CONFIDENT, [min_confidence])[0][0])
        counts = self._all(_INVOLVEMENT, [min_confidence] * 3)
        return total, {code: int(n) for code, n in counts}

    def pair_weights(
        self, codes: Sequence[str], min_confidence: float, *, among: bool = False
    ) -> list[PairWeight]:
        """Occurred events per pair with a side in ``codes`` (both sides, when ``among``),
        unfused: their number and summed weights, cooperative and conflictual."""
        wanted = sorted(set(codes))
        if not wanted:
            return []
        params = [_COOPERATIVE, wanted, wanted, min_confidence]
        out = []
        for a, b, name_a, name_b, n, cooperation, total in self._all(_pair_weights(among), params):
            out.append(
                PairWeight(
                    Actor(a, name_a),
                    Actor(b, name_b),
                    int(n),
                    float(cooperation),
                    float(total) - float(cooperation),
                )
            )
        return out
