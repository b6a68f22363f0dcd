"""Guards against Qt binding releases with bugs that crash a long session."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(int)


def test_emitting_signals_keeps_reference_counts(qapp) -> None:
    # PySide6 6.12.0 returned True from emit() without a reference: every emit took one from
    # True, and after a long scroll through the Learners page the process aborted.
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for n in range(200):
        emitter.fired.emit(n)
    assert sys.getrefcount(True) - before >= -5
