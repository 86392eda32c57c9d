"""Background operations on QThreadPool: late progress dialog, cancel, GUI-thread callbacks."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.core.errors import Cancelled
from app.core.progress import Progress
from app.ui.errors import ErrorReporter

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 500

Work = Callable[[Progress], Any]


class _Signals(QObject):
    """Lives in the GUI thread; emitting from the worker queues the call to the GUI thread."""

    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, work: Work, progress: Progress, signals: _Signals) -> None:
        super().__init__()
        self._work = work
        self._progress = progress
        self._signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except Exception as exc:  # handed to the GUI thread, which reports it
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)


class Task(QObject):
    """One running operation; ``finished`` fires on the GUI thread after success or failure."""

    finished = Signal()

    def __init__(
        self,
        work: Work,
        *,
        title: str,
        parent: QWidget | None,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], bool] | None,
        reporter: ErrorReporter,
        quiet: bool = False,
    ) -> None:
        super().__init__()
        self.quiet = quiet  # a check in the background: no progress dialog
        self.title = title
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._parent = parent
        self._on_done = on_done
        self._on_error = on_error
        self._reporter = reporter
        self._signals = _Signals()
        self.progress = Progress(on_progress=self._signals.progressed.emit)
        self._signals.progressed.connect(self._show_progress)
        self._signals.succeeded.connect(self._succeeded)
        self._signals.failed.connect(self._failed)
        self.dialog: QProgressDialog | None = None
        self._fraction = 0.0
        self._message = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._open_dialog)
        self._runnable = _Runnable(work, self.progress, self._signals)
        # The window that asked may be gone when the result arrives (a closed case tab, a
        # language switch): then the callbacks, which touch its widgets, must not run.
        self.orphaned = False
        if parent is not None:
            parent.destroyed.connect(self._parent_destroyed)

    def _parent_destroyed(self) -> None:
        self.orphaned = True
        self._parent = None
        self.dialog = None  # a child of the destroyed window: gone with it
        self._timer.stop()
        self.progress.cancel()

    def start(self, pool: QThreadPool) -> None:
        if not self.quiet:
            self._timer.start(PROGRESS_DELAY_MS)
        pool.start(self._runnable)

    def cancel(self) -> None:
        self.progress.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling…"))

    def _open_dialog(self) -> None:
        if self.done:
            return
        dialog = QProgressDialog(self.title, self.tr("Cancel"), 0, 1000, self._parent)
        dialog.setWindowTitle(self.tr("Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(380)
        dialog.canceled.connect(self.cancel)
        self.dialog = dialog
        self._show_progress(self._fraction, self._message)
        dialog.show()

    def _show_progress(self, fraction: float, message: str) -> None:
        self._fraction, self._message = fraction, message
        dialog = self.dialog
        if dialog is None or self.progress.cancelled:
            return
        if message:
            dialog.setLabelText(f"{self.title}\n{message}")
        # On a window-modal dialog setValue runs the event loop: the task may finish in there
        # and close the dialog (self.dialog is then None), so nothing may follow this call.
        dialog.setValue(int(fraction * 1000))

    def _close(self) -> None:
        self.done = True
        self._timer.stop()
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _succeeded(self, result: Any) -> None:
        self._close()
        self.result = result
        try:
            if self._on_done is not None and not self.orphaned:
                self._on_done(result)
        finally:
            self._release()
            self.finished.emit()

    def _failed(self, exc: BaseException) -> None:
        self._close()
        self.error = exc
        try:
            if self.orphaned:  # nobody waits for it any more: a cancellation is expected
                if not isinstance(exc, Cancelled):
                    log.warning("task %r failed after its window closed: %s", self.title, exc)
                return
            handled = self._on_error(exc) if self._on_error is not None else False
            if not handled:
                self._reporter.report(exc, self._parent)
        finally:
            self._release()
            self.finished.emit()

    def _release(self) -> None:
        """A finished task must not keep its window or callbacks (closures) alive."""
        self._parent = None
        self._on_done = None
        self._on_error = None


class TaskRunner:
    """Starts tasks and keeps them alive until they finish (Anki-style operations)."""

    def __init__(self, reporter: ErrorReporter, pool: QThreadPool | None = None) -> None:
        self._reporter = reporter
        self._pool = pool or QThreadPool.globalInstance()
        self._running: list[Task] = []

    def run(
        self,
        work: Work,
        *,
        title: str,
        parent: QWidget | None = None,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], bool] | None = None,
        quiet: bool = False,
    ) -> Task:
        """Run ``work(progress)`` off the GUI thread; ``on_done(result)`` runs on the GUI thread.

        ``on_error`` may handle an error itself (return True); otherwise it is reported.
        ``quiet`` shows no progress dialog (a check the officer did not ask for).
        """
        task = Task(
            work,
            title=title,
            parent=parent,
            on_done=on_done,
            on_error=on_error,
            reporter=self._reporter,
            quiet=quiet,
        )
        self._running.append(task)
        task.finished.connect(lambda t=task: self._running.remove(t))
        task.start(self._pool)
        return task

    @property
    def running(self) -> list[Task]:
        return list(self._running)

    def cancel_all(self) -> None:
        for task in self._running:
            task.cancel()

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Block until the worker threads are idle (used on exit and by tests)."""
        return bool(self._pool.waitForDone(timeout_ms))
