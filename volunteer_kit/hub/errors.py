"""Refusals the hub answers with a status and a one-line reason in English and Vietnamese."""

from __future__ import annotations

from typing import Any


class HubError(Exception):
    def __init__(
        self,
        status: int,
        en: str,
        vi: str,
        *,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(en)
        self.status = status
        self.en = en
        self.vi = vi
        self.headers = headers or {}
        self.extra = extra or {}

    def body(self) -> dict[str, Any]:
        return {"detail": self.en, "detail_vi": self.vi, **self.extra}
