"""Who may write what: the role × action × ownership table, and the one decision the hub makes
from it for every pushed record (docs/security.md "Who may write what").

The table is data, so the documentation, the hub and the device read the same thing. A device
writes only as the device it is (`created_by_device` is its own on create and never changes);
what a role may do to a record another device created is narrower than to its own. Erasing a
learner (`anonymized`) needs a consent withdrawal on record, and more than a handful of erasures
from one device in a day wait for an officer (hub.erasures). No database here: the caller loads
the stored version and says whether a withdrawal exists.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from volunteer_kit.core import vocab
from volunteer_kit.sync import payload

ROLES = ("volunteer", "trainer", "officer")
OWN, OTHERS = "own", "others"
Action = Literal["create", "edit", "delete", "anonymize", "merge", "write"]

_ANY = frozenset({OWN, OTHERS})
_OWN = frozenset({OWN})


def _everyone(ownership: frozenset[str]) -> dict[str, frozenset[str]]:
    return dict.fromkeys(ROLES, ownership)


def _officer_any_else_own() -> dict[str, frozenset[str]]:
    return {"volunteer": _OWN, "trainer": _OWN, "officer": _ANY}


# (table, action) -> role -> the ownerships it may act on. Missing: nobody may. "write" is the
# creation of a fact (facts never change once stored). The kinds of record that share rules share
# them by construction (_SHARED, _FACTS, _OFFICER_FACTS).
_SHARED = ("learner", "household", "teaching_session")  # records of the commune, edited by all
_FACTS = ("consent", "attendance", "quiz_attempt", "skill_check")
_OFFICER_FACTS = (
    "learner_merge",
    "issuer_key",
    "issuer_key_retirement",
    "certificate",
    "certificate_revocation",
)

TABLE: dict[tuple[str, str], dict[str, frozenset[str]]] = {
    **{(t, "create"): _everyone(_OWN) for t in _SHARED},
    **{(t, "edit"): _everyone(_ANY) for t in _SHARED},
    **{(t, "delete"): _officer_any_else_own() for t in _SHARED},
    # Only through a consent withdrawal (WITHDRAWAL_NEEDED): the person may ask any volunteer.
    ("learner", "anonymize"): _everyone(_ANY),
    ("learner", "merge"): {"officer": _ANY},
    # A volunteer's profile belongs to the device that made it.
    ("volunteer", "create"): _everyone(_OWN),
    ("volunteer", "edit"): _everyone(_OWN),
    ("volunteer", "delete"): _everyone(_OWN),
    **{(t, "write"): _everyone(_OWN) for t in _FACTS},
    **{(t, "write"): {"officer": _OWN} for t in _OFFICER_FACTS},
}
WITHDRAWAL_NEEDED = frozenset({("learner", "anonymize")})
ERASURES_PER_DAY = 5  # erasures from one device in 24 hours; more wait for an officer's approval

_ACTION_VI = {
    "create": "tạo",
    "edit": "sửa",
    "delete": "xoá",
    "anonymize": "xoá dữ liệu cá nhân của",
    "merge": "gộp",
    "write": "ghi",
}


@dataclass(frozen=True)
class Verdict:
    """What the hub does with a record: store it, refuse it (reason in English and Vietnamese),
    or keep it waiting for an officer's approval (an erasure over the daily limit)."""

    outcome: Literal["allowed", "refused", "waiting"]
    reason: tuple[str, str] | None = None
    erasure: bool = False  # storing it erases a learner's identifying data: audited

    @property
    def allowed(self) -> bool:
        return self.outcome == "allowed"


ALLOWED = Verdict("allowed")


def may(role: str, table: str, action: str, ownership: str) -> bool:
    """Whether the table lets `role` do `action` on a `table` record of `ownership` (own/others)."""
    return ownership in TABLE.get((table, action), {}).get(role, frozenset())


