"""What every `bilat` command shares, as users of sqlite-utils, datasette and spaCy expect it:
global options before or after the command, plain help without type labels, and errors as
one line on stderr with an exit code a script can act on."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any

import typer

# Typer vendors its own click; its exceptions are not re-exported publicly.
from typer._click.core import Context as ClickContext
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from bilat.errors import BilatError

# Exit codes a script can act on (docs/cli.md).
EXIT_EMPTY = 1
EXIT_ERROR = 2
EXIT_REJECTED = 3
EXIT_INTERRUPTED = 130

# Options of the top-level command that may also follow the command's name.
GLOBAL_OPTIONS = ("--db", "--config")
# Choices shorter than this are the option's metavar, like [table|csv|json].
MAX_CHOICES_WIDTH = 50
# Placeholders by option name, for every command; others are the name in capitals.
PLACEHOLDERS = {
    "output": "FILE",
    "since": "DATE",
    "until": "DATE",
    "dyad": "A-B",
    "min_confidence": "X",
    "limit": "N",
    "batch_size": "N",
    "workers": "N",
    "rounds": "N",
    "docs": "N",
    "memory_docs": "N",
    "interval": "SECONDS",
    "corpus": "PATH",
    "host": "ADDRESS",
}


class GlobalOptionsAnywhere(TyperGroup):
    """`bilat events --db x.duckdb` as well as `bilat --db x.duckdb events`: a global option
    given after the command (that the command has no option of its own by that name) is moved
    before it. A value after ``--`` is never moved."""

    def parse_args(self, ctx: ClickContext, args: list[str]) -> list[str]:
        return super().parse_args(ctx, self._hoisted(args))

    def _hoisted(self, args: list[str]) -> list[str]:
        at = self._command_at(args)
        if at is None:
            return args
        own = _option_names(self.commands[args[at]])
        wanted = [name for name in GLOBAL_OPTIONS if name not in own]
        moved: list[str] = []
        rest: list[str] = []
        tail = iter(args[at + 1 :])
        for arg in tail:
            if arg == "--":
                rest += [arg, *tail]
                break
            name = arg.partition("=")[0]
            if name in wanted and "=" in arg:
                moved.append(arg)
            elif name in wanted:
                value = next(tail, None)
                if value is None:
                    raise UsageError(f"Option '{arg}' requires an argument.")
                moved += [arg, value]
            else:
                rest.append(arg)
        return [*args[:at], *moved, args[at], *rest]

    def _command_at(self, args: list[str]) -> int | None:
        """Where the command's name is, past the global options and their values."""
        i = 0
        while i < len(args):
            if args[i] in self.commands:
                return i
            i += 2 if args[i] in GLOBAL_OPTIONS else 1
        return None


def _option_names(command: Any) -> set[str]:
    return {opt for param in getattr(command, "params", ()) for opt in param.opts}


def plain_help(command: TyperCommand | TyperGroup) -> None:
    """Help as click prints it, for this command and every subcommand: no Rich markup (so
    "pip install 'bilat[ray]'" keeps its brackets), and placeholders (PATH, N, [a|b]) instead
    of type labels such as <str> or <bool>."""
    command.rich_markup_mode = None
    for param in command.params:
        if isinstance(param, TyperOption) and not (param.is_flag or param.count):
            param.metavar = param.metavar or _placeholder(param)
        elif isinstance(param, TyperArgument):
            name = param.metavar = param.metavar or (param.name or "value").upper()
            # Typer adds a type (<list[str]>) to an argument's help line and writes a
            # required one as {NAME}: click's plain NAME, [NAME] and NAME... instead.
            usage = name if param.required else f"[{name}]"
            usage += "..." if param.nargs != 1 else ""
            param.display_type_rich = _no_type  # type: ignore[method-assign]
            param._usage_display_name = _fixed(usage)  # type: ignore[method-assign]
    if isinstance(command, TyperGroup):
        for sub in command.commands.values():
            if isinstance(sub, TyperCommand | TyperGroup):
                plain_help(sub)


def _no_type(ctx: Any) -> None:
    return None


def _fixed(text: str) -> Callable[[], str]:
    return lambda: text


def _placeholder(param: TyperOption) -> str:
    choices = [str(c) for c in param.type_descriptor.choices or ()]
    joined = "|".join(choices)
    if choices and len(joined) <= MAX_CHOICES_WIDTH:
        return f"[{joined}]"
    name = param.name or "value"
    return PLACEHOLDERS.get(name, name.upper())


def run(command: TyperGroup, args: Sequence[str]) -> int:
    """Run the command line; the exit code: 0, the command's own, 2 for a user's error
    (one line on stderr, never a traceback), 130 when interrupted."""
    try:
        result = command.main(list(args), prog_name="bilat", standalone_mode=False)
    except NoArgsIsHelpError as exc:
        typer.echo(exc.format_message(), err=True)
        return EXIT_ERROR
    except ClickException as exc:
        ctx = getattr(exc, "ctx", None)
        where = ctx.command_path if isinstance(ctx, ClickContext) else "bilat"
        hint = f" (see {where} --help)" if exc.exit_code == EXIT_ERROR else ""
        return _fail(f"{where}: {exc.format_message()}{hint}")
    except BilatError as exc:
        return _fail(f"bilat: {exc}")
    except OSError as exc:  # a file that cannot be read or written: the user's to fix
        return _fail(
            f"bilat: {exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")
        )
    except typer.Abort:
        typer.echo("bilat: interrupted", err=True)
        return EXIT_INTERRUPTED
    return result if isinstance(result, int) else 0


def _fail(message: str) -> int:
    typer.echo(" ".join(message.split()), err=True)
    return EXIT_ERROR


def version_callback(value: bool) -> None:
    """``--version``: print bilat's version and stop."""
    if value:
        from importlib import metadata

        typer.echo(f"bilat {metadata.version('bilat')}")
        raise typer.Exit()


def main(app: typer.Typer) -> None:
    """The `bilat` entry point for ``app``."""
    command = typer.main.get_command(app)
    assert isinstance(command, TyperGroup)
    plain_help(command)
    sys.exit(run(command, sys.argv[1:]))
