"""What ``bilat bench`` measures with: peak memory, seconds per side, the bare spaCy baseline
and a store that adds up its own time."""

from __future__ import annotations

import os
import re
import resource
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bilat.config import Settings
from bilat.records import Article, Event, Rejection, RunSummary
from bilat.store.duckdb import DuckDBStore
from bilat.store.pair_reads import NamedActors

if TYPE_CHECKING:
    from spacy.language import Language

    from bilat.store.base import Store

PIPELINE = "pipeline"
SPACY = "spacy"


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory so far, in MB (ru_maxrss is KB on Linux, bytes on macOS)."""
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return round(resource.getrusage(who).ru_maxrss / scale, 1)


def own_peak_rss_mb(status: Path = Path("/proc/self/status")) -> float:
    """Peak resident memory of this process image alone, in MB. Linux carries ru_maxrss
    over fork and execve, so a child started by a 400 MB parent reports at least 400 MB
    there; VmHWM in /proc belongs to the new image. ru_maxrss where /proc is absent."""
    found = _high_water_mb(status)
    return peak_rss_mb() if found is None else found


def descendants_peak_rss_mb(proc: Path = Path("/proc")) -> float:
    """Peak resident memory of this process's live descendants together, in MB (the event
    model's reading process). 0 where /proc is absent."""
    children: dict[int, list[int]] = {}
    for stat in proc.glob("[0-9]*/stat"):
        try:
            # "pid (comm) state ppid ...": comm may hold spaces and brackets
            after_comm = stat.read_text(encoding="ascii", errors="replace").rsplit(")", 1)[1]
            children.setdefault(int(after_comm.split()[1]), []).append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue  # a process that ended while we looked
    family: list[int] = []
    frontier = [os.getpid()]
    while frontier:
        below = children.get(frontier.pop(), [])
        family.extend(below)
        frontier.extend(below)
    peaks = (_high_water_mb(proc / str(pid) / "status") for pid in family)
    return round(sum(mb for mb in peaks if mb is not None), 1)


def _high_water_mb(status: Path) -> float | None:
    """VmHWM of a /proc status file, in MB; None when it cannot be read."""
    try:
        text = status.read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    found = re.search(r"^VmHWM:\s*(\d+)\s*kB", text, re.MULTILINE)
    return round(int(found.group(1)) / 1024, 1) if found else None


def words_per_s(words: int, seconds: float) -> float:
    return round(words / seconds, 1) if seconds > 0 else 0.0


def order_of(turn: int) -> tuple[str, str]:
    """Which side goes first on a chunk: they alternate, so neither always gets a warm cache."""
    return (PIPELINE, SPACY) if turn % 2 == 0 else (SPACY, PIPELINE)


def bare_spacy(model: str) -> Language:
    """The baseline: the model as spaCy ships it. The one spaCy import outside bilat.nlp,
    because the baseline must not go through bilat's own loader."""
    import spacy

    from bilat.errors import ModelMissing

    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelMissing(f"spaCy model {model!r} is not installed; run `make`") from exc


def time_spacy(nlp: Language, texts: Sequence[str], batch_size: int) -> float:
    """Seconds for ``nlp.pipe`` over ``texts``; the docs are dropped as they come."""
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - started


def time_pipeline(
    nlp: Language, corpus_path: Path, settings: Settings, store: Store
) -> tuple[float, RunSummary]:
    """Seconds for ``pipeline.run`` over ``corpus_path`` into ``store``, and its summary."""
    from bilat.pipeline import run

    started = time.perf_counter()
    summary = run([str(corpus_path)], settings, store, nlp=nlp)
    return time.perf_counter() - started, summary


class TimedStore(DuckDBStore):
    """A DuckDBStore that adds up the seconds spent in the calls the pipeline makes."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(path)
        self.seconds = 0.0
        self._depth = 0

    def _timed(self, call: Any, *args: Any) -> Any:
        # Only the outermost call counts: write_batch may call article_ids itself.
        self._depth += 1
        started = time.perf_counter()
        try:
            return call(*args)
        finally:
            self._depth -= 1
            if self._depth == 0:
                self.seconds += time.perf_counter() - started

    def start_run(self) -> str:
        result: str = self._timed(super().start_run)
        return result

    def article_ids(self, ids: Iterable[str]) -> set[str]:
        result: set[str] = self._timed(super().article_ids, ids)
        return result

    def write_batch(
        self, items: Sequence[tuple[Article, Sequence[Event]]], named: NamedActors | None = None
    ) -> int:
        result: int = self._timed(super().write_batch, items, named)
        return result

    def record_rejections(self, run_id: str, rejections: Sequence[Rejection]) -> None:
        self._timed(super().record_rejections, run_id, rejections)

    def finish_run(self, run_id: str, summary: RunSummary) -> None:
        self._timed(super().finish_run, run_id, summary)
