"""The corpus both sides of ``bilat bench`` parse: files the pipeline reads, chunk by chunk,
and the article bodies ingest makes of them (what spaCy parses)."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bilat.config import Settings
from bilat.errors import BilatError
from bilat.pipeline import batched as pipeline_batched
from bilat.records import Rejection
from bilat.synthetic import SyntheticDoc, write_jsonl

# Articles per chunk of a synthetic corpus: the sides take turns this often.
CHUNK_DOCS = 25


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
