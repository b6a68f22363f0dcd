"""A teaching session ends with its summary: who came, each one's quiz score and skills at this session,
who became eligible for a certificate of the pack by it, and the roster to print."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QDialogButtonBox

from tests.test_skill_checks_grid import teach_to_the_skill_checks
from tests.test_translations import _english_vocabulary, _untranslated, _visible_texts
from volunteer_kit.packs.outline import installed_outlines
from volunteer_kit.store import learners, teaching
from volunteer_kit.store.session_summary import session_summary
from volunteer_kit.ui.session_summary import SessionSummaryDialog

WAIT = 10_000
VNEID = "vn.bdhvs.vneid"


def _register(engine: Any, name: str) -> str:
    with engine.begin() as conn:
        return learners.register_learner(conn, full_name=name, birth_year=1955, hamlet="Thôn Đông").id


def _earlier_session(engine: Any, learner_ids: list[str], lesson_ids: list[str], *, quiz: bool) -> None:
    """An earlier session of the pack: its lessons, the required skill checks, and the quiz if `quiz`."""
    outline = installed_outlines()[VNEID]
    with engine.begin() as conn:
        session = teaching.start_session(
            conn,
            kind="group_class",
            pack_id=VNEID,
            pack_version=outline.version,
            lesson_ids=lesson_ids,
            place="Nhà văn hóa thôn Đông",
            learner_ids=learner_ids,
        )
        teaching.record_skill_checks(
            conn,
            session_id=session,
            pack_id=VNEID,
            pack_version=outline.version,
            results={(lid, check): True for lid in learner_ids for check in outline.required_checks},
        )
        for learner_id in learner_ids if quiz else ():
            teaching.record_quiz_attempt(
                conn,
                session_id=session,
                learner_id=learner_id,
                pack_id=VNEID,
                pack_version=outline.version,
                answers={},
                correct=10,
                total=10,
                percent=100.0,
                passed=True,
            )


def _rows(dialog: SessionSummaryDialog) -> dict[str, tuple[str, ...]]:
    table = dialog.table
    return {
        table.item(r, 0).text(): tuple(table.item(r, c).text() for c in range(1, table.columnCount()))
        for r in range(table.rowCount())
    }


def test_the_summary_names_who_came_their_results_and_who_became_eligible(
    qtbot, demo_app, demo_engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lesson_ids = list(installed_outlines()[VNEID].lesson_ids)
    # Hà Thị Đủ did every other lesson and the skills before: this lesson and the quiz make her eligible.
    # Mạc Thị Xong had done everything already (eligible before); Lục Văn Thiếu is new to the pack.
    names = ["Hà Thị Đủ", "Lục Văn Thiếu", "Mạc Thị Xong"]
    du, thieu, xong = (_register(demo_engine, name) for name in names)
    _earlier_session(demo_engine, [du], lesson_ids[1:], quiz=False)
    _earlier_session(demo_engine, [xong], lesson_ids, quiz=True)
    flow = teach_to_the_skill_checks(qtbot, demo_app, names, right={"Hà Thị Đủ"})
    checks = flow.checks
    checks.boxes[(du, "cai-dat")].setChecked(True)  # an optional skill, shown today
    checks.boxes[(thieu, "dang-nhap")].setChecked(True)
    with qtbot.waitSignal(flow.stage, timeout=WAIT) as stage:
        checks.accept()
    assert stage.args == ["done"]
    summary = flow.summary
    qtbot.waitExposed(summary)
    with demo_engine.connect() as conn:
        scores = dict(
            conn.exec_driver_sql(
                "SELECT learner_id, score FROM quiz_attempt WHERE session_id = ?", (flow.session_id,)
            ).all()
        )
    assert _rows(summary) == {
        "Hà Thị Đủ": ("100%", "1/5", "✓ đủ điều kiện"),
        "Lục Văn Thiếu": (f"{scores[thieu]:.0f}%", "1/5", ""),
        "Mạc Thị Xong": (f"{scores[xong]:.0f}%", "0/5", ""),
    }
    assert summary.eligible.isVisible()
    assert summary.eligible.text() == "Nay đủ điều kiện nhận giấy chứng nhận: Hà Thị Đủ"
    assert "3 người học có mặt" in summary.about.text()
    sources, words = _english_vocabulary()
    assert [text for _where, text in _visible_texts(summary) if _untranslated(text, sources, words)] == []
    # "In danh sách" writes the session's roster, as the Sessions page does.
    assert summary.roster_button.text().replace("&", "") == "In danh sách…"
    monkeypatch.setattr(summary, "ask_roster_file", lambda: ("csv", tmp_path / "danh-sach"))
    with qtbot.waitSignal(summary.roster_exported, timeout=WAIT) as exported:
        summary.roster_button.click()
    fmt, path, _roster = exported.args[0]
    assert (fmt, path) == ("csv", tmp_path / "danh-sach.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        written = [row[1] for row in csv.reader(handle)][1:]
    assert sorted(written) == sorted(names)
    assert str(path) in summary.status.text()
    close = summary.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close.text().replace("&", "") == "Đóng"
    close.click()
    assert not summary.isVisible()


def test_at_200_percent_the_summary_fits_and_a_missed_quiz_shows_a_dash(qtbot, demo_app, demo_engine) -> None:
    first, second = _register(demo_engine, "Hà Thị Đủ"), _register(demo_engine, "Chu Phương Mai Thảo Nguyên")
    outline = installed_outlines()[VNEID]
    with demo_engine.begin() as conn:
        session = teaching.start_session(
            conn,
            kind="home_visit",
            pack_id=VNEID,
            pack_version=outline.version,
            lesson_ids=outline.lesson_ids[:1],
            place="Nhà bà Đủ",
            learner_ids=[first, second],
        )
        teaching.record_quiz_attempt(
            conn,
            session_id=session,
            learner_id=first,
            pack_id=VNEID,
            pack_version=outline.version,
            answers={},
            correct=7,
            total=10,
            percent=70.0,
            passed=False,
        )
    with demo_engine.connect() as conn:
        summary = session_summary(conn, session, installed_outlines())
    assert summary is not None
    window = demo_app.window
    window.resize(1366, 680)
    demo_app.set_text_scale(200)
    dialog = SessionSummaryDialog(demo_app.store, summary, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert _rows(dialog) == {"Hà Thị Đủ": ("70%", "0/5", ""), "Chu Phương Mai Thảo Nguyên": ("—", "0/5", "")}
    assert not dialog.eligible.isVisible()
    assert dialog.width() <= window.width() and dialog.height() <= window.height()
    for button in (dialog.roster_button, dialog.buttons.button(QDialogButtonBox.StandardButton.Close)):
        assert button.isVisible()
        assert dialog.rect().contains(QRect(button.mapTo(dialog, QPoint(0, 0)), button.size()))
    qtbot.waitUntil(lambda: not dialog.table.horizontalScrollBar().isVisible(), timeout=WAIT)
