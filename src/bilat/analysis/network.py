"""The signed, weighted alignment network of all actors, its structural balance and centrality.

Pure functions of events; pass cluster leads (``[c.lead for c in clusters]``)
to count each real-world event once.

An edge joins two actors that have at least one event between them. Each
event weighs the magnitude of its PLOVER intensity (an unscored event, with
intensity 0, weighs 1), as in ``bilat.analysis.dyads.cooperation_index``.
``cooperation`` sums the weights of quad 1 and 2 events, ``conflict`` those of
quad 3 and 4; the edge's signed ``weight`` is ``cooperation - conflict``, its
``sign`` the sign of that (0 when they cancel), and its ``score`` the weight
scaled to [-1, 1] by the total.

A triad is three actors joined pairwise by signed (non-zero) edges. It is
balanced when the product of its three signs is positive (+++: three friends;
+--: two friends with a common adversary) and strained otherwise (++-: A and
B are both friends of C but at odds with each other; ---: three mutual
adversaries), after Heider and Cartwright–Harary.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import Any

from bilat.records import Event, Status

OCCURRED: tuple[Status, ...] = (Status.OCCURRED,)


@dataclass(frozen=True, slots=True)
class Node:
    """An actor in the network, with the number of its events there."""

    code: str
    name: str
    events: int


@dataclass(frozen=True, slots=True)
class Edge:
    """The relationship of the pair a < b over the window."""

    a: str
    b: str
    events: int
    cooperation: float
    conflict: float

    @property
    def weight(self) -> float:
        """Signed weight: cooperation minus conflict."""
        return self.cooperation - self.conflict

    @property
    def sign(self) -> int:
        """+1 cooperative, -1 conflictual, 0 when they cancel."""
        return (self.weight > 0) - (self.weight < 0)

    @property
    def score(self) -> float:
        """Weight over total weight, in [-1, 1]: the pair's cooperation index."""
        total = self.cooperation + self.conflict
        return self.weight / total if total else 0.0


@dataclass(frozen=True, slots=True)
class Triad:
    """Three actors a < b < c with the signs of edges ab, ac and bc."""

    a: str
    b: str
    c: str
    signs: tuple[int, int, int]

    @property
    def balanced(self) -> bool:
        return self.signs[0] * self.signs[1] * self.signs[2] > 0


@dataclass(frozen=True, slots=True)
class Centrality:
    """How central an actor is.

    ``degree`` counts neighbours and ``degree_centrality`` scales it by the
    ``n - 1`` possible neighbours; ``strength`` sums the absolute weights of the
    actor's edges, ``positive`` and ``negative`` the weights of its
    cooperative and conflictual edges (``negative`` is <= 0); ``betweenness`` is
    the share of shortest paths between other actors that pass through it
    (networkx, unweighted, normalised to [0, 1]).
    """

    code: str
    degree: int
    degree_centrality: float
    strength: float
    positive: float
    negative: float
    betweenness: float = 0.0


@dataclass(frozen=True, slots=True)
class Network:
    """Nodes by code, edges by pair, triads by their three codes, centrality most central first."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    triads: tuple[Triad, ...]
    centrality: tuple[Centrality, ...]
    since: date | None = None
    until: date | None = None

    @property
    def balanced(self) -> tuple[Triad, ...]:
        return tuple(t for t in self.triads if t.balanced)

    @property
    def strained(self) -> tuple[Triad, ...]:
        return tuple(t for t in self.triads if not t.balanced)

    def edge(self, a: str, b: str) -> Edge | None:
        """The edge between a and b in either order, or None."""
        first, second = (a, b) if a <= b else (b, a)
        for e in self.edges:
            if (e.a, e.b) == (first, second):
                return e
        return None


def build_network(
    events: Iterable[Event],
    *,
    since: date | None = None,
    until: date | None = None,
    statuses: Collection[Status] = OCCURRED,
) -> Network:
    """The network of ``events`` with a dyad, of the given statuses, within [since, until].

    With a bound, only dated events whose span overlaps the window count (as
    ``EventQuery`` does); without bounds, undated events count too.
    """
    sums: dict[tuple[str, str], list[float]] = {}  # pair -> [events, cooperation, conflict]
    names: dict[str, str] = {}
    for event in events:
        pair = event.dyad
        if pair is None or event.status not in statuses or not _in_window(event, since, until):
            continue
        for mention in (event.source, event.target):
            if mention is not None and mention.actor is not None:
                names.setdefault(mention.actor.code, mention.actor.name)
        weight = abs(event.intensity) or 1.0
        entry = sums.setdefault(pair, [0.0, 0.0, 0.0])
        entry[0] += 1
        entry[1 if event.type.quad <= 2 else 2] += weight
    edges = tuple(
        Edge(a, b, int(n), round(coop, 6), round(conflict, 6))
        for (a, b), (n, coop, conflict) in sorted(sums.items())
    )
    counts: dict[str, int] = {}
    for e in edges:
        counts[e.a] = counts.get(e.a, 0) + e.events
        counts[e.b] = counts.get(e.b, 0) + e.events
    nodes = tuple(Node(code, names.get(code, code), counts[code]) for code in sorted(counts))
    return Network(
        nodes=nodes,
        edges=edges,
        triads=triads(edges),
        centrality=centrality(nodes, edges),
        since=since,
        until=until,
    )


def triads(edges: Iterable[Edge]) -> tuple[Triad, ...]:
    """Every triangle of signed (non-zero) edges, in code order."""
    sign: dict[tuple[str, str], int] = {}
    neighbours: dict[str, set[str]] = {}
    for e in edges:
        if e.sign == 0:
            continue  # a neutral pair is neither friend nor foe: no balance to judge
        sign[(e.a, e.b)] = e.sign
        neighbours.setdefault(e.a, set()).add(e.b)
        neighbours.setdefault(e.b, set()).add(e.a)
    found = []
    for a in sorted(neighbours):
        later = sorted(n for n in neighbours[a] if n > a)
        for b, c in combinations(later, 2):
            if c in neighbours[b]:
                found.append(Triad(a, b, c, (sign[(a, b)], sign[(a, c)], sign[(b, c)])))
    return tuple(found)


def _graph(codes: Iterable[str], edges: Iterable[Edge]) -> Any:
    """The network as an undirected networkx graph; an edge's ``weight`` is its total
    (cooperation + conflict), so pairs with more between them hold together more."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(sorted(codes))
    for e in edges:
        graph.add_edge(e.a, e.b, weight=e.cooperation + e.conflict or 1.0)
    return graph


