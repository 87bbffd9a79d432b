"""resources/dependency_patterns.yaml: each shape matches its example sentence in the
shipped model's parse, the loader refuses a malformed pattern in one line, and the
matches are read by node name below a word or at a node."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from bilat.config import Settings
from bilat.errors import ResourceInvalid
from bilat.nlp.patterns import below, load_patterns, matches, parse_patterns
from bilat.nlp.words import load_words
from tests.unit.nlp.handmade import parsed

PATTERNS = load_patterns()


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load(Settings().model, exclude=["ner"])


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_each_example_sentence_matches_its_pattern(nlp: Language, name: str) -> None:
    pattern = PATTERNS[name]
    doc = nlp(pattern.example)
    first = pattern.nodes[0]
    found = [m for token in doc for m in matches(name, token, first)]
    assert found, (name, [(t.text, t.dep_, t.head.i) for t in doc])
    assert all(set(m) == set(pattern.nodes) for m in found)


def test_each_pattern_names_the_module_that_asks_for_it() -> None:
    from pathlib import Path

    import bilat.nlp

    nlp_dir = Path(bilat.nlp.__file__).parent
    for name, pattern in PATTERNS.items():
        source = (nlp_dir / pattern.read_by).read_text(encoding="utf-8")
        assert f'"{name}"' in source, (name, pattern.read_by)


def test_matches_are_read_below_a_word_or_at_a_node() -> None:
    doc = parsed([
        ("Seoul", 1, "nsubj", "PROPN", "Seoul"),
        ("sent", 1, "ROOT", "VERB", "send"),
        ("doses", 1, "dobj", "NOUN", "dose"),
        ("of", 2, "prep", "ADP", "of"),
        ("vaccine", 3, "pobj", "NOUN", "vaccine"),
        ("against", 1, "prep", "ADP", "against"),
        ("Covid", 5, "pobj", "PROPN", "Covid"),
    ])  # fmt: skip
    assert [m["object"].text for m in below("of-object", doc[2])] == ["vaccine"]
    assert below("of-object", doc[1]) == []
    assert [m["prep"].head.text for m in matches("opposing-prep", doc[6], "object")] == ["sent"]
    assert matches("opposing-prep", doc[4], "object") == []


def _one(pattern: str) -> str:
    return f"shape:\n  about: x\n  read_by: m.py\n  example: x\n  pattern:\n{pattern}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_one("    - {RIGHT_ID: a, RIGHT_ATTRS: {DEP: prep}}\n"
              "    - {LEFT_ID: b, REL_OP: '>', RIGHT_ID: c, RIGHT_ATTRS: {DEP: pobj}}"),
         "node 1: LEFT_ID 'b' is no earlier node"),
        (_one("    - {RIGHT_ID: a, RIGHT_ATTRS: {DEP: prep}}\n"
              "    - {LEFT_ID: a, REL_OP: '>>>', RIGHT_ID: c, RIGHT_ATTRS: {DEP: pobj}}"),
         "node 1: REL_OP '>>>' is no operator"),
        (_one("    - {RIGHT_ID: a, RIGHT_ATTRS: {}}"), "node 0: RIGHT_ATTRS must name"),
        (_one("    - {RIGHT_ID: a, RIGHT_ATTRS: {DEP: prep}}\n"
              "    - {LEFT_ID: a, RIGHT_ID: c, RIGHT_ATTRS: {DEP: pobj}}"),
         r"node 1: expected exactly the keys \['LEFT_ID', 'REL_OP'"),
        (_one("    - {RIGHT_ID: a, RIGHT_ATTRS: {LOWER: {IN: $syntax.NOTHING}}}"),
         r"\$syntax.NOTHING names no list of words.yaml"),
        (_one("    - {RIGHT_ID: a, RIGHT_ATTRS: {DEPP: prep}}"), "spaCy rejects the pattern"),
        (_one("    []"), "pattern must be a non-empty list"),
        ("shape: {about: x, read_by: m.py, pattern: []}", "expected exactly the keys"),
        ("- a\n", "expected a mapping of named patterns"),
        ("shape: [\n", "not valid YAML"),
    ],
)  # fmt: skip
def test_a_malformed_pattern_fails_in_one_line_naming_it(text: str, message: str) -> None:
    with pytest.raises(ResourceInvalid, match=message) as failure:
        parse_patterns("mine.yaml", text, load_words())
    reason = str(failure.value)
    assert reason.startswith("mine.yaml:")
    assert "\n" not in reason
