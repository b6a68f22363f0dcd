"""The Certificates page, its tables and its dialogs (verify, revoke, retire a signing key)."""
