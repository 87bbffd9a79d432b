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

from bilat.bench.corpus import CHUNK_DOCS, Chunk, Corpus, count_words, load_corpus, write_chunks
from bilat.bench.results import BenchResult, MemoryRun, Round, Throughput, machine
from bilat.bench.run import (
    WARM_UP_DOCS,
    bench,
    main,
    measure_memory,
    measure_throughput,
    memory_child,
    summarise,
)
from bilat.bench.timing import (
    PIPELINE,
    SPACY,
    TimedStore,
    bare_spacy,
    descendants_peak_rss_mb,
    order_of,
    own_peak_rss_mb,
    peak_rss_mb,
    time_pipeline,
    time_spacy,
    words_per_s,
)

__all__ = [
    "CHUNK_DOCS",
    "PIPELINE",
    "SPACY",
    "WARM_UP_DOCS",
    "BenchResult",
    "Chunk",
    "Corpus",
    "MemoryRun",
    "Round",
    "Throughput",
    "TimedStore",
    "bare_spacy",
    "bench",
    "count_words",
    "descendants_peak_rss_mb",
    "load_corpus",
    "machine",
    "main",
    "measure_memory",
    "measure_throughput",
    "memory_child",
    "order_of",
    "own_peak_rss_mb",
    "peak_rss_mb",
    "summarise",
    "time_pipeline",
    "time_spacy",
    "words_per_s",
    "write_chunks",
]
