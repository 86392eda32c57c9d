"""A termination signal that arrives while the window is still being built is not lost."""

from __future__ import annotations

import os
import signal
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.ui.app import _quit_on_termination


def test_a_signal_before_the_event_loop_runs_still_ends_it(qapp: QApplication) -> None:
    saved = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
    guard = QTimer()
    guard.setSingleShot(True)
    expired: list[bool] = []
    guard.timeout.connect(lambda: (expired.append(True), qapp.exit(99)))
    try:
        _quit_on_termination(qapp)
        os.kill(os.getpid(), signal.SIGTERM)  # the handler runs now, before exec()
        time.sleep(0.05)
        guard.start(10_000)
        code = qapp.exec()
    finally:
        guard.stop()
        for signum, handler in saved.items():
            signal.signal(signum, handler)
    assert not expired, "the event loop kept running after SIGTERM"
    assert code == 0
