"""The one orchestrator: sources -> articles -> events -> store."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from bilat.config import Settings
from bilat.errors import StoreError
from bilat.ingest import read_sources
from bilat.records import Article, Event, Rejection, RunSummary

if TYPE_CHECKING:
    from spacy.language import Language

    from bilat.store.base import Store

T = TypeVar("T")

# Called after each batch with the running summary (the CLI draws a progress bar).
Progress = Callable[[RunSummary], None]


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def anchor_of(article: Article) -> date | None:
    """The date relative expressions resolve against: the end of the publication span."""
    return article.published.end if article.published else None


def extract_articles(nlp: Language, articles: list[Article], batch_size: int) -> list[list[Event]]:
    """Events of each article, in order."""
    from bilat.nlp.build import annotate

    items = ((a.id, a.body, anchor_of(a)) for a in articles)
    return [list(done.events) for done in annotate(nlp, items, batch_size)]


def _write(store: Store, items: list[tuple[Article, list[Event]]]) -> tuple[int, list[Rejection]]:
    """Write a batch in one transaction; if the store refuses it, write article by article so
    one bad article is rejected with its reason and the others are kept."""
    try:
        return store.write_batch(items), []
    except StoreError:
        stored, failed = 0, []
        for article, events in items:
            try:
                stored += store.write_batch([(article, events)])
            except StoreError as exc:
                failed.append(Rejection("store", str(exc), article.source))
        return stored, failed


def run(
    sources: Iterable[str],
    settings: Settings,
    store: Store,
    nlp: Language | None = None,
    progress: Progress | None = None,
) -> RunSummary:
    """Ingest ``sources`` into ``store``. Bad inputs become recorded Rejections; the
    run goes on. Articles already stored (same content id) are skipped before parsing."""
    if nlp is None:
        from bilat.nlp.build import make_nlp

        nlp = make_nlp(settings)
    run_id = store.start_run()
    summary = RunSummary()
    rejections: list[Rejection] = []
    for batch in batched(read_sources(sources, settings), settings.batch_size):
        fresh: dict[str, Article] = {}
        batch_rejections = [item for item in batch if isinstance(item, Rejection)]
        articles = [item for item in batch if isinstance(item, Article)]
        known = store.article_ids(a.id for a in articles)
        for article in articles:
            if article.id not in known:
                fresh.setdefault(article.id, article)
        new = list(fresh.values())
        events = extract_articles(nlp, new, settings.batch_size)
        stored, failed = _write(store, list(zip(new, events, strict=True)))
        batch_rejections.extend(failed)
        if batch_rejections:
            store.record_rejections(run_id, batch_rejections)
            rejections.extend(batch_rejections)
        summary = replace(
            summary,
            seen=summary.seen + len(batch),
            stored=summary.stored + stored,
            unchanged=summary.unchanged + len(articles) - stored,
            events=summary.events + sum(len(e) for e in events),
            rejections=tuple(rejections),
        )
        if progress is not None:
            progress(summary)
    store.finish_run(run_id, summary)
    return summary
