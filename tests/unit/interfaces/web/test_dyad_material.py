"""A pair's dyad page material (``dyad_material``), kept on disk per store version
(``material_files``) and made ahead by the server (``material_maker``): a page cut from it
equals the page of the pair's events, and material of another version is never read."""

from __future__ import annotations

import io
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import postgres_server
from bilat.analysis.dyads import TimelineItem, series
from bilat.client import Client
from bilat.config import Settings
from bilat.interfaces.web import create_app, dyad_material
from bilat.interfaces.web.cache import AnswerCache, store_version
from bilat.interfaces.web.dyad_material import TIMELINE_ITEMS, MaterialUnreadable, encode, read_page
from bilat.interfaces.web.material_files import Shelf
from bilat.interfaces.web.material_maker import MaterialMaker, _only_maker
from bilat.interfaces.web.params import ChartFilter
from bilat.records import EventType
from bilat.store import open_store
from factories import article, day, event, mention
from tests.unit.interfaces.web.web_corpus import articles

NEW_SENTENCE = "Russia threatened Pakistan with sanctions in June 2023."
NEW = ">THREATEN</span>"  # how a page shows its event

# Another bilat process adding NEW_SENTENCE's event through the turnstile, as an ingest does.
_WRITER = """
import sys
sys.path[:0] = sys.argv[2:]
from test_dyad_material import extra_article
from bilat.store.duckdb import DuckDBStore
with DuckDBStore(sys.argv[1], hold=False, lock_wait=30) as store:
    print(store.write_batch([extra_article()]))
"""


def extra_article() -> tuple:  # type: ignore[type-arg]
    body = f"Officials spoke again on Friday. {NEW_SENTENCE}"
    found = article(body, source="seed/threat.txt", title="A threat", published=day(2023, 6, 9))
    at = body.index(NEW_SENTENCE)
    ru = mention("RUS", "Russia", at)
    pk = mention("PAK", "Pakistan", body.index("Pakistan", at))
    threat = event(
        EventType.THREATEN,
        ru,
        pk,
        article=found.id,
        sentence=NEW_SENTENCE,
        start=at,
        trigger="threatened",
        when=day(2023, 6, 1),
    )
    return (found, [threat])


def _until(done: Callable[[], bool], within: float = 20.0) -> bool:
    deadline = time.monotonic() + within
    while not done():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.fixture
def quiet(web_db: Path) -> Iterator[TestClient]:
    """An app that makes material only when a page asks for it."""
    with TestClient(create_app(Settings(db=str(web_db), pages_ahead=False))) as c:
        yield c


def _keeps(chosen: ChartFilter, item: TimelineItem) -> bool:
    """The filter as the page applied it to timeline items before it had material."""
    if chosen.type is not None and item.type is not chosen.type:
        return False
    if chosen.since is None and chosen.until is None:
        return True
    if item.date is None:
        return False
    early = chosen.since is not None and item.date.end < chosen.since
    return not (early or (chosen.until is not None and item.date.start > chosen.until))


FILTERS = [
    ChartFilter(),
    ChartFilter(type=EventType.ACCUSE),
    ChartFilter(since=date(2022, 1, 1)),
    ChartFilter(until=date(2021, 12, 31)),
    ChartFilter(type=EventType.AGREE, since=date(2021, 9, 30), until=date(2022, 5, 1)),
    ChartFilter(since=date(2030, 1, 1)),
]


@pytest.mark.parametrize("chosen", FILTERS)
def test_a_page_cut_from_the_material_is_the_page_of_the_events(
    web_db: Path, chosen: ChartFilter
) -> None:
    with Client(Settings(db=str(web_db))) as client:
        report = client.dyad_report("PAK", "RUS")
    freq = "year" if report.brief.series_freq == "year" else "month"
    kept = [i for i in report.overview.timeline if _keeps(chosen, i)]
    page = read_page(io.BytesIO(encode(report)), chosen.keeper())
    assert page.kept == len(kept)
    assert len(page.items) == min(len(kept), TIMELINE_ITEMS)
    shown = zip(kept[-TIMELINE_ITEMS:], page.items, strict=True)
    assert all(f'id="evidence-{i.cluster_id}"' in html for i, html in shown)
    assert list(page.series) == series([i.lead for i in kept], freq)
    assert page.head.total == len(report.overview.timeline)
    assert (page.head.a.code, page.head.b.code) == ("PAK", "RUS")
    assert page.head.events == report.brief.events


def test_a_page_from_a_kept_file_equals_one_made_from_the_store(
    quiet: TestClient, web_db: Path
) -> None:
    urls = ["/dyads/PAK/RUS", "/dyads/RUS/PAK?type=accuse", "/dyads/PAK/RUS?since=2022"]
    made = [quiet.get(u).text for u in urls]  # each pair's material made, and kept
    shelf = Shelf.of(Settings(db=str(web_db)), store_version(str(web_db)) or ())
    assert shelf.has("PAK", "RUS") and shelf.has("RUS", "PAK")
    with TestClient(create_app(Settings(db=str(web_db), pages_ahead=False))) as fresh:
        assert [fresh.get(u).text for u in urls] == made  # read from the files
    assert ">ACCUSE</span>" in made[1] and ">AGREE</span>" not in made[1]


