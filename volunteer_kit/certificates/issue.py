"""Issuing, revoking and printing certificates (officer devices only).

A certificate is a fact: a certificate record carrying its signed payload, which
syncs like attendance does. Its serial "CCCCC-KKKKKK-NNNNNN" is unique across
devices that never talk to each other: the commune code, the issuing device's key
(first 6 hex digits of its key id, which the device made itself and checked
against every key it knew) and that device's own sequence.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from volunteer_kit.certificates import fonts
from volunteer_kit.certificates.eligibility import Eligibility, eligibility
from volunteer_kit.certificates.keys import ensure_issuer_key
from volunteer_kit.certificates.payload import (
    MAX_TEXT_BYTES,
    CertificateData,
    decode_payload,
    encode_payload,
    qr_text,
)
from volunteer_kit.certificates.pdf import CancelFlag, PrintedCertificate, write_certificates_pdf
from volunteer_kit.core.clock import local, utcnow
from volunteer_kit.core.records import Profile
from volunteer_kit.core.text import clean_text
from volunteer_kit.errors import InvalidInput
from volunteer_kit.packs.outline import PackOutline
from volunteer_kit.store import certificates as store
from volunteer_kit.store.devices import profile, require_officer

HUB_URL_KEY = "hub_url"  # sync_state: the hub this device enrolled with (links on the QR)
MAX_REASON_LENGTH = 500


@dataclass(frozen=True, slots=True)
class IssuedCertificate:
    serial: str
    learner_id: str
    full_name: str
    pack_id: str
    payload: str
    qr_text: str


def _officer(conn: Connection, doing_vi: str, doing_en: str) -> Profile:
    require_officer(conn, doing_vi, doing_en)
    me = profile(conn)
    if not me.commune_code:
        raise InvalidInput(
            "Máy này chưa gắn với xã nào; hãy đăng ký với máy chủ của xã (enroll) trước.",
            "This device belongs to no commune yet; enroll it with the commune hub first.",
        )
    return me


def hub_url(conn: Connection) -> str | None:
    value = conn.exec_driver_sql("SELECT value FROM sync_state WHERE key = ?", (HUB_URL_KEY,)).scalar()
    return str(value) if value else None


def check_name_printable(full_name: str) -> None:
    """Refuse a name the bundled font cannot draw (it would print as boxes) or the QR cannot carry."""
    missing = fonts.missing_characters(full_name)
    if missing:
        chars = fonts.describe(missing)
        raise InvalidInput(
            f"Không in được tên “{full_name}”: phông chữ không có ký tự {chars}. "
            "Hãy sửa tên trong hồ sơ người học (chỉ dùng chữ Việt/Latinh) rồi cấp lại.",
            f"The name “{full_name}” cannot be printed: the font has no {chars}. "
            "Correct the name in the learner's record (Vietnamese/Latin letters only) and issue again.",
        )
    if len(full_name.encode("utf-8")) > MAX_TEXT_BYTES - 48:
        raise InvalidInput(
            f"Tên “{full_name}” quá dài để in lên chứng nhận.",
            f"The name “{full_name}” is too long for a certificate.",
        )


def _refusal(
    learner_id: str, found: Eligibility | None, person: tuple[str, int | None, str, bool, bool] | None
) -> tuple[str, str]:
    if person is None:
        return f"không có người học {learner_id}", f"there is no learner {learner_id}"
    name, _year, _hamlet, anonymized, gone = person
    if gone:
        return (
            f"hồ sơ {learner_id} đã bị xóa hoặc gộp vào hồ sơ khác",
            f"the record {learner_id} was deleted or merged into another",
        )
    if anonymized:
        return (
            f"người học {learner_id} đã rút lại sự đồng ý (dữ liệu đã ẩn danh)",
            f"learner {learner_id} withdrew consent (their data is anonymized)",
        )
    if found is None:
        return f"{name}: chưa học gói này", f"{name}: has not started this pack"
    return f"{name}: {found.why('vi')}", f"{name}: {found.why('en')}"


def issue_certificates(
    conn: Connection,
    data_dir: Path,
    learner_ids: Sequence[str],
    pack_id: str,
    outlines: Mapping[str, PackOutline],
) -> list[IssuedCertificate]:
    """Issue one certificate per learner for the pack, all or none (the caller's transaction).

    Every learner must be eligible and have a name the certificate font can draw.
    """
    me = _officer(conn, "cấp chứng nhận", "issue certificates")
    outline = outlines.get(pack_id)
    if outline is None:
        raise InvalidInput(f"Không có gói bài học {pack_id}.", f"There is no lesson pack {pack_id}.")
    wanted = list(dict.fromkeys(learner_ids))
    if not wanted:
        raise InvalidInput("Hãy chọn ít nhất một người học.", "Choose at least one learner.")
    found = {e.learner_id: e for e in eligibility(conn, {pack_id: outline}, pack_id)}
    refusals = [
        _refusal(learner_id, found.get(learner_id), store.learner(conn, learner_id))
        for learner_id in wanted
        if learner_id not in found or not found[learner_id].eligible
    ]
    if refusals:
        more_vi = f" (và {len(refusals) - 3} người khác)" if len(refusals) > 3 else ""
        more_en = f" (and {len(refusals) - 3} more)" if len(refusals) > 3 else ""
        raise InvalidInput(
            "Chưa cấp chứng nhận nào: " + "; ".join(vi for vi, _en in refusals[:3]) + more_vi + ".",
            "No certificate was issued: " + "; ".join(en for _vi, en in refusals[:3]) + more_en + ".",
        )
    for learner_id in wanted:
        check_name_printable(found[learner_id].full_name)
    key = ensure_issuer_key(conn, data_dir)
    link = hub_url(conn)
    prefix = f"{me.commune_code}-{key.serial_part}-"
    issued = []
    for learner_id in wanted:
        person = found[learner_id]
        now = utcnow()
        serial = f"{prefix}{store.next_sequence(conn, prefix):06d}"
        data = CertificateData(
            serial=serial,
            full_name=person.full_name,
            pack_id=pack_id,
            issued_on=local(now).date(),
            key_id=key.key_id,
        )
        payload = encode_payload(data, key.private_key)
        store.add_certificate(
            conn,
            serial=serial,
            learner_id=learner_id,
            pack_id=pack_id,
            pack_version=outline.version,
            issuer_key_id=key.key_id,
            issued_at=now,
            payload=payload,
            commune_code=me.commune_code or "",
            device_id=me.device_id,
        )
        issued.append(
            IssuedCertificate(serial, learner_id, person.full_name, pack_id, payload, qr_text(payload, link))
        )
    return issued


def revoke(conn: Connection, serial: str, reason: str) -> str:
    """Record that a certificate no longer stands (a fact that syncs); returns the revocation id."""
    me = _officer(conn, "thu hồi chứng nhận", "revoke certificates")
    serial = serial.strip().upper()
    reason = clean_text(reason)
    if not reason:
        raise InvalidInput("Hãy ghi lý do thu hồi.", "Give the reason for revoking.")
    if len(reason) > MAX_REASON_LENGTH:
        raise InvalidInput(
            f"Lý do thu hồi dài quá {MAX_REASON_LENGTH} ký tự.",
            f"The reason is longer than {MAX_REASON_LENGTH} characters.",
        )
    if store.stored_payload(conn, serial) is None:
        raise InvalidInput(
            f"Không có chứng nhận số {serial} trên máy này; nếu máy khác vừa cấp, hãy đồng bộ trước.",
            f"There is no certificate {serial} on this device; if another device issued it, sync first.",
        )
    if serial in store.revoked_serials(conn):
        raise InvalidInput(
            f"Chứng nhận {serial} đã bị thu hồi trước đó.", f"Certificate {serial} was already revoked."
        )
    return store.add_revocation(
        conn, serial=serial, reason=reason, commune_code=me.commune_code or "", device_id=me.device_id
    )


def printable(
    conn: Connection, rows: Sequence[store.CertificateRow], outlines: Mapping[str, PackOutline]
) -> list[PrintedCertificate]:
    """What each certificate's paper shows: the signed name and date, exactly as in its QR."""
    link = hub_url(conn)
    pages = []
    for row in rows:
        if row.revoked:
            raise InvalidInput(
                f"Chứng nhận {row.serial} đã bị thu hồi: không in.",
                f"Certificate {row.serial} is revoked: not printed.",
            )
        if row.anonymized:
            raise InvalidInput(
                f"Người nhận chứng nhận {row.serial} đã rút lại sự đồng ý: không in.",
                f"The holder of certificate {row.serial} withdrew consent: not printed.",
            )
        decoded = decode_payload(row.payload)
        if not isinstance(decoded, tuple):
            raise InvalidInput(
                f"Dữ liệu của chứng nhận {row.serial} bị hỏng: không in.",
                f"The stored data of certificate {row.serial} is damaged: not printed.",
            )
        data = decoded[0]
        outline = outlines.get(row.pack_id)
        pages.append(
            PrintedCertificate(
                serial=row.serial,
                full_name=data.full_name,
                birth_year=row.birth_year,
                pack_title=outline.title_vi if outline else row.pack_id,
                competencies=outline.competencies if outline else (),
                issued_on=data.issued_on,
                commune_name=row.commune_name,
                officer_name=row.officer_name,
                qr_text=qr_text(row.payload, link),
            )
        )
    return pages


def print_certificates(
    conn: Connection,
    out: Path,
    outlines: Mapping[str, PackOutline],
    *,
    serials: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: CancelFlag | None = None,
) -> list[str]:
    """Write the given certificates (or every one not printed yet) to one PDF; returns the serials printed.

    They are marked printed in the caller's transaction once the file is complete.
    """
    if serials is not None:
        wanted = [s.strip().upper() for s in serials]
        rows = store.certificates(conn, serials=wanted)
        known = {r.serial for r in rows}
        unknown = [s for s in wanted if s not in known]
        if unknown:
            raise InvalidInput(
                "Không có chứng nhận số " + ", ".join(unknown) + " trên máy này.",
                "There is no certificate " + ", ".join(unknown) + " on this device.",
            )
    else:
        rows = store.certificates(conn, unprinted_only=True)
    if not rows:
        raise InvalidInput("Không có chứng nhận nào cần in.", "There are no certificates to print.")
    pages = printable(conn, rows, outlines)
    write_certificates_pdf(pages, out, progress=progress, cancel=cancel)
    store.mark_printed(conn, [r.serial for r in rows])
    return [r.serial for r in rows]
