"""The sync hub: FastAPI + SQLModel over SQLite or PostgreSQL (docs/sync-protocol.md). No Qt here."""
