"""Turning errors into messages: known problems get a plain sentence, bugs a crash dialog.

As in Picard and qutebrowser: the previous hook is restored while handling, so an
error inside the handler cannot recurse; every error is logged first.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from volunteer_kit import paths
from volunteer_kit.errors import KnownError, translate_database_error

log = logging.getLogger("volunteer_kit.ui.crash")

# Tests and the smoke test set this: errors are logged and re-raised, never shown in dialogs.
NO_DIALOGS_ENV = "VOLUNTEER_KIT_NO_DIALOGS"


def tr(text: str) -> str:
    return QCoreApplication.translate("Crash", text)


def as_known(error: BaseException) -> KnownError | None:
    if isinstance(error, KnownError):
        return error
    return translate_database_error(getattr(error, "orig", None) or error, paths.database_path())


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Show an error raised by background work: plain words if known, a crash dialog if not."""
    known = as_known(error)
    if known is not None:
        log.warning("known problem: %s", known.en)
        if not os.environ.get(NO_DIALOGS_ENV):
            QMessageBox.warning(parent, tr("Cannot continue"), known.message())
        return
    report_crash(type(error), error, error.__traceback__, parent)


def report_crash(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, parent: QWidget | None = None
) -> None:
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("unexpected error:\n%s", details)
    if os.environ.get(NO_DIALOGS_ENV) or QApplication.instance() is None:
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(tr("Unexpected error"))
    box.setText(
        tr(
            "Something went wrong inside Volunteer Kit. Your saved records are safe.\n"
            "Please copy the details below and send them to your IT contact."
        )
    )
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def install_excepthook() -> None:
    previous = sys.excepthook

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        sys.excepthook = previous  # an error while reporting must not loop
        try:
            known = as_known(exc)
            if known is not None:
                show_error(None, known)
            else:
                report_crash(exc_type, exc, tb)
        finally:
            sys.excepthook = hook

    sys.excepthook = hook
