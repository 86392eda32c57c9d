"""Why kept data is kept: an Art. 17(3) ground with statute, event and period, or its expiry."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError, ValidationError
from app.core.kept_data import ART17_3_GROUNDS, EXPIRES, KEEP_EVENT_LABEL, KeepDecision
from app.services.changes import ActionInfo
from app.services.kept_data import record_keep_decision
from app.ui.context import UiContext
from app.ui.errors import user_message
from app.ui.widgets import error_label


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class KeepReasonDialog(QDialog):
    """Records why one kept item (or every kept item of its system) is kept; audited."""

    def __init__(
        self, ctx: UiContext, reference: str, action: ActionInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reference = reference
        self.action = action
        self.setWindowTitle(self.tr("Why is this data kept?"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "Only an exception of Art. 17(3) GDPR allows keeping data after an erasure "
                "request. Data that deletes itself (log lines) is no refusal: give the date."
            )
        )
        intro.setWordWrap(True)
        self.ground = QComboBox()
        names = {
            "a": self.tr("(a) freedom of expression and information"),
            "b": self.tr("(b) a legal obligation"),
            "c": self.tr("(c) public health"),
            "d": self.tr("(d) archiving, research or statistics"),
            "e": self.tr("(e) legal claims"),
        }
        for code in ART17_3_GROUNDS:
            self.ground.addItem(names[code], code)
        self.ground.addItem(self.tr("no ground: the data deletes itself on a date"), EXPIRES)
        self.ground.setCurrentIndex(self.ground.findData(action.keep_ground or "b"))
        self.statute = QLineEdit(action.keep_statute)
        self.statute.setPlaceholderText(
            self.tr("e.g. art. 52 Algemene wet inzake rijksbelastingen")
        )
        self.event_box = QComboBox()
        self.event_box.setEditable(True)
        for code, text in KEEP_EVENT_LABEL[ctx.lang].items():
            self.event_box.addItem(text, code)
        if action.keep_event:
            found = self.event_box.findData(action.keep_event)
            if found >= 0:
                self.event_box.setCurrentIndex(found)
            else:
                self.event_box.setEditText(action.keep_event)
        today = ctx.today()
        self.event_on = QDateEdit(_qdate(action.keep_event_on or today))
        self.event_on.setCalendarPopup(True)
        self.event_on.setDisplayFormat("d-M-yyyy")
        self.period = QLineEdit(action.keep_period)
        self.period.setPlaceholderText(self.tr("e.g. 7 years, 6 months, 90 days"))
        self.expires_on = QDateEdit(_qdate(action.keep_until or today))
        self.expires_on.setCalendarPopup(True)
        self.expires_on.setDisplayFormat("d-M-yyyy")
        self.whole_system = QCheckBox(self.tr("Every kept item of %1").replace("%1", action.system))
        form = QFormLayout()
        form.addRow(self.tr("&Ground:"), self.ground)
        form.addRow(self.tr("&Statute:"), self.statute)
        form.addRow(self.tr("Period runs from (&event):"), self.event_box)
        form.addRow(self.tr("Date of the e&vent:"), self.event_on)
        form.addRow(self.tr("&Period:"), self.period)
        form.addRow(self.tr("Deleted by itself &on:"), self.expires_on)
        form.addRow("", self.whole_system)
        self.error = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.ground.currentIndexChanged.connect(self._ground_changed)
        self._ground_changed()

    def _ground_changed(self) -> None:
        expires = self.ground.currentData() == EXPIRES
        for widget in (self.statute, self.event_box, self.event_on, self.period):
            widget.setEnabled(not expires)
        self.expires_on.setEnabled(expires)

    def decision(self) -> KeepDecision:
        ground = str(self.ground.currentData())
        if ground == EXPIRES:
            return KeepDecision(EXPIRES, expires_on=_pydate(self.expires_on.date()))
        index = self.event_box.findText(self.event_box.currentText())
        event = str(self.event_box.itemData(index)) if index >= 0 else self.event_box.currentText()
        return KeepDecision(
            ground,
            statute=self.statute.text(),
            event=event,
            event_on=_pydate(self.event_on.date()),
            period=self.period.text(),
        )

    def save(self) -> bool:
        self.error.hide()
        try:
            record_keep_decision(
                self.ctx.db,
                actor=self.ctx.actor,
                reference=self.reference,
                decision=self.decision(),
                action_ids=() if self.whole_system.isChecked() else (self.action.id,),
                system=self.action.system if self.whole_system.isChecked() else "",
                today=self.ctx.today(),
            )
        except ValidationError as exc:
            self.error.setText("\n".join(exc.messages(self.ctx.lang).values()))
            self.error.show()
            return False
        except UserError as exc:
            self.error.setText(user_message(exc))
            self.error.show()
            return False
        self.accept()
        return True
