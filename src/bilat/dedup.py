"""Near-duplicate article bodies: word shingles, exact Jaccard and a small MinHash.

Syndicated copies of one wire story differ by a byline, a headline or a
trailing "Read more" line, so their content ids differ while their word
5-grams almost all agree. A fixed-length MinHash signature lets a caller keep
a few hundred bytes per article instead of its body.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from typing import Any

SHINGLE_WORDS = 5
SIGNATURE_SIZE = 64
# Copies of a wire story share almost all shingles; rewrites of one event share few.
SYNDICATED = 0.8

_WORD = re.compile(r"\w+", re.UNICODE)
_PRIME = (1 << 61) - 1


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


@functools.cache
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
    """MinHash signature of the text's shingles; empty for a text with no words.

    Value i is the least ``(a_i * h + b_i) mod (2**61 - 1)`` over the shingles' 64-bit
    hashes h, computed exactly on 32-bit halves with numpy (a store keeps one per article).
    """
    import numpy as np

    hashes = [_hash64(s) for s in shingles(text)]
    if not hashes:
        return ()
    p, low_bits = np.uint64(_PRIME), np.uint64((1 << 32) - 1)
    a, b = (np.array(c, dtype=np.uint64)[:, None] for c in zip(*_coefficients(size), strict=True))
    h = np.array(hashes, dtype=np.uint64)
    h = _mersenne((h & p) + (h >> np.uint64(61)), p)  # h mod P, so both factors are < 2**61
    a_hi, a_lo = a >> np.uint64(32), a & low_bits
    h_hi, h_lo = h >> np.uint64(32), h & low_bits
    # a*h = a_hi*h_hi*2**64 + (a_hi*h_lo + a_lo*h_hi)*2**32 + a_lo*h_lo, and 2**61 = 1 mod P.
    middle = a_hi * h_lo + a_lo * h_hi  # < 2**62
    low = a_lo * h_lo  # < 2**64
    total = (
        (a_hi * h_hi << np.uint64(3))  # 2**64 = 8 mod P; < 2**61
        + (middle >> np.uint64(29))  # the part of middle * 2**32 at or above 2**61
        + ((middle & np.uint64((1 << 29) - 1)) << np.uint64(32))
        + (low & p)
        + (low >> np.uint64(61))
        + b
    )  # < 2**64: no overflow
    values = _mersenne((total & p) + (total >> np.uint64(61)), p).min(axis=1)
    return tuple(int(v) for v in values)


def _mersenne(x: Any, p: Any) -> Any:
    """x mod p for 0 <= x < 2 * p (numpy uint64 arrays)."""
    import numpy as np

    return np.where(x >= p, x - p, x)


def estimated_jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Share of agreeing signature slots; 0.0 when either is missing or sizes differ."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
