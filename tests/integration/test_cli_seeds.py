"""The CLI in a subprocess on the two seed articles, as a user runs it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.integration.seeds_cli import ON_SEEDS, SEEDS, bilat, ingest_seeds

pytestmark = ON_SEEDS

Event = dict[str, Any]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ingest_seeds(tmp_path_factory, "seeds")


@pytest.fixture(scope="module")
def pak_rus(store: Path) -> list[Event]:
    done = bilat("events", "--dyad", "Pakistan-RUS", "--format", "json", db=store)
    assert done.returncode == 0, done.stderr
    events: list[Event] = json.loads(done.stdout)
    return events


def _month(event: Event) -> str | None:
    date = event["date"]
    return None if date is None else str(date["start"])[:7]


def _find(events: list[Event], test: Callable[[Event], bool]) -> list[Event]:
    return [e for e in events if test(e)]


def test_every_event_has_the_documented_json_fields(pak_rus: list[Event]) -> None:
    assert pak_rus
    for event in pak_rus:
        assert {"type", "mode", "context", "source", "target", "date", "status", "amounts",
                "intensity", "confidence", "evidence"} <= event.keys()  # fmt: skip
        assert {"article", "sentence", "start", "end"} <= event["evidence"].keys()
        assert {event["source"]["code"], event["target"]["code"]} == {"PAK", "RUS"}


def test_the_december_meeting_of_security_advisers(pak_rus: list[Event]) -> None:
    found = _find(
        pak_rus,
        lambda e: (
            e["type"] == "CONSULT"
            and _month(e) == "2021-12"
            and e["status"] == "occurred"
            and "national security advisers" in e["evidence"]["sentence"]
        ),
    )
    assert found, "the 1 December 2021 NSA meeting in Moscow is missing"


def test_the_september_jmcc_round(pak_rus: list[Event]) -> None:
    found = _find(
        pak_rus,
        lambda e: (
            _month(e) == "2021-09"
            and e["status"] == "occurred"
            and "JMCC" in e["evidence"]["sentence"]
        ),
    )
    assert found, "the September 2021 JMCC round is missing"


def test_lavrovs_april_visit(pak_rus: list[Event]) -> None:
    found = _find(
        pak_rus,
        lambda e: (
            e["type"] == "CONSULT"
            and _month(e) == "2021-04"
            and e["status"] == "occurred"
            and "Lavrov" in e["evidence"]["sentence"]
        ),
    )
    assert found, "Lavrov's April 2021 visit to Islamabad is missing"


def test_the_sputnik_doses(pak_rus: list[Event]) -> None:
    found = _find(
        pak_rus,
        lambda e: (
            e["type"] == "AID"
            and any(a["unit"] == "doses" and float(a["value"]) == 50000 for a in e["amounts"])
        ),
    )
    assert found, "the 50,000 Sputnik-V doses are missing"


def test_the_2017_lng_agreement(pak_rus: list[Event]) -> None:
    found = _find(
        pak_rus,
        lambda e: _month(e) == "2017-10" and "Liquefied Natural Gas" in e["evidence"]["sentence"],
    )
    assert found, "the October 2017 LNG agreement is missing"


def test_the_february_2022_visit_is_planned(pak_rus: list[Event]) -> None:
    found = _find(
        pak_rus,
        lambda e: (
            e["type"] == "CONSULT"
            and _month(e) == "2022-02"
            and "visit" in e["evidence"]["trigger"]
        ),
    )
    assert found, "the February 2022 visit is missing"
    assert all(e["status"] == "planned" for e in found)


def test_ingesting_again_changes_nothing(store: Path) -> None:
    before = bilat("events", "--format", "json", db=store).stdout
    again = bilat("ingest", str(SEEDS), db=store)
    assert again.returncode == 0, again.stderr
    assert "0 articles stored, 2 unchanged" in again.stderr
    assert bilat("events", "--format", "json", db=store).stdout == before


def test_brief_cites_a_source_sentence_in_every_item(store: Path) -> None:
    done = bilat("brief", "PAK", "Russia", db=store)
    assert done.returncode == 0, done.stderr
    items = [line for line in done.stdout.splitlines() if line.startswith("- ")]
    assert items
    developments = done.stdout.split("## Key developments", 1)[1].split("\n## ", 1)[0]
    for line in developments.splitlines():
        if line.startswith("- "):
            assert "[" in line and "]" in line, f"uncited item: {line}"


def test_bad_inputs_get_one_line_each_and_the_rest_is_stored(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "latin1.txt").write_bytes("Caf\xe9 diplomacy in Paris. ".encode("latin-1") * 40)
    (corpus / "nothing.html").write_text("<html><body><nav>Home</nav></body></html>")
    good = (SEEDS / "004_11de32dacf5df8ab.txt").read_text(encoding="utf-8")
    (corpus / "good.txt").write_text(good, encoding="utf-8")
    done = bilat("ingest", str(corpus), db=tmp_path / "bad.duckdb")
    assert done.returncode == 3, done.stderr
    rejected = [line for line in done.stderr.splitlines() if line.startswith("rejected ")]
    assert len(rejected) == 4, done.stderr
    for name in ("empty.txt", "binary.txt", "latin1.txt", "nothing.html"):
        assert sum(name in line for line in rejected) == 1
    assert "1 articles stored" in done.stderr
    assert "Traceback" not in done.stderr


def test_unknown_country_is_one_clear_line(store: Path) -> None:
    done = bilat("events", "--dyad", "PAK-Narnia", db=store)
    assert done.returncode == 2
    assert "Narnia" in done.stderr and "Traceback" not in done.stderr


def test_no_seed_boilerplate_reaches_the_stored_bodies(store: Path) -> None:
    from bilat.store import open_store

    with open_store(str(store), read_only=True) as opened:
        bodies = [a.body for a in opened.articles(limit=10, offset=0)]
    assert len(bodies) == 2
    for body in bodies:
        lowered = body.lower()
        for widget in (
            "read more:",
            "print bookmark",
            "photo source",
            "subscribe to gp",
            "would you support us",
            "hold on! before you continue",
            "latest news",
        ):
            assert widget not in lowered, f"boilerplate {widget!r} reached the stored body"
