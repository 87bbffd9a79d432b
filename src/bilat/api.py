"""The Python API. Every CLI command is a thin wrapper over the function of the same verb."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from bilat.config import Settings
from bilat.errors import BilatError
from bilat.records import Actor, Event, EventCluster, EventType, RunSummary, Status

if TYPE_CHECKING:
    from collections.abc import Iterator

    from bilat.analysis.articles import ArticleInfo
    from bilat.analysis.dyads import TimelineItem
    from bilat.nlp.actors import ActorResolver
    from bilat.pipeline import Progress
    from bilat.store.base import Store


@contextmanager
def _open(settings: Settings, read_only: bool) -> Iterator[Store]:
    from bilat.store import open_store

    store = open_store(settings.db, read_only=read_only)
    try:
        yield store
    finally:
        store.close()


def resolve_actor(name_or_code: str, settings: Settings | None = None) -> Actor:
    """A country or organisation by code or name: "PAK", "pak", "Pakistan"."""
    return _resolver(settings or Settings.load()).lookup(name_or_code)


def ingest(
    paths: Iterable[str], settings: Settings | None = None, progress: Progress | None = None
) -> RunSummary:
    """Read, extract and store articles from files, folders, JSONL or ``-`` (stdin)."""
    from bilat.pipeline import run

    settings = settings or Settings.load()
    with _open(settings, read_only=False) as store:
        return run(paths, settings, store, progress=progress)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The filters of ``bilat events`` (all optional)."""

    dyad: tuple[str, str] | None = None
    actor: str | None = None
    type: EventType | None = None
    since: date | None = None
    until: date | None = None
    status: Status | None = None
    min_confidence: float = 0.0
    limit: int | None = None


def events(flt: EventFilter | None = None, settings: Settings | None = None) -> list[Event]:
    """Stored events matching ``flt``, in date order."""
    from bilat.store.base import EventQuery

    settings = settings or Settings.load()
    flt = flt or EventFilter()
    query = EventQuery(
        dyad=flt.dyad,
        actor=flt.actor,
        type=flt.type,
        since=flt.since,
        until=flt.until,
        status=flt.status,
        min_confidence=max(flt.min_confidence, settings.min_confidence),
        limit=flt.limit,
    )
    with _open(settings, read_only=True) as store:
        return store.events(query)


def actors(settings: Settings | None = None) -> list[tuple[str, str, int]]:
    """(code, name, events) for every actor in the store, most active first."""
    settings = settings or Settings.load()
    with _open(settings, read_only=True) as store:
        return store.actor_counts()


def dyads(settings: Settings | None = None) -> list[tuple[str, str, int]]:
    """(a, b, events) for every pair of actors, most covered first."""
    settings = settings or Settings.load()
    with _open(settings, read_only=True) as store:
        return store.dyad_counts()


def top_dyad(settings: Settings | None = None) -> tuple[str, str]:
    """The most-covered pair of actors in the store."""
    pairs = dyads(settings)
    if not pairs:
        raise BilatError("the store holds no events between two actors yet: run `bilat ingest`")
    a, b, _ = pairs[0]
    return a, b


def _resolver(settings: Settings) -> ActorResolver:
    from bilat.nlp.actors import ActorResolver

    return ActorResolver.load(Path(settings.actors_file) if settings.actors_file else None)


@dataclass(frozen=True, slots=True)
class _DyadMaterial:
    clusters: list[EventCluster]
    articles: dict[str, ArticleInfo]
    all_events: list[Event]


def _dyad_material(a: str, b: str, settings: Settings) -> _DyadMaterial:
    from bilat.analysis.articles import ArticleInfo
    from bilat.fuse import fuse
    from bilat.store.base import EventQuery

    with _open(settings, read_only=True) as store:
        everything = store.events(EventQuery(min_confidence=settings.min_confidence))
        found = [e for e in everything if e.dyad == tuple(sorted((a, b)))]
        articles = {
            aid: ArticleInfo.from_article(art)
            for aid in sorted({e.evidence.article_id for e in found})
            if (art := store.article(aid)) is not None
        }
    return _DyadMaterial(fuse(found, articles), articles, everything)


def timeline(a: str, b: str, settings: Settings | None = None) -> list[TimelineItem]:
    """The fused events of the pair a–b in date order."""
    from bilat.analysis.dyads import timeline as build_timeline

    settings = settings or Settings.load()
    first, second = resolve_actor(a, settings), resolve_actor(b, settings)
    material = _dyad_material(first.code, second.code, settings)
    return build_timeline(material.clusters, first.code, second.code)


def brief(
    a: str,
    b: str,
    fmt: Literal["md", "html"] = "md",
    settings: Settings | None = None,
) -> str:
    """A cited brief on the relationship a–b, as Markdown or self-contained HTML."""
    from bilat.report.brief import build_brief, render_html, render_markdown

    settings = settings or Settings.load()
    resolver = _resolver(settings)
    first, second = resolver.lookup(a), resolver.lookup(b)
    material = _dyad_material(first.code, second.code, settings)
    # Third parties named in each evidence sentence: the candidates for drivers.
    mentions: dict[str, tuple[str, ...]] = {}
    names: dict[str, str] = {}
    for event in material.all_events:
        found = resolver.find_mentions(event.evidence.sentence, when=None)
        mentions[event.id] = tuple(sorted({m.actor.code for m in found if m.actor}))
        names.update({m.actor.code: m.actor.name for m in found if m.actor})
    report = build_brief(
        first,
        second,
        material.clusters,
        material.articles,
        mentions=mentions,
        all_events=material.all_events,
        names=names,
    )
    return render_html(report) if fmt == "html" else render_markdown(report)
