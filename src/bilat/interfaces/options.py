"""Parsing shared by every CLI command: the Client in the context, pairs and dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import typer

from bilat.client import Client
from bilat.config import Settings


def client_of(ctx: typer.Context, **changes: Any) -> Client:
    """The command's Client: the one the top-level callback opened (a default one when a
    command runs alone), or, with setting ``changes``, one over changed settings. The
    context closes it when the command ends."""
    root = ctx.find_root()
    if not isinstance(root.obj, Client):
        root.obj = root.with_resource(Client())
    client: Client = root.obj
    if changes:
        return ctx.with_resource(Client(replace(client.settings, **changes)))
    return client


def settings_of(ctx: typer.Context) -> Settings:
    """The settings of the command's Client."""
    return client_of(ctx).settings


def pair_of(value: str, client: Client) -> tuple[str, str]:
    """ "PAK-RUS", "Pakistan-Russia" -> ("PAK", "RUS")."""
    left, sep, right = value.partition("-")
    if not sep:
        raise typer.BadParameter("write a pair as A-B, e.g. PAK-RUS")
    return (client.resolve_actor(left).code, client.resolve_actor(right).code)


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
