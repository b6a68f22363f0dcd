"""What the Certificates page asks of the store, each in one call: the lists it shows, issuing to the
ticked learners of several packs, the certificates PDF, and verdicts with the names they mention.

No Qt here: the page runs these in its operations (volunteer_kit.ui.ops) and shows the answers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine

from volunteer_kit.certificates.eligibility import Eligibility, eligibility
from volunteer_kit.certificates.issue import IssuedCertificate, issue_certificates, print_certificates
from volunteer_kit.certificates.payload import Verdict
from volunteer_kit.certificates.pdf import CancelFlag
from volunteer_kit.core.text import sort_key
from volunteer_kit.exports.saving import cannot_write
from volunteer_kit.packs.outline import PackOutline
from volunteer_kit.store import certificates, key_retirements
from volunteer_kit.store.certificates import CertificateRow
from volunteer_kit.store.devices import commune_names
from volunteer_kit.store.key_retirements import SigningKey


@dataclass(frozen=True)
class CertificatesOverview:
    """The officer's lists for one choice of pack (None: all) and hamlet (None: all)."""

    packs: list[tuple[str, str]]  # (pack id, title) of the packs on this laptop, by title
    hamlets: list[str]  # of the learners who started a pack
    eligible: list[Eligibility]
    waiting: list[Eligibility]  # not eligible yet, and holding no certificate of the pack
    issued: list[CertificateRow]  # of the pack, newest first
    titles: dict[str, str]  # {pack id: title}
    keys: list[SigningKey]  # every signing key of the commune
    own_key_id: str | None  # this laptop's signing key, if it has one


def certificates_overview(
    conn: Connection,
    outlines: Mapping[str, PackOutline],
    *,
    pack_id: str | None,
    hamlet: str | None,
    lang: str,
    own_key_id: str | None,
) -> CertificatesOverview:
    titles = {key: outline.title(lang) for key, outline in outlines.items()}
    found = eligibility(conn, outlines, pack_id if pack_id in outlines else None)
    chosen = [e for e in found if hamlet is None or e.hamlet == hamlet]
    return CertificatesOverview(
        packs=sorted(titles.items(), key=lambda item: sort_key(item[1])),
        hamlets=sorted({e.hamlet for e in found if e.hamlet}, key=sort_key),
        eligible=[e for e in chosen if e.eligible],
        waiting=[e for e in chosen if not e.eligible and e.issued_serial is None],
        issued=[
            row
            for row in reversed(certificates.certificates(conn))
            if pack_id is None or row.pack_id == pack_id
        ],
        titles=titles,
        keys=key_retirements.signing_keys(conn),
        own_key_id=own_key_id,
    )


def issue_for_packs(
    conn: Connection,
    data_dir: Path,
    by_pack: Mapping[str, Sequence[str]],
    outlines: Mapping[str, PackOutline],
) -> list[IssuedCertificate]:
    """One certificate per (pack, learner) in the caller's transaction: every one is issued, or (a
    learner no longer eligible, a name the font cannot draw) none."""
    issued: list[IssuedCertificate] = []
    for pack, learner_ids in by_pack.items():
        if learner_ids:
            issued += issue_certificates(conn, data_dir, list(learner_ids), pack, outlines)
    return issued


def print_to_pdf(
    engine: Engine,
    out: Path,
    outlines: Mapping[str, PackOutline],
    *,
    serials: Sequence[str] | None,
    progress: Callable[[int, int], None] | None = None,
    cancel: CancelFlag | None = None,
) -> list[str]:
    """Write the certificates (or every one not printed yet) to the PDF `out`, then mark them printed
    in the same transaction; returns the serials printed. A set `cancel` leaves no file (Cancelled);
    a place that cannot be written is an InvalidInput."""
    try:
        with engine.begin() as conn:
            wanted = None if serials is None else list(serials)
            return print_certificates(conn, out, outlines, serials=wanted, progress=progress, cancel=cancel)
    except OSError as exc:
        raise cannot_write(out, exc) from exc


@dataclass(frozen=True)
class NamedVerdicts:
    """Verdicts with the pack titles and commune names their certificates mention."""

    verdicts: list[Verdict]
    titles: dict[str, str]  # {pack id: title}
    communes: dict[str, str]  # {commune code: name} of the communes this store knows


def verdicts_with_names(
    conn: Connection, verdicts: Sequence[Verdict], outlines: Mapping[str, PackOutline], *, lang: str
) -> NamedVerdicts:
    codes = {v.data.commune_code for v in verdicts if v.data is not None}
    return NamedVerdicts(
        verdicts=list(verdicts),
        titles={key: outline.title(lang) for key, outline in outlines.items()},
        communes=commune_names(conn, codes),
    )