def actions_of(table: str, data: Mapping[str, Any], stored: Mapping[str, Any] | None) -> list[str]:
    """The actions a new version amounts to against the stored latest version (None: a new record),
    the most restricted first, so a refusal names what was really attempted."""
    if table in payload.FACT_TABLES:
        return ["write"]
    before = stored or {}
    found = []
    if data.get("merged_into_id") and data.get("merged_into_id") != before.get("merged_into_id"):
        found.append("merge")
    if data.get("anonymized") and not before.get("anonymized"):
        found.append("anonymize")
    if bool(data.get("deleted")) != bool(before.get("deleted")) and "merge" not in found and stored:
        found.append("delete")
    found.append("create" if stored is None else "edit")
    return found


def _refused(en: str, vi: str) -> Verdict:
    return Verdict("refused", (en, vi))


def _not_allowed(role: str, table: str, action: str, ownership: str) -> Verdict:
    whose_en = "its own" if ownership == OWN else "another device's"
    whose_vi = "của chính thiết bị này" if ownership == OWN else "do thiết bị khác tạo"
    return _refused(
        f"A {role}'s device may not {action} {whose_en} {table} records.",
        f"Thiết bị của {vocab.word(vocab.ROLES, role, 'vi')} không được {_ACTION_VI[action]} bản ghi {table} "
        f"{whose_vi}.",
    )


def _names_erased(data: Mapping[str, Any]) -> bool:
    return all(not data.get(column) for column in payload.IDENTIFYING_LEARNER_COLUMNS)


def decide(
    *,
    device_id: str,
    role: str,
    table: str,
    data: Mapping[str, Any],
    stored: Mapping[str, Any] | None,
    withdrawn: bool = False,
    erasures_today: int = 0,
    approved: bool = False,
) -> Verdict:
    """The hub's word on one pushed record from the device `device_id` enrolled as `role`.

    `stored` is the data of the record's latest stored version (None for a new record);
    `withdrawn` says a consent withdrawal for this learner is on record (stored, or accepted
    earlier in the same push); `erasures_today` counts this device's erasures in the last 24
    hours; `approved`: an officer approved this erasure, so the daily limit does not apply.
    """
    creator = data.get("created_by_device")
    if stored is None and creator != device_id:
        return _refused(
            "created_by_device must be the pushing device's own id.",
            "created_by_device phải là mã của chính thiết bị gửi.",
        )
    if stored is not None and creator != stored.get("created_by_device"):
        return _refused(
            "created_by_device of a record never changes.", "created_by_device của bản ghi không được đổi."
        )
    ownership = OWN if creator == device_id else OTHERS
    actions = actions_of(table, data, stored)
    for action in actions:
        if not may(role, table, action, ownership):
            return _not_allowed(role, table, action, ownership)
    if table == "learner" and data.get("anonymized") and not _names_erased(data):
        return _refused(
            "An anonymized learner must have no name, birth year or phone.",
            "Người học đã ẩn danh không được còn họ tên, năm sinh hay số điện thoại.",
        )
    if "anonymize" not in actions:
        return ALLOWED
    if not withdrawn:
        return _refused(
            "A learner's data is erased only after their consent withdrawal is recorded; "
            "use Withdraw consent.",
            "Chỉ xoá dữ liệu của người học sau khi đã ghi nhận việc rút lại sự đồng ý; "
            "hãy dùng Rút lại đồng ý.",
        )
    if erasures_today >= ERASURES_PER_DAY and not approved:
        return Verdict(
            "waiting",
            (
                f"Waiting for the commune officer's approval: this device erased more than "
                f"{ERASURES_PER_DAY} people's data in a day.",
                f"Đang chờ cán bộ xã duyệt: thiết bị này đã xoá dữ liệu của hơn {ERASURES_PER_DAY} "
                "người trong một ngày.",
            ),
            erasure=True,
        )
    return Verdict("allowed", erasure=True)
