"""What ``bilat bench`` reports: rounds, throughput, the memory run, the machine."""

from __future__ import annotations

import os
import platform
from dataclasses import asdict, dataclass, fields
from datetime import date
from importlib import metadata
from typing import Any


@dataclass(frozen=True, slots=True)
class Round:
    """One round: both sides over every chunk, taking turns."""

    chunks: int
    pipeline_seconds: float
    spacy_seconds: float
    store_seconds: float


@dataclass(frozen=True, slots=True)
class Throughput:
    """Pipeline against bare spaCy on one corpus."""

    corpus: str
    docs: int
    words: int
    rejected: int
    batch_size: int
    model: str
    pipeline_seconds: float
    spacy_seconds: float
    pipeline_words_per_s: float
    spacy_words_per_s: float
    ratio: float
    ratio_by_round: tuple[float, ...]
    pipeline_load_seconds: float
    spacy_load_seconds: float
    ingest_seconds: float
    store_seconds: float
    nlp_seconds: float
    events: int
    rounds: tuple[Round, ...]
    # the processes the pipeline started (the event model's reader), at the end
    children_peak_rss_mb: float = 0.0


@dataclass(frozen=True, slots=True)
class MemoryRun:
    """``pipeline.run`` over ``docs`` synthetic articles in a process of its own."""

    docs: int
    words: int
    seconds: float
    words_per_s: float
    peak_rss_mb: float
    stored: int
    unchanged: int
    rejected: int
    events: int
    rss_mb_by_docs: tuple[tuple[int, float], ...]


@dataclass(frozen=True, slots=True)
class BenchResult:
    throughput: Throughput | None
    memory: MemoryRun | None
    peak_rss_mb: float
    machine: dict[str, str | int]

    def to_json(self) -> dict[str, Any]:
        """One flat-ish JSON object: the headline keys at the top level."""
        out: dict[str, Any] = {}
        tp = self.throughput
        names = [f.name for f in fields(Throughput) if f.name != "rounds"]
        for name in names:
            out[name] = None if tp is None else getattr(tp, name)
        out["rounds"] = [] if tp is None else [asdict(r) for r in tp.rounds]
        out["peak_rss_mb"] = self.peak_rss_mb
        if self.memory is None:
            out["memory"] = None
        else:
            memory = asdict(self.memory)
            memory["rss_mb_by_docs"] = [list(p) for p in self.memory.rss_mb_by_docs]
            out["memory"] = memory
        out["machine"] = self.machine
        return out


def machine() -> dict[str, str | int]:
    """What the figures were measured on."""

    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "absent"

    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return {
        "cpus": os.cpu_count() or 0,
        "ram_mb": total // (1024 * 1024),
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "duckdb": version("duckdb"),
        "platform": platform.platform(),
        "date": date.today().isoformat(),
    }
