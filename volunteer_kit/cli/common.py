"""What the command groups share: messages in the chosen language, the store, JSON output, the
hub database, and which commands need a store to exist."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

from volunteer_kit import errors, paths
from volunteer_kit.core.vocab import pick


def msg(vi: str, en: str) -> str:
    return pick(errors.language(), vi, en)


def day(value: str) -> date:
    """The type of every date option: one parser, its message in the chosen language."""
    from volunteer_kit.core.clock import parse_day

    try:
        return parse_day(value)
    except errors.InvalidInput as exc:
        raise argparse.ArgumentTypeError(exc.message()) from None


def open_engine():
    from volunteer_kit.store.devices import ensure_device
    from volunteer_kit.store.engine import open_store

    engine = open_store(paths.database_path())
    ensure_device(engine)
    return engine


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def pack_outlines():
    from volunteer_kit.packs.outline import outlines_by_id

    return outlines_by_id(paths.lessons_dir(), paths.packs_dir())


def check_pack(pack_id: str | None, outlines: dict) -> None:
    if pack_id and pack_id not in outlines:
        raise errors.InvalidInput(
            f"Không có gói bài học {pack_id!r}; xem các gói bằng: volunteer-kit packs list",
            f"There is no lesson pack {pack_id!r}; see the packs with: volunteer-kit packs list",
        )


def hub_engine(args: argparse.Namespace, *, create: str = "never"):
    """The hub database of --db or the data folder. Only `hub serve` may make it (create=
    "in_existing_folder"); every other command refuses a database no hub was ever served on, so a
    mistyped path never leaves a stray one behind."""
    from sqlalchemy.exc import ArgumentError, DatabaseError

    from volunteer_kit.hub.db import open_hub_engine

    try:
        return open_hub_engine(args.db, create=create)  # type: ignore[arg-type]
    except DatabaseError as exc:
        reason = str(exc.orig or exc).strip().splitlines()[0]
        raise errors.KnownError(
            f"Không mở được cơ sở dữ liệu của máy chủ ({reason}); hãy kiểm tra --db.",
            f"Cannot open the hub database ({reason}); check --db.",
        ) from exc
    except ArgumentError as exc:
        raise errors.InvalidInput(
            f"--db không phải địa chỉ cơ sở dữ liệu ({exc}); ví dụ sqlite:////srv/hub/hub.sqlite3.",
            f"--db is not a database URL ({exc}); e.g. sqlite:////srv/hub/hub.sqlite3.",
        ) from exc


def hub_known(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """The hub's refusals (HubError) as one-line messages, like every KnownError."""

    def run(args: argparse.Namespace) -> int:
        from volunteer_kit.hub.errors import HubError

        try:
            return func(args)
        except HubError as exc:
            raise errors.KnownError(exc.vi, exc.en) from exc

    return run


# Commands that read a store: on a data folder with no store they say so, instead of making an
# empty one at a mistyped path (`--data-dir /nonexistent/deep/dir learners list` printed "0").
READS_A_STORE = {
    ("learners", "list"),
    ("sessions", "list"),
    ("status", None),
    ("sync", None),
    ("bundle", "export"),
    ("bundle", "import"),
    ("certificates", "eligible"),
    ("certificates", "issue"),
    ("certificates", "print"),
    ("certificates", "verify"),
    ("certificates", "revoke"),
    ("certificates", "retire-key"),
    ("roster", "export"),
    ("report", "export"),
    ("forget-hub", None),
    ("admin", "code"),
    ("admin", "codes"),
    ("admin", "cancel-code"),
    ("admin", "devices"),
    ("admin", "revoke"),
    ("admin", "conflicts"),
    ("admin", "erasures"),
    ("admin", "approve-erasure"),
    ("admin", "stats"),
}


def check_store_exists(key: tuple[str, str | None]) -> None:
    if key in READS_A_STORE and not paths.database_path().is_file():
        folder = paths.data_dir()
        raise errors.KnownError(
            f"Không có dữ liệu Volunteer Kit ở {folder}; hãy kiểm tra lại --data-dir "
            "(hoặc mở ứng dụng, ghi danh hay nạp dữ liệu mẫu trước).",
            f"There is no Volunteer Kit data in {folder}; check --data-dir "
            "(or open the app, enroll or load the demo first).",
        )
    if key == ("packs", "list") and not paths.data_dir().is_dir() and paths.is_chosen():
        raise errors.KnownError(
            f"Không có thư mục dữ liệu {paths.data_dir()}; hãy kiểm tra lại --data-dir.",
            f"There is no data folder {paths.data_dir()}; check --data-dir.",
        )
