"""A pack's fields: names each commune fills in (its province's app, its Zalo page, its phone number).

A pack declares them in its manifest (`fields`: id, label, default) and writes `{{id}}` where the
name goes, in step text, notes, quiz text and skill checks. Until the commune fills one in, its
default (a generic phrase: "ứng dụng công dân của tỉnh") stands there, so the text always reads
right. The values live in `pack-fields.json` in the data folder, by pack id, because they belong to
the commune the laptop serves, not to the pack.
"""

from __future__ import annotations

import json
import logging
import os
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from volunteer_kit import paths
from volunteer_kit.errors import KnownError

log = logging.getLogger("volunteer_kit.packs")

PLACEHOLDER = re.compile(r"\{\{\s*([^{}\s]*)\s*\}\}")
FILE_NAME = "pack-fields.json"
MAX_VALUE = 120


class FieldValueRefused(KnownError):
    pass


def placeholders(text: str) -> list[str]:
    """The field ids `text` names, in order (an id that is not a slug is returned as written)."""
    return PLACEHOLDER.findall(text)


def fill(text: str, values: Mapping[str, str]) -> str:
    """`text` with every `{{id}}` replaced by its value; an unknown id is left as written."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def texts_for(
    manifest: Any, chosen: Mapping[str, str] | None = None
) -> tuple[dict[str, str], dict[str, str]]:
    """(Vietnamese, English) replacement of each field of `manifest` (a Manifest): the commune's value
    where it gave one, else the field's default in that language."""
    chosen = chosen or {}
    vi = {f.id: chosen.get(f.id) or f.default.vi for f in manifest.fields}
    en = {f.id: chosen.get(f.id) or f.default.en or f.default.vi for f in manifest.fields}
    return vi, en


def fill_local_text(raw: Any, vi: Mapping[str, str], en: Mapping[str, str]) -> Any:
    """A parsed JSON value with the `vi`/`en` strings of every {vi, en} object filled in."""
    if isinstance(raw, dict):
        out = {key: fill_local_text(value, vi, en) for key, value in raw.items()}
        if isinstance(raw.get("vi"), str):
            out["vi"] = fill(raw["vi"], vi)
        if isinstance(raw.get("en"), str):
            out["en"] = fill(raw["en"], en)
        return out
    if isinstance(raw, list):
        return [fill_local_text(item, vi, en) for item in raw]
    return raw


# The commune's values -----------------------------------------------------------------------------
def local_values() -> dict[str, dict[str, str]]:
    """{pack id: {field id: value}} this data folder holds; a damaged file counts as empty."""
    path = paths.data_dir() / FILE_NAME
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("pack fields file %s unreadable (%s); using the packs' defaults", path, exc)
        return {}
    if not isinstance(raw, dict):
        return {}
    return {
        str(pack): {str(k): v for k, v in values.items() if isinstance(v, str) and v}
        for pack, values in raw.items()
        if isinstance(values, dict)
    }


def clean_value(value: str) -> str:
    """One line of NFC text a learner's screen can show; raises FieldValueRefused otherwise."""
    value = unicodedata.normalize("NFC", " ".join(value.split()))
    if len(value) > MAX_VALUE:
        raise FieldValueRefused(
            f"Tên quá dài ({len(value)} ký tự); tối đa {MAX_VALUE}.",
            f"The name is too long ({len(value)} characters); at most {MAX_VALUE}.",
        )
    if "{" in value or "}" in value:
        raise FieldValueRefused(
            "Tên không được chứa dấu ngoặc nhọn { }.", "The name may not contain braces { }."
        )
    return value


def save_values(pack_id: str, manifest: Any, values: Mapping[str, str]) -> dict[str, str]:
    """Store the commune's values for one pack (an empty value goes back to the default); atomic.

    Every value is checked before the file is touched; an id the pack does not declare is refused.
    """
    known = {f.id for f in manifest.fields}
    unknown = sorted(set(values) - known)
    if unknown:
        names, ids = ", ".join(unknown), ", ".join(sorted(known))
        raise FieldValueRefused(
            f"Gói này không có mục {names}; các mục: {ids or '(không có)'}.",
            f"This pack has no field {names}; its fields: {ids or '(none)'}.",
        )
    cleaned = {key: clean_value(value) for key, value in values.items()}
    everything = local_values()
    mine = {**everything.get(pack_id, {}), **cleaned}
    mine = {key: value for key, value in mine.items() if value and key in known}
    if mine:
        everything[pack_id] = mine
    else:
        everything.pop(pack_id, None)
    path = paths.data_dir() / FILE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(
        json.dumps(everything, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    os.replace(tmp, path)
    return mine
