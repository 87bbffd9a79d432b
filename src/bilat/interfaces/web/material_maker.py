"""``bilat serve`` makes every pair's dyad page material ahead, in a background thread,
whenever the store's version changes (``cache.store_version``), so that a page no memory
holds is cut from a file rather than read and fused from the store.

The thread looks at the version every ``poll`` seconds. Once a new version has held for
``settle`` seconds (an ingest writes in many steps: material made between them would be
stale at once), it prunes the folders of other versions and makes the material of each
pair without a file, most events first, through the server's kept reads (so a writer
waiting at the file is let in between pairs). It starts again whenever the version
changes under it, and does nothing where the store is not a local file. Of several
server processes on one store (``--workers``), one makes the material (an exclusive
lock on ``<db>.pages/.maker``); the others read it.
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bilat.client import Client
from bilat.config import Settings
from bilat.errors import BilatError, StoreError
from bilat.interfaces.web.cache import AnswerCache, Version, store_version
from bilat.interfaces.web.dyad_page import made_for
from bilat.interfaces.web.material_files import Shelf
from bilat.store.kept import KeptReads

log = logging.getLogger(__name__)
POLL = 1.0  # seconds between looks at the store's version
SETTLE = 2.0  # seconds a new version must hold before its material is made
PAUSE = 0.01  # seconds between two pairs


class MaterialMaker:
    """The background thread described above; ``start`` it, ``stop`` it at shutdown."""

    def __init__(
        self,
        settings: Settings,
        reads: KeptReads | None,
        cache: AnswerCache,
        *,
        poll: float = POLL,
        settle: float = SETTLE,
        pause: float = PAUSE,
    ) -> None:
        self._settings = settings
        self._reads = reads
        self._cache = cache
        self._poll, self._settle, self._pause = poll, settle, pause
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None
        self.made: Version | None = None  # the last version whose material is all made

    def start(self) -> None:
        if self._thread is None and store_version(self._settings.db) is not None:
            self._thread = threading.Thread(target=self._run, name="bilat-pages", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop after the pair being made (waits for it at most ``timeout`` seconds)."""
        self._stopped.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        seen: Version | None = None
        since = time.monotonic()
        while True:
            version = store_version(self._settings.db)
            if version != seen:
                seen, since = version, time.monotonic()
            elif self._due(version, since) and version and self._make_all(version):
                self.made = version
            if self._stopped.wait(self._poll):
                return

    def _due(self, version: Version | None, since: float) -> bool:
        """Whether ``version`` (held since ``since``) is settled and its material not made."""
        settled = time.monotonic() - since >= self._settle
        return version is not None and version != self.made and settled

    def _make_all(self, version: Version) -> bool:
        """Make what the version lacks; False when stopped, or the store changed or was
        locked meanwhile (tried again later)."""
        shelf = Shelf.of(self._settings, version)
        started = time.monotonic()
        with _only_maker(shelf.root) as mine:
            if not mine:
                return True  # another process makes it
            shelf.prune()
            try:
                with Client(self._settings, reads=self._reads) as client:
                    pairs = client.dyads()
                made = 0
                for a, b, _ in pairs:
                    if self._stopped.is_set() or store_version(self._settings.db) != version:
                        return False
                    if not shelf.has(a, b):
                        made += self._make(a, b, version)
                        self._stopped.wait(self._pause)
            except StoreError as e:
                log.info("dyad pages: the store is busy (%s); trying again", e)
                return False
        took = time.monotonic() - started
        log.info("dyad pages: made %d of %d pairs in %.1f s", made, len(pairs), took)
        return True

    def _make(self, a: str, b: str, version: Version) -> int:
        try:
            with Client(self._settings, reads=self._reads) as client:
                return int(made_for(client, self._cache, a, b, version))
        except StoreError:
            raise
        except BilatError as e:  # this pair's page fails; its readers are told why
            log.warning("dyad pages: %s-%s: %s", a, b, e)
            return 0


@contextmanager
def _only_maker(root: Path) -> Iterator[bool]:
    """Whether this process holds the makers' lock of ``root`` (False where it cannot be
    created: then nothing can be kept there either)."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd = os.open(root / ".maker", os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield False
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        yield True
    finally:
        os.close(fd)
