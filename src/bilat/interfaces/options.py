"""Parsing shared by every CLI command: the settings in the context, pairs and dates."""

from __future__ import annotations

from datetime import date

import typer

from bilat import api
from bilat.config import Settings


def settings_of(ctx: typer.Context) -> Settings:
    """The Settings the top-level callback put in the context (defaults when run alone)."""
    settings = ctx.find_root().obj
    return settings if isinstance(settings, Settings) else Settings.load()


def pair_of(value: str, settings: Settings) -> tuple[str, str]:
    """ "PAK-RUS", "Pakistan-Russia" -> ("PAK", "RUS")."""
    left, sep, right = value.partition("-")
    if not sep:
        raise typer.BadParameter("write a pair as A-B, e.g. PAK-RUS")
    return (api.resolve_actor(left, settings).code, api.resolve_actor(right, settings).code)


def date_bound(value: str | None, *, end: bool = False) -> date | None:
    """A date at any precision as a bound: ``--since 2021`` is 2021-01-01 and
    ``--until 2021`` is 2021-12-31."""
    if value is None:
        return None
    from bilat.dates import parse_date

    span = parse_date(value)
    if span is None:
        raise typer.BadParameter(f"not a date: {value!r} (try 2021, 2021-09 or 2021-09-30)")
    return span.end if end else span.start


def date_range(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """``--since`` and ``--until`` as bounds; a BadParameter when the range is empty."""
    first, last = date_bound(since), date_bound(until, end=True)
    if first is not None and last is not None and first > last:
        raise typer.BadParameter(f"{since} is after --until {until}", param_hint="'--since'")
    return first, last
