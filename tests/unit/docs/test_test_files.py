"""tests/unit mirrors src/bilat: each test file names the module or package it tests.

A file in tests/unit/<package path>/ is test_<name>.py or test_<name>_<aspect>.py, where
<name> is a module or subpackage of that package (a leading underscore dropped) or the
package itself (test_store_sql.py, test_store_sharing.py: the store package's sharing).
tests/unit/docs holds the checks of the repository itself and is exempt.
"""

from __future__ import annotations

from pathlib import Path

import bilat

UNIT = Path(__file__).resolve().parents[1]
SRC = Path(bilat.__file__).resolve().parent


def _names(package: Path) -> set[str]:
    """What a test file in this package's folder may be named after."""
    names = {package.name}
    for child in package.iterdir():
        is_module = child.suffix == ".py" and child.stem != "__init__"
        if is_module or (child / "__init__.py").is_file():
            names.add(child.stem.lstrip("_"))
    return names


def _names_a_module(stem: str, names: set[str]) -> bool:
    words = stem.removeprefix("test_").split("_")
    return any("_".join(words[:n]) in names for n in range(1, len(words) + 1))


def misplaced_test_files(unit: Path, src: Path) -> list[str]:
    found = []
    for path in sorted(unit.rglob("test_*.py")):
        folder = path.parent.relative_to(unit)
        if folder.parts[:1] == ("docs",):
            continue
        package = src / folder
        if not (package / "__init__.py").is_file():
            found.append(f"{path.relative_to(unit)}: no package bilat/{folder}")
        elif not _names_a_module(path.stem, _names(package)):
            found.append(f"{path.relative_to(unit)}: names no module of bilat/{folder}")
    return found


def test_every_unit_test_file_names_the_module_it_tests() -> None:
    assert misplaced_test_files(UNIT, SRC) == []


def test_a_file_named_after_a_bug_or_in_no_package_is_found(tmp_path: Path) -> None:
    src, unit = tmp_path / "src", tmp_path / "unit"
    for folder in (src / "store", unit / "store", unit / "web"):
        folder.mkdir(parents=True)
    for module in ("__init__.py", "sql.py", "_reads.py"):
        (src / "store" / module).touch()
    for test in ("test_sql.py", "test_store_sql_types.py", "test_reads.py", "test_store.py"):
        (unit / "store" / test).touch()
    (unit / "store" / "test_issue_16.py").touch()
    (unit / "web" / "test_pages.py").touch()
    assert misplaced_test_files(unit, src) == [
        "store/test_issue_16.py: names no module of bilat/store",
        "web/test_pages.py: no package bilat/web",
    ]
