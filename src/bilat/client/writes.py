"""The Python API's writes: ingest paths, posted articles and feeds, each in a Session
(``bilat.Client`` calls them)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bilat.client.session import Session
from bilat.errors import BilatError
from bilat.records import RunSummary

if TYPE_CHECKING:
    from bilat.pipeline import Progress
    from bilat.watch import WatchRound, WatchSummary


def ingest(
    session: Session,
    paths: Iterable[str],
    progress: Progress | None = None,
    stop: Callable[[], bool] | None = None,
) -> RunSummary:
    """Read, extract and store articles from files, folders, JSONL or ``-`` (stdin).
    ``progress`` hears of each batch; when ``stop`` says yes the run ends after the batch
    (see ``pipeline.run_items``)."""
    from bilat.pipeline import run

    # The file is held per batch only, so `bilat serve` and other readers get turns.
    store = session.writer(hold=False)
    return run(paths, session.settings, store, progress=progress, stop=stop)


def planned_inputs(paths: Iterable[str]) -> int | None:
    """How many inputs ``ingest`` of ``paths`` will read, when that can be told without
    reading them (see ``bilat.ingest.plan``), else None."""
    from bilat.ingest.plan import planned_inputs as count

    return count(paths)


def watch(
    session: Session,
    feed: str,
    rounds: int | None = None,
    interval: float | None = None,
    on_round: Callable[[WatchRound], None] | None = None,
) -> WatchSummary:
    """Poll the RSS/Atom ``feed`` (a URL or a file) and ingest its new entries each round,
    for ``rounds`` rounds or, without, until Ctrl-C; ``on_round`` hears of every round."""
    from bilat.pipeline import engine_for
    from bilat.watch import Watcher

    settings = session.settings
    watcher = Watcher(feed, settings, session.writer(hold=True), engine_for(settings))
    every = settings.watch_interval if interval is None else interval
    return watcher.run(rounds, every, on_round or _ignore_round)


def _ignore_round(_: WatchRound) -> None:
    return None


@dataclass(frozen=True, slots=True)
class NewArticle:
    """An article sent to bilat: ``text`` or ``html`` (or, to fetch, only ``url``)."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    publisher: str | None = None


def ingest_new(session: Session, items: Iterable[NewArticle]) -> RunSummary:
    """Ingest articles given as values, as ``ingest`` reads a JSONL file; a bare URL is fetched.

    Fetching needs the reader's URL support (and obeys ``allow_private_fetch``).
    """
    import json
    from itertools import chain

    from bilat.ingest.reader import read_records, read_sources
    from bilat.pipeline import engine_for, run_items

    settings = session.settings
    given = list(items)
    urls = [i.url for i in given if i.url and not (i.text or i.html)]
    if urls and not fetching_available():
        raise BilatError("this bilat cannot fetch URLs: send the article's text or html")
    # Each posted article is a record "posted:N" (N counts from 1 in the order given).
    records = [
        (f"posted:{number}", json.dumps({k: v for k, v in _fields(item).items() if v}).encode())
        for number, item in enumerate(given, start=1)
        if item.text or item.html
    ]
    read = chain(read_records(records, settings), read_sources(urls, settings))
    return run_items(read, settings, session.writer(hold=False), engine_for(settings))


def fetching_available() -> bool:
    """Whether ``ingest`` fetches http(s) URLs given in place of paths."""
    from bilat.ingest.raw import Kind

    return hasattr(Kind, "URL")


def _fields(item: NewArticle) -> dict[str, str | None]:
    return {
        "text": item.text,
        "html": item.html,
        "url": item.url,
        "title": item.title,
        "published": item.published,
        "author": item.author,
        "publisher": item.publisher,
    }
