"""tests/data/fresh/*_events.jsonl: valid, and every quote is in its document."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.evaluation.events import load_gold

FRESH = Path(__file__).resolve().parents[2] / "data" / "fresh"
SETS = sorted(FRESH.glob("*_events.jsonl"))


@pytest.mark.parametrize("gold_file", SETS, ids=[p.stem for p in SETS])
def test_every_fresh_quote_is_in_its_document(gold_file: Path) -> None:
    folder = gold_file.with_name(gold_file.name.removesuffix("_events.jsonl"))
    gold = load_gold(gold_file)
    assert gold
    for g in gold:
        assert 4 <= len(g.quote.split()) <= 10, g.quote
        text = (folder / g.doc).read_text(encoding="utf-8")
        assert any(g.quote in line for line in text.splitlines()), f"line {g.line}: {g.quote!r}"
