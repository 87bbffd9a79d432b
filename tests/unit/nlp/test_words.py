"""resources/words.yaml: the rules' word lists, checked when read."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import bilat.nlp
from bilat.errors import ResourceInvalid
from bilat.nlp.patterns import load_patterns
from bilat.nlp.words import STAGES, Words, load_words, parse_words

NLP = Path(bilat.nlp.__file__).parent


def _read_lists() -> set[tuple[str, str, str]]:
    """(stage, list, module) for every ``WORDS.X`` or ``<STAGE>_WORDS.X`` in bilat.nlp and
    every list a dependency pattern names."""
    found = set()
    for path in NLP.rglob("*.py"):
        module = str(path.relative_to(NLP))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                holder = node.value.id
                if holder == "WORDS":
                    found.add((module.split("/", maxsplit=1)[0], node.attr, module))
                elif holder.endswith("_WORDS") and holder[:-6].lower() in STAGES:
                    found.add((holder[:-6].lower(), node.attr, module))
    # a list a dependency pattern names ($stage.NAME) is read by the module asking for it
    for pattern in load_patterns().values():
        found.update((stage, name, pattern.read_by) for stage, name in pattern.lists)
    return found


def test_every_list_the_rules_read_is_in_the_file_and_every_list_is_read() -> None:
    shipped = load_words()
    read = _read_lists()
    assert {(s, n) for s, n, _ in read} == {(s, n) for s in STAGES for n in shipped[s]}


def test_each_list_names_the_module_that_reads_it() -> None:
    import yaml

    raw = yaml.safe_load((NLP.parent / "resources" / "words.yaml").read_text(encoding="utf-8"))
    readers = {(s, n): set() for s in STAGES for n in raw[s]}
    for stage, name, module in _read_lists():
        readers[(stage, name)].add(module)
    for (stage, name), modules in readers.items():
        assert raw[stage][name]["read_by"] in modules, (stage, name, modules)


def test_a_stage_reads_its_lists_by_name() -> None:
    assert "tomorrow" in Words("syntax").TEMPORAL
    with pytest.raises(AttributeError, match="no list 'TEMPORALS' in section 'syntax'"):
        _ = Words("syntax").TEMPORALS


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("syntax:\n  A: {about: x, read_by: m.py, words: [in, on]}", r"words\[1\] is True"),
        ("syntax:\n  A: {about: x, read_by: m.py, words: [in, in]}", r"repeated: \['in'\]"),
        ("syntax:\n  A: {about: x, words: [in]}", "expected exactly the keys"),
        ("syntax:\n  A: {about: '', read_by: m.py, words: [in]}", "about must be"),
        ("syntax:\n  A: {about: x, read_by: m.py, words: []}", "non-empty list"),
        ("grammar:\n  A: {about: x, read_by: m.py, words: [in]}", r"unknown stage\(s\)"),
        ("- in\n- on\n", "expected a mapping of stages"),
        ("syntax: [\n", "not valid YAML"),
    ],
)
def test_a_malformed_file_fails_naming_the_list(text: str, message: str) -> None:
    with pytest.raises(ResourceInvalid, match=message) as failure:
        parse_words("mine.yaml", text)
    assert str(failure.value).startswith("mine.yaml:")
