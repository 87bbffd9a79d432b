"""The records a brief is made of; build them with ``build_brief``, show them with ``render_*``."""

from __future__ import annotations

from dataclasses import dataclass

from bilat.analysis.dyads import ChangePoint, SeriesPoint
from bilat.records import EventType, Status


@dataclass(frozen=True, slots=True)
class Party:
    """One side of the dyad: a code (PAK) and the name a reader knows (Pakistan)."""

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Citation:
    """Source number ``number`` says so, in ``quote`` (from article ``article_id``)."""

    number: int
    article_id: str
    quote: str


@dataclass(frozen=True, slots=True)
class BriefItem:
    """One fused event as a brief lists it; ``date`` is ISO at its precision, "" if undated.

    ``citations`` quote every sentence that tells it, by source number (a source may
    tell it in several sentences).
    """

    cluster_id: str
    date: str
    status: Status
    type: EventType
    text: str
    citations: tuple[Citation, ...]

    @property
    def numbers(self) -> tuple[int, ...]:
        """The numbers of the sources cited, each once, in order."""
        return tuple(dict.fromkeys(c.number for c in self.citations))


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """A numbered independent source; ``copies`` are syndicated duplicates counted with it.

    ``url`` is kept only for http(s) addresses, so a brief never links elsewhere;
    ``location`` (the file or feed it came from) is shown when there is no URL.
    """

    number: int
    article_id: str
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    location: str
    copies: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Driver:
    """A third party named around the dyad, with its ``drivers`` score."""

    code: str
    name: str
    score: float


@dataclass(frozen=True, slots=True)
class NetworkLink:
    """A signed edge of the dyad's neighbourhood (codes a < b), from ``analysis.network``.

    ``weight`` is cooperation minus conflict (intensity-weighted), ``score`` it over their sum.
    """

    a: str
    b: str
    events: int
    cooperation: float
    conflict: float
    weight: float
    score: float


@dataclass(frozen=True, slots=True)
class Brief:
    """Everything a rendered brief shows; the renderers add nothing but layout.

    Headline figures: ``events`` (fused events of the dyad, any status),
    ``sources`` (independent articles cited), ``period`` (first and last dated
    occurred event), ``cooperation`` (``cooperation_index`` of occurred
    events), ``trend`` (improving, worsening, steady, insufficient data: the
    index of the later half of dated events against the earlier half) and
    ``change_points`` of the ``series``. Sections hold items in date order,
    undated last: ``developments`` (occurred), ``planned`` (planned and
    proposed), ``denied``, ``hypothetical``. ``source_list`` is numbered in
    order of first citation. ``neighbourhood`` holds the two parties and the
    third parties most tied to them (drivers first), ``links`` the signed edges
    among them: the brief's small network picture.
    """

    a: Party
    b: Party
    events: int
    sources: int
    period: tuple[str, str] | None
    cooperation: float
    trend: str
    change_points: tuple[ChangePoint, ...]
    developments: tuple[BriefItem, ...]
    planned: tuple[BriefItem, ...]
    denied: tuple[BriefItem, ...]
    hypothetical: tuple[BriefItem, ...]
    sectors: tuple[tuple[str, int], ...]
    drivers: tuple[Driver, ...]
    series_freq: str
    series: tuple[SeriesPoint, ...]
    source_list: tuple[SourceEntry, ...]
    neighbourhood: tuple[Party, ...] = ()
    links: tuple[NetworkLink, ...] = ()
