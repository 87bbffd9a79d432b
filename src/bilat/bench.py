"""`bilat bench`: words per second of the full pipeline against bare spaCy, and peak memory.

Both sides parse the same texts in the same process, with the same batch size, after one
warm-up each. The corpus is cut into chunks and the sides take turns chunk by chunk, the
first alternating, so a load change on a shared machine hits both alike; each side's best
round (a pass over every chunk) counts.

- pipeline: ``bilat.pipeline.run`` over the corpus file into a fresh DuckDB store in a
  temporary folder: read + clean (ingest), bilat's nlp (``make_nlp``), extraction, writes.
- spaCy: ``spacy.load(model)`` (all its components) and ``nlp.pipe`` over the article
  bodies the ingest pass produced: the text bilat's own parse sees.

Words are whitespace-separated tokens of those bodies. The memory run streams synthetic
articles through ``pipeline.run`` in a child process (``python -m bilat.bench memory``),
so the peak it reports is the pipeline's alone, not this process's two spaCy copies.
"""

from __future__ import annotations

import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bilat.config import Settings
from bilat.errors import BilatError
from bilat.pipeline import batched as pipeline_batched
from bilat.records import Article, Event, Rejection, RunSummary
from bilat.store.duckdb import DuckDBStore
from bilat.store.pair_reads import NamedActors
from bilat.synthetic import SyntheticDoc, paragraphs_from, seed_folder, synthesize, write_jsonl

if TYPE_CHECKING:
    from spacy.language import Language

    from bilat.store.base import Store

PIPELINE = "pipeline"
SPACY = "spacy"
WARM_UP_DOCS = 8
# Articles per chunk of a synthetic corpus: the sides take turns this often.
CHUNK_DOCS = 25
# -- corpus ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Chunk:
    """A file or folder the pipeline reads, and the article bodies ingest made of it
    (what spaCy parses)."""

    path: Path
    bodies: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Corpus:
    """What both sides parse, chunk by chunk."""

    chunks: tuple[Chunk, ...]
    origin: str
    words: int
    rejected: int
    ingest_seconds: float

    @property
    def bodies(self) -> tuple[str, ...]:
        return tuple(body for chunk in self.chunks for body in chunk.bodies)


def write_chunks(docs: Iterable[SyntheticDoc], folder: Path, size: int = CHUNK_DOCS) -> list[Path]:
    """Write ``docs`` as JSONL files of ``size`` articles each, in order."""
    paths: list[Path] = []
    for number, chunk in enumerate(pipeline_batched(docs, size)):
        paths.append(folder / f"chunk{number:04d}.jsonl")
        write_jsonl(chunk, paths[-1])
    return paths


def count_words(texts: Iterable[str]) -> int:
    """Whitespace-separated words."""
    return sum(len(text.split()) for text in texts)


def load_corpus(paths: Sequence[Path], settings: Settings, origin: str) -> Corpus:
    """Ingest each of ``paths`` once (timed: the read + clean phase) for the bodies spaCy
    parses. A repeated article is kept once, as the pipeline keeps it."""
    from bilat.ingest import read_sources

    started = time.perf_counter()
    seen: set[str] = set()
    chunks: list[Chunk] = []
    rejected = 0
    for path in paths:
        bodies: list[str] = []
        for item in read_sources([str(path)], settings):
            if isinstance(item, Rejection):
                rejected += 1
            elif item.id not in seen:
                seen.add(item.id)
                bodies.append(item.body)
        chunks.append(Chunk(path, tuple(bodies)))
    seconds = time.perf_counter() - started
    if not seen:
        where = ", ".join(str(p) for p in paths)
        raise BilatError(f"{where} holds no article bilat accepts ({rejected} rejected)")
    words = sum(count_words(chunk.bodies) for chunk in chunks)
    return Corpus(tuple(chunks), origin, words, rejected, seconds)


