"""What `bilat ingest` prints on stderr while it runs: rejections as they come, progress
(a bar on a terminal, a plain line every few seconds otherwise), and a summary line.

Every name that comes from outside (a file name, a URL, a reason quoting input) goes
through ``printable``: a file name with a line break or an escape sequence cannot forge
a line of bilat's output or drive the terminal.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from bilat.records import RunSummary

# C0 and C1 controls, DEL, line and paragraph separators, bidirectional overrides, lone
# surrogates: what could end a line, move the cursor or reorder what a reader sees.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` on one line with nothing a terminal acts on: such characters are escaped."""

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        if char in _NAMED:
            return _NAMED[char]
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNPRINTABLE.sub(escape, text)


def summary_line(summary: RunSummary) -> str:
    line = (
        f"{summary.seen} inputs: {summary.stored} articles stored, {summary.unchanged} "
        f"unchanged, {len(summary.rejections)} rejected; {summary.events} events"
    )
    if summary.interrupted:
        line += "; interrupted: run the same command again to read the rest"
    return line


class IngestOutput:
    """The ``progress`` callback of an ingest, and what it prints (see the module)."""

    def __init__(
        self, total: int | None, *, quiet: bool, stream: TextIO, every: float = 5.0
    ) -> None:
        self._total = total
        self._quiet = quiet
        self._stream = stream
        self._every = every
        self._started = time.monotonic()
        self._last_line = self._started
        self._shown = 0  # rejections printed so far
        self._bar: Progress | None = None
        self._task = None

    @contextmanager
    def running(self) -> Iterator[IngestOutput]:
        """Show a bar for the block when writing to a terminal."""
        if self._quiet or not self._stream.isatty():
            yield self
            return
        console = Console(file=self._stream)
        known = self._total is not None
        columns = (
            TextColumn("ingesting"),
            BarColumn(),
            *((MofNCompleteColumn(),) if known else ()),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            *((TimeRemainingColumn(),) if known else ()),
        )
        with Progress(*columns, console=console, transient=True) as bar:
            self._bar = bar
            self._task = bar.add_task("ingest", total=self._total, rate="")  # type: ignore[assignment]
            try:
                yield self
            finally:
                self._bar = None

    def __call__(self, summary: RunSummary) -> None:
        if self._quiet:
            return
        for rejection in summary.rejections[self._shown :]:
            self._line(f"rejected {printable(rejection.source)}: {printable(rejection.reason)}")
        self._shown = len(summary.rejections)
        elapsed = max(time.monotonic() - self._started, 1e-9)
        rate = summary.seen / elapsed
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=summary.seen, rate=f"{rate:,.1f} inputs/s")
        elif time.monotonic() - self._last_line >= self._every:
            self._last_line = time.monotonic()
            self._line(self._progress_line(summary, rate))

    def _progress_line(self, summary: RunSummary, rate: float) -> str:
        done = f"{summary.seen:,} inputs"
        if self._total:
            share = min(summary.seen / self._total, 1.0)
            done = f"{summary.seen:,} of {self._total:,} inputs ({share:.0%})"
            if rate > 0:
                done += f", about {_duration((self._total - summary.seen) / rate)} left"
        return (
            f"progress: {done}, {rate:,.1f} inputs/s; {summary.stored:,} stored, "
            f"{len(summary.rejections):,} rejected"
        )

    def _line(self, text: str) -> None:
        if self._bar is not None:
            self._bar.console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            print(text, file=self._stream, flush=True)


def _duration(seconds: float) -> str:
    seconds = max(int(seconds), 0)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60} min"


@contextmanager
def stop_on_ctrl_c(say: Callable[[str], None]) -> Iterator[Callable[[], bool]]:
    """A ``stop`` callable that says yes once Ctrl-C (SIGINT) was pressed during the block:
    the run ends after its batch. A second Ctrl-C stops at once (KeyboardInterrupt)."""
    pressed = threading.Event()

    def on_sigint(signum: int, frame: FrameType | None) -> None:
        if pressed.is_set():
            raise KeyboardInterrupt
        pressed.set()
        say("stopping after the current batch (Ctrl-C again to stop at once)")

    try:
        previous = signal.signal(signal.SIGINT, on_sigint)
    except ValueError:  # not the main thread: Ctrl-C stays a KeyboardInterrupt
        yield pressed.is_set
        return
    try:
        yield pressed.is_set
    finally:
        signal.signal(signal.SIGINT, previous)
