"""The window as a volunteer uses it: pytest-qt, a real store, real worker threads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from volunteer_kit import paths
from volunteer_kit.core.text import fold
from volunteer_kit.ui.app import Application
from volunteer_kit.ui.learners_model import MAX_CACHED_PAGES, LearnersModel

WAIT = 10_000


@pytest.fixture
def app(qtbot, data_dir: Path) -> Iterator[Application]:
    qapp = QApplication.instance()
    application = Application(qapp, lang_override="vi")
    qtbot.addWidget(application.window)
    application.start()
    qtbot.waitUntil(lambda: application.store.is_open, timeout=WAIT)
    qtbot.waitUntil(lambda: application.window.today.counts is not None, timeout=WAIT)
    yield application
    application.set_text_scale(100)
    application.set_language("vi")
    application.shutdown()


@pytest.fixture
def demo_app(qtbot, demo_engine, data_dir: Path) -> Iterator[Application]:
    yield from app.__wrapped__(qtbot, data_dir)  # type: ignore[attr-defined]


def _sql(app: Application, query: str) -> object:
    import sqlite3

    conn = sqlite3.connect(paths.database_path())
    try:
        return conn.execute(query).fetchone()[0]
    finally:
        conn.close()


def test_today_shows_the_counts_of_the_store(qtbot, demo_app: Application) -> None:
    page = demo_app.window.today
    assert page.learners.value.text() == "300"
    households = _sql(demo_app, "SELECT count(*) FROM household")
    assert page.learners.detail.text() == f"thuộc {households} hộ gia đình"
    assert page.subheading.text() == "Xã/phường: Xã Bát Tràng"
    pending = sum(
        _sql(demo_app, f"SELECT count(*) FROM {t} WHERE pending = 1")  # type: ignore[misc]
        for t in (
            "volunteer",
            "household",
            "learner",
            "consent",
            "teaching_session",
            "attendance",
            "quiz_attempt",
            "skill_check",
        )
    )
    assert page.pending.value.text() == f"{pending:,}".replace(",", ".")
    assert page.last_sync.value.text() == "Chưa lần nào"
    # The status bar's count arrives on its own, just after the page's.
    qtbot.waitUntil(lambda: demo_app.window.pending_label.text() != "", timeout=WAIT)
    assert demo_app.window.pending_label.text() == f"Chờ đồng bộ: {page.pending.value.text()}"
    assert demo_app.window.connection_label.text() == "Ngoại tuyến"


def test_search_as_you_type_ignores_accents(qtbot, demo_app: Application) -> None:
    window = demo_app.window
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.learners
    assert window.current_page() is page
    qtbot.waitUntil(lambda: page.model.rowCount() == 300, timeout=WAIT)
    expected = sum(1 for name in _names(demo_app) if "nguyen thi" in fold(name))
    assert expected > 0
    page.search_box.setFocus()
    qtbot.keyClicks(page.search_box, "nguyen thi")
    qtbot.waitUntil(lambda: page.model.rowCount() == expected, timeout=WAIT)
    qtbot.waitUntil(lambda: page.model.learner_at(0) is not None, timeout=WAIT)
    shown = [page.model.index(row, 0).data() for row in range(page.model.rowCount())]
    qtbot.waitUntil(lambda: all(page.model.learner_at(r) for r in range(page.model.rowCount())), timeout=WAIT)
    shown = [page.model.index(row, 0).data() for row in range(page.model.rowCount())]
    assert all(name.startswith("Nguyễn Thị") or " Nguyễn Thị" in name for name in shown)
    assert page.count_label.text() == f"{expected} người học"


def _names(app: Application) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(paths.database_path())
    try:
        return [row[0] for row in conn.execute("SELECT full_name FROM learner")]
    finally:
        conn.close()


def test_filters_by_hamlet_and_group(qtbot, demo_app: Application) -> None:
    window = demo_app.window
    page = window.learners
    window.show_page(page)
    qtbot.waitUntil(lambda: page.hamlet_box.count() > 1, timeout=WAIT)
    page.hamlet_box.setCurrentIndex(1)
    hamlet = page.hamlet_box.currentText()
    in_hamlet = _sql(demo_app, f"SELECT count(*) FROM learner WHERE hamlet = '{hamlet}'")
    qtbot.waitUntil(lambda: page.model.rowCount() == in_hamlet, timeout=WAIT)
    page.group_box.setCurrentIndex(page.group_box.findData("elderly"))
    both = _sql(
        demo_app, f"SELECT count(*) FROM learner WHERE hamlet = '{hamlet}' AND groups LIKE '%,elderly,%'"
    )
    qtbot.waitUntil(lambda: page.model.rowCount() == both, timeout=WAIT)
    assert page.group_box.currentText() == "Người cao tuổi"


def test_choosing_a_learner_shows_their_record(qtbot, demo_app: Application) -> None:
    window = demo_app.window
    page = window.learners
    window.show_page(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 300, timeout=WAIT)
    qtbot.waitUntil(lambda: page.model.learner_at(0) is not None, timeout=WAIT)
    # The first learner who attended something.
    row = next(
        r
        for r in range(100)
        if _sql(
            demo_app, f"SELECT count(*) FROM attendance WHERE learner_id = '{page.model.learner_at(r).id}'"
        )
    )
    learner = page.model.learner_at(row)
    with qtbot.waitSignal(page.detail_shown, timeout=WAIT):
        page.table.selectRow(row)
    detail = page.detail_view
    assert detail.name.text() == learner.full_name
    attended = _sql(demo_app, f"SELECT count(*) FROM attendance WHERE learner_id = '{learner.id}'")
    attempts = _sql(demo_app, f"SELECT count(*) FROM quiz_attempt WHERE learner_id = '{learner.id}'")
    assert detail.sessions.count() == attended
    titles = {
        "Sử dụng VNeID",
        "Dịch vụ công trực tuyến",
        "Thanh toán không dùng tiền mặt",
        "Tự bảo vệ trên không gian mạng",
        "Mua sắm trực tuyến an toàn",
        "Trí tuệ nhân tạo trong đời sống",
        "Làm quen với điện thoại thông minh",
    }
    for item in range(detail.sessions.count()):
        assert any(title in detail.sessions.item(item).text() for title in titles)
    assert detail.sessions_title.text() == f"Buổi học ({attended})"
    assert detail.attempts.count() == attempts
    assert "đã đồng ý" in detail.fact_values[4].text()
    # Progress per pack they began, and the competencies those packs build.
    assert detail.progress_title.text() == "Tiến độ"
    progress = detail.progress_text.text()
    assert "bài ·" in progress and "Năng lực:" in progress
    assert any(code in progress for code in ("NLS-", "HH-"))


def test_learners_model_passes_the_model_tester(qtbot, qtmodeltester, demo_app: Application) -> None:
    page = demo_app.window.learners
    demo_app.window.show_page(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 300, timeout=WAIT)
    qtbot.waitUntil(
        lambda: page.model.learner_at(299) is not None or page.model.cached_pages() > 0, timeout=WAIT
    )
    qtmodeltester.check(page.model, force_py=True)


def test_model_keeps_only_a_bounded_number_of_pages() -> None:
    fetched: list[list[int]] = []

    def fetch(rowids, on_done):  # answers at once, like an instant store
        from volunteer_kit.core.records import LearnerRow

        fetched.append(list(rowids))
        on_done([LearnerRow(r, str(r), f"Người {r}", 1950, "female", "Thôn A", (), None) for r in rowids])

    model = LearnersModel(fetch)
    model.set_rowids(list(range(1, 20_001)))
    for row in range(0, 20_000, 50):
        model.index(row, 0).data()  # the first look asks for the page; this store answers at once
        assert model.index(row, 0).data() == f"Người {row + 1}"
    assert model.cached_pages() <= MAX_CACHED_PAGES
    assert len(fetched) == 200  # each page fetched once while scrolling down


def test_larger_text_scales_the_whole_window(qtbot, app: Application) -> None:
    settings_page = app.window.settings_page
    app.window.show_page(settings_page)
    base = QApplication.font().pointSizeF()
    heading = app.window.today.heading.font().pointSizeF()
    label_before = settings_page.name_label.fontInfo().pointSizeF()
    settings_page.scale_box.setCurrentIndex(settings_page.scale_box.findData(200))
    assert QApplication.font().pointSizeF() == pytest.approx(base * 2)
    assert app.window.today.heading.font().pointSizeF() == pytest.approx(heading * 2)
    assert settings_page.name_label.fontInfo().pointSizeF() > label_before * 1.8
    assert '"text_scale": 200' in (paths.data_dir() / "settings.json").read_text()


def test_switching_to_english_retranslates_every_page(qtbot, app: Application) -> None:
    settings_page = app.window.settings_page
    nav = lambda: [app.window.navigation.item(i).text() for i in range(app.window.navigation.count())]  # noqa: E731
    settings_page.language_box.setCurrentIndex(settings_page.language_box.findData("en"))
    english = [
        "Today",
        "Households",
        "Learners",
        "Sessions",
        "Certificates",
        "Reports",
        "Lessons",
        "Sync",
        "Settings",
        "Commune admin",  # an officer's page: hidden on this laptop, translated all the same
    ]
    qtbot.waitUntil(lambda: nav() == english, timeout=WAIT)
    assert app.window.learners.search_label.text() == "&Search:"
    assert app.window.learners.model.headerData(0, Qt.Orientation.Horizontal) == "Full name"
    assert app.window.today.learners.caption.text() == "Learners registered"
    settings_page.language_box.setCurrentIndex(settings_page.language_box.findData("vi"))
    vietnamese = [
        "Hôm nay",
        "Hộ gia đình",
        "Người học",
        "Buổi học",
        "Giấy chứng nhận",
        "Báo cáo",
        "Bài học",
        "Đồng bộ",
        "Cài đặt",
        "Quản lý xã",
    ]
    qtbot.waitUntil(lambda: nav() == vietnamese, timeout=WAIT)


def test_saving_the_profile_stores_a_volunteer(qtbot, app: Application) -> None:
    import unicodedata

    page = app.window.settings_page
    app.window.show_page(page)
    page.name_edit.clear()
    # A macOS-style keyboard commits decomposed text (NFD); an input method inserts it whole.
    page.name_edit.insert(unicodedata.normalize("NFD", "Nguyễn Thị Thu  Trang"))
    with qtbot.waitSignal(page.profile_saved, timeout=WAIT):
        qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    assert _sql(app, "SELECT full_name FROM volunteer WHERE is_me = 1") == "Nguyễn Thị Thu Trang"
    assert _sql(app, "SELECT role FROM volunteer WHERE is_me = 1") == "volunteer"  # not enrolled
    assert page.status.text() == "Đã lưu."


def test_profile_with_a_bad_phone_is_not_saved(qtbot, app: Application) -> None:
    page = app.window.settings_page
    page.name_edit.setText("Lê Văn Hùng")
    page.phone_edit.setText("call me")
    page.save_button.click()
    assert page.status.text() == "Số điện thoại gồm 10 chữ số, ví dụ 0912345678."
    assert _sql(app, "SELECT count(*) FROM volunteer") == 0


def test_withdrawing_consent_from_the_record(
    qtbot, demo_app: Application, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = demo_app.window.learners
    demo_app.window.show_page(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 300, timeout=WAIT)
    qtbot.waitUntil(lambda: page.model.learner_at(0) is not None, timeout=WAIT)
    learner = page.model.learner_at(0)
    with qtbot.waitSignal(page.detail_shown, timeout=WAIT):
        page.table.selectRow(0)
    assert page.detail_view.withdraw_button.isVisible()
    monkeypatch.setattr(page, "confirm_withdrawal", lambda name: False)
    page.detail_view.withdraw_button.click()
    assert _sql(demo_app, f"SELECT anonymized FROM learner WHERE id = '{learner.id}'") == 0
    monkeypatch.setattr(page, "confirm_withdrawal", lambda name: True)
    with qtbot.waitSignal(page.consent_withdrawn, timeout=WAIT):
        page.detail_view.withdraw_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 299, timeout=WAIT)
    assert _sql(demo_app, f"SELECT full_name FROM learner WHERE id = '{learner.id}'") == ""
    assert learner.full_name in page.status.text() and "đã được xóa" in page.status.text()


def test_an_empty_today_says_why_and_leads_to_the_work(qtbot, app: Application) -> None:
    """A new laptop has nothing to do yet: each list says so in a sentence and opens the page where
    the work that fills it is done — no white box."""
    page = app.window.today
    app.window.show()
    qtbot.waitUntil(lambda: page.todo is not None, timeout=WAIT)
    expected = (
        (page.open_sessions, "Không có buổi học nào chờ điểm danh", "Dạy bài…", app.window.lessons),
        (
            page.unvisited,
            "Máy này chưa đăng ký hộ gia đình nào.",
            "Mở trang Hộ gia đình",
            app.window.households,
        ),
        (page.one_short, "Máy này chưa đăng ký người học nào.", "Mở trang Người học", app.window.learners),
    )
    for box, sentence, action, _target in expected:
        assert not box.items.isVisible() and box.empty.isVisible(), box.title()
        assert sentence in box.empty.text.text()
        assert box.empty.button.isVisible() and box.empty.button.text() == action
    for box, _sentence, _action, target in expected:
        app.window.show_page(page)
        box.empty.button.click()
        assert app.window.current_page() is target, box.title()


def test_a_busy_today_lists_the_work_not_an_empty_state(qtbot, demo_app: Application) -> None:
    page = demo_app.window.today
    demo_app.window.show()
    qtbot.waitUntil(lambda: page.todo is not None, timeout=WAIT)
    assert page.unvisited.items.isVisible() and page.unvisited.items.count() > 0
    assert not page.unvisited.empty.isVisible()
