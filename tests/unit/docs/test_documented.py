"""Every CLI command and option, every setting and every record field is documented."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.core import TyperArgument, TyperGroup

from bilat import records
from bilat.config import Settings
from bilat.interfaces.cli import app

DOCS = Path(__file__).resolve().parents[3] / "docs"


# Typer vendors its own click: its commands are not click.Command, so walk Typer's classes
# (click's made this test see the top-level command alone).
def _commands(group: Any, prefix: str = "bilat") -> list[tuple[str, Any]]:
    out = [(prefix, group)]
    if isinstance(group, TyperGroup):
        for name, sub in sorted(group.commands.items()):
            out.extend(_commands(sub, f"{prefix} {name}"))
    return out


COMMANDS = _commands(typer.main.get_command(app))


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_command_and_its_options_are_documented(path: str, command: Any) -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert f"`{path}" in text, f"{path} is not in docs/cli.md"
    section = text.split(f"## `{path}", 1)[1].split("\n## ", 1)[0] if path != "bilat" else text
    for param in command.params:
        names = [o for o in getattr(param, "opts", []) if o.startswith("--")]
        if isinstance(param, TyperArgument):
            names = [param.name.upper()] if param.name else []
        for name in names:
            if name == "--help":
                continue
            assert re.search(re.escape(name) + r"\b", section), (
                f"{path}: {name} is not documented in its section of docs/cli.md"
            )


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(Settings)])
def test_setting_is_documented(field: str) -> None:
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    assert f"`{field}`" in text, f"setting {field} is not in docs/settings.md"


RECORDS = [
    (cls.__name__, f.name)
    for cls in (
        records.Article,
        records.DateSpan,
        records.Actor,
        records.Mention,
        records.Amount,
        records.Evidence,
        records.Event,
        records.Rejection,
    )
    for f in dataclasses.fields(cls)
]


@pytest.mark.parametrize(("record", "field"), RECORDS, ids=[f"{r}.{f}" for r, f in RECORDS])
def test_record_field_is_documented(record: str, field: str) -> None:
    text = (DOCS / "records.md").read_text(encoding="utf-8")
    section = text.split(f"## {record}", 1)
    assert len(section) == 2, f"record {record} has no section in docs/records.md"
    body = section[1].split("\n## ", 1)[0]
    assert f"`{field}`" in body, f"{record}.{field} is not in docs/records.md"


def test_every_command_is_walked() -> None:
    assert {"bilat events", "bilat eval classes", "bilat timeline"} <= {p for p, _ in COMMANDS}
