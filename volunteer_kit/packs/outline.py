"""The outline of a lesson pack (ids, titles, skill-check texts) read from its manifest.

Enough to name packs and skill checks wherever records show them, without
loading lessons. Full validation of a pack is the importer's work.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from volunteer_kit import paths
from volunteer_kit.core.records import PackFacts
from volunteer_kit.packs.fields import fill_local_text

log = logging.getLogger("volunteer_kit.packs")


@dataclass(frozen=True)
class PackOutline:
    pack_id: str
    version: str
    title_vi: str
    title_en: str
    lesson_ids: tuple[str, ...]
    question_ids: tuple[str, ...]
    check_texts: dict[str, tuple[str, str]]  # check id -> (vi, en)
    required_checks: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()
    trust: str = "bundled"  # or trusted, unsigned, unknown-publisher (imported packs)
    lesson_titles: dict[str, tuple[str, str]] = dataclasses.field(default_factory=dict)  # id -> (vi, en)

    @property
    def verified(self) -> bool:
        return self.trust in ("bundled", "trusted")

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" and self.title_en else self.title_vi

    def lesson_title(self, lesson_id: str, lang: str) -> str:
        vi, en = self.lesson_titles.get(lesson_id, (lesson_id, lesson_id))
        return en if lang == "en" and en else vi

    def check_text(self, check_id: str, lang: str) -> str:
        vi, en = self.check_texts.get(check_id, (check_id, check_id))
        return en if lang == "en" and en else vi


def read_outline(folder: Path) -> PackOutline:
    """Raises OSError, ValueError, KeyError or TypeError for a pack that cannot be read."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    quiz = json.loads((folder / manifest["quiz"]).read_text(encoding="utf-8"))
    if manifest.get("fields"):  # records and reports name a skill check with the fields' defaults
        manifest["skill_checks"] = fill_defaults(manifest, manifest["skill_checks"])
    return PackOutline(
        pack_id=manifest["id"],
        version=manifest["version"],
        title_vi=manifest["title"]["vi"],
        title_en=manifest["title"].get("en", ""),
        lesson_ids=tuple(lesson["id"] for lesson in manifest["lessons"]),
        question_ids=tuple(q["id"] for q in quiz["questions"]),
        check_texts={c["id"]: (c["text"]["vi"], c["text"].get("en", "")) for c in manifest["skill_checks"]},
        required_checks=tuple(c["id"] for c in manifest["skill_checks"] if c.get("required", True)),
        competencies=tuple(manifest.get("competencies", ())),
        lesson_titles={lesson["id"]: _titles(lesson) for lesson in manifest["lessons"]},
    )


def fill_defaults(manifest: dict, raw: Any) -> Any:
    """`raw` (parsed JSON of the pack) with each `{{field}}` replaced by that field's default text."""
    defaults = {f["id"]: f["default"] for f in manifest.get("fields") or ()}
    vi = {key: text["vi"] for key, text in defaults.items()}
    en = {key: text.get("en") or text["vi"] for key, text in defaults.items()}
    return fill_local_text(raw, vi, en)


def _titles(lesson: dict) -> tuple[str, str]:
    title = lesson.get("title") or {}
    return title.get("vi", lesson["id"]), title.get("en", "")


@lru_cache(maxsize=4)
def bundled_outlines(lessons_dir: Path) -> tuple[PackOutline, ...]:
    """Outlines of the packs in a lessons folder; unreadable packs are logged and skipped."""
    outlines = []
    for manifest in sorted(lessons_dir.glob("*/manifest.json")):
        try:
            outlines.append(read_outline(manifest.parent))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("skipping pack %s: %s", manifest.parent.name, exc)
    return tuple(outlines)


def outlines_by_id(lessons_dir: Path, library_dir: Path | None = None) -> dict[str, PackOutline]:
    """Bundled packs, then packs imported into `library_dir` (the newest version of an id wins)."""
    found = {outline.pack_id: outline for outline in bundled_outlines(lessons_dir)}
    if library_dir is None:
        return found
    imported = []
    for info in library_dir.glob("*/*/install.json"):
        try:
            trust = json.loads(info.read_text(encoding="utf-8"))["trust"]
            imported.append(dataclasses.replace(read_outline(info.parent), trust=trust))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("skipping installed pack %s: %s", info.parent, exc)
    for outline in sorted(imported, key=lambda o: tuple(int(p) for p in o.version.split(".") if p.isdigit())):
        found[outline.pack_id] = outline
    return found


def installed_outlines() -> dict[str, PackOutline]:
    """Every pack this laptop has (bundled and imported), by pack id: read the files, so call it off
    the GUI thread."""
    return outlines_by_id(paths.lessons_dir(), paths.packs_dir())


@dataclass(frozen=True)
class PackProgress:
    """How far a learner is in one pack, measured against its outline."""

    outline: PackOutline
    lessons_done: int
    best_score: float | None
    quiz_passed: bool
    required_checks_done: int

    @property
    def complete(self) -> bool:
        return (
            self.lessons_done >= len(self.outline.lesson_ids)
            and self.quiz_passed
            and self.required_checks_done >= len(self.outline.required_checks)
        )


def pack_progress(facts: PackFacts, outline: PackOutline) -> PackProgress:
    return PackProgress(
        outline=outline,
        lessons_done=len(set(outline.lesson_ids) & facts.lessons_attended),
        best_score=facts.best_score,
        quiz_passed=facts.quiz_passed,
        required_checks_done=len(set(outline.required_checks) & facts.checks_passed),
    )
