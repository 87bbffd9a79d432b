"""bilat.Client: one store and one resolver for a chain of calls, opened lazily, closed on exit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import bilat
from bilat.client import Client
from bilat.config import Settings
from bilat.errors import BilatError
from bilat.store import open_store
from tests.unit.interfaces.web.web_corpus import articles, make_store


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every open_store call a Client makes, with its arguments."""
    calls: list[dict[str, Any]] = []

    def counting(url: str, read_only: bool = False, **kwargs: Any) -> Any:
        calls.append({"url": url, "read_only": read_only, **kwargs})
        return open_store(url, read_only, **kwargs)

    monkeypatch.setattr("bilat.store.open_store", counting)
    return calls


def test_a_chain_of_calls_reads_one_store_opened_once(
    tmp_path: Path, opened: list[dict[str, Any]]
) -> None:
    db = make_store(tmp_path / "x.duckdb")
    with bilat.Client(Settings(db=str(db))) as client:
        assert opened == []  # nothing is opened before it is needed
        pair = client.top_dyad()
        found = client.events(bilat.EventFilter(dyad=pair))
        brief = client.brief(*pair)
    assert pair == ("PAK", "RUS") and found and "Pakistan" in brief
    assert [c["read_only"] for c in opened] == [True]


def test_leaving_the_block_closes_the_store_and_a_later_call_opens_it_again(
    tmp_path: Path, opened: list[dict[str, Any]]
) -> None:
    db = make_store(tmp_path / "x.duckdb")
    client = Client(Settings(db=str(db)))
    with client:
        client.actors()
    # Closed: another process could now write the file.
    with open_store(str(db)) as store:
        store.write_batch(articles()[1:])
    assert client.dyads()
    client.close()
    assert len(opened) == 2


def test_a_write_reopens_a_store_opened_for_reading(
    tmp_path: Path, opened: list[dict[str, Any]]
) -> None:
    text = tmp_path / "a.txt"
    text.write_text(
        "Pakistan and Russia signed a gas pipeline agreement in Moscow on 30 September 2021."
    )
    with Client(Settings(db=str(tmp_path / "new.duckdb"), event_model="off")) as client:
        with pytest.raises(BilatError):
            client.top_dyad()  # an empty store
        client.ingest([str(text)])
        assert client.top_dyad() == ("PAK", "RUS")  # read through the writer
    assert [(c["read_only"], c.get("hold", True)) for c in opened][-1] == (False, False)


def test_db_and_config_choose_the_settings(tmp_path: Path) -> None:
    config = tmp_path / "bilat.toml"
    config.write_text('[bilat]\ndb = "from-file.duckdb"\nbatch_size = 7\n')
    client = Client(config=config, db=str(tmp_path / "other.duckdb"))
    assert client.settings.db.endswith("other.duckdb") and client.settings.batch_size == 7
    with pytest.raises(BilatError, match="not both"):
        Client(Settings(), config=config)


def test_the_api_functions_are_a_client_for_one_call(tmp_path: Path) -> None:
    settings = Settings(db=str(make_store(tmp_path / "x.duckdb")))
    with Client(settings) as client:
        expected = (client.actors(), client.timeline("PAK", "RUS"))
    assert (bilat.actors(settings), bilat.timeline("PAK", "RUS", settings)) == expected
