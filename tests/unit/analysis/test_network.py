"""The alignment network: edge weights and signs, triad balance, centrality, time windows."""

from __future__ import annotations

from datetime import date

import pytest

from bilat.analysis.network import Centrality, Edge, Node, build_network, centrality, triads
from bilat.records import Event, EventType, Status
from factories import event


def _ev(
    id_: str,
    a: str,
    b: str,
    type_: EventType,
    intensity: float = 0.0,
    *,
    when: date | None = None,
    status: Status = Status.OCCURRED,
) -> Event:
    return event(type_, a, b, id_=id_, when=when, intensity=intensity, status=status)


def _warming_and_cooling() -> list[Event]:
    # PAK–RUS warming while USA–RUS and USA–PAK cool: -- + is balanced.
    # CHN is a friend of both PAK and RUS: +++ balanced. IND is a friend of USA and RUS
    # but at odds with PAK, which is a friend of RUS: PAK-IND-RUS is ++- (strained).
    return [
        _ev("1", "PAK", "RUS", EventType.AGREE, 4.0),
        _ev("2", "RUS", "PAK", EventType.COOPERATE, 6.0),
        _ev("3", "USA", "RUS", EventType.SANCTION, -8.0),
        _ev("4", "USA", "PAK", EventType.ACCUSE, -2.0),
        _ev("5", "CHN", "PAK", EventType.AID, 7.0),
        _ev("6", "CHN", "RUS", EventType.CONSULT, 1.0),
        _ev("7", "IND", "PAK", EventType.THREATEN, -4.0),
        _ev("8", "IND", "RUS", EventType.COOPERATE, 5.0),
    ]


def test_edge_weight_is_cooperation_minus_conflict() -> None:
    events = [
        _ev("1", "PAK", "RUS", EventType.AGREE, 4.0),
        _ev("2", "RUS", "PAK", EventType.ACCUSE, -1.5),
        _ev("3", "PAK", "RUS", EventType.CONSULT, 0.0),  # unscored: weighs 1
    ]
    net = build_network(events)
    edge = net.edge("RUS", "PAK")
    assert edge == Edge("PAK", "RUS", 3, 5.0, 1.5)
    assert edge.weight == 3.5
    assert edge.sign == 1
    assert edge.score == pytest.approx(3.5 / 6.5)
    assert [n.code for n in net.nodes] == ["PAK", "RUS"]
    assert net.nodes[0].name == "Pakistan"


def test_conflict_edge_is_negative_and_neutral_edge_is_zero() -> None:
    net = build_network(
        [
            _ev("1", "USA", "RUS", EventType.SANCTION, -8.0),
            _ev("2", "IND", "CHN", EventType.AGREE, 3.0),
            _ev("3", "IND", "CHN", EventType.REJECT, -3.0),
        ]
    )
    assert net.edge("USA", "RUS") is not None
    assert net.edge("USA", "RUS").sign == -1  # type: ignore[union-attr]
    assert net.edge("CHN", "IND").sign == 0  # type: ignore[union-attr]
    assert net.edge("USA", "CHN") is None


def test_balanced_and_strained_triads() -> None:
    net = build_network(_warming_and_cooling())
    by_nodes = {(t.a, t.b, t.c): t for t in net.triads}
    assert set(by_nodes) == {("PAK", "RUS", "USA"), ("CHN", "PAK", "RUS"), ("IND", "PAK", "RUS")}
    pak_rus_usa = by_nodes[("PAK", "RUS", "USA")]
    assert pak_rus_usa.signs == (1, -1, -1)
    assert pak_rus_usa.balanced
    assert by_nodes[("CHN", "PAK", "RUS")].signs == (1, 1, 1)
    strained = by_nodes[("IND", "PAK", "RUS")]
    assert strained.signs == (-1, 1, 1)
    assert not strained.balanced
    assert net.strained == (strained,)
    assert len(net.balanced) == 2


def test_all_negative_triad_is_strained() -> None:
    edges = [Edge("A", "B", 1, 0, 1), Edge("A", "C", 1, 0, 1), Edge("B", "C", 1, 0, 1)]
    (triad,) = triads(edges)
    assert triad.signs == (-1, -1, -1)
    assert not triad.balanced


def test_neutral_edge_closes_no_triad() -> None:
    edges = [Edge("A", "B", 1, 1, 0), Edge("A", "C", 1, 1, 0), Edge("B", "C", 2, 1, 1)]
    assert triads(edges) == ()


def test_centrality_known_values() -> None:
    net = build_network(_warming_and_cooling())
    by_code = {c.code: c for c in net.centrality}
    # PAK: RUS +10, USA -2, CHN +7, IND -4.
    pak = by_code["PAK"]
    assert pak.degree == 4
    assert pak.degree_centrality == 1.0
    assert pak.strength == 23.0
    assert pak.positive == 17.0
    assert pak.negative == -6.0
    # USA: RUS -8, PAK -2 -> 2 of 4 possible neighbours.
    assert by_code["USA"].degree == 2
    assert by_code["USA"].degree_centrality == 0.5
    assert by_code["USA"].strength == 10.0
    # RUS: PAK +10, USA -8, CHN +1, IND +5 = 24, the most.
    assert net.centrality[0].code == "RUS"
    assert [c.code for c in net.centrality] == ["RUS", "PAK", "USA", "IND", "CHN"]


def test_centrality_of_a_lone_node_does_not_divide_by_zero() -> None:
    (only,) = centrality([Node("PAK", "Pakistan", 0)], [])
    assert only == Centrality("PAK", 0, 0.0, 0.0, 0.0, 0.0)


def test_window_and_status_filter() -> None:
    events = [
        _ev("1", "PAK", "RUS", EventType.AGREE, 4.0, when=date(2021, 9, 20)),
        _ev("2", "USA", "RUS", EventType.SANCTION, -8.0, when=date(2022, 3, 1)),
        _ev("3", "USA", "PAK", EventType.ACCUSE, -2.0),  # undated
        _ev("4", "PAK", "CHN", EventType.AID, 7.0, status=Status.PLANNED),
    ]
    everything = build_network(events)
    assert {(e.a, e.b) for e in everything.edges} == {
        ("PAK", "RUS"),
        ("RUS", "USA"),
        ("PAK", "USA"),
    }
    window = build_network(events, since=date(2021, 1, 1), until=date(2021, 12, 31))
    assert [(e.a, e.b) for e in window.edges] == [("PAK", "RUS")]
    planned = build_network(events, statuses=(Status.PLANNED,))
    assert [(e.a, e.b) for e in planned.edges] == [("CHN", "PAK")]


def test_events_without_a_dyad_are_ignored() -> None:
    lone = event(EventType.CONSULT, "PAK", None, id_="x")
    net = build_network([lone])
    assert net.nodes == ()
    assert net.edges == ()
    assert net.centrality == ()
