"""`packs lint`: what makes a valid pack a poor one to teach from (docs/lesson-pack-format.md).

`packs check` says whether a pack can be used at all; the linter reads it as a reviewer of
teaching material would: a quiz a learner can pass by guessing (the right answer is the longest
one, or always in the same place; "choose all that apply" with one wrong choice), a step too long
to read from a metre, an instruction without a picture, a learner called "bạn" here and "ông/bà"
there, a drawing nobody shows, no sources. Each finding is one line naming where it is and the
rule (`[answer-length]`) so an author can look the rule up.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import PurePosixPath

from volunteer_kit.packs.format import Question
from volunteer_kit.packs.reader import IMAGE_SUFFIXES, Pack

MAX_WORDS = 45  # a step's text, read from a metre away
# The presenter at 200 % on a 1366×768 laptop, with the picture beside the text (ui/presenter.py),
# shows a step's title and about six lines of ~44 characters at its smallest text size; the test
# tests/test_lesson_fit.py holds this estimate to the real window for every bundled step.
LINE_CHARS = 44
TITLE_CHARS = 35  # the title is 1.25 times larger
LINES_ON_SCREEN = 6.0
PARAGRAPH_GAP = 0.5  # lines a blank line between paragraphs takes
# An instruction to work the phone or a page: a step that has one shows what to touch.
ACTION = re.compile(
    r"^(bấm|chạm|nhấn|mở|chọn|gõ|nhập|vào|kéo|vuốt|quét|cài|tải|đăng nhập|bật|tắt|giữ)\b", re.I
)
# How the learner is addressed: one respectful form per pack (ông/bà, or no pronoun).
ADDRESS = {
    "ông/bà": re.compile(r"\bông/bà\b|\bông, bà\b", re.I),
    "anh/chị": re.compile(r"\banh/chị\b", re.I),
    "cô/chú": re.compile(r"\bcô/chú\b|\bcô chú\b", re.I),
    # "bạn" the pronoun; not a friend ("bạn bè", "kết bạn", "người bạn", "bạn thân").
    "bạn": re.compile(r"(?<!kết )(?<!người )(?<!một )\bbạn\b(?! bè)(?! thân)(?! cũ)", re.I),
}
_MARKS = re.compile(r"[*_`#>]|!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


@dataclass(frozen=True)
class Finding:
    where: str
    rule: str
    text: str

    def __str__(self) -> str:
        return f"{self.where}: {self.text} [{self.rule}]"


def plain(markdown: str) -> str:
    """The words a learner sees: no images, emphasis marks or link targets."""
    return _MARKS.sub(lambda m: m.group(1) or "", markdown)


def word_count(markdown: str) -> int:
    return sum(len(_LIST.sub("", line).split()) for line in plain(markdown).splitlines())


def screen_lines(title: str, body: str) -> float:
    """Lines the step takes in the presenter's text column (an estimate, see LINE_CHARS)."""
    lines = max(math.ceil(len(title) / TITLE_CHARS), 1) - 1  # the first title line is budgeted
    gaps = 0
    seen = previous_blank = False
    for raw in plain(body).splitlines():
        text = raw.strip()
        if not text:
            previous_blank = True
            continue
        if previous_blank and seen:
            gaps += 1
        seen, previous_blank = True, False
        indent = 3 if _LIST.match(raw) else 0
        lines += math.ceil((len(_LIST.sub("", text)) + indent) / LINE_CHARS)
    return lines + gaps * PARAGRAPH_GAP


def lint_pack(pack: Pack) -> list[Finding]:
    return _quiz(pack) + _steps(pack) + _address(pack) + _files(pack)


# The quiz -------------------------------------------------------------------------------------
def _right_is_longest(question: Question) -> bool:
    lengths = {c.id: len(c.text.vi) for c in question.choices}
    right = lengths[question.correct[0]]
    return all(right > length for cid, length in lengths.items() if cid != question.correct[0])


