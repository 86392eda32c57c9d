"""Small building blocks: inline field errors, date pickers, optional dates, the banner."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.errors import ui_text

DATE_DISPLAY = "d MMMM yyyy"


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def make_date_edit(
    locale: QLocale, *, minimum: date | None = None, maximum: date | None = None
) -> QDateEdit:
    """A date field with a calendar pop-up; typing outside the range is impossible."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setLocale(locale)
    edit.calendarWidget().setLocale(locale)
    edit.setDisplayFormat(DATE_DISPLAY)
    edit.setMinimumDate(qdate(minimum or date(1900, 1, 1)))
    if maximum is not None:
        edit.setMaximumDate(qdate(maximum))
    edit.setMinimumWidth(170)
    return edit


class OptionalDate(QWidget):
    """A date that may be unknown: a check box switches the date field on."""

    changed = Signal()

    def __init__(
        self,
        locale: QLocale,
        check_text: str,
        *,
        minimum: date | None = None,
        maximum: date | None = None,
    ) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(check_text)
        self.edit = make_date_edit(locale, minimum=minimum, maximum=maximum)
        self.edit.setEnabled(False)
        if maximum is not None:
            self.edit.setDate(qdate(maximum))
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self.changed)
        self.setFocusProxy(self.check)

    def value(self) -> date | None:
        return pydate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(qdate(value))


def error_label() -> QLabel:
    label = QLabel()
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def with_error(widget: QWidget, label: QLabel) -> QWidget:
    """The field with its (hidden) error line right below it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(label)
    return box


class FieldErrors:
    """Shows validation messages next to the fields they belong to (red text + description)."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add(self, name: str, widget: QWidget, label: QLabel) -> None:
        self._fields[name] = (widget, label)

    def clear(self) -> None:
        for widget, label in self._fields.values():
            label.clear()
            label.hide()
            self._mark(widget, False)
            widget.setAccessibleDescription("")

    def show(self, errors: dict[str, str]) -> dict[str, str]:
        """Show each message at its field; returns the messages that have no field here."""
        self.clear()
        unplaced: dict[str, str] = {}
        first: QWidget | None = None
        errors = {name: ui_text(message) for name, message in errors.items()}
        for name, message in errors.items():
            entry = self._fields.get(name)
            if entry is None:
                unplaced[name] = message
                continue
            widget, label = entry
            label.setText(message)
            label.show()
            self._mark(widget, True)
            widget.setAccessibleDescription(message)
            first = first or widget
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return unplaced

    def message(self, name: str) -> str:
        entry = self._fields.get(name)
        return "" if entry is None or entry[1].isHidden() else entry[1].text()

    @staticmethod
    def _mark(widget: QWidget, invalid: bool) -> None:
        targets = [widget]
        if isinstance(widget, OptionalDate):
            targets.append(widget.edit)
        for target in targets:
            target.setProperty("invalid", invalid)
            target.style().unpolish(target)
            target.style().polish(target)


class Banner(QFrame):
    """A calm, non-modal message strip at the top of a window, with a close button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        self.icon = QLabel()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        close = QToolButton()
        close.setText("×")
        close.setAutoRaise(True)
        close.setAccessibleName(self.tr("Hide this message"))
        close.setToolTip(self.tr("Hide this message"))
        close.clicked.connect(self.hide)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(close)
        self.hide()

    def show_message(self, text: str, *, level: str = "warning") -> None:
        self.text.setText(text)
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()


def list_and_editor(dialog: QDialog, left: QWidget, right: QWidget, sizes: list[int]) -> None:
    """The frame of a dialog that edits a list of things: list | editor, and Close below."""
    splitter = QSplitter()
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setSizes(sizes)
    close = QPushButton(QCoreApplication.translate("ListAndEditor", "Close"))
    close.clicked.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(splitter, 1)
    layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
