"""Where the NLP stage of an ingest runs: in this process, in local worker processes, or on
a Ray cluster (``bilat.engine_ray``).

``pipeline.run`` stays the one orchestrator: it reads, deduplicates and writes in this
process (DuckDB allows one writer) and hands the parse and extraction to an ``Extract``.
An ``Extract`` takes batches in order and yields each with the events of its new
articles, in the same order, so every engine stores the same thing.

- in-process (``pipeline.in_process``): today's behaviour, one nlp in this process;
- ``WorkerPool``: ``workers`` processes ("forkserver", else "spawn"), each building its nlp
  once, each parsing whole batches; at most ``2 * workers`` batches are in flight, so
  memory stays flat however long the input.

The model is loaded on the first batch that has new articles: re-ingesting an unchanged
corpus loads and parses nothing.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from multiprocessing.pool import AsyncResult, Pool
from types import TracebackType
from typing import Any, TypeAlias

from bilat.children import start_method
from bilat.config import Settings
from bilat.errors import BilatError
from bilat.records import Article, Event, Rejection

# What ``bilat.nlp.build.make_nlp`` builds (a spaCy Language), opaque here: only
# bilat.nlp imports spaCy.
Nlp: TypeAlias = Any
# Batches in flight per worker: one being parsed, one queued, so no worker waits for the
# parent to read and deduplicate the next.
AHEAD_PER_WORKER = 2

# (article id, body, anchor date): what a worker needs of an article, and all it is sent.
Item = tuple[str, str, date | None]


@dataclass(frozen=True, slots=True)
class Batch:
    """One batch of input as the pipeline read it."""

    seen: int  # inputs read: articles and rejections
    read: int  # articles read, new or already stored
    new: tuple[Article, ...]  # articles to parse and store, each id once
    rejections: tuple[Rejection, ...]


# Batches in, (batch, events of each of its new articles) out, in the same order.
Extract = Callable[[Iterable[Batch]], Iterator[tuple[Batch, list[list[Event]]]]]


def anchor_of(article: Article) -> date | None:
    """The date relative expressions resolve against: the end of the publication span."""
    return article.published.end if article.published else None


def items_of(articles: Iterable[Article]) -> list[Item]:
    return [(a.id, a.body, anchor_of(a)) for a in articles]


# -- in each worker process ------------------------------------------------------------


class _WorkerState:
    """The worker process's nlp, built once by the pool's initializer. Per process, never
    shared: the pool's task function can only reach it through the module."""

    nlp: Nlp | None = None
    failure: BilatError | None = None


_worker = _WorkerState()


def _start_worker(settings: Settings) -> None:
    import signal

    from bilat.nlp.build import make_nlp

    # Ctrl-C is the parent's to handle: it ends the run after the current batch, which
    # these workers finish parsing (the terminal sends SIGINT to the whole group).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _worker.nlp = make_nlp(settings)
    except BilatError as exc:
        # Raised from the first task instead: a pool whose initializer fails restarts the
        # worker for ever and never reports why.
        _worker.failure = exc


def _parse(items: list[Item], batch_size: int) -> list[list[Event]]:
    from bilat.nlp.build import annotate

    if _worker.failure is not None:
        raise _worker.failure
    if _worker.nlp is None:
        raise BilatError("worker started without its nlp")
    return [list(done.events) for done in annotate(_worker.nlp, items, batch_size)]


# -- in the parent -----------------------------------------------------------------------


class WorkerPool:
    """The local engine with ``workers`` processes. A context manager: leaving it stops them."""

    def __init__(self, settings: Settings, workers: int) -> None:
        self.settings = settings
        self.workers = workers
        self._pool: Pool | None = None

    def start(self) -> Pool:
        context = multiprocessing.get_context(start_method())
        return context.Pool(self.workers, initializer=_start_worker, initargs=(self.settings,))

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if kind is None:
            pool.close()
        else:
            pool.terminate()
        pool.join()

    def __call__(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[list[Event]]]]:
        window: deque[tuple[Batch, AsyncResult[list[list[Event]]] | None]] = deque()
        for batch in batches:
            pending = None
            if batch.new:
                if self._pool is None:
                    self._pool = self.start()
                items = items_of(batch.new)
                pending = self._pool.apply_async(_parse, (items, self.settings.batch_size))
            window.append((batch, pending))
            while len(window) > AHEAD_PER_WORKER * self.workers:
                yield _result(*window.popleft())
        while window:
            yield _result(*window.popleft())


def _result(
    batch: Batch, pending: AsyncResult[list[list[Event]]] | None
) -> tuple[Batch, list[list[Event]]]:
    return batch, [] if pending is None else pending.get()
