"""Many small distinct English articles as one JSONL file, for the crash and concurrency tests.

Short (about 100 words each) so a few hundred parse in seconds; each names its number,
so no two share a content id.
"""

from __future__ import annotations

import json
from itertools import permutations
from pathlib import Path

from bilat.synthetic import BUILTIN_PARAGRAPHS


def write_dispatches(path: Path, n: int) -> Path:
    """``n`` articles, one JSONL line each, in a fixed order."""
    pairs = list(permutations(range(len(BUILTIN_PARAGRAPHS)), 2))
    with path.open("w", encoding="utf-8") as fh:
        for number in range(n):
            first, second = pairs[(number * 7) % len(pairs)]
            text = (
                f"This is dispatch number {number} from the wire service.\n\n"
                f"{BUILTIN_PARAGRAPHS[first]}\n\n{BUILTIN_PARAGRAPHS[second]}"
            )
            record = {"text": text, "title": f"Dispatch {number}", "published": "2021-04-07"}
            fh.write(json.dumps(record) + "\n")
    return path
