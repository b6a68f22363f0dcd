"""One visual language: one accent across the app, filled main actions, line icons that grow with
the text size, charts whose labels are drawn whole (issue 16)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from tests.conftest import _running_app, make_officer
from volunteer_kit.ui import theme
from volunteer_kit.ui.app import Application
from volunteer_kit.ui.main_window import PAGES
from volunteer_kit.ui.pages.report_figures import BarChart

WAIT = 20_000
LONG = "Làm quen với điện thoại thông minh"  # elided to 'Làm quen với điện thoại th…' before


def _close(a: QColor, b: QColor, within: int = 6) -> bool:
    return all(abs(x - y) <= within for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


@pytest.fixture
def officer_app(qtbot, demo_engine, data_dir: Path) -> Iterator[Application]:
    make_officer(demo_engine)
    yield from _running_app(qtbot, data_dir)


def test_the_accent_is_the_applications_selection_link_and_focus_colour(app: Application) -> None:
    palette = QApplication.palette()
    accent = QColor(theme.ACCENT)
    for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.Link, QPalette.ColorRole.Accent):
        assert palette.color(QPalette.ColorGroup.Active, role) == accent, role
        assert palette.color(QPalette.ColorGroup.Inactive, role) == accent, role
    # The navigation's current page is the same accent (it was the flag's red beside a blue selection).
    navigation = app.window.navigation.palette()
    assert navigation.color(QPalette.ColorRole.Highlight) == accent
    # Exactly one of each: danger, success and muted are other colours than the accent.
    assert len({theme.ACCENT, theme.DANGER, theme.SUCCESS, theme.MUTED}) == 4


def _face(button: QPushButton) -> QColor:
    """The colour of most of the button's pixels as drawn: its face (the text and edges are few)."""
    image = button.grab().toImage()
    counts = Counter(
        image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
    )
    return QColor.fromRgba(counts.most_common(1)[0][0])


@pytest.mark.parametrize("scale", [100, 200])
def test_the_main_action_of_a_page_is_drawn_filled_with_the_accent(
    qtbot, app: Application, scale: int
) -> None:
    app.set_text_scale(scale)
    page = app.window.settings_page
    app.window.show_page(page)
    button = page.save_button
    qtbot.waitUntil(button.isVisible, timeout=WAIT)
    button.setEnabled(True)
    assert _close(_face(button), QColor(theme.ACCENT)), _face(button).name()
    # Its text follows the text size like every other button's: only the weight is its own.
    assert button.font().bold()
    assert button.font().pointSizeF() == pytest.approx(QApplication.font().pointSizeF())
    # A button that is not a main action keeps the style's own face.
    plain = QPushButton("Xem trước")
    qtbot.addWidget(plain)
    plain.resize(button.size())
    assert not _close(_face(plain), QColor(theme.ACCENT), within=40)


def test_a_destructive_action_is_drawn_filled_with_the_danger_colour(qtbot, app: Application) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    button = theme.danger(QPushButton("Thu hồi…", holder))
    button.resize(button.sizeHint())
    assert _close(_face(button), QColor(theme.DANGER)), _face(button).name()


def test_each_page_has_one_main_action(qtbot, officer_app: Application) -> None:
    found = {}
    for page in officer_app.window.pages:
        primaries = [b for b in page.findChildren(QPushButton) if theme.role(b) == theme.PRIMARY]
        found[type(page).__name__] = len(primaries)
        assert len(primaries) <= 1, (type(page).__name__, [b.text() for b in primaries])
    for name in ("LessonsPage", "CertificatesPage", "ReportsPage", "SyncPage", "SettingsPage"):
        assert found[name] == 1, name


