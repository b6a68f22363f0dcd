"""Reading and checking a lesson pack folder: manifest, quiz, lessons, images, hashes.

`read_pack(folder)` returns the whole pack, parsed, or raises PackInvalid with
every problem found, one line each, so an author can fix them all at once.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from volunteer_kit.errors import KnownError
from volunteer_kit.packs import fields as pack_fields
from volunteer_kit.packs.format import FILE_NAME, Manifest, Quiz, pydantic_messages

MANIFEST = "manifest.json"
# Written by the library beside an installed pack's files; not part of the pack.
INSTALL_INFO = "install.json"
IMAGE_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg"}
TEXT_SUFFIXES = {".json", ".md", ".svg", ".txt"}
ALLOWED_SUFFIXES = IMAGE_SUFFIXES | TEXT_SUFFIXES
MAX_STEPS = 12
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
_NOTES = re.compile(r"^```notes\s*\n(.*?)^```\s*$", re.S | re.M)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"


class PackInvalid(KnownError):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "; ".join(problems[:5]) + (f" (+{len(problems) - 5})" if len(problems) > 5 else "")
        super().__init__(f"Gói bài học không hợp lệ: {shown}", f"The lesson pack is not valid: {shown}")


@dataclass(frozen=True)
class Step:
    title: str
    body: str  # Markdown for the learner's screen (notes removed)
    notes: str  # the volunteer's notes, hidden from the learner view
    images: tuple[str, ...]  # pack-relative paths


@dataclass(frozen=True)
class Lesson:
    id: str
    title_vi: str
    title_en: str
    file: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Pack:
    root: Path
    manifest: Manifest
    quiz: Quiz
    lessons: tuple[Lesson, ...]
    files: dict[str, str] = field(default_factory=dict)  # pack-relative path -> sha256

    @property
    def key(self) -> str:
        return self.manifest.key


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def pack_files(root: Path) -> dict[str, Path]:
    """Every regular file of the pack by its pack-relative POSIX path (manifest excluded)."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            relative = path.relative_to(root).as_posix()
            if relative not in (MANIFEST, INSTALL_INFO):
                found[relative] = path
    return found


def parse_lesson(text: str) -> tuple[str, list[tuple[str, str, str, list[str]]]]:
    """(title, [(step title, body, notes, image refs)]) from a lesson's Markdown."""
    title = ""
    steps: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("# ") and not title and not steps:
            title = line[2:].strip()
        elif line.startswith("## "):
            steps.append((line[3:].strip(), []))
        elif steps:
            steps[-1][1].append(line)
    parsed = []
    for step_title, lines in steps:
        raw = "\n".join(lines)
        notes = "\n\n".join(block.strip() for block in _NOTES.findall(raw + "\n"))
        body = _NOTES.sub("", raw + "\n").strip()
        images = [ref for _alt, ref in _IMAGE.findall(body)]
        parsed.append((step_title, body, notes, images))
    return title, parsed


def _check_image(path: Path, where: str) -> list[str]:
    head = path.read_bytes()[:16]
    suffix = path.suffix.lower()
    if suffix == ".png" and not head.startswith(PNG_MAGIC):
        return [f"{where}: {path.name} is not a PNG image"]
    if suffix in (".jpg", ".jpeg") and not head.startswith(JPEG_MAGIC):
        return [f"{where}: {path.name} is not a JPEG image"]
    if suffix == ".svg":
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as exc:
            return [f"{where}: {path.name} is not well-formed SVG ({exc})"]
        if not root.tag.endswith("svg"):
            return [f"{where}: {path.name} is not an SVG drawing"]
        if any(el.tag.endswith("script") for el in root.iter()):
            return [f"{where}: {path.name} contains a script, which packs may not have"]
    return []


