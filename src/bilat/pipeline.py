"""The one orchestrator: sources -> articles -> events -> store."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias, TypeVar

from bilat.config import Settings
from bilat.engines import Batch, Nlp, WorkerPool, items_of
from bilat.errors import BilatError, StoreError, StoreLocked
from bilat.evidence_actors import EvidenceActors
from bilat.ingest import read_sources
from bilat.records import Article, Event, Rejection, RunSummary

if TYPE_CHECKING:
    from bilat.engine_ray import RayEngine
    from bilat.store.base import Store
    from bilat.store.pair_reads import NamedActors

T = TypeVar("T")

# Called after each batch with the running summary (the CLI draws a progress bar).
Progress = Callable[[RunSummary], None]


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def extract_articles(nlp: Nlp, articles: list[Article], batch_size: int) -> list[list[Event]]:
    """Events of each article, in order."""
    from bilat.nlp.build import annotate

    return [list(done.events) for done in annotate(nlp, items_of(articles), batch_size)]


class InProcess:
    """The local engine with one worker: this process, with ``nlp`` (built on the first
    batch that has new articles when not given)."""

    def __init__(self, settings: Settings, nlp: Nlp | None = None) -> None:
        self.settings = settings
        self.nlp = nlp

    def __enter__(self) -> InProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def __call__(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[list[Event]]]]:
        for batch in batches:
            if not batch.new:
                yield batch, []
                continue
            if self.nlp is None:
                from bilat.nlp.build import make_nlp

                self.nlp = make_nlp(self.settings)
            try:
                events = extract_articles(self.nlp, list(batch.new), self.settings.batch_size)
            except Exception:  # noqa: BLE001 - find the article at fault, parse the others
                yield self._one_by_one(self.nlp, batch)
            else:
                yield batch, events

    def _one_by_one(self, nlp: Nlp, batch: Batch) -> tuple[Batch, list[list[Event]]]:
        """Parse each article of a batch that failed on its own: one that fails again is
        a Rejection with the error, the others are kept."""
        kept: list[Article] = []
        events: list[list[Event]] = []
        failed: list[Rejection] = []
        for article in batch.new:
            try:
                events.extend(extract_articles(nlp, [article], self.settings.batch_size))
            except Exception as exc:  # noqa: BLE001 - this article's Rejection
                failed.append(Rejection("extract", parse_failure(exc), article.source))
            else:
                kept.append(article)
        return replace(batch, new=tuple(kept), rejections=(*batch.rejections, *failed)), events


def parse_failure(exc: Exception) -> str:
    detail = " ".join(str(exc).split())[:160]
    what = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    return f"could not be parsed ({what}): report it with the article"


Engine: TypeAlias = "InProcess | WorkerPool | RayEngine"
ENGINES = ("local", "ray")


def check_engine(settings: Settings) -> None:
    """A clear error for an engine or worker count bilat cannot run."""
    if settings.engine not in ENGINES:
        raise BilatError(f"setting engine: {settings.engine!r} is not one of {ENGINES}")
    if settings.workers < 1:
        raise BilatError(f"setting workers: must be 1 or more, not {settings.workers}")
    if settings.engine == "ray":
        from bilat.engine_ray import require_ray

        require_ray()


def engine_for(settings: Settings, nlp: Nlp | None = None) -> Engine:
    """The engine ``settings`` ask for. A given ``nlp`` is used by the local engine with one
    worker only."""
    check_engine(settings)
    if settings.engine == "ray":
        from bilat.engine_ray import RayEngine

        return RayEngine(settings)
    if settings.workers == 1:
        return InProcess(settings, nlp)
    return WorkerPool(settings, settings.workers)


def _write(
    store: Store, items: list[tuple[Article, list[Event]]], named: NamedActors
) -> tuple[int, int, list[Rejection]]:
    """Write a batch (with the actors each event's sentence names) in one transaction; if
    the store refuses it, write article by article so one bad article is rejected with its
    reason and the others are kept. Returns the articles stored, their events and the
    rejections."""
    try:
        stored = store.write_batch(items, named)
    except StoreLocked:
        raise  # no article's fault: the run stops, and a rerun goes on from here
    except StoreError:
        stored, events, failed = 0, 0, []
        for article, found in items:
            try:
                stored += store.write_batch([(article, found)], named)
            except StoreError as exc:
                failed.append(Rejection("store", str(exc), article.source))
            else:
                events += len(found)
        return stored, events, failed
    return stored, sum(len(found) for _, found in items), []


def _batches(
    items: Iterable[Article | Rejection], settings: Settings, store: Store, in_flight: set[str]
) -> Iterator[Batch]:
    """Deduplicate: an article whose id is stored, or is on its way to the store
    (``in_flight``: read in an earlier batch not yet written), is not parsed again."""
    for batch in batched(items, settings.batch_size):
        articles = [item for item in batch if isinstance(item, Article)]
        known = store.article_ids(a.id for a in articles)
        fresh: dict[str, Article] = {}
        for article in articles:
            if article.id not in known and article.id not in in_flight:
                fresh.setdefault(article.id, article)
        in_flight.update(fresh)
        rejections = tuple(item for item in batch if isinstance(item, Rejection))
        yield Batch(len(batch), len(articles), tuple(fresh.values()), rejections)


def run(
    sources: Iterable[str],
    settings: Settings,
    store: Store,
    nlp: Nlp | None = None,
    progress: Progress | None = None,
    stop: Callable[[], bool] | None = None,
) -> RunSummary:
    """Ingest ``sources`` into ``store`` with the engine of ``settings`` (``engine``,
    ``workers``). Bad inputs become recorded Rejections; the run goes on. Articles already
    stored (same content id) are skipped before parsing; the model is loaded only when
    there is something new to parse."""
    engine = engine_for(settings, nlp)
    return run_items(read_sources(sources, settings), settings, store, engine, progress, stop)


def run_items(
    items: Iterable[Article | Rejection],
    settings: Settings,
    store: Store,
    engine: Engine,
    progress: Progress | None = None,
    stop: Callable[[], bool] | None = None,
) -> RunSummary:
    """``run`` over articles already read, with ``engine`` (which may serve several runs:
    ``bilat ingest --watch`` keeps one, and its loaded model, from round to round).

    When ``stop`` says yes (checked after each batch), or on KeyboardInterrupt, the run
    ends with the whole batches written so far and is recorded as interrupted."""
    run_id = store.start_run()
    summary = RunSummary()
    in_flight: set[str] = set()
    named = _Named(settings)
    try:
        with engine:
            for batch, events in engine(_batches(items, settings, store, in_flight)):
                new = list(batch.new)
                found = list(zip(new, events, strict=True))
                written = _write(store, found, named(e for _, es in found for e in es))
                in_flight.difference_update(a.id for a in new)
                summary = _account(store, run_id, summary, batch, written)
                if progress is not None:
                    progress(summary)
                if stop is not None and stop():
                    summary = replace(summary, interrupted=True)
                    break
    except KeyboardInterrupt:  # a batch in flight is rolled back whole: a rerun reads it
        summary = replace(summary, interrupted=True)
    store.finish_run(run_id, summary)
    return summary


class _Named:
    """The actors each event's sentence names, by event id; the resolver is loaded with the
    first events (an unchanged corpus loads nothing)."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._find: EvidenceActors | None = None

    def __call__(self, events: Iterable[Event]) -> NamedActors:
        batch = list(events)
        if not batch:
            return {}
        if self._find is None:
            from bilat.nlp.actors import ActorResolver

            extra = self._settings.actors_file
            self._find = EvidenceActors(ActorResolver.load(Path(extra) if extra else None))
        return self._find(batch)


def _account(
    store: Store,
    run_id: str,
    summary: RunSummary,
    batch: Batch,
    written: tuple[int, int, list[Rejection]],
) -> RunSummary:
    """Record a written batch's rejections; the summary with the batch counted."""
    stored, stored_events, failed = written
    rejections = [*batch.rejections, *failed]
    if rejections:
        store.record_rejections(run_id, rejections)
    # An article refused by the parser or the store is rejected, not "unchanged".
    refused = sum(1 for r in rejections if r.stage != "ingest")
    return replace(
        summary,
        seen=summary.seen + batch.seen,
        stored=summary.stored + stored,
        unchanged=summary.unchanged + batch.read - stored - refused,
        events=summary.events + stored_events,
        rejections=(*summary.rejections, *rejections),
    )