def test_navigation_icons_are_drawn_and_grow_with_the_text_size(app: Application) -> None:
    navigation = app.window.navigation
    sizes = {}
    for scale in (100, 200):
        app.set_text_scale(scale)
        side = navigation.iconSize().width()
        assert side >= navigation.fontMetrics().height(), "an icon at least one line of text tall"
        for row in range(len(PAGES)):
            icon = navigation.item(row).icon()
            assert not icon.isNull(), PAGES[row].name
            pixmap = icon.pixmap(navigation.iconSize())
            assert not pixmap.isNull()
            assert pixmap.deviceIndependentSize().width() == side
            # Drawn in the text's colour, white when its row is the current page.
            selected = icon.pixmap(navigation.iconSize(), QIcon.Mode.Selected).toImage()
            assert any(
                selected.pixelColor(x, y).alpha() > 200 and selected.pixelColor(x, y).lightness() > 240
                for x in range(selected.width())
                for y in range(selected.height())
            )
        sizes[scale] = side
    assert sizes[200] >= sizes[100] * 1.8


def test_every_navigation_icon_is_a_24_pixel_line_svg_in_the_bundle() -> None:
    root = Path(__file__).resolve().parent.parent
    spec = (root / "build.spec").read_text(encoding="utf-8")
    assert '("resources/icons/*.svg", "resources/icons")' in spec
    assert '"PySide6.QtSvg"' in spec
    for entry in PAGES:
        svg = (root / "resources" / "icons" / f"{entry.icon}.svg").read_text(encoding="utf-8")
        assert 'viewBox="0 0 24 24"' in svg and 'stroke="currentColor"' in svg, entry.icon


def test_a_long_chart_label_is_wrapped_whole_not_elided(qtbot, app: Application) -> None:
    chart = BarChart("packs")
    qtbot.addWidget(chart)
    labels = ["Dịch vụ công trực tuyến", LONG, "Sử dụng VNeID"]
    chart.set_data("", labels, [4, 4, 7], "—")
    width = chart.fontMetrics().averageCharWidth() * 40  # a third of the page at 100 %
    chart.resize(width, chart.heightForWidth(width))
    rows = chart.label_rows()
    assert [" ".join(lines) for lines in rows] == labels
    assert 2 <= len(rows[1]) <= 3
    assert not any("…" in line for lines in rows for line in lines)
    # The chart is as tall as its wrapped labels need.
    one_line = BarChart("packs")
    qtbot.addWidget(one_line)
    one_line.set_data("", ["Sử dụng VNeID"] * 3, [4, 4, 7], "—")
    assert chart.heightForWidth(width) > one_line.heightForWidth(width)


def test_a_chart_title_says_what_it_counts_and_its_unit(qtbot, app: Application) -> None:
    titles = {}
    for key in ("weeks", "packs", "groups"):
        chart = BarChart(key)
        qtbot.addWidget(chart)
        chart.set_data("Buổi học và người học theo tuần", ["a"], [1], "—")
        titles[key] = chart.shown_title()
        assert chart.accessibleName() == titles[key]
    assert titles == {
        "weeks": "Người học có mặt, theo tuần (người)",
        "packs": "Lượt bài đã dạy, theo gói bài học (lượt bài)",
        "groups": "Người được hướng dẫn, theo nhóm (người)",
    }
    # At 200 % in a narrow column the title wraps rather than being cut.
    app.set_text_scale(200)
    chart = BarChart("packs")
    qtbot.addWidget(chart)
    chart.set_data("", ["a"], [1], "—")
    lines = chart.title_lines(chart.fontMetrics().averageCharWidth() * 24)
    assert len(lines) >= 2 and " ".join(lines) == titles["packs"]


def test_the_reports_page_draws_its_charts_in_the_accent(qtbot, officer_app: Application) -> None:
    page = officer_app.window.reports
    with qtbot.waitSignal(page.shown, timeout=WAIT):
        officer_app.window.show_page(page)
    chart = page.charts["packs"]
    assert chart.key == "packs" and chart.labels
    assert chart.palette().color(QPalette.ColorRole.Highlight) == QColor(theme.ACCENT)
    assert [" ".join(lines) for lines in chart.label_rows()] == chart.labels
