"""The Ray engine: the parse runs on a Ray cluster through Ray Data.

``pipeline.run`` still reads, deduplicates and writes (the store has one writer: this
process). This engine is an ``Extract`` like the local ones, in three steps:

1. as the pipeline reads, the new articles of each batch go into Ray's object store as
   Arrow tables (``shards.input_table``) of at least ``BLOCK_BATCHES`` batches; the
   batches are handed back at once with their rejections and already-stored counts;
2. ``ray.data.from_arrow_refs(blocks).map_batches(ParseEvents, ...)`` parses them on
   ``workers`` actors, each loading the model once;
3. this process takes the results as they come, writes them to Parquet shards in the
   ``ray_shards`` folder (``shards.ShardWriter``) and, as each shard is complete, hands
   its articles and events back to the pipeline, which writes them to the store.

So the store holds the same Article and Event records as with the local engine. Ray is
started only when there is something new to parse; with the ``ray_address`` setting it
connects to that cluster, else it starts a local one with ``workers`` CPUs and no dashboard
(with usage statistics off: Ray would otherwise send them over the internet).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import warnings
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from bilat.config import Settings
from bilat.engines import Batch
from bilat.errors import EngineFailed, EngineMissing
from bilat.records import Article, Event

if TYPE_CHECKING:
    import pyarrow as pa

INSTALL_HINT = "the ray engine needs Ray, which is not installed: pip install 'bilat[ray]'"
# Pipeline batches per block sent to Ray: a block goes to one actor whole, and blocks
# under Ray's 100 KB inline limit would be kept in this process's memory instead of the
# object store.
BLOCK_BATCHES = 8
# Ray's own default takes 30% of RAM; a local run only needs room for blocks in flight
# (Ray spills to disk beyond it).
LOCAL_OBJECT_STORE_BYTES = 512 * 1024 * 1024


def require_ray() -> None:
    """EngineMissing, saying how to install Ray, when it cannot be imported."""
    try:
        import ray.data  # noqa: F401  (imports ray too)
    except ImportError as exc:
        raise EngineMissing(INSTALL_HINT) from exc


class ParseEvents:
    """The Ray Data callable class: one per actor, the model loaded once in each."""

    def __init__(self, settings: Settings) -> None:
        from bilat.nlp.build import make_nlp

        self.settings = settings
        self.nlp = make_nlp(settings)

    def __call__(self, table: pa.Table) -> pa.Table:
        from bilat.nlp.build import annotate
        from bilat.shards import output_table

        items = zip(
            table.column("id").to_pylist(),
            table.column("body").to_pylist(),
            table.column("anchor").to_pylist(),
            strict=True,
        )
        events = [list(done.events) for done in annotate(self.nlp, items, self.settings.batch_size)]
        return output_table(table, events)


class RayEngine:
    """The ``ray`` engine. A context manager: leaving it disconnects from Ray (stopping a
    local cluster it started) and removes a temporary shard folder."""

    def __init__(self, settings: Settings) -> None:
        require_ray()
        self.settings = settings
        self._folder: Path | None = None
        self._temporary: Path | None = None  # a folder of our own, removed on leaving
        self._connected = False
        self._started_ray = False  # False when this process was already connected to Ray

    def __enter__(self) -> RayEngine:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        import ray

        if self._connected and self._started_ray:
            ray.shutdown()
        self._connected = self._started_ray = False
        self._folder = None  # the next run (a --watch round) writes to a new one
        if self._temporary is not None:
            shutil.rmtree(self._temporary)
            self._temporary = None

    def __call__(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[list[Event]]]]:
        from bilat.shards import input_table

        blocks: list[Any] = []  # object refs: the articles themselves are in Ray
        waiting: list[Article] = []
        for batch in batches:
            if batch.new:
                waiting.extend(batch.new)
                if len(waiting) >= BLOCK_BATCHES * self.settings.batch_size:
                    blocks.append(self._put(input_table(waiting)))
                    waiting = []
            unchanged = Batch(batch.seen, batch.read - len(batch.new), (), batch.rejections)
            yield unchanged, []
        if waiting and not blocks:  # a small corpus: one block per actor rather than one in all
            share = -(-len(waiting) // self.settings.workers)
            blocks = [
                self._put(input_table(waiting[i : i + share]))
                for i in range(0, len(waiting), share)
            ]
        elif waiting:
            blocks.append(self._put(input_table(waiting)))
        if blocks:
            yield from self._parse(blocks)

    def _put(self, table: pa.Table) -> Any:
        import ray

        self._connect()
        return ray.put(table)

    def _connect(self) -> None:
        import ray

        if self._connected:
            return
        if ray.is_initialized():  # the caller's own Ray session (a notebook): use it, keep it
            self._connected = True
            self._configure_data()
            return
        quiet: dict[str, Any] = {"logging_level": logging.WARNING, "log_to_driver": False}
        # Ray reports usage statistics over the internet unless told not to, and only the
        # environment can tell it; the processes of a local cluster inherit it.
        os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
        try:
            if self.settings.ray_address:
                ray.init(address=self.settings.ray_address, **quiet)
            else:
                ray.init(
                    address="local",  # a new cluster, never one `ray start` left running
                    num_cpus=self.settings.workers,
                    include_dashboard=False,
                    object_store_memory=LOCAL_OBJECT_STORE_BYTES,
                    **quiet,
                )
        except (ConnectionError, RuntimeError, ValueError) as exc:
            where = self.settings.ray_address or "a local cluster"
            raise EngineFailed(f"cannot start Ray on {where}: {_one_line(exc)}") from exc
        self._connected = self._started_ray = True
        self._configure_data()

    def _configure_data(self) -> None:
        import ray.data

        # Ray Data logs each execution and draws progress bars on stderr, where the CLI
        # prints its own progress and summary.
        logging.getLogger("ray.data").setLevel(logging.ERROR)
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False

    def _shard_folder(self) -> Path:
        if self._folder is None:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            if self.settings.ray_shards:
                self._folder = Path(self.settings.ray_shards) / stamp
            else:
                self._temporary = Path(tempfile.mkdtemp(prefix="bilat-shards-"))
                self._folder = self._temporary / stamp
            self._folder.mkdir(parents=True, exist_ok=True)
        return self._folder

    def _parse(self, blocks: list[Any]) -> Iterator[tuple[Batch, list[list[Event]]]]:
        import ray
        import ray.data
        from ray.exceptions import RayError

        from bilat.shards import ShardWriter

        with warnings.catch_warnings():
            # Ray 2.60 warns that extra remote args (max_restarts) move to named parameters
            # in 2.64; map_batches has no named one for it yet (the extra pins ray < 2.64).
            warnings.simplefilter("ignore", DeprecationWarning)
            dataset = ray.data.from_arrow_refs(blocks).map_batches(
                ParseEvents,
                fn_constructor_args=(self.settings,),
                compute=ray.data.ActorPoolStrategy(size=self.settings.workers),
                batch_size=self.settings.batch_size,
                batch_format="pyarrow",
                max_restarts=0,  # an actor that cannot load the model fails the run, once
            )
        writer = ShardWriter(self._shard_folder(), BLOCK_BATCHES * self.settings.batch_size)
        try:
            for table in dataset.iter_batches(batch_format="pyarrow", batch_size=None):
                for path in writer.add(table):
                    yield from self._load(path)
            for path in writer.close():
                yield from self._load(path)
        except RayError as exc:
            raise EngineFailed(f"the ray engine failed: {_reason(exc)}") from exc

    def _load(self, path: Path) -> Iterator[tuple[Batch, list[list[Event]]]]:
        from bilat.shards import read_shard

        for rows in read_shard(path, self.settings.batch_size):
            articles = tuple(article for article, _ in rows)
            yield Batch(0, len(articles), articles, ()), [events for _, events in rows]


def _reason(exc: BaseException) -> str:
    """The bilat error inside a Ray error (a worker's traceback as text), else its first line."""
    found = re.findall(r"bilat\.errors\.\w+: ([^\n]+)", str(exc))
    return found[-1].strip() if found else _one_line(exc)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:300] or type(exc).__name__
