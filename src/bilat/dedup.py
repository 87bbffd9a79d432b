"""Near-duplicate article bodies: word shingles, exact Jaccard and a small MinHash.

Syndicated copies of one wire story differ by a byline, a headline or a
trailing "Read more" line, so their content ids differ while their word
5-grams almost all agree. A fixed-length MinHash signature lets a caller keep
a few hundred bytes per article instead of its body.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

SHINGLE_WORDS = 5
SIGNATURE_SIZE = 64
# Copies of a wire story share almost all shingles; rewrites of one event share few.
SYNDICATED = 0.8

_WORD = re.compile(r"\w+", re.UNICODE)
_PRIME = (1 << 61) - 1
_MASK = (1 << 64) - 1


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[str]:
    """Case-folded word ``size``-grams; a text shorter than that is one shingle."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words:
        return frozenset()
    if len(words) <= size:
        return frozenset({" ".join(words)})
    return frozenset(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))


def jaccard(a: Iterable[object], b: Iterable[object]) -> float:
    """|a ∩ b| / |a ∪ b|; two empty sets are not similar."""
    sa, sb = set(a), set(b)
    union = len(sa | sb)
    return len(sa & sb) / union if union else 0.0


def _hash64(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big")


def _coefficients(size: int) -> tuple[tuple[int, int], ...]:
    # Derived from the index, not a random seed, so signatures are the same on every run.
    out = []
    for i in range(size):
        digest = hashlib.sha256(f"bilat-minhash-{i}".encode()).digest()
        a = int.from_bytes(digest[:8], "big") % (_PRIME - 1) + 1
        b = int.from_bytes(digest[8:16], "big") % _PRIME
        out.append((a, b))
    return tuple(out)


def signature(text: str, size: int = SIGNATURE_SIZE) -> tuple[int, ...]:
    """MinHash signature of the text's shingles; empty for a text with no words."""
    hashes = [_hash64(s) for s in shingles(text)]
    if not hashes:
        return ()
    return tuple(
        min(((a * h + b) % _PRIME) & _MASK for h in hashes) for a, b in _coefficients(size)
    )


def estimated_jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Share of agreeing signature slots; 0.0 when either is missing or sizes differ."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
