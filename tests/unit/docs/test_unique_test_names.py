"""Every test function has a name of its own across the suite, so a failure names one test."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

TESTS = Path(__file__).resolve().parents[2]


def test_names_of_test_functions_are_unique_across_the_suite() -> None:
    where: dict[str, list[str]] = defaultdict(list)
    for path in sorted(TESTS.rglob("test_*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            is_function = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            if is_function and node.name.startswith("test_"):
                where[node.name].append(f"{path.relative_to(TESTS)}:{node.lineno}")
    repeated = {name: places for name, places in where.items() if len(places) > 1}
    assert not repeated, repeated
