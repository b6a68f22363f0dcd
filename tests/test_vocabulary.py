"""One vocabulary: the window, the command line and the exports say the same words for stored codes.

The words for groups and session kinds live only in core/vocab.py; a second copy anywhere (a Python
string, a Qt translation) is how "Người lao động" on the Learners page and "Công nhân, người lao
động" on the roster came apart. And side by side: a learner's groups and a session's kind, as the
window shows them, as `volunteer-kit sessions list` prints them, and in the roster's CSV, XLSX and PDF.
"""

from __future__ import annotations

import ast
import csv
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import ROOT, run_cli
from volunteer_kit.core.vocab import GROUPS, SESSION_KINDS, word
from volunteer_kit.ui.app import Application

WAIT = 10_000
PACKAGE = ROOT / "volunteer_kit"
WORDS = {pair[0] for table in (GROUPS, SESSION_KINDS) for pair in table.values()}


def _python_strings(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def test_the_words_for_groups_and_kinds_are_written_once() -> None:
    copies = [
        f"{path.relative_to(ROOT)}: {text!r}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "vocab.py"
        for text in _python_strings(path)
        if text.strip() in WORDS
    ]
    translations = [
        f"{path.name}: {found}"
        for path in sorted((ROOT / "resources" / "i18n").glob("volunteer_kit_*.ts"))
        for found in re.findall(r"<translation>([^<]*)</translation>", path.read_text(encoding="utf-8"))
        if found.strip() in WORDS
    ]
    assert copies == [] and translations == []


def test_the_rule_finds_a_copy(tmp_path: Path) -> None:
    planted = tmp_path / "copy.py"
    planted.write_text('WORKER = "Công nhân, người lao động"\n', encoding="utf-8")
    assert [text for text in _python_strings(planted) if text in WORDS] == ["Công nhân, người lao động"]


@pytest.fixture
def worker_session(demo_engine) -> tuple[str, str, str]:
    """A session with a present learner of the worker and elderly groups: (session id, its kind, name)."""
    with demo_engine.begin() as conn:
        session_id, kind, learner_id, name = conn.exec_driver_sql(
            "SELECT s.id, s.kind, l.id, l.full_name FROM attendance a "
            "JOIN teaching_session s ON s.id = a.session_id JOIN learner l ON l.id = a.learner_id "
            "WHERE a.present = 1 ORDER BY s.starts_at DESC LIMIT 1"
        ).one()
        conn.exec_driver_sql(
            "UPDATE learner SET groups = ',elderly,worker,' WHERE id = ?", (learner_id,)
        )  # as a synced record would carry it
    return session_id, kind, name


def test_window_cli_and_exports_say_the_same_words(
    qtbot, demo_engine, worker_session, data_dir: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from volunteer_kit.exports.roster import export_roster
    from volunteer_kit.packs.outline import installed_outlines

    session_id, kind, name = worker_session
    groups = f"{word(GROUPS, 'elderly', 'vi')}, {word(GROUPS, 'worker', 'vi')}"
    kind_word = word(SESSION_KINDS, kind, "vi")

    # The exports.
    with demo_engine.connect() as conn:
        for fmt in ("csv", "xlsx", "pdf"):
            export_roster(conn, installed_outlines(), session_id, fmt, tmp_path / f"roster.{fmt}", "vi")
    with (tmp_path / "roster.csv").open(encoding="utf-8-sig", newline="") as handle:
        csv_row = next(row for row in csv.reader(handle) if name in row)
    assert groups in csv_row
    book = load_workbook(tmp_path / "roster.xlsx")
    xlsx_row = next(r for r in book.worksheets[0].iter_rows(values_only=True) if name in r)
    assert groups in xlsx_row
    assert kind_word in [value for row in book.worksheets[1].iter_rows(values_only=True) for value in row]
    pdf_text = "".join(
        "".join(page.extract_text().split()) for page in PdfReader(tmp_path / "roster.pdf").pages
    )
    assert "".join(groups.split()) in pdf_text and "".join(kind_word.split()) in pdf_text

    # The command line.
    listed = run_cli("sessions", "list", data_dir=data_dir)
    assert listed.returncode == 0, listed.stderr
    assert kind_word in listed.stdout

    # The window: the Learners table and the Sessions list.
    application = Application(QApplication.instance(), lang_override="vi")
    qtbot.addWidget(application.window)
    try:
        application.start()
        qtbot.waitUntil(lambda: application.store.is_open, timeout=WAIT)
        learners = application.window.learners
        with qtbot.waitSignal(learners.searched, timeout=WAIT):
            application.window.show_page(learners)
        with qtbot.waitSignal(learners.searched, timeout=WAIT):
            learners.search_box.setText(name)
        model = learners.model
        qtbot.waitUntil(lambda: model.rowCount() > 0 and model.data(model.index(0, 0)) == name, timeout=WAIT)
        shown = [
            model.data(model.index(0, c), Qt.ItemDataRole.DisplayRole) for c in range(model.columnCount())
        ]
        assert groups in shown

        sessions = application.window.sessions
        application.window.show_page(sessions)
        qtbot.waitUntil(lambda: sessions.model.rowCount() > 0, timeout=WAIT)
        kinds = {
            str(sessions.model.data(sessions.model.index(row, 0))) for row in range(sessions.model.rowCount())
        }
        assert any(kind_word in text for text in kinds), kinds
    finally:
        application.shutdown()
