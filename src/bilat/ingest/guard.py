"""The last line of defence of the reader: whatever goes wrong with one input, the run goes on.

Every failure bilat foresees is an ``InputRejected`` with a reason written for it. One it
did not foresee (a library's own error on strange bytes) still becomes the input's
Rejection, naming the error, instead of ending the run and losing its batch.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from bilat.records import Rejection

T = TypeVar("T")
_DETAIL = 160


def unexpected(exc: Exception) -> str:
    """A one-line reason for an error nothing else explained."""
    detail = " ".join(str(exc).split())
    detail = detail.encode("utf-8", "backslashreplace").decode("utf-8")[:_DETAIL]
    what = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    return f"could not be read ({what}): check the input, or report it if it looks sound"


def guarded(source: str, items: Iterator[T]) -> Iterator[T | Rejection]:
    """``items``, ended by a Rejection of ``source`` if making them raised."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - this input's Rejection, not the run's end
        yield Rejection("ingest", f"{unexpected(exc)}; the rest of it is skipped", source)
