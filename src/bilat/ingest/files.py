"""Files on disk: opened only when they are regular files, folders walked without looping.

A FIFO opened for reading waits for a writer forever, a device may never end and a
symbolic link loop never resolves: each is a Rejection with its reason, never a hang.
Links are followed (to files and to folders); a folder reached twice is read once.
"""

from __future__ import annotations

import errno
import gzip
import os
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from bilat.records import Rejection


class NotRegular(Exception):
    """The path is something other than a regular file or folder; the message says what."""


def source_name(path: str | Path) -> str:
    """A path as the source of an input: bytes that are not UTF-8 (which Python keeps as
    lone surrogates) become ``\\xff`` escapes, so the name can be stored and printed."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def check_regular(path: Path) -> None:
    """NotRegular unless ``path`` (its links followed) is a regular file."""
    _check_mode(path.stat().st_mode)


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading. Never blocks: a FIFO is opened non-blocking, found out
    by ``fstat`` and refused (so is a file replaced by one after ``check_regular``)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    try:
        _check_mode(os.fstat(fd).st_mode)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _check_mode(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise NotRegular("a folder where a file was expected")
    if stat.S_ISFIFO(mode):
        raise NotRegular(
            "a named pipe (FIFO), not a file: reading it could wait forever; "
            "pipe its output to `bilat ingest -` instead"
        )
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise NotRegular("a device, not a file: give a regular file")
    if stat.S_ISSOCK(mode):
        raise NotRegular("a socket, not a file: give a regular file")
    raise NotRegular("not a regular file: give a regular file")


def walk(folder: Path) -> Iterator[Path | Rejection]:
    """Regular files under ``folder`` in sorted order (each folder's files, then its
    subfolders), hidden entries skipped; a Rejection for every other entry."""
    seen: set[tuple[int, int]] = set()
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            info = current.stat()
            names = sorted(os.listdir(current))
        except OSError as exc:
            yield reject(current, io_reason(exc))
            continue
        if (info.st_dev, info.st_ino) in seen:
            yield reject(current, "a link to a folder already read: skipped")
            continue
        seen.add((info.st_dev, info.st_ino))
        folders = []
        for name in names:
            if name.startswith("."):
                continue
            path = current / name
            try:
                mode = path.stat().st_mode
            except OSError as exc:
                yield reject(path, io_reason(exc))
                continue
            if stat.S_ISDIR(mode):
                folders.append(path)
            elif stat.S_ISREG(mode):
                yield path
            else:
                try:
                    _check_mode(mode)
                except NotRegular as exc:
                    yield reject(path, str(exc))
        pending.extend(reversed(folders))


def io_reason(exc: BaseException, packed: bool = False) -> str:
    """The one-line reason an input could not be read."""
    if isinstance(exc, NotRegular):
        return str(exc)
    if isinstance(exc, PermissionError):
        return "permission denied: make the file readable"
    if isinstance(exc, OSError) and exc.errno == errno.ELOOP:
        return "a symbolic link loop: nothing to read; fix or remove the link"
    if isinstance(exc, FileNotFoundError) and exc.filename and os.path.islink(exc.filename):
        return "a broken symbolic link: what it points to does not exist"
    if packed and isinstance(exc, gzip.BadGzipFile | EOFError | zlib.error):
        return f"not a valid gzip file ({exc}): re-compress it or drop the .gz suffix"
    if isinstance(exc, OSError):
        return f"cannot read file: {exc.strerror or exc}"
    return f"cannot read file: {exc}"


def reject(source: str | Path, reason: str) -> Rejection:
    return Rejection(stage="ingest", reason=reason, source=source_name(source))
