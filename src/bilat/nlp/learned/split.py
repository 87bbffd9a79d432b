"""The split of the development data fixed in the repository, and sentence identity.

The shipped event model trains only on the *training* part of each dev set; `bilat eval`
scores the model on the *held-out* part and says so. The split depends on the text alone
(a sentence's fingerprint, or a news document's file name), so it never moves.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from pathlib import Path

# One item in HOLDOUT_EVERY is held out of training (by hash).
HOLDOUT_EVERY = 5
# News documents are few and short: one in two is held out.
DOC_HOLDOUT_EVERY = 2


def fingerprint(sentence: str) -> str:
    """A sentence's identity across tokenisations: case and all white space dropped."""
    folded = "".join(sentence.split()).casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def _bucket(key: str, every: int) -> bool:
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % every == 0


def sentence_held_out(sentence: str) -> bool:
    """Whether a dev sentence (CAMEO classes and roles, PLOVER records) is held out."""
    return _bucket(fingerprint(sentence), HOLDOUT_EVERY)


def document_held_out(name: str) -> bool:
    """Whether a dev news document (by file name, e.g. ``56659.html``) is held out."""
    return _bucket(name, DOC_HOLDOUT_EVERY)


def document_key(name: str, content: bytes) -> str:
    """A news document's identity: its file name and the SHA-256 of its bytes."""
    return f"doc:{name}:{hashlib.sha256(content).hexdigest()}"


TRAINED_FILE = "event_model.trained.txt"


@cache
def training_fingerprints(path: Path | None = None) -> frozenset[str]:
    """Fingerprints of the sentences (and keys of the documents) the shipped event model
    trained on; `bilat eval` leaves them out."""
    if path is not None:
        text = path.read_text(encoding="utf-8")
    else:
        text = (
            resources.files("bilat.resources")
            .joinpath("models", TRAINED_FILE)
            .read_text(encoding="utf-8")
        )
    return frozenset(line.strip() for line in text.splitlines() if line.strip())
