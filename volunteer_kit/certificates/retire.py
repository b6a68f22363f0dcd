"""Retiring a certificate-signing key, or declaring one compromised (docs/certificates.md).

Retired: the key signs nothing more, and what it signed before stays valid. Compromised (a
laptop lost or stolen, a copy of the key file gone astray): no certificate of that key stands,
everywhere once the retirement has synced, and its learners may be issued a new certificate.

Only the officer laptop that made a key may retire it in the ordinary way (its private key is
there alone); any officer of the commune may declare any of its keys compromised, since the
laptop that holds it may be the one that was stolen. The retirement is an issuer_key_retirement
fact that syncs; the hub lets only officers write it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine

from volunteer_kit.certificates.keys import ensure_issuer_key, load_issuer_key
from volunteer_kit.core.clock import utcnow
from volunteer_kit.core.records import Profile
from volunteer_kit.core.text import clean_text
from volunteer_kit.errors import InvalidInput
from volunteer_kit.store import key_retirements as store
from volunteer_kit.store.devices import profile, require_officer
from volunteer_kit.store.key_retirements import CertificateToReissue

log = logging.getLogger("volunteer_kit.certificates")

MAX_REASON_LENGTH = 500
MIN_KEY_PREFIX = 6  # as many hex digits as a serial shows of its key


@dataclass(frozen=True, slots=True)
class KeyRetired:
    key_id: str
    compromised: bool
    new_key_id: str | None  # this laptop's new signing key, when its own key was retired
    to_reissue: tuple[CertificateToReissue, ...]  # the certificates that no longer stand (compromised)


def _officer(conn: Connection) -> Profile:
    require_officer(conn, "ngừng dùng khóa ký chứng nhận", "retire a certificate signing key")
    me = profile(conn)
    if not me.commune_code:
        raise InvalidInput(
            "Máy này chưa gắn với xã nào; hãy đăng ký với máy chủ của xã (enroll) trước.",
            "This device belongs to no commune yet; enroll it with the commune hub first.",
        )
    return me


def _reason(reason: str) -> str:
    cleaned = clean_text(reason)
    if not cleaned:
        raise InvalidInput("Hãy ghi lý do ngừng dùng khóa ký.", "Give the reason for retiring the key.")
    if len(cleaned) > MAX_REASON_LENGTH:
        raise InvalidInput(
            f"Lý do dài quá {MAX_REASON_LENGTH} ký tự.",
            f"The reason is longer than {MAX_REASON_LENGTH} characters.",
        )
    return cleaned


def _named_key(conn: Connection, given: str) -> str:
    """The one known key whose id starts with `given` (at least the 6 hex digits a serial shows)."""
    wanted = given.strip().lower()
    found = store.keys_starting(conn, wanted) if len(wanted) >= MIN_KEY_PREFIX else []
    if len(found) == 1:
        return found[0]
    if not found:
        raise InvalidInput(
            f"Không có khóa ký nào bắt đầu bằng “{given}” trên máy này (cần ít nhất "
            f"{MIN_KEY_PREFIX} chữ số đầu của mã khóa); nếu khóa do máy khác tạo, hãy đồng bộ trước.",
            f"There is no signing key starting “{given}” on this device (give at least the first "
            f"{MIN_KEY_PREFIX} digits of its id); if another device made it, sync first.",
        )
    raise InvalidInput(
        f"Có {len(found)} khóa ký bắt đầu bằng “{given}”: hãy ghi thêm chữ số của mã khóa.",
        f"{len(found)} signing keys start “{given}”: give more digits of the key id.",
    )


def _check_may_retire(conn: Connection, me: Profile, key_id: str, *, own: bool, compromised: bool) -> None:
    """Refuse what the rules above do not allow, and a retirement that would change nothing."""
    keys = {k.key_id: k for k in store.signing_keys(conn)}
    key = keys.get(key_id)
    if key is not None and key.compromised:
        raise InvalidInput(
            f"Khóa ký {key_id} đã được báo là bị lộ trước đó.",
            f"Signing key {key_id} was already declared compromised.",
        )
    if key is not None and key.retired and not compromised:
        raise InvalidInput(
            f"Khóa ký {key_id} đã ngừng dùng trước đó. Nếu khóa bị lộ, hãy chọn “Khóa bị lộ”.",
            f"Signing key {key_id} was already retired. If it was compromised, declare it so.",
        )
    if not compromised and not own and (key is None or key.device_id != me.device_id):
        raise InvalidInput(
            f"Chỉ máy đã tạo khóa ký {key_id} mới được ngừng dùng khóa đó. Nếu máy ấy bị mất hay "
            "khóa bị lộ, hãy báo khóa bị lộ (--compromised): mọi chứng nhận của khóa sẽ bị thu hồi.",
            f"Only the laptop that made signing key {key_id} may retire it. If that laptop was lost "
            "or the key leaked, declare it compromised (--compromised): its certificates are revoked.",
        )


def retire_key(
    engine: Engine,
    data_dir: Path,
    reason: str,
    *,
    compromised: bool = False,
    key_id: str | None = None,
) -> KeyRetired:
    """Retire this laptop's signing key (or, compromised, the commune's key `key_id`); returns
    what was done, with the certificates to re-issue when the key was compromised.

    The retirement commits first, then this laptop's new key is made in a second transaction: if
    the process stops in between, the next certificate issued makes the new key all the same
    (ensure_issuer_key never signs with a retired key).
    """
    with engine.begin() as conn:
        me = _officer(conn)
        why = _reason(reason)
        current = load_issuer_key(data_dir)
        if key_id is not None:
            target = _named_key(conn, key_id)
        elif current is not None:
            target = current.key_id
        else:
            raise InvalidInput(
                "Máy này chưa có khóa ký chứng nhận (khóa được tạo khi cấp giấy đầu tiên): "
                "không có khóa nào để ngừng dùng.",
                "This laptop has no certificate signing key yet (it is made with the first "
                "certificate issued): there is no key to retire.",
            )
        own = current is not None and current.key_id == target
        if own:
            ensure_issuer_key(conn, data_dir)  # its public part is a known fact before it is retired
        _check_may_retire(conn, me, target, own=own, compromised=compromised)
        store.add_retirement(
            conn,
            key_id=target,
            reason=why,
            compromised=compromised,
            commune_code=me.commune_code or "",
            device_id=me.device_id,
            retired_at=utcnow(),
        )
        to_reissue = tuple(store.certificates_to_reissue(conn, target)) if compromised else ()
    log.warning("signing key %s retired%s", target, " as compromised" if compromised else "")
    new_key_id = None
    if own:
        with engine.begin() as conn:
            new_key_id = ensure_issuer_key(conn, data_dir).key_id
    return KeyRetired(target, compromised, new_key_id, to_reissue)
