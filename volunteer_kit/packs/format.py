"""The lesson-pack format, version 1 (docs/lesson-pack-format.md), as pydantic models.

Validation messages name the place in the pack the way an author would look
for it: "lessons[2].steps[0]: image media/vneid-3.png is not in the pack".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

FORMAT_VERSION = 1
SLUG = r"^[a-z0-9][a-z0-9-]{0,62}$"
PACK_ID = r"^[a-z0-9]+(\.[a-z0-9-]+){1,6}$"
SEMVER = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$"
SHA256 = r"^[0-9a-f]{64}$"
FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")

AUDIENCES = ("everyone", "elderly", "ethnic_minority", "official", "student", "worker", "disability")
# Circular 02/2025/TT-BGDĐT: domains 1-6 and their competencies; the five household skills.
NLS_COMPETENCIES = {1: 3, 2: 6, 3: 4, 4: 4, 5: 4, 6: 3}
COMPETENCY_CODES = frozenset(
    [f"NLS-{d}" for d in NLS_COMPETENCIES]
    + [f"NLS-{d}.{c}" for d, count in NLS_COMPETENCIES.items() for c in range(1, count + 1)]
    + [f"HH-{n}" for n in range(1, 6)]
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class LocalText(_Model):
    """Vietnamese first (required), English second (optional but expected)."""

    vi: str = Field(min_length=1, max_length=4000)
    en: str = Field(default="", max_length=4000)

    def get(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.vi


class Publisher(_Model):
    id: str = Field(pattern=SLUG)
    name: str = Field(min_length=1, max_length=200)


class Source(_Model):
    title: str = Field(min_length=1, max_length=400)
    url: str = Field(pattern=r"^https?://[^\s]+$", max_length=400)


class LessonRef(_Model):
    id: str = Field(pattern=SLUG)
    file: str
    title: LocalText


class SkillCheckDef(_Model):
    id: str = Field(pattern=SLUG)
    required: bool = True
    text: LocalText


class PackField(_Model):
    """A name the commune fills in (its app, its Zalo page): `{{id}}` in the pack's text."""

    id: str = Field(pattern=SLUG)
    label: LocalText  # what to fill in, shown where the commune types it
    default: LocalText  # a generic phrase that reads right in the sentence until then


class Signature(_Model):
    key_id: str = Field(pattern=r"^[0-9a-f]{16}$")
    value: str = Field(min_length=1, max_length=200)  # base64 Ed25519 signature


class Manifest(_Model):
    format: Literal[1]
    id: str = Field(pattern=PACK_ID, max_length=100)
    version: str = Field(pattern=SEMVER)
    title: LocalText
    summary: LocalText
    audience: list[Literal[AUDIENCES]] = Field(min_length=1)  # type: ignore[valid-type]
    estimated_minutes: int = Field(ge=5, le=1200)
    competencies: list[str] = Field(min_length=1)
    publisher: Publisher
    sources: list[Source] = Field(default_factory=list)
    lessons: list[LessonRef] = Field(min_length=1, max_length=50)
    quiz: str
    skill_checks: list[SkillCheckDef] = Field(default_factory=list, max_length=50)
    level: int | None = Field(default=None, ge=1, le=8)  # Circular 02/2025/TT-BGDĐT step: 1-2 Cơ bản … 7-8
    fields: list[PackField] = Field(default_factory=list, max_length=20)
    files: dict[str, str] | None = None
    signature: Signature | None = None

    @field_validator("competencies")
    @classmethod
    def _known_codes(cls, codes: list[str]) -> list[str]:
        unknown = [code for code in codes if code not in COMPETENCY_CODES]
        if unknown:
            raise ValueError(f"unknown competency code(s) {', '.join(unknown)}; use NLS-x.y or HH-n")
        return codes

    @field_validator("files")
    @classmethod
    def _hashes(cls, files: dict[str, str] | None) -> dict[str, str] | None:
        for path, digest in (files or {}).items():
            if not re.match(SHA256, digest):
                raise ValueError(f"{path}: not a SHA-256 hex digest")
        return files

    @model_validator(mode="after")
    def _unique_ids(self) -> Manifest:
        groups: tuple[tuple[str, Sequence[LessonRef | SkillCheckDef | PackField]], ...] = (
            ("lessons", self.lessons),
            ("skill_checks", self.skill_checks),
            ("fields", self.fields),
        )
        for name, items in groups:
            seen: set[str] = set()
            for index, item in enumerate(items):
                if item.id in seen:
                    raise ValueError(f"{name}[{index}]: id {item.id!r} is used twice")
                seen.add(item.id)
        return self

    @property
    def key(self) -> str:
        return f"{self.id}@{self.version}"

    def version_tuple(self) -> tuple[int, int, int]:
        major, minor, patch = (int(part) for part in self.version.split("."))
        return major, minor, patch


class Choice(_Model):
    id: str = Field(pattern=r"^[a-z0-9_-]{1,20}$")
    text: LocalText


class Question(_Model):
    id: str = Field(pattern=r"^[a-z0-9_-]{1,30}$")
    kind: Literal["single", "multiple", "true_false"]
    prompt: LocalText
    choices: list[Choice] = Field(min_length=2, max_length=8)
    correct: list[str] = Field(min_length=1)
    explanation: LocalText

    @model_validator(mode="after")
    def _answers(self) -> Question:
        ids = [choice.id for choice in self.choices]
        if len(set(ids)) != len(ids):
            raise ValueError("two choices have the same id")
        wrong = [c for c in self.correct if c not in ids]
        if wrong:
            raise ValueError(f"correct answer(s) {', '.join(wrong)} are not among the choices")
        if self.kind == "true_false" and sorted(ids) != ["false", "true"]:
            raise ValueError('a true_false question has exactly the choices "true" and "false"')
        if self.kind in ("single", "true_false") and len(self.correct) != 1:
            raise ValueError(f"a {self.kind} question has exactly one correct answer")
        return self


class Quiz(_Model):
    pass_percent: int = Field(ge=1, le=100)
    questions: list[Question] = Field(min_length=1, max_length=100)

    @model_validator(mode="after")
    def _unique(self) -> Quiz:
        seen: set[str] = set()
        for index, question in enumerate(self.questions):
            if question.id in seen:
                raise ValueError(f"questions[{index}]: id {question.id!r} is used twice")
            seen.add(question.id)
        return self


def pydantic_messages(error: Exception, where: str) -> list[str]:
    """One line per problem: "manifest.json: lessons[2].title.vi: String should have at least 1 character"."""
    from pydantic import ValidationError

    if not isinstance(error, ValidationError):
        return [f"{where}: {error}"]
    lines = []
    for problem in error.errors():
        location = ""
        for part in problem["loc"]:
            location += f"[{part}]" if isinstance(part, int) else (f".{part}" if location else str(part))
        message = problem["msg"].removeprefix("Value error, ")
        lines.append(f"{where}: {location}: {message}" if location else f"{where}: {message}")
    return lines
