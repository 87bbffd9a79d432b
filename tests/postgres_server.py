"""A throwaway PostgreSQL server for tests: initdb in a temp dir, served on loopback.

Import as ``import postgres_server`` (pytest puts tests/ on sys.path). The server
runs as the invoking user, or as ``postgres`` when that is root (PostgreSQL
refuses to run as root). Durability is switched off: the data dies with the test
session anyway, and it makes every commit cheap.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote
from uuid import uuid4

from served import free_port

SUPERUSER = "postgres"


@dataclass(frozen=True, slots=True)
class Server:
    """A running server; ``url`` names its test database, reached as superuser."""

    url: str
    root: Path

    def schema_url(self, schema: str) -> str:
        """The URL of the database with ``schema`` first on the search path."""
        return f"{self.url}?options={quote(f'-csearch_path={schema}')}"

    def execute(self, statements: str) -> None:
        """Run SQL (one or more statements, no parameters) as superuser."""
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(statements)

    def new_schema(self) -> str:
        """An empty schema of its own, so each store starts empty without a new database."""
        name = f"t_{uuid4().hex[:16]}"
        self.execute(f"CREATE SCHEMA {name}")
        return name


def binaries() -> Path | None:
    """The directory holding initdb and pg_ctl: on PATH, else Debian's newest version."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return Path(versions[-1]).parent if versions else None


def unavailable() -> str | None:
    """Why no server can be started here, or None when one can."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install 'bilat[postgres]')"
    if binaries() is None:
        return "no PostgreSQL server binaries (initdb, pg_ctl): apt-get install postgresql"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SUPERUSER)
        except KeyError:
            return "running as root and there is no 'postgres' user to run the server as"
    return None


@contextmanager
def running() -> Iterator[Server]:
    """Start a server in a fresh temp dir; stop it and delete everything on leaving."""
    import psycopg

    bin_dir = binaries()
    assert bin_dir is not None, unavailable()
    root = Path(tempfile.mkdtemp(prefix="bilat-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        # The server must not run as root: hand it the directory and run as postgres.
        user = pwd.getpwnam(SUPERUSER)
        os.chown(root, user.pw_uid, user.pw_gid)
        as_user = ["runuser", "-u", SUPERUSER, "--"]
    data, log = root / "data", root / "server.log"

    def run(*args: str) -> None:
        done = subprocess.run(
            [*as_user, *args], capture_output=True, text=True, cwd=root, timeout=120, check=False
        )
        if done.returncode != 0:
            detail = log.read_text() if log.exists() else ""
            raise RuntimeError(f"{Path(args[0]).name} failed:\n{done.stderr}{detail}")

    try:
        initdb = ["--no-sync", "--auth=trust", f"--username={SUPERUSER}", "--encoding=UTF8"]
        run(str(bin_dir / "initdb"), *initdb, "--locale=C", "-D", str(data))
        port = free_port()
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -k {root}"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        pg_ctl = str(bin_dir / "pg_ctl")
        run(pg_ctl, "-D", str(data), "-o", options, "-l", str(log), "-w", "start")
        try:
            server = f"postgresql://{SUPERUSER}@127.0.0.1:{port}"
            with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
                try:
                    # Sorts unlike code points ("a" < "B"), as many production servers do:
                    # text ordering that leans on the server's locale shows up in tests.
                    conn.execute(
                        "CREATE DATABASE bilat_test TEMPLATE template0"
                        " LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'"
                    )
                except psycopg.Error:  # a server built without ICU (or older than 15)
                    conn.execute("CREATE DATABASE bilat_test")
            yield Server(f"{server}/bilat_test", root)
        finally:
            run(pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(root)
