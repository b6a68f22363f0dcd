"""Every step of every bundled pack shows whole in teaching mode at 200 % text on a 1366×768 laptop
(no "▼ more below"), and the linter's line estimate (packs/lint.py) errs on the safe side of the
real presenter: a step it calls too tall does scroll there."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from tests import tour
from tests.conftest import ROOT
from volunteer_kit.packs.lint import LINES_ON_SCREEN, screen_lines
from volunteer_kit.packs.reader import Lesson, Step, read_pack

BUNDLED = sorted(p.parent.name for p in (ROOT / "lessons").glob("*/manifest.json"))


@pytest.fixture
def at_200(qapp) -> Iterator[None]:
    from volunteer_kit.ui.i18n import apply_text_scale, load_fonts

    family = load_fonts()
    apply_text_scale(QApplication.instance(), family, 200)
    yield
    apply_text_scale(QApplication.instance(), family, 100)


def _scrolls(qtbot, pack, lesson: Lesson, index: int) -> bool:
    from volunteer_kit.ui.presenter import PresenterWindow

    window = PresenterWindow(pack, lesson)
    qtbot.addWidget(window)
    tour.place(window, "1366x768")
    window.show_step(index)
    tour.settle(20)
    scrolls = window.more_hint.isVisible()
    window.close()
    return scrolls


@pytest.mark.parametrize("name", BUNDLED)
def test_every_step_shows_whole_at_200_percent_on_a_laptop(qtbot, at_200, name: str) -> None:
    pack = read_pack(ROOT / "lessons" / name)
    scrolling = [
        f"{lesson.file} step {index + 1} '{step.title}' (lint: {screen_lines(step.title, step.body):g} lines)"
        for lesson in pack.lessons
        for index, step in enumerate(lesson.steps)
        if _scrolls(qtbot, pack, lesson, index)
    ]
    assert not scrolling, "\n".join(scrolling)


def test_a_step_the_linter_calls_too_tall_scrolls_in_the_presenter(qtbot, at_200) -> None:
    pack = read_pack(ROOT / "lessons" / "vneid")
    picture = pack.lessons[0].steps[0].images
    body = "\n".join(f"- Ông/bà làm việc thứ {n} như trong hình." for n in range(1, 9))
    assert screen_lines("Bước 1: Mở ứng dụng", body) > LINES_ON_SCREEN
    lesson = Lesson("x", "Bài thử", "", "x.md", (Step("Bước 1: Mở ứng dụng", body, "", picture),))
    assert _scrolls(qtbot, pack, lesson, 0)