# -- measuring ------------------------------------------------------------------


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory so far, in MB (ru_maxrss is KB on Linux, bytes on macOS)."""
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return round(resource.getrusage(who).ru_maxrss / scale, 1)


def own_peak_rss_mb(status: Path = Path("/proc/self/status")) -> float:
    """Peak resident memory of this process image alone, in MB. Linux carries ru_maxrss
    over fork and execve, so a child started by a 400 MB parent reports at least 400 MB
    there; VmHWM in /proc belongs to the new image. ru_maxrss where /proc is absent."""
    try:
        text = status.read_text(encoding="ascii", errors="replace")
    except OSError:
        return peak_rss_mb()
    found = re.search(r"^VmHWM:\s*(\d+)\s*kB", text, re.MULTILINE)
    return round(int(found.group(1)) / 1024, 1) if found else peak_rss_mb()


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


# -- results --------------------------------------------------------------------


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


# -- running --------------------------------------------------------------------


def measure_throughput(
    corpus: Corpus, settings: Settings, rounds: int, workdir: Path
) -> Throughput:
    """Both sides over ``corpus``, ``rounds`` times in alternating order; best round counts."""
    from bilat.nlp.build import annotate, make_nlp

    started = time.perf_counter()
    ours = make_nlp(settings)
    our_load = time.perf_counter() - started
    started = time.perf_counter()
    theirs = bare_spacy(settings.model)
    their_load = time.perf_counter() - started
    # Warm-up: first calls allocate buffers and fill caches; neither side is timed on them.
    warm = corpus.bodies[:WARM_UP_DOCS]
    for _done in annotate(ours, ((f"warm{i}", t, None) for i, t in enumerate(warm))):
        pass
    time_spacy(theirs, warm, settings.batch_size)

    done: list[Round] = []
    events = 0
    turn = 0
    for number in range(max(1, rounds)):
        # A new store each round: the same articles again would be skipped as unchanged.
        db = workdir / f"round{number}.duckdb"
        store = TimedStore(db)
        seconds = {PIPELINE: 0.0, SPACY: 0.0}
        events = 0
        try:
            for chunk in corpus.chunks:
                for side in order_of(turn):
                    if side == PIPELINE:
                        took, summary = time_pipeline(ours, chunk.path, settings, store)
                        events += summary.events
                    else:
                        took = time_spacy(theirs, chunk.bodies, settings.batch_size)
                    seconds[side] += took
                turn += 1
        finally:
            store.close()
            db.unlink(missing_ok=True)
        done.append(
            Round(
                chunks=len(corpus.chunks),
                pipeline_seconds=round(seconds[PIPELINE], 3),
                spacy_seconds=round(seconds[SPACY], 3),
                store_seconds=round(store.seconds, 3),
            )
        )
    return summarise(corpus, settings, done, events, our_load, their_load)


def summarise(
    corpus: Corpus,
    settings: Settings,
    rounds: Sequence[Round],
    events: int,
    pipeline_load_seconds: float,
    spacy_load_seconds: float,
) -> Throughput:
    """The headline figures of ``rounds``: each side's best round."""
    best = min(rounds, key=lambda r: r.pipeline_seconds)
    spacy_seconds = min(r.spacy_seconds for r in rounds)
    ours = words_per_s(corpus.words, best.pipeline_seconds)
    theirs = words_per_s(corpus.words, spacy_seconds)
    ingest = min(corpus.ingest_seconds, best.pipeline_seconds)
    return Throughput(
        corpus=corpus.origin,
        docs=len(corpus.bodies),
        words=corpus.words,
        rejected=corpus.rejected,
        batch_size=settings.batch_size,
        model=settings.model,
        pipeline_seconds=best.pipeline_seconds,
        spacy_seconds=spacy_seconds,
        pipeline_words_per_s=ours,
        spacy_words_per_s=theirs,
        ratio=round(ours / theirs, 3) if theirs > 0 else 0.0,
        ratio_by_round=tuple(
            round(r.spacy_seconds / r.pipeline_seconds, 3) if r.pipeline_seconds > 0 else 0.0
            for r in rounds
        ),
        pipeline_load_seconds=round(pipeline_load_seconds, 3),
        spacy_load_seconds=round(spacy_load_seconds, 3),
        ingest_seconds=round(ingest, 3),
        store_seconds=best.store_seconds,
        # By difference: what the run spent neither reading nor in the store.
        nlp_seconds=round(max(0.0, best.pipeline_seconds - ingest - best.store_seconds), 3),
        events=events,
        rounds=tuple(rounds),
    )