def _quiz(pack: Pack) -> list[Finding]:
    where = pack.manifest.quiz
    found = []
    single = [q for q in pack.quiz.questions if q.kind == "single" and len(q.choices) >= 3]
    if len(single) >= 3:
        longest = [q.id for q in single if _right_is_longest(q)]
        if len(longest) * 2 > len(single):
            found.append(
                Finding(
                    where,
                    "answer-length",
                    (
                        f"the right answer is the longest choice in {len(longest)} of {len(single)} "
                        "single-choice "
                        f"questions ({', '.join(longest)}); a learner who picks the longest passes"
                    ),
                )
            )
    if len(single) >= 4:
        positions = Counter(next(i for i, c in enumerate(q.choices) if c.id == q.correct[0]) for q in single)
        place, count = positions.most_common(1)[0]
        if count * 2 > len(single):
            found.append(
                Finding(
                    where,
                    "answer-position",
                    (
                        f"the right answer is choice {place + 1} in {count} of {len(single)} "
                        "single-choice questions; "
                        "spread it over the positions"
                    ),
                )
            )
    true_false = [q.correct[0] for q in pack.quiz.questions if q.kind == "true_false"]
    if len(true_false) >= 3 and len(set(true_false)) == 1:
        found.append(
            Finding(
                where,
                "answer-position",
                (f"all {len(true_false)} true/false questions have the answer {true_false[0]!r}"),
            )
        )
    for index, q in enumerate(pack.quiz.questions):
        wrong = len(q.choices) - len(q.correct)
        if q.kind == "multiple" and wrong < 2:
            found.append(
                Finding(
                    f"{where}: questions[{index}] ({q.id})",
                    "multiple-choice",
                    (
                        f"{len(q.correct)} of {len(q.choices)} choices are right: "
                        "ticking all but the odd one out "
                        "passes; give it at least two plausible wrong choices"
                    ),
                )
            )
    return found


# Steps ----------------------------------------------------------------------------------------
def _acts(body: str) -> bool:
    return any(ACTION.match(_LIST.sub("", plain(line).strip())) for line in body.splitlines())


def _steps(pack: Pack) -> list[Finding]:
    found = []
    for li, lesson in enumerate(pack.lessons):
        procedural = sum(_acts(step.body) for step in lesson.steps) * 2 >= len(lesson.steps)
        for si, step in enumerate(lesson.steps):
            where = f"lessons[{li}].steps[{si}] ({lesson.file}, '{step.title}')"
            words = word_count(step.body)
            if words > MAX_WORDS:
                found.append(
                    Finding(
                        where,
                        "step-length",
                        (
                            f"{words} words; a step read from a metre away has at most {MAX_WORDS}: "
                            "split it, or move detail to the notes"
                        ),
                    )
                )
            lines = screen_lines(step.title, step.body)
            if lines > LINES_ON_SCREEN:
                found.append(
                    Finding(
                        where,
                        "step-fit",
                        (
                            f"about {lines:g} lines: it would scroll in teaching mode "
                            "at 200 % text on a 1366×768 "
                            f"laptop (about {LINES_ON_SCREEN:g} lines of {LINE_CHARS} characters fit)"
                        ),
                    )
                )
            if procedural and not step.images and _acts(step.body):
                found.append(
                    Finding(
                        where,
                        "step-picture",
                        ("an instruction without a picture: show what to touch (a drawing in media/)"),
                    )
                )
    return found


# Voice ----------------------------------------------------------------------------------------
def _learner_texts(pack: Pack) -> list[tuple[str, str]]:
    """(where, text) of everything the learner reads: steps, quiz, skill checks (not the notes)."""
    texts = []
    for li, lesson in enumerate(pack.lessons):
        for si, step in enumerate(lesson.steps):
            texts.append((f"lessons[{li}].steps[{si}] ({lesson.file})", f"{step.title}\n{step.body}"))
    for q in pack.quiz.questions:
        parts = [q.prompt.vi, q.explanation.vi] + [c.text.vi for c in q.choices]
        texts.append((f"{pack.manifest.quiz}: {q.id}", "\n".join(parts)))
    for check in pack.manifest.skill_checks:
        texts.append((f"manifest.json: skill_checks ({check.id})", check.text.vi))
    return texts


def _address(pack: Pack) -> list[Finding]:
    used: dict[str, list[str]] = {}
    for where, text in _learner_texts(pack):
        for form, pattern in ADDRESS.items():
            if pattern.search(text):
                used.setdefault(form, []).append(where)
    if len(used) < 2:
        return []
    main = max(used, key=lambda form: len(used[form]))
    return [
        Finding(
            place, "address", f"calls the learner '{form}' where the pack says '{main}': one form throughout"
        )
        for form, places in used.items()
        if form != main
        for place in places
    ]


# Files and sources ----------------------------------------------------------------------------
def _files(pack: Pack) -> list[Finding]:
    shown = {image for lesson in pack.lessons for step in lesson.steps for image in step.images}
    found = [
        Finding(name, "image-unused", "no step shows this picture: use it or remove it")
        for name in sorted(pack.files)
        if PurePosixPath(name).suffix.lower() in IMAGE_SUFFIXES and name not in shown
    ]
    if not pack.manifest.sources:
        found.append(
            Finding(
                "manifest.json",
                "sources",
                ("no sources: list the official pages the facts come from (title and https address)"),
            )
        )
    return found
