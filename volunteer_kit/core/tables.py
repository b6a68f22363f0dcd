"""Names of the tables that sync (kept apart from the models so light code needs no SQLModel)."""

# In an order that respects foreign keys.
SYNCED_TABLES = (
    "volunteer",
    "household",
    "learner",
    "consent",
    "learner_merge",
    "teaching_session",
    "attendance",
    "quiz_attempt",
    "skill_check",
    "issuer_key",
    "issuer_key_retirement",
    "certificate",
    "certificate_revocation",
)
