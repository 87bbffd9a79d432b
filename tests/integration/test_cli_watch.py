"""`bilat ingest --watch FEED` in a subprocess, polling a feed the suite serves on loopback
that changes, fails and stands still between rounds."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from bilat.store import open_store
from http_site import Site, serve

pytestmark = pytest.mark.model

BILAT = [sys.executable, "-m", "bilat"]
ENV = {
    **os.environ,
    "BILAT_ALLOW_PRIVATE_FETCH": "true",  # the feed is on 127.0.0.1
    "BILAT_WATCH_MAX_INTERVAL": "0.2",
}

FIRST = (
    "Pakistan and Russia signed an agreement on energy cooperation in Moscow on Tuesday, "
    "the foreign ministry said. Under the deal Russia will help build a gas pipeline from "
    "Karachi to Lahore, and the two governments agreed to meet again next year to review "
    "progress on the project and on trade between them."
)
SECOND = (
    "India protested to China on Friday over new maps that show disputed border areas as "
    "Chinese territory, the external affairs ministry in New Delhi said. Officials called "
    "the maps baseless and said they would not change the position of either government, "
    "and asked Beijing to withdraw them without delay."
)


def feed(*entries: tuple[str, str]) -> bytes:
    items = "".join(
        f"<item><guid>{guid}</guid><title>{guid}</title>"
        f"<pubDate>Tue, 03 Sep 2024 10:00:00 GMT</pubDate>"
        f"<content:encoded><![CDATA[<p>{text}</p>]]></content:encoded></item>"
        for guid, text in entries
    )
    return (
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Wire</title>{items}</channel></rss>"
    ).encode()


def in_turn(*answers: bytes | int) -> Callable[[BaseHTTPRequestHandler], None]:
    """A route giving each answer in turn (bytes: the feed; int: that error status),
    then the last one for ever."""
    served = iter(answers)
    last: list[bytes | int] = []

    def answer(handler: BaseHTTPRequestHandler) -> None:
        last[:] = [next(served, *last)]
        if isinstance(last[0], int):
            handler.send_error(last[0])
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.send_header("Content-Length", str(len(last[0])))
        handler.end_headers()
        handler.wfile.write(last[0])

    return answer


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as served:
        yield served


def watch(feed_url: str, db: Path, rounds: int) -> subprocess.CompletedProcess[str]:
    """`bilat ingest --watch FEED` polling every 0.05 s for ``rounds`` rounds."""
    command = ["--db", str(db), "ingest", "--watch", feed_url]
    return subprocess.run(
        [*BILAT, *command, "--interval", "0.05", "--rounds", str(rounds)],
        capture_output=True,
        text=True,
        timeout=600,
        env=ENV,
        check=False,
    )


def test_watch_ingests_new_entries_and_backs_off_while_the_feed_is_quiet(
    site: Site, tmp_path: Path
) -> None:
    one, two = feed(("a", FIRST)), feed(("a", FIRST), ("b", SECOND))
    site.routes["/feed.xml"] = in_turn(one, 503, one, two)
    db = tmp_path / "watch.duckdb"
    done = watch(site.url("/feed.xml"), db, rounds=4)
    assert done.returncode == 0, done.stderr
    rounds = [line for line in done.stderr.splitlines() if line.startswith("round ")]
    assert len(rounds) == 4, done.stderr
    assert "1 articles stored, 0 unchanged" in rounds[0]
    assert "feed failed: HTTP 503" in rounds[1]
    assert "feed unchanged" in rounds[2]
    assert "1 articles stored, 1 unchanged" in rounds[3]
    # The wait doubles after the failed and the unchanged round, up to the cap (0.2 s),
    # and is back to the interval after news.
    waits = [line.rsplit("next poll in ", 1)[1] for line in rounds]
    assert waits == ["0.05 s", "0.1 s", "0.2 s", "0.05 s"]
    assert "watch done after 4 rounds: 2 articles stored, 0 rejected" in done.stderr
    assert site.paths == ["/feed.xml"] * 4
    with open_store(str(db), read_only=True) as store:
        titles = sorted(a.title or "" for a in store.articles())
    assert titles == ["a", "b"]


def link_feed(*guids: str, base: str) -> bytes:
    """A feed whose entries carry no text, only a link to their page."""
    items = "".join(
        f"<item><guid>{guid}</guid><title>{guid}</title><link>{base}/{guid}.html</link></item>"
        for guid in guids
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()


def page(text: str) -> str:
    return (
        f"<html><head><title>t</title></head><body><article><p>{text}</p></article></body></html>"
    )


def test_watch_fetches_a_link_only_entry_once(site: Site, tmp_path: Path) -> None:
    one = link_feed("a", base=site.base)
    two = link_feed("a", "b", base=site.base)
    site.routes["/feed.xml"] = in_turn(one, two)
    site.add("/a.html", page(FIRST))
    site.add("/b.html", page(SECOND))
    done = watch(site.url("/feed.xml"), tmp_path / "links.duckdb", rounds=2)
    assert done.returncode == 0, done.stderr
    # Round two sees a changed feed but fetches only the new entry's page.
    assert site.paths == ["/feed.xml", "/a.html", "/feed.xml", "/b.html"], done.stderr
    assert "watch done after 2 rounds: 2 articles stored, 0 rejected" in done.stderr


def test_ctrl_c_ends_a_watch_with_its_summary(site: Site, tmp_path: Path) -> None:
    site.routes["/feed.xml"] = in_turn(feed(("a", FIRST)))
    command = ["--db", str(tmp_path / "w.duckdb"), "ingest", "--watch", site.url("/feed.xml")]
    process = subprocess.Popen(
        [*BILAT, *command, "--interval", "0.05"],
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    assert process.stderr is not None
    try:
        seen = []
        for line in process.stderr:  # until the second round: the first one stored
            seen.append(line)
            if line.startswith("round 2:"):
                break
        process.send_signal(signal.SIGINT)
        rest = process.stderr.read()
        code = process.wait(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert code == 0, "".join(seen) + rest
    assert any(line.startswith("round 1: 1 inputs: 1 articles stored") for line in seen), seen
    summary = rest.strip().splitlines()[-1]
    assert re.fullmatch(
        r"watch interrupted after \d+ rounds: 1 articles stored, 0 rejected; \d+ events", summary
    ), rest
