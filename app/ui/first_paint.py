"""A measuring hook: exit once the overview has painted its rows (start-up benchmarks only).

With ``PRIVACY_DESK_EXIT_AFTER_PAINT=1`` in the environment, ``run_gui`` shows the deadline
overview first and, at the first paint of its rows, prints ``first-paint cpu=<s> wall=<s>``
(process CPU time from process start, all threads) and quits. Nothing else reads it.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

ENV: str = "PRIVACY_DESK_EXIT_AFTER_PAINT"


def wanted() -> bool:
    return os.environ.get(ENV) == "1"


class _ExitAfterPaint(QObject):
    def __init__(self, tree: QObject, ready: object) -> None:
        super().__init__(tree)
        self._ready = ready
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint and self._ready():  # type: ignore[operator]
            self._done = True
            cpu = time.process_time()
            wall = time.time() - _process_start()
            sys.stdout.write(f"first-paint cpu={cpu:.4f} wall={wall:.4f}\n")
            sys.stdout.flush()
            QTimer.singleShot(0, QCoreApplication.quit)
        return False


def _process_start() -> float:
    """The process's start time (Linux: /proc), else this module's import time."""
    try:
        with open(f"/proc/{os.getpid()}/stat") as handle:
            ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/stat") as handle:
            boot = next(int(line.split()[1]) for line in handle if line.startswith("btime"))
        return boot + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return _IMPORTED


_IMPORTED = time.time()


class _AfterPaint(QObject):
    def __init__(self, widget: QObject, callback: object) -> None:
        super().__init__(widget)
        self._callback = callback
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)  # type: ignore[call-overload]
        return False


def after_first_paint(widget: QObject, callback: object) -> None:
    """Run ``callback`` on the GUI thread once ``widget`` has been painted the first time.

    Start-up work the officer does not wait for (the audit trail check) starts here, so the
    window shows first; the work itself runs off the GUI thread."""
    widget.installEventFilter(_AfterPaint(widget, callback))


def install(window: object) -> None:
    """Show the overview page and quit after its rows have been painted."""
    overview = window.overview  # type: ignore[attr-defined]
    window.tabs.setCurrentWidget(overview)  # type: ignore[attr-defined]
    tree = overview.tree
    viewport = tree.viewport()
    viewport.installEventFilter(_ExitAfterPaint(viewport, lambda: tree.topLevelItemCount() > 0))
