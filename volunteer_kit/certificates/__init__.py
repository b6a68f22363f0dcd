"""Certificates: eligibility, issuer keys, numbering, signed QR payloads, PDF printing, verification.

No Qt here. `payload` is the part the hub shares (it needs neither Qt nor the device store).
"""
