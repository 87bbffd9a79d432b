"""The gold event files (tests/data/seeds_events.jsonl, tests/data/fresh/*_events.jsonl)
load with bilat.evaluation.events.load_gold, and every quote is in its document."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.evaluation.events import load_gold

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT / "tests" / "data" / "seeds_events.jsonl"
SEEDS = ROOT.parent / "shared" / "seeds"
FRESH = ROOT / "tests" / "data" / "fresh"
SETS = sorted(FRESH.glob("*_events.jsonl"))


def test_seed_gold_loads_with_both_documents() -> None:
    gold = load_gold(GOLD)
    assert {g.doc for g in gold} == {"000_54402ba653fe677c.txt", "004_11de32dacf5df8ab.txt"}
    assert all(4 <= len(g.quote.split()) <= 10 for g in gold)


def test_every_seed_quote_is_in_its_document() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    texts: dict[str, str] = {}
    for g in load_gold(GOLD):
        text = texts.setdefault(g.doc, (SEEDS / g.doc).read_text(encoding="utf-8"))
        assert any(g.quote in line for line in text.splitlines()), f"line {g.line}: {g.quote!r}"


@pytest.mark.parametrize("gold_file", SETS, ids=[p.stem for p in SETS])
def test_every_fresh_quote_is_in_its_document(gold_file: Path) -> None:
    folder = gold_file.with_name(gold_file.name.removesuffix("_events.jsonl"))
    gold = load_gold(gold_file)
    assert gold
    for g in gold:
        assert 4 <= len(g.quote.split()) <= 10, g.quote
        text = (folder / g.doc).read_text(encoding="utf-8")
        assert any(g.quote in line for line in text.splitlines()), f"line {g.line}: {g.quote!r}"
