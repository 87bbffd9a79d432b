"""Rule 7: events between states on pages that are not about politics."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from tests.unit.evaluation.conftest import MakeEvent

from bilat.errors import ResourceInvalid
from bilat.evaluation.noise import TopicItem, load_items, score_noise


def test_items_load_with_other_keys_ignored(tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"
    path.write_text(
        '{"doc": "a.html", "political": false, "category": "SPORTS"}\n\n'
        '{"doc": "b.html", "political": true, "n_events": 2}\n',
        encoding="utf-8",
    )
    assert load_items(path) == [TopicItem("a.html", False), TopicItem("b.html", True)]


def test_a_political_flag_must_be_a_boolean(tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"
    path.write_text('{"doc": "a.html", "political": "no"}\n', encoding="utf-8")
    with pytest.raises(ResourceInvalid, match=r"items\.jsonl:1"):
        load_items(path)


def test_only_events_between_two_different_codes_count(make_event: MakeEvent) -> None:
    items = [
        TopicItem("sport.html", False),
        TopicItem("tech.html", False),
        TopicItem("quiet.html", False),
        TopicItem("war.html", True),
        TopicItem("summit.html", True),
    ]
    between = make_event("ASSAULT", "ESP", "HRV")
    events = {
        "sport.html": [between, replace(between, id="2")],
        "tech.html": [make_event("CONSULT", "USA", None), make_event("CONSULT", "USA", "USA")],
        "war.html": [make_event("ASSAULT", "RUS", "UKR")],
        "summit.html": [],
    }
    result = score_noise(items, events).as_dict()
    assert result == {
        "n_items": 5,
        "n_nonpolitical": 3,
        "nonpolitical_share": pytest.approx(1 / 3),
        "nonpolitical_events_per_100": pytest.approx(200 / 3),
        "political_share": 0.5,
    }
