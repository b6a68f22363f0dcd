"""The proof a laptop gives when it enrolls again under the device id the hub already knows.

A device id is public (every record carries it in `created_by_device`), so knowing one proves
nothing. A laptop that enrolls again (its token was lost, or it changes role) signs the new
one-time code and its id with the key it registered the first time; only the holder of that
private key can, so nobody else can take the id over. Shared by the client and the hub.
"""

from __future__ import annotations

import base64
import binascii

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from volunteer_kit.sync.bundle_format import load_public_key

_CONTEXT = b"volunteer-kit enroll again v1\n"


def _code_form(code: str) -> str:
    """The code as the hub hashes it: any case, spaces and hyphens ignored."""
    return "".join(ch for ch in code.upper() if ch not in "- \t")


def message(code: str, device_id: str) -> bytes:
    """What is signed: the one-time code (so a proof is never replayed) and the id it claims."""
    return _CONTEXT + f"{_code_form(code)}\n{device_id}".encode()


def sign(key: Ed25519PrivateKey, code: str, device_id: str) -> str:
    """The proof, base64, as the enrollment request's `proof` carries it."""
    return base64.b64encode(key.sign(message(code, device_id))).decode("ascii")


def verify(public_key: str, proof: str, code: str, device_id: str) -> bool:
    """Whether `proof` was made by the private key of `public_key` for this code and id."""
    try:
        signature = base64.b64decode(proof, validate=True)
        load_public_key(public_key).verify(signature, message(code, device_id))
    except (InvalidSignature, ValueError, TypeError, binascii.Error):
        return False
    return True
