"""The extractor the hand-built-parse tests run, with PLOVER quads as intensities."""

from __future__ import annotations

import pytest

from bilat.nlp.contexts import ContextCues
from bilat.nlp.extract import Extractor
from bilat.nlp.lexicon import TriggerLexicon


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(TriggerLexicon.load(), ContextCues.load(), lambda t, m: float(t.quad))