def test_a_file_cut_short_is_made_again(quiet: TestClient, web_db: Path) -> None:
    page = quiet.get("/dyads/PAK/RUS").text
    shelf = Shelf.of(Settings(db=str(web_db)), store_version(str(web_db)) or ())
    path = shelf.path("PAK", "RUS")
    path.write_bytes(path.read_bytes()[:-50])
    with TestClient(create_app(Settings(db=str(web_db), pages_ahead=False))) as fresh:
        assert fresh.get("/dyads/PAK/RUS").text == page


def test_material_of_another_store_version_is_never_read(quiet: TestClient, web_db: Path) -> None:
    before = quiet.get("/dyads/PAK/RUS?since=2021").text
    old = Shelf.of(Settings(db=str(web_db)), store_version(str(web_db)) or ())
    assert NEW not in before and old.has("PAK", "RUS")
    with open_store(str(web_db), lock_wait=10) as store:  # waits for the kept reads to go
        store.write_batch([extra_article()])
    new = Shelf.of(Settings(db=str(web_db)), store_version(str(web_db)) or ())
    assert new.folder != old.folder and not new.has("PAK", "RUS")
    # A new filter (no page memory holds it) is cut from material of the new version.
    assert NEW in quiet.get("/dyads/PAK/RUS?since=2020").text
    assert new.has("PAK", "RUS")


def test_a_writer_in_another_process_invalidates_the_material(
    quiet: TestClient, web_db: Path
) -> None:
    assert NEW not in quiet.get("/dyads/RUS/PAK").text
    here = Path(__file__).parent
    done = subprocess.run(
        [sys.executable, "-c", _WRITER, str(web_db), str(here), str(here.parents[2])],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert NEW in quiet.get("/dyads/RUS/PAK?type=threaten").text


def test_settings_that_shape_a_pair_name_another_folder(web_db: Path) -> None:
    version = store_version(str(web_db)) or ()
    base = Settings(db=str(web_db))
    assert Shelf.of(base, version) == Shelf.of(base, version)
    assert Shelf.of(replace(base, min_confidence=0.5), version) != Shelf.of(base, version)
    assert Shelf.of(base, (*version[:-1], version[-1] + 1)) != Shelf.of(base, version)


def test_the_server_makes_every_pair_ahead_and_again_after_a_write(web_db: Path) -> None:
    settings = Settings(db=str(web_db))
    maker = MaterialMaker(settings, None, AnswerCache(), poll=0.05, settle=0.1, pause=0)
    maker.start()
    try:
        first = store_version(str(web_db))
        assert _until(lambda: maker.made == first)
        old = Shelf.of(settings, first or ())
        assert old.has("PAK", "RUS")
        with open_store(str(web_db), lock_wait=10) as store:
            store.write_batch([extra_article()])
        second = store_version(str(web_db))
        assert _until(lambda: maker.made == second)
        new = Shelf.of(settings, second or ())
        assert new.has("PAK", "RUS") and not old.folder.exists()  # the old one pruned
        with new.open("PAK", "RUS") as kept:  # type: ignore[union-attr]
            assert read_page(kept, ChartFilter(type=EventType.THREATEN).keeper()).kept == 1
    finally:
        maker.stop()


def test_one_maker_per_store(tmp_path: Path) -> None:
    with _only_maker(tmp_path) as first, _only_maker(tmp_path) as second:
        assert first and not second
    with _only_maker(tmp_path) as again:
        assert again


@pytest.mark.parametrize("chosen", FILTERS)
def test_items_across_small_blocks_read_the_same(
    web_db: Path, chosen: ChartFilter, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Client(Settings(db=str(web_db))) as client:
        report = client.dyad_report("PAK", "RUS")
    whole = read_page(io.BytesIO(encode(report)), chosen.keeper())
    monkeypatch.setattr(dyad_material, "BLOCK", 97)  # every item spans several blocks
    cut = encode(report)
    assert read_page(io.BytesIO(cut), chosen.keeper()) == whole
    with pytest.raises(MaterialUnreadable):
        read_page(io.BytesIO(cut[:-5]), ChartFilter().keeper())


def test_a_file_others_may_write_is_not_read(quiet: TestClient, web_db: Path) -> None:
    quiet.get("/dyads/PAK/RUS")
    shelf = Shelf.of(Settings(db=str(web_db)), store_version(str(web_db)) or ())
    with shelf.open("PAK", "RUS") as kept:  # type: ignore[union-attr]
        assert kept.read(5) == b"bilat"
    shelf.path("PAK", "RUS").chmod(0o666)
    assert shelf.open("PAK", "RUS") is None
    assert quiet.get("/dyads/PAK/RUS?type=agree").status_code == 200  # made again
    assert shelf.path("PAK", "RUS").stat().st_mode & 0o022 == 0


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    reason = postgres_server.unavailable()
    if reason is not None:
        pytest.skip(f"PostgreSQL tests skipped: {reason}")
    with postgres_server.running() as server:
        yield server.schema_url(server.new_schema())


def test_a_postgresql_store_shows_the_same_pages_made_per_request(
    postgres_url: str, web_db: Path
) -> None:
    with open_store(postgres_url) as store:
        store.write_batch(articles())
    urls = ["/dyads/PAK/RUS", "/dyads/RUS/PAK?type=accuse", "/dyads/PAK/RUS?since=2022-01"]
    with (
        TestClient(create_app(Settings(db=str(web_db)))) as duck,
        TestClient(create_app(Settings(db=postgres_url))) as server,
    ):
        for url in urls:
            assert server.get(url).text == duck.get(url).text