def measure_memory(
    docs: int, settings: Settings, paragraphs: Sequence[str], workdir: Path
) -> MemoryRun:
    """Stream ``docs`` synthetic articles through ``pipeline.run`` in a child process."""
    corpus = workdir / "memory.jsonl"
    write_jsonl(synthesize(docs, paragraphs, seed=1), corpus)
    words = 0
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            words += count_words([json.loads(line)["text"]])
    command = [
        sys.executable,
        "-m",
        "bilat.bench",
        "memory",
        str(corpus),
        str(workdir / "memory.duckdb"),
        json.dumps(asdict(settings)),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BilatError(f"the memory run failed: {done.stderr.strip()[-2000:]}")
    child = json.loads(done.stdout)
    return MemoryRun(
        docs=docs,
        words=words,
        seconds=child["seconds"],
        words_per_s=words_per_s(words, child["seconds"]),
        peak_rss_mb=child["peak_rss_mb"],
        stored=child["stored"],
        unchanged=child["unchanged"],
        rejected=child["rejected"],
        events=child["events"],
        rss_mb_by_docs=tuple((int(n), float(mb)) for n, mb in child["rss_mb_by_docs"]),
    )


def memory_child(corpus: Path, db: Path, settings: Settings) -> dict[str, Any]:
    """In the child: ingest ``corpus`` into ``db`` and report time and peak memory."""
    from bilat.pipeline import run

    samples: list[tuple[int, float]] = [(0, own_peak_rss_mb())]
    with corpus.open("rb") as fh:
        lines = sum(1 for _ in fh)
    step = max(1, lines // 10)

    def sample(summary: RunSummary) -> None:
        if summary.seen - samples[-1][0] >= step:
            samples.append((summary.seen, own_peak_rss_mb()))

    store = DuckDBStore(db)
    try:
        started = time.perf_counter()
        summary = run([str(corpus)], settings, store, progress=sample)
        seconds = time.perf_counter() - started
    finally:
        store.close()
    peak = own_peak_rss_mb()
    if samples[-1][0] == summary.seen:
        samples.pop()
    samples.append((summary.seen, peak))
    return {
        "seconds": round(seconds, 3),
        "peak_rss_mb": peak,
        "stored": summary.stored,
        "unchanged": summary.unchanged,
        "rejected": len(summary.rejections),
        "events": summary.events,
        "rss_mb_by_docs": samples,
    }


def bench(
    settings: Settings,
    docs: int = 200,
    corpus: Path | None = None,
    rounds: int = 2,
    memory_docs: int = 0,
    seeds: Path | None = None,
) -> BenchResult:
    """Throughput over ``corpus`` (or ``docs`` synthetic articles; none if 0) and, with
    ``memory_docs``, the peak memory of ingesting that many synthetic articles."""
    folder = seeds if seeds is not None else seed_folder()
    paragraphs = paragraphs_from(folder)
    with tempfile.TemporaryDirectory(prefix="bilat-bench-") as tmp:
        workdir = Path(tmp)
        throughput = None
        if corpus is not None:
            loaded = load_corpus([corpus], settings, str(corpus))
            throughput = measure_throughput(loaded, settings, rounds, workdir)
        elif docs > 0:
            paths = write_chunks(synthesize(docs, paragraphs), workdir)
            origin = f"{docs} synthetic articles from {folder or 'built-in paragraphs'}"
            loaded = load_corpus(paths, settings, origin)
            throughput = measure_throughput(loaded, settings, rounds, workdir)
        memory = measure_memory(memory_docs, settings, paragraphs, workdir) if memory_docs else None
    return BenchResult(throughput, memory, peak_rss_mb(), machine())


def main(argv: Sequence[str]) -> int:
    """``python -m bilat.bench memory CORPUS DB SETTINGS_JSON``: the memory run's child."""
    if len(argv) != 4 or argv[0] != "memory":
        print("usage: python -m bilat.bench memory CORPUS DB SETTINGS_JSON", file=sys.stderr)
        return 2
    settings = Settings().with_values(json.loads(argv[3]))
    print(json.dumps(memory_child(Path(argv[1]), Path(argv[2]), settings)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