def _betweenness(codes: list[str], edges: Iterable[Edge]) -> dict[str, float]:
    import networkx as nx

    found: dict[str, float] = nx.betweenness_centrality(_graph(codes, edges), normalized=True)
    return found


def layout(net: Network, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Node positions in the unit square, force-directed (networkx's Fruchterman-Reingold,
    seeded so the same network is drawn the same way): pairs with more events between
    them sit closer, unrelated actors apart."""
    pairs = [(e.a, e.b, e.cooperation + e.conflict) for e in net.edges]
    return spring_positions([n.code for n in net.nodes], pairs, seed)


def spring_positions(
    codes: Iterable[str], pairs: Iterable[tuple[str, str, float]], seed: int = 7
) -> dict[str, tuple[float, float]]:
    """``layout`` for bare codes and (a, b, weight) pairs: positions in the unit square."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(sorted(codes))
    for a, b, weight in pairs:
        graph.add_edge(a, b, weight=abs(weight) or 1.0)
    if len(graph) == 0:
        return {}
    if len(graph) == 1:
        return {next(iter(graph)): (0.5, 0.5)}
    spread = 1.6 / math.sqrt(len(graph))
    raw = nx.spring_layout(graph, k=spread, weight="weight", seed=seed, method="force")
    xs = [float(p[0]) for p in raw.values()]
    ys = [float(p[1]) for p in raw.values()]
    width = (max(xs) - min(xs)) or 1.0
    height = (max(ys) - min(ys)) or 1.0
    return {
        str(code): ((float(p[0]) - min(xs)) / width, (float(p[1]) - min(ys)) / height)
        for code, p in sorted(raw.items())
    }


def centrality(nodes: Iterable[Node], edges: Iterable[Edge]) -> tuple[Centrality, ...]:
    """Degree and strength of every node; most strength first, then degree, then code."""
    codes = [n.code for n in nodes]
    edges = list(edges)
    degree = dict.fromkeys(codes, 0)
    positive = dict.fromkeys(codes, 0.0)
    negative = dict.fromkeys(codes, 0.0)
    for e in edges:
        for code in (e.a, e.b):
            degree[code] += 1
            if e.weight > 0:
                positive[code] += e.weight
            else:
                negative[code] += e.weight
    others = max(len(codes) - 1, 1)
    between = _betweenness(codes, edges)
    out = [
        Centrality(
            code=code,
            degree=degree[code],
            degree_centrality=round(degree[code] / others, 6),
            strength=round(positive[code] - negative[code], 6),
            positive=round(positive[code], 6),
            negative=round(negative[code], 6),
            betweenness=round(between.get(code, 0.0), 6),
        )
        for code in codes
    ]
    return tuple(sorted(out, key=lambda c: (-c.strength, -c.degree, c.code)))


def _in_window(event: Event, since: date | None, until: date | None) -> bool:
    if since is None and until is None:
        return True
    if event.date is None:
        return False
    if since is not None and event.date.end < since:
        return False
    return not (until is not None and event.date.start > until)
