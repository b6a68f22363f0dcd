"""The pages of the main window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget


class Page(QWidget):
    """A page: it sets its texts in retranslate() and reloads its data in refresh()."""

    # Asks the window to show another page, by its name in ui/main_window.PAGES (an empty state's way
    # forward: "enroll this laptop" opens Sync).
    open_page = Signal(str)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        """Reload what the page shows from the store (called when shown and after changes)."""
