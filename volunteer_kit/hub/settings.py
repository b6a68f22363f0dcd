"""What a hub process needs to know to serve, in one value that travels through the environment.

`hub serve --workers N` starts its workers with uvicorn, which spawns fresh interpreters: they
inherit os.environ and nothing else, so the parent writes its settings there (HubSettings.to_env)
and each worker's app factory (volunteer_kit.hub.asgi:app) reads them back (HubSettings.from_env).
gunicorn or a bare `uvicorn --factory` read the same variables, set by the operator.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path

from volunteer_kit import errors, paths
from volunteer_kit.hub.db import ENV_HUB_DB, default_url

ENV_HUB_DB_READ = "VOLUNTEER_KIT_HUB_DB_READ"
ENV_AT_ONCE = "VOLUNTEER_KIT_HUB_AT_ONCE"
ENV_POOL_SIZE = "VOLUNTEER_KIT_HUB_POOL_SIZE"
ENV_HOME = paths.ENV_HOME
# Bounds of the numbers, as `hub serve` checks its options.
AT_ONCE_RANGE = (1, 256)
POOL_SIZE_RANGE = (1, 1000)
DB_AT_ONCE_RANGE = (1, 10_000)
# Connections a process needs beyond its gate's turns: health checks, enrollment, admin pages.
POOL_SPARE = 3


@dataclass(frozen=True)
class HubSettings:
    """One hub process's settings. `url` and `db_at_once` are shared by every process of a hub, so
    they live in the database (hub_meta); here they are only what `hub serve` was told to store."""

    db_url: str
    data_dir: Path
    db_read_url: str | None = None
    at_once: int | None = None
    pool_size: int | None = None
    db_at_once: int | None = None
    url: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> HubSettings:
        """The settings in `environ` (default os.environ); a bad number is one plain sentence."""
        env = os.environ if environ is None else environ
        home = env.get(ENV_HOME)
        return cls(
            db_url=env.get(ENV_HUB_DB) or default_url(),
            data_dir=Path(home).expanduser().resolve() if home else paths.data_dir(),
            db_read_url=env.get(ENV_HUB_DB_READ) or None,
            at_once=_number(env, ENV_AT_ONCE, AT_ONCE_RANGE),
            pool_size=_number(env, ENV_POOL_SIZE, POOL_SIZE_RANGE),
        )

    def to_env(self, environ: MutableMapping[str, str] | None = None) -> None:
        """Write these settings where a spawned worker finds them (default os.environ)."""
        env = os.environ if environ is None else environ
        env[ENV_HUB_DB] = self.db_url
        env[ENV_HOME] = str(self.data_dir)
        for name, value in (
            (ENV_HUB_DB_READ, self.db_read_url),
            (ENV_AT_ONCE, self.at_once),
            (ENV_POOL_SIZE, self.pool_size),
        ):
            if value is None:
                env.pop(name, None)
            else:
                env[name] = str(value)

    def connections(self) -> int:
        """Connections this process keeps to the database: its gate's turns and a few spare, unless
        --pool-size said otherwise (every process's pool adds up against max_connections)."""
        from volunteer_kit.hub.gate import AT_ONCE

        return self.pool_size or (self.at_once or AT_ONCE) + POOL_SPARE


def check_number(option: str, value: int | None, bounds: tuple[int, int]) -> int | None:
    """`value` when it is within `bounds` (None stays None), else a one-line refusal naming `option`."""
    low, high = bounds
    if value is not None and not low <= value <= high:
        raise errors.InvalidInput(
            f"{option} phải từ {low} đến {high} (đã cho {value}).",
            f"{option} must be {low} to {high} (given {value}).",
        )
    return value


def _number(env: Mapping[str, str], name: str, bounds: tuple[int, int]) -> int | None:
    text = env.get(name, "").strip()
    if not text:
        return None
    try:
        value = int(text)
    except ValueError:
        value = None
    if value is None or not bounds[0] <= value <= bounds[1]:
        raise errors.InvalidInput(
            f"Biến môi trường {name} phải là số từ {bounds[0]} đến {bounds[1]} (đang là {text!r}).",
            f"The environment variable {name} must be a number from {bounds[0]} to {bounds[1]} "
            f"(it is {text!r}).",
        )
    return value
