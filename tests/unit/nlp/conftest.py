"""The extractor the hand-built-parse tests run, with PLOVER quads as intensities."""

from __future__ import annotations

import pytest

from bilat.nlp.events.contexts import ContextCues
from bilat.nlp.events.lexicon import TriggerLexicon
from bilat.nlp.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(TriggerLexicon.load(), ContextCues.load(), lambda t, m: float(t.quad))
