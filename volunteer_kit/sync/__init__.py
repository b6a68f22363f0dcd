"""Sync: the protocol payloads (shared with the hub) and the device-side client."""
