"""resources/dates.yaml and money.yaml: the date and amount rules' words, checked when read."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import bilat
from bilat.errors import ResourceInvalid
from bilat.resources.lexicons import load_lexicon, parse_lexicon

SRC = Path(bilat.__file__).parent
# Each file, the folder its read_by paths are under, and the modules that read it.
FILES = {
    "dates.yaml": (SRC / "dates", sorted((SRC / "dates").glob("*.py"))),
    "money.yaml": (SRC / "nlp", [SRC / "nlp" / "events" / "money.py"]),
}
_READS = {"words", "ints", "strings"}


def _reads(modules: list[Path], folder: Path) -> set[tuple[str, str]]:
    """(entry, module) for every ``X.words("NAME")``, ``.ints`` or ``.strings`` call."""
    found = set()
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            call = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            if call and node.func.attr in _READS and node.args:  # type: ignore[union-attr]
                name = node.args[0]
                if isinstance(name, ast.Constant) and isinstance(name.value, str):
                    found.add((name.value, str(path.relative_to(folder))))
    return found


@pytest.mark.parametrize("file", sorted(FILES))
def test_every_entry_is_read_by_the_module_it_names_and_every_read_is_an_entry(
    file: str,
) -> None:
    import yaml

    folder, modules = FILES[file]
    raw = yaml.safe_load((SRC / "resources" / file).read_text(encoding="utf-8"))
    reads = _reads(modules, folder)
    assert {name for name, _ in reads} == set(raw)
    for name, entry in raw.items():
        assert (name, entry["read_by"]) in reads, (name, entry["read_by"])


def test_the_shipped_files_load_with_their_kinds() -> None:
    dates = load_lexicon("dates.yaml")
    assert dates.ints("MONTHS")["sept"] == 9
    assert "since" in dates.words("STRONG_PREPOSITIONS")
    money = load_lexicon("money.yaml")
    assert money.strings("USD_PER_UNIT")["EUR"] == "1.18"  # exact: a string, not a float
    assert money.words("NUMBER_UNITS")[:3] == ("zero", "one", "two")  # order is the value
    with pytest.raises(ResourceInvalid, match=r"dates\.yaml: MONTHS: values must be strs"):
        dates.strings("MONTHS")
    with pytest.raises(ResourceInvalid, match="no words entry 'MONTH'"):
        dates.words("MONTH")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("A: {about: x, read_by: m.py, words: [in, on]}", r"A: words\[1\] is True"),
        ("A: {about: x, read_by: m.py, words: [in, in]}", r"A: words repeated: \['in'\]"),
        ("A: {about: x, read_by: m.py, table: {on: 1}}", "A: key True is not a word"),
        ("A: {about: x, read_by: m.py, table: {a: 1, b: x}}", "A: mixes numbers and strings"),
        ("A: {about: x, read_by: m.py, table: {a: 1.5}}", "A: a: 1.5 is neither a whole"),
        ("A: {about: x, read_by: m.py, table: {}}", "A: table must be a non-empty mapping"),
        ("A: {about: x, read_by: m.py, words: [a], table: {a: 1}}", "A: expected about"),
        ("A: {about: x, words: [in]}", "A: expected about, read_by and one of"),
        ("A: {about: '', read_by: m.py, words: [in]}", "A: about must be"),
        ("A: [in]", "A: expected a mapping"),
        ("- in\n", "expected a mapping of named entries"),
        ("A: [\n", "not valid YAML"),
    ],
)
def test_a_malformed_file_fails_naming_the_entry(text: str, message: str) -> None:
    with pytest.raises(ResourceInvalid, match=message) as failure:
        parse_lexicon("mine.yaml", text)
    assert str(failure.value).startswith("mine.yaml:")


def test_the_date_rules_read_their_words_without_spacy() -> None:
    probe = "import sys, bilat.dates; print('spacy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
