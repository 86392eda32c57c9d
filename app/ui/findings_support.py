"""Labels, colours and the background search job of the Systems tab (``findings_tab``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QTreeWidgetItem

from app.services.searches import SystemResult

FINDING_ROLE = Qt.ItemDataRole.UserRole
GREEN, AMBER, GREY, RED = "#1d5e36", "#7a4a00", "#4a5461", "#a4161a"
STRENGTH_COLOURS = {"strong": GREEN, "weak": AMBER, "not_attributable": GREY}
REVIEW_COLOURS = {"confirmed": GREEN, "pending": AMBER, "rejected": GREY}
STATUS_COLOURS = {
    "ok": GREEN,
    "failed": RED,
    "manual_pending": AMBER,
    "cancelled": GREY,
    "reading": AMBER,
}


def strength_labels() -> dict[str, str]:
    return {
        "strong": QCoreApplication.translate("Findings", "strong match"),
        "weak": QCoreApplication.translate("Findings", "weak match – review"),
        "not_attributable": QCoreApplication.translate("Findings", "not attributable"),
    }


def review_labels() -> dict[str, str]:
    return {
        "confirmed": QCoreApplication.translate("Findings", "confirmed"),
        "pending": QCoreApplication.translate("Findings", "to review"),
        "rejected": QCoreApplication.translate("Findings", "rejected"),
    }


def run_status_labels() -> dict[str, str]:
    return {
        "waiting": QCoreApplication.translate("Findings", "waiting"),
        "running": QCoreApplication.translate("Findings", "searching"),
        "ok": QCoreApplication.translate("Findings", "ok"),
        "failed": QCoreApplication.translate("Findings", "failed"),
        "manual_pending": QCoreApplication.translate("Findings", "manual check"),
        "cancelled": QCoreApplication.translate("Findings", "cancelled"),
        "reading": QCoreApplication.translate("Findings", "scans being read"),
    }


def paint(item: QTreeWidgetItem, column: int, colour: str, bold: bool = False) -> None:
    item.setForeground(column, QBrush(QColor(colour)))
    if bold:
        font = QFont(item.font(column))
        font.setBold(True)
        item.setFont(column, font)


class SearchSignals(QObject):
    """Lives in the GUI thread: emitting from a connector thread queues the call to it."""

    progressed = Signal(str, float, str)
    finished = Signal(object)
    failed = Signal(object)


class SearchJob(QRunnable):
    def __init__(self, work: Callable[[], list[SystemResult]], signals: SearchSignals) -> None:
        super().__init__()
        self._work = work
        self._signals = signals

    def run(self) -> None:
        try:
            results = self._work()
        except Exception as exc:  # handed to the GUI thread, which shows or reports it
            self._signals.failed.emit(exc)
        else:
            self._signals.finished.emit(results)
