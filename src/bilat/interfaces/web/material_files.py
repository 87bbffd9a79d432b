"""Where a server keeps the dyad pages' material (``dyad_material``) of a local DuckDB
store: a folder beside the file, ``<db>.pages/``, with one folder per store version and
one file per pair.

A version's folder is named by a digest of everything the material depends on: the
store's version (``cache.store_version``: size and time of the file and its write-ahead
log, which every write changes), the bilat code and resources that render it, and the
settings that shape a pair's read (``min_confidence``, ``actors_file``). So material made
before a write, or by another bilat, or under other settings, is never read: its folder
has another name. Files are written whole under a temporary name and renamed, so a
reader (in this process or another) sees a whole file or none. Folders of other versions
are removed by ``prune`` (the background maker calls it when it starts on a version). The
files hold rendered HTML, sent as it is: a file another user owns, or that others may
write, is not read.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from urllib.parse import quote

from bilat.config import Settings
from bilat.interfaces.web.cache import Version

SUFFIX = ".pages"
_SOURCES = (".py", ".j2", ".yaml", ".sql")  # what renders a page (not the learned model)


@functools.cache
def code_digest() -> str:
    """A digest of the bilat package's code, templates and resources (once per process)."""
    root = Path(__file__).resolve().parents[2]  # src/bilat
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in _SOURCES and p.is_file()):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _actors_file(settings: Settings) -> tuple[str, int, int] | None:
    if not settings.actors_file:
        return None
    try:
        st = Path(settings.actors_file).expanduser().stat()
    except OSError:
        return (settings.actors_file, -1, -1)
    return (settings.actors_file, st.st_size, st.st_mtime_ns)


@dataclass(frozen=True, slots=True)
class Shelf:
    """The material files of one store version, these settings and this code."""

    root: Path  # <db>.pages
    key: str  # the version's folder

    @classmethod
    def of(cls, settings: Settings, version: Version) -> Shelf:
        what = (version, code_digest(), settings.min_confidence, _actors_file(settings))
        key = hashlib.sha256(repr(what).encode()).hexdigest()[:24]
        db = Path(settings.db).expanduser()
        return cls(db.with_name(db.name + SUFFIX), key)

    @property
    def folder(self) -> Path:
        return self.root / self.key

    def path(self, a: str, b: str) -> Path:
        return self.folder / f"{quote(a, safe='')}-{quote(b, safe='')}.page"

    def open(self, a: str, b: str) -> IO[bytes] | None:
        """The pair's material file, open for reading; None when there is none, or when
        it is not this user's own or others may write it (its HTML is sent unescaped)."""
        try:
            found = self.path(a, b).open("rb")
        except OSError:
            return None
        st = os.fstat(found.fileno())
        if st.st_uid != os.getuid() or st.st_mode & 0o022:
            found.close()
            return None
        return found

    def has(self, a: str, b: str) -> bool:
        return self.path(a, b).is_file()

    def put(self, a: str, b: str, data: bytes) -> bool:
        """Keep the pair's material (whole or not at all); False where the folder cannot
        be written (then the caller keeps it in memory)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=self.folder, prefix=".part-")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                os.replace(name, self.path(a, b))
            except BaseException:
                Path(name).unlink(missing_ok=True)
                raise
        except OSError:
            return False
        return True

    def prune(self) -> None:
        """Remove the folders of other versions (a reader holding one of their files open
        reads it to the end)."""
        try:
            others = [p for p in self.root.iterdir() if p.is_dir() and p.name != self.key]
        except OSError:
            return
        for old in others:
            shutil.rmtree(old, ignore_errors=True)
