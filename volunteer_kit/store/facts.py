"""Facts are never edited: a correction is a new record that supersedes. This is the one place
that says which records of a fact table count now."""

from __future__ import annotations


def current(table: str, alias: str) -> str:
    """SQL condition: the record `alias` of `table` is not deleted and nothing supersedes it."""
    return (
        f"{alias}.deleted = 0 AND NOT EXISTS "
        f"(SELECT 1 FROM {table} newer WHERE newer.supersedes_id = {alias}.id)"
    )
