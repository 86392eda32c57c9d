"""Background operations and error presentation (user errors, cancellation, bugs)."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from app.core.errors import UserError
from app.ui.errors import ErrorDialog


def test_work_runs_off_the_gui_thread_and_the_callback_on_it(qtbot, ctx) -> None:
    threads: dict[str, object] = {}

    def work(progress):
        threads["work"] = QThread.currentThread()
        progress.report(0.5, "half way")
        return 42

    results: list[int] = []

    def done(value: int) -> None:
        threads["done"] = QThread.currentThread()
        results.append(value)

    task = ctx.tasks.run(work, title="Counting", on_done=done)
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert results == [42]
    gui = QApplication.instance().thread()
    assert threads["done"] is gui and threads["work"] is not gui
    assert task.dialog is None  # quick work never shows a progress dialog


def test_slow_work_shows_progress_after_half_a_second_and_can_be_cancelled(qtbot, ctx) -> None:
    def work(progress):
        for step in range(1000):
            progress.report(step / 1000, f"step {step}")
            time.sleep(0.01)
        return "finished"

    done: list[str] = []
    task = ctx.tasks.run(work, title="Slow work", on_done=done.append)
    qtbot.wait(200)
    assert task.dialog is None
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=3000)
    cancel = task.dialog.findChild(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert done == []
    assert type(task.error).__name__ == "Cancelled"
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox | ErrorDialog) and w.isVisible()]  # fmt: skip


def test_a_user_error_is_shown_as_a_plain_message(qtbot, ctx) -> None:
    def work(progress):
        raise UserError("The folder is read-only. Choose another folder.")

    task = ctx.tasks.run(work, title="Export")
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.isVisible()]  # fmt: skip
    assert [b.text() for b in boxes] == ["The folder is read-only. Choose another folder."]
    for box in boxes:
        box.close()


def test_a_bug_is_logged_and_shown_with_details_and_the_log_path(qtbot, ctx, caplog) -> None:
    def work(progress):
        raise KeyError("unexpected-key")

    task = ctx.tasks.run(work, title="Export")
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, ErrorDialog) and w.isVisible()]  # fmt: skip
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert "KeyError" in dialog.details.toPlainText()
    assert "Traceback" in dialog.details.toPlainText()
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(str(ctx.reporter.log_path) in text for text in texts)
    dialog.copy_details()
    assert "KeyError" in QApplication.clipboard().text()
    assert any("unexpected KeyError" in r.getMessage() for r in caplog.records)
    dialog.close()


def test_a_result_for_a_closed_window_is_dropped_not_crashed_on(qtbot, ctx) -> None:
    import threading

    from PySide6.QtWidgets import QWidget

    release = threading.Event()

    def work(progress):
        release.wait(5)
        return b"%PDF-"

    window = QWidget()
    label = QLabel(window)
    shown: list[bytes] = []

    def done(data: bytes) -> None:  # touches a widget of the window, like a preview does
        label.setText("rendered")
        shown.append(data)

    task = ctx.tasks.run(work, title="Rendering", parent=window, on_done=done)
    window.deleteLater()  # the case tab is closed, or the language switched, meanwhile
    qtbot.waitUntil(lambda: task.orphaned, timeout=2000)
    release.set()
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert shown == [] and task.result == b"%PDF-"
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox | ErrorDialog) and w.isVisible()]  # fmt: skip


def test_success_while_the_modal_progress_dialog_runs_the_event_loop(qtbot, ctx) -> None:
    """setValue on a window-modal QProgressDialog processes events: the success arrives inside it
    and closes the dialog; the progress update must not touch the closed dialog afterwards."""
    import threading

    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    dialog_open = threading.Event()
    done: list[str] = []

    def work(progress):
        assert dialog_open.wait(10)
        # Queued in this order while the GUI thread waits. QProgressDialog.setValue runs the
        # event loop once the dialog was shown by setValue (the first update here), so the
        # second update's setValue delivers the success, which closes the dialog.
        progress.report(0.5, "half way")
        progress.report(0.9, "almost there")
        return "report.pdf"

    task = ctx.tasks.run(work, title="Yearly report", parent=window, on_done=done.append)
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=3000)
    dialog_open.set()
    assert ctx.tasks.wait(5000)  # the GUI thread waits: both signals are queued, in order
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert done == ["report.pdf"] and task.dialog is None and task.error is None
