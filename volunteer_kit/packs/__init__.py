"""Lesson packs: reading, validating, signing and importing them."""
