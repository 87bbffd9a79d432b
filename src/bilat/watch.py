"""`bilat ingest --watch FEED`: poll an RSS/Atom feed and ingest its new entries.

Each round fetches the feed once. A feed whose bytes are those of the last round is
"unchanged" and nothing else happens; a changed feed goes through ``pipeline.run_items``
like any other input (entries already stored are skipped by id, before parsing; an entry
that is only a link, already read in an earlier round, is not fetched again). The
wait before the next round is ``interval`` after a round that stored something, and
doubles after an unchanged or failed round, up to ``watch_max_interval``. One engine
serves every round, so the model is loaded once.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from bilat.config import Settings
from bilat.errors import BilatError, InputRejected
from bilat.ingest.raw import Kind, RawInput
from bilat.ingest.sources import is_url, url_input
from bilat.records import Article, Rejection, RunSummary

if TYPE_CHECKING:
    from bilat.ingest.fetch import Fetcher
    from bilat.pipeline import Engine
    from bilat.store.base import Store


class Outcome(StrEnum):
    NEW = "new"  # the round stored at least one article
    UNCHANGED = "unchanged"  # same feed, or a changed feed with nothing new in it
    ERROR = "error"  # the feed could not be fetched or read


@dataclass(frozen=True, slots=True)
class WatchRound:
    """What one round did, and how long until the next."""

    number: int
    outcome: Outcome
    summary: RunSummary  # empty when the feed was unchanged or failed
    reason: str | None  # why the feed failed
    wait: float  # seconds until the next round


@dataclass(frozen=True, slots=True)
class WatchSummary:
    rounds: int
    stored: int
    events: int
    rejected: int
    interrupted: bool  # ended by Ctrl-C rather than after ``rounds``


def next_wait(previous: float, outcome: Outcome, interval: float, cap: float) -> float:
    """``interval`` after a round with news; otherwise twice the last wait, at most ``cap``."""
    if outcome is Outcome.NEW:
        return min(interval, cap)
    return min(cap, max(previous, interval) * 2 if previous else interval)


def feed_input(feed: str, fetcher: Fetcher) -> RawInput:
    """The feed's bytes now: fetched for a URL, read for a file."""
    if is_url(feed):
        return fetcher.fetch(url_input(feed))
    try:
        return RawInput(feed, Path(feed).read_bytes(), Kind.FEED)
    except OSError as exc:
        raise InputRejected(f"cannot read {feed}: {exc.strerror or exc}") from exc


class Watcher:
    """Polls ``feed`` into ``store``; ``run`` is the loop."""

    def __init__(
        self,
        feed: str,
        settings: Settings,
        store: Store,
        engine: Engine,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.feed = feed
        self.settings = settings
        self.store = store
        self.engine = engine
        self.sleep = sleep
        self._digest: bytes | None = None
        # Sources of the entries read into articles so far: a link-only entry among them
        # is not fetched again when another entry makes the feed change.
        self._read: set[str] = set()

    def poll(self, fetcher: Fetcher) -> tuple[Outcome, RunSummary, str | None]:
        """One round: fetch, compare with the last, ingest if changed."""
        from bilat.ingest.reader import read_fetched
        from bilat.pipeline import run_items

        try:
            raw = feed_input(self.feed, fetcher)
        except InputRejected as exc:
            return Outcome.ERROR, RunSummary(), str(exc)
        digest = hashlib.sha256(raw.data).digest()
        if digest == self._digest:
            return Outcome.UNCHANGED, RunSummary(), None
        items = read_fetched(raw, self.settings, skip_link=self._was_read)
        summary = run_items(self._remember(items), self.settings, self.store, self.engine)
        failed = [r.reason for r in summary.rejections if r.source == raw.source]
        if failed:  # the feed itself, not one of its entries: try it again next round
            return Outcome.ERROR, summary, failed[0]
        self._digest = digest
        return (Outcome.NEW if summary.stored else Outcome.UNCHANGED), summary, None

    def _was_read(self, entry: RawInput) -> bool:
        return entry.source in self._read

    def _remember(self, items: Iterable[Article | Rejection]) -> Iterator[Article | Rejection]:
        for item in items:
            if isinstance(item, Article):
                self._read.add(item.source)
            yield item

    def run(
        self, rounds: int | None, interval: float, on_round: Callable[[WatchRound], None]
    ) -> WatchSummary:
        """Poll until ``rounds`` are done (None: until Ctrl-C)."""
        from bilat.ingest.fetch import Fetcher

        if interval <= 0:
            raise BilatError(f"the watch interval must be over 0 seconds, not {interval:g}")
        cap = max(interval, self.settings.watch_max_interval)
        done = stored = events = rejected = 0
        wait = 0.0
        interrupted = False
        with Fetcher(self.settings) as fetcher:
            try:
                while rounds is None or done < rounds:
                    if done:
                        self.sleep(wait)
                    outcome, summary, reason = self.poll(fetcher)
                    done += 1
                    stored += summary.stored
                    events += summary.events
                    rejected += len(summary.rejections)
                    wait = next_wait(wait, outcome, interval, cap)
                    on_round(WatchRound(done, outcome, summary, reason, wait))
            except KeyboardInterrupt:  # Ctrl-C is how a watch without --rounds ends
                interrupted = True
        return WatchSummary(done, stored, events, rejected, interrupted)
