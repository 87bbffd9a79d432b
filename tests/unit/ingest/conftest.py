"""Shared pieces for the ingest tests: settings, sample prose, the seed folder."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from bilat.config import Settings
from http_site import Site, serve

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"

# Plain English prose, long enough to pass min_words by itself.
PROSE = (
    "Pakistan and Russia held talks in Moscow on regional security and trade. "
    "The two sides agreed to expand cooperation in energy, defence and counter-terrorism, "
    "and they said that the next round of meetings would take place in Islamabad later "
    "this year. Officials from both countries described the talks as productive and "
    "said the relationship had improved steadily over the past decade."
)


@pytest.fixture
def prose() -> str:
    return PROSE


@pytest.fixture
def settings() -> Settings:
    return Settings(min_words=20)


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


@pytest.fixture
def site() -> Iterator[Site]:
    """A web site on 127.0.0.1 for the fetch and feed tests."""
    with serve() as served:
        yield served


@pytest.fixture
def fetching(settings: Settings) -> Settings:
    """Settings that may fetch from loopback, where the test site lives."""
    return replace(settings, allow_private_fetch=True, fetch_timeout=5.0)