def _load_json(root: Path, name: str, problems: list[str]) -> object | None:
    path = root / name
    if not path.is_file():
        problems.append(f"{name}: missing")
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.append(f"{name}: not UTF-8 text")
        return None
    if not unicodedata.is_normalized("NFC", text):
        problems.append(f"{name}: text is not in NFC form (save it with precomposed Vietnamese letters)")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        problems.append(f"{name}: bad JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
        return None


def _inside(root: Path, base: PurePosixPath, ref: str) -> str | None:
    """The pack-relative path `ref` points at from `base`, or None if it leaves the pack."""
    if ref.startswith(("/", "\\")) or re.match(r"^[a-zA-Z]+:", ref):
        return None
    parts: list[str] = list(base.parent.parts)
    for part in PurePosixPath(ref).parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def referenced_files(root: Path, manifest: Manifest) -> set[str]:
    """The files a manifest without `files` needs: its quiz, its lessons and the images they show.

    Importing a source folder copies these and nothing else. A reference that leaves the pack,
    or a lesson that cannot be read, is left for read_pack to report on the copy.
    """
    found = [_inside(root, PurePosixPath(MANIFEST), manifest.quiz)]
    for ref in manifest.lessons:
        relative = _inside(root, PurePosixPath(MANIFEST), ref.file)
        found.append(relative)
        if relative is None:
            continue
        try:
            text = (root / relative).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # missing or unreadable: reported by name before or after the copy
        for _title, _body, _notes, images in parse_lesson(text)[1]:
            found.extend(_inside(root, PurePosixPath(relative), image) for image in images)
    return {relative for relative in found if relative is not None}


def _field_problems(text: str, declared: set[str], where: str, *, title: bool = False) -> list[str]:
    used = pack_fields.placeholders(text)
    if title and used:
        return [f"{where}: a title cannot hold a field ({{{{{used[0]}}}}}); use fields in the text"]
    return [
        f"{where}: {{{{{name}}}}} is not one of the pack's fields ({', '.join(sorted(declared)) or 'none'})"
        for name in dict.fromkeys(used)
        if name not in declared
    ]


def _strings(raw: object) -> list[str]:
    if isinstance(raw, str):
        return [raw]
    if isinstance(raw, dict):
        return [text for value in raw.values() for text in _strings(value)]
    if isinstance(raw, list):
        return [text for value in raw for text in _strings(value)]
    return []


def read_pack(
    root: Path,
    *,
    check_hashes: bool = True,
    digests: dict[str, str] | None = None,
    values: dict[str, dict[str, str]] | None = None,
) -> Pack:
    """Read and check the pack folder at `root`; raise PackInvalid listing every problem.

    `digests` are the files' SHA-256 when the caller already computed them (while extracting).
    `values` are the commune's field values by pack id (fields.local_values()); a field without
    one reads its default, so `{{id}}` never reaches a learner.
    """
    problems: list[str] = []
    files = pack_files(root)
    for name, path in files.items():
        for part in name.split("/"):
            if not FILE_NAME.match(part):
                problems.append(f"{name}: file names are lowercase ASCII letters, digits, - _ .")
                break
        if path.suffix.lower() not in ALLOWED_SUFFIXES:
            problems.append(f"{name}: files of type {path.suffix or '(none)'} are not allowed in a pack")
    raw_manifest = _load_json(root, MANIFEST, problems)
    manifest = None
    if raw_manifest is not None:
        try:
            manifest = Manifest.model_validate(raw_manifest)
        except ValueError as exc:
            problems.extend(pydantic_messages(exc, MANIFEST))
    if manifest is None:
        raise PackInvalid(problems)
    declared = {f.id for f in manifest.fields}
    fill_vi, fill_en = pack_fields.texts_for(manifest, (values or {}).get(manifest.id))
    assert isinstance(raw_manifest, dict)  # Manifest.model_validate took it
    for where, text in [("title", manifest.title.vi), ("title", manifest.title.en)] + [
        (f"lessons[{i}].title", t)
        for i, ref in enumerate(manifest.lessons)
        for t in (ref.title.vi, ref.title.en)
    ]:
        problems.extend(_field_problems(text, declared, f"{MANIFEST}: {where}", title=True))
    for text in _strings(raw_manifest.get("summary")) + _strings(raw_manifest.get("skill_checks")):
        problems.extend(_field_problems(text, declared, f"{MANIFEST}: summary or skill_checks"))
    if declared:  # the summary and skill checks as the learner reads them
        kept = {key: raw_manifest[key] for key in ("summary", "skill_checks") if key in raw_manifest}
        manifest = Manifest.model_validate(
            {**raw_manifest, **pack_fields.fill_local_text(kept, fill_vi, fill_en)}
        )
    quiz = None
    if _inside(root, PurePosixPath(MANIFEST), manifest.quiz) not in files:
        problems.append(f"{MANIFEST}: quiz: {manifest.quiz} is not in the pack")
    else:
        raw_quiz = _load_json(root, manifest.quiz, problems)
        if raw_quiz is not None:
            for text in _strings(raw_quiz):
                problems.extend(_field_problems(text, declared, manifest.quiz))
            raw_quiz = pack_fields.fill_local_text(raw_quiz, fill_vi, fill_en)
            try:
                quiz = Quiz.model_validate(raw_quiz)
            except ValueError as exc:
                problems.extend(pydantic_messages(exc, manifest.quiz))
    lessons = []
    for index, ref in enumerate(manifest.lessons):
        where = f"lessons[{index}]"
        relative = _inside(root, PurePosixPath(MANIFEST), ref.file)
        if relative is None or relative not in files:
            problems.append(f"{where}: file {ref.file} is not in the pack")
            continue
        try:
            text = files[relative].read_text(encoding="utf-8")
        except UnicodeDecodeError:
            problems.append(f"{where}: {ref.file} is not UTF-8 text")
            continue
        if not unicodedata.is_normalized("NFC", text):
            problems.append(f"{where}: {ref.file} is not in NFC form")
        for line in text.splitlines():
            heading = line.startswith("# ") or line.startswith("## ")
            problems.extend(_field_problems(line, declared, f"{where}: {ref.file}", title=heading))
        title, parsed = parse_lesson(pack_fields.fill(text, fill_vi))
        if not title:
            problems.append(f"{where}: {ref.file} has no '# ' title line")
        if not parsed:
            problems.append(f"{where}: {ref.file} has no steps ('## ' headings)")
        if len(parsed) > MAX_STEPS:
            problems.append(f"{where}: {len(parsed)} steps; a lesson has at most {MAX_STEPS}")
        steps = []
        for step_index, (step_title, body, notes, images) in enumerate(parsed):
            step_where = f"{where}.steps[{step_index}]"
            if not body:
                problems.append(f"{step_where}: the step '{step_title}' has no text")
            resolved = []
            for image in images:
                target = _inside(root, PurePosixPath(relative), image)
                if target is None or target not in files:
                    shown = target if target is not None else image
                    problems.append(f"{step_where}: image {shown} is not in the pack")
                    continue
                if PurePosixPath(target).suffix.lower() not in IMAGE_SUFFIXES:
                    problems.append(f"{step_where}: {target} is not an image (svg, png or jpg)")
                    continue
                problems.extend(_check_image(files[target], step_where))
                resolved.append(target)
            steps.append(Step(step_title, body, notes, tuple(resolved)))
        lessons.append(Lesson(ref.id, ref.title.vi, ref.title.en, relative, tuple(steps)))
    if digests is None or set(digests) != set(files):
        digests = {relative: sha256_file(path) for relative, path in files.items()}
    if check_hashes and manifest.files is not None:
        for relative, expected in manifest.files.items():
            if relative not in digests:
                problems.append(f"{MANIFEST}: files: {relative} is listed but not in the pack")
            elif digests[relative] != expected:
                problems.append(f"{relative}: its SHA-256 does not match the manifest (changed or damaged)")
        for relative in digests:
            if relative not in manifest.files:
                problems.append(f"{relative}: not listed in the manifest's files")
    if problems or quiz is None:
        raise PackInvalid(problems or [f"{manifest.quiz}: could not be read"])
    return Pack(root=root, manifest=manifest, quiz=quiz, lessons=tuple(lessons), files=digests)
