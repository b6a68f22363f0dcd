"""The list of sessions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from volunteer_kit.core.vocab import SESSION_KINDS
from volunteer_kit.ui.labels import label
from volunteer_kit.ui.sessions.texts import place_text, when

AnyIndex = QModelIndex | QPersistentModelIndex


class SessionsModel(QAbstractListModel):
    """The sessions of a search, newest first, two lines each so they read at any text size
    (a commune has hundreds of sessions, so every row is held)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []  # SessionListRow

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, session_id: str | None) -> int:
        return next((i for i, line in enumerate(self.rows) if line.session.id == session_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.rows[index.row()]
        session = line.session
        if role == Qt.ItemDataRole.DisplayRole:
            counts = (
                QCoreApplication.translate("SessionsModel", "%1/%2 present")
                .replace("%1", str(session.present_count))
                .replace("%2", str(session.attendance_count))
            )
            first = [when(session.starts_at), label(SESSION_KINDS, session.kind), counts]
            if not line.attendance_closed:
                first.append(QCoreApplication.translate("SessionsModel", "● open"))
            second = " — ".join(p for p in (line.pack_title, place_text(session.place, session.hamlet)) if p)
            return " · ".join(first) + "\n" + second
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                QCoreApplication.translate("SessionsModel", "Attendance is closed")
                if line.attendance_closed
                else QCoreApplication.translate("SessionsModel", "Attendance is still open")
            )
        if role == Qt.ItemDataRole.FontRole and not line.attendance_closed:
            font = QFont(QApplication.font())
            font.setBold(True)
            return font
        return None
