"""Small dialogs of the case detail; each calls one service and shows refusals inline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.enums import DocumentKind, IdentifierKind, IdentityMethod, IdentityOutcome
from app.core.errors import StaleDataError, UserError, ValidationError
from app.core.outcomes import REFUSAL_GROUND_LABEL
from app.core.statistics import is_refusal
from app.services.case_documents import add_document, record_identity_check
from app.services.case_records import link_cases, set_identifiers
from app.services.cases import edit_case, set_outcomes
from app.services.deadlines import end_pause, grant_extension, start_pause
from app.services.dto import CaseDetail
from app.ui import labels
from app.ui.case_form import EXTRA_IDENTIFIER_KINDS, CaseForm
from app.ui.context import UiContext
from app.ui.errors import user_message
from app.ui.widgets import FieldErrors, error_label, make_date_edit, pydate, qdate


class ActionDialog(QDialog):
    """OK runs ``perform``; a refusal keeps the dialog open with the message, input kept."""

    stale = Signal(str)

    def __init__(self, ctx: UiContext, detail: CaseDetail, parent: QWidget, title: str) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.setWindowTitle(f"{title} – {detail.reference}")
        self.errors = FieldErrors()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.general_error = error_label()
        self.general_error.setObjectName("general_error")
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 12)
        self.body.addWidget(self.intro)
        self.body.addLayout(self.form)
        self.body.addWidget(self.general_error)
        self.body.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def add_field(self, text: str, widget: QWidget, name: str) -> QLabel:
        """Add a labelled field with its error line; returns the error line."""
        label = error_label()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(label)
        box.setFocusProxy(widget)
        self.form.addRow(text, box)
        self.errors.add(name, widget, label)
        return label

    # Each dialog defines what OK does; a refusal (UserError) keeps the dialog open.
    perform: Callable[[], None]

    def submit(self) -> None:
        self.errors.clear()
        self.general_error.hide()
        try:
            self.perform()
        except ValidationError as exc:
            rest = self.errors.show(exc.errors)
            if rest:
                self._general("\n".join(rest.values()))
            return
        except StaleDataError as exc:
            self._general(user_message(exc))
            self.stale.emit(user_message(exc))
            return
        except UserError as exc:
            self._general(user_message(exc))
            return
        self.ctx.events.cases_changed.emit(self.detail.reference)
        self.accept()

    def _general(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.show()


class PauseDialog(ActionDialog):
    def __init__(self, ctx: UiContext, detail: CaseDetail, parent: QWidget) -> None:
        super().__init__(ctx, detail, parent, self.tr("Pause clock"))
        self.set_intro(
            self.tr(
                "Stop the clock while you wait for the data subject to answer an identity or "
                "clarification question. The deadlines move by the days the clock stands still."
            )
        )
        self.start_on = make_date_edit(ctx.locale, minimum=detail.received_on, maximum=ctx.today())
        self.start_on.setDate(qdate(ctx.today()))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. asked for a copy of the customer card"))
        self.add_field(self.tr("&Question sent on:"), self.start_on, "start_on")
        self.add_field(self.tr("&Reason:"), self.reason, "reason")
        self.ok_button.setText(self.tr("&Pause clock"))

    def perform(self) -> None:
        start_pause(
            self.ctx.db,
            expected_version=self.detail.version,
            actor=self.ctx.actor,
            reference=self.detail.reference,
            start_on=pydate(self.start_on.date()),
            reason=self.reason.text(),
            today=self.ctx.today(),
        )


class ResumeDialog(ActionDialog):
    def __init__(self, ctx: UiContext, detail: CaseDetail, parent: QWidget) -> None:
        super().__init__(ctx, detail, parent, self.tr("Resume clock"))
        self.set_intro(self.tr("Record the day the answer of the data subject arrived."))
        open_pause = next((p for p in detail.pauses if p.end_on is None), None)
        minimum = open_pause.start_on if open_pause else detail.received_on
        self.end_on = make_date_edit(ctx.locale, minimum=minimum, maximum=ctx.today())
        self.end_on.setDate(qdate(ctx.today()))
        self.add_field(self.tr("&Answer received on:"), self.end_on, "end_on")
        self.ok_button.setText(self.tr("&Resume clock"))

    def perform(self) -> None:
        end_pause(
            self.ctx.db,
            expected_version=self.detail.version,
            actor=self.ctx.actor,
            reference=self.detail.reference,
            end_on=pydate(self.end_on.date()),
            today=self.ctx.today(),
        )


class ExtensionDialog(ActionDialog):
    def __init__(self, ctx: UiContext, detail: CaseDetail, parent: QWidget) -> None:
        super().__init__(ctx, detail, parent, self.tr("Grant extension"))
        self.set_intro(
            self.tr(
                "Extend the deadline by two months (Art. 12(3) GDPR) because of the complexity "
                "or number of requests. Only possible when the data subject is told, with the "
                "reasons, within the first month."
            )
        )
        self.notice_on = make_date_edit(ctx.locale, minimum=detail.received_on, maximum=ctx.today())
        self.notice_on.setDate(qdate(ctx.today()))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        self.add_field(self.tr("&Notice sent on:"), self.notice_on, "notice_sent_on")
        self.add_field(self.tr("&Reason:"), self.reason, "reason")
        self.ok_button.setText(self.tr("&Grant extension"))

    def perform(self) -> None:
        grant_extension(
            self.ctx.db,
            expected_version=self.detail.version,
            actor=self.ctx.actor,
            reference=self.detail.reference,
            notice_sent_on=pydate(self.notice_on.date()),
            reason=self.reason.toPlainText(),
            today=self.ctx.today(),
        )


class IdentityCheckDialog(ActionDialog):
    def __init__(self, ctx: UiContext, detail: CaseDetail, parent: QWidget) -> None:
        super().__init__(ctx, detail, parent, self.tr("Record identity check"))
        id_copies = [d for d in detail.documents if d.kind == "id_copy" and not d.deleted]
        text = self.tr(
            "Recording the check deletes every ID copy of this case. Only the method, the "
            "outcome, the date, who checked and the document type are kept."
        )
        if id_copies:
            text += "\n\n" + self.tr("This case holds %n ID copy(ies); it will be deleted.", "",
                                     len(id_copies))  # fmt: skip
        self.set_intro(text)
        self.method = QComboBox()
        for code, name in labels.identity_method_labels().items():
            self.method.addItem(name, code)
        self.outcome = QComboBox()
        for code, name in labels.identity_outcome_labels().items():
            self.outcome.addItem(name, code)
        # No outcome is preselected: the officer says what the check showed (issue 12).
        self.outcome.setPlaceholderText(self.tr("Choose the outcome…"))
        self.outcome.setCurrentIndex(-1)
        self.checked_on = make_date_edit(ctx.locale, maximum=ctx.today())
        self.checked_on.setDate(qdate(ctx.today()))
        self.document_type = QLineEdit()
        self.document_type.setPlaceholderText(self.tr("e.g. passport, driving licence"))
        self.note = QLineEdit()
        self.add_field(self.tr("&Method:"), self.method, "method")
        self.add_field(self.tr("&Outcome:"), self.outcome, "outcome")
        self.add_field(self.tr("&Checked on:"), self.checked_on, "checked_on")
        self.add_field(self.tr("&Document type:"), self.document_type, "document_type")
        self.add_field(self.tr("No&te:"), self.note, "note")
        self.ok_button.setText(self.tr("&Record check"))

    def perform(self) -> None:
        if self.outcome.currentData() is None:
            raise ValidationError({"outcome": self.tr("Choose the outcome of the check.")})
        record_identity_check(
            self.ctx.db,
            actor=self.ctx.actor,
            reference=self.detail.reference,
            method=IdentityMethod(self.method.currentData()),
            outcome=IdentityOutcome(self.outcome.currentData()),
            checked_on=pydate(self.checked_on.date()),
            document_type=self.document_type.text(),
            note=self.note.text(),
            today=self.ctx.today(),
        )


class AddDocumentDialog(ActionDialog):
    def __init__(self, ctx: UiContext, detail: CaseDetail, parent: QWidget) -> None:
        super().__init__(ctx, detail, parent, self.tr("Add document"))
        self.path: Path | None = None
        self.kind = QComboBox()
        kinds = labels.document_kind_labels()
        for kind in (DocumentKind.SCAN, DocumentKind.AUTHORISATION, DocumentKind.ID_COPY,
                     DocumentKind.ATTACHMENT):  # fmt: skip
            self.kind.addItem(kinds[kind.value], kind.value)
        file_row = QWidget()
        fl = QHBoxLayout(file_row)
        fl.setContentsMargins(0, 0, 0, 0)
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_label.setProperty("role", "subtle")
        choose = QPushButton(self.tr("C&hoose file…"))
        choose.clicked.connect(self.choose_file)
        fl.addWidget(choose)
        fl.addWidget(self.file_label, 1)
        file_row.setFocusProxy(choose)
        self.masked = QCheckBox(self.tr("I confirm the BSN and the photo are blacked out"))
        self.masked_hint = QLabel(
            self.tr("An ID copy is kept only masked and is deleted after the identity check.")
        )
        self.masked_hint.setWordWrap(True)
        self.masked_hint.setProperty("role", "subtle")
        self.add_field(self.tr("&Kind:"), self.kind, "kind")
        self.add_field(self.tr("&File:"), file_row, "attachment")
        self.add_field("", self.masked, "masked")
        self.form.addRow("", self.masked_hint)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.ok_button.setText(self.tr("&Add document"))

    def _kind_changed(self) -> None:
        is_id = self.kind.currentData() == DocumentKind.ID_COPY.value
        self.masked.setVisible(is_id)
        self.masked_hint.setVisible(is_id)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a document"),
            str(Path.home()),
            self.tr("Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"),
        )
        if name:
            self.set_path(Path(name))

    def set_path(self, path: Path) -> None:
        self.path = path
        self.file_label.setText(path.name)

    def perform(self) -> None:
        if self.path is None:
            raise ValidationError({"attachment": self.tr("Choose the file to add.")})
        kind = DocumentKind(self.kind.currentData())
        add_document(
            self.ctx.db,
            actor=self.ctx.actor,
            reference=self.detail.reference,
            path=self.path,
            kind=kind,
            masked=kind == DocumentKind.ID_COPY and self.masked.isChecked(),
        )


class EditCaseDialog(ActionDialog):
    """Edit the letter and data subject; saved only if nobody else saved the case meanwhile."""

    def __init__(self, ctx: UiContext, detail: CaseDetail, parent: QWidget) -> None:
        super().__init__(ctx, detail, parent, self.tr("Edit case"))
        self.case_form = CaseForm(ctx, with_extras=False)
        self.case_form.load(detail)
        self.errors = self.case_form.errors
        self.body.insertWidget(1, self.case_form, 1)
        self.ok_button.setText(self.tr("Save &changes"))
        self.resize(1080, 700)

    def perform(self) -> None:
        changes = self.case_form.changes()
        if not changes:
            return
        edit_case(
            self.ctx.db,
            actor=self.ctx.actor,
            reference=self.detail.reference,
            expected_version=self.detail.version,
            changes=changes,
            today=self.ctx.today(),
        )


class LinkCaseDialog(ActionDialog):
    """Link this case to another: a reminder (herinnering) belongs to the earlier request."""

    def __init__(self, ctx: UiContext, detail: CaseDetail, parent: QWidget) -> None:
        super().__init__(ctx, detail, parent, self.tr("Link case"))
        self.set_intro(
            self.tr(
                "A reminder or a notice of default refers to an earlier request: link it to "
                "that case, so both deadlines and letters are seen together."
            )
        )
        self.other = QLineEdit()
        self.other.setPlaceholderText("AVG-2026-0001")
        self.relation = QComboBox()
        self.relation.addItem(self.tr("This case is a reminder about that case"), "reminder_of")
        self.relation.addItem(self.tr("Related"), "related")
        self.add_field(self.tr("&Other case:"), self.other, "other_reference")
        self.add_field(self.tr("&Relation:"), self.relation, "relation")
        self.ok_button.setText(self.tr("&Link"))

    def perform(self) -> None:
        if not self.other.text().strip():
            raise ValidationError({"other_reference": self.tr("Enter the other case's reference.")})
        link_cases(
            self.ctx.db,
            actor=self.ctx.actor,
            reference=self.detail.reference,
            other_reference=self.other.text().strip(),
            relation=str(self.relation.currentData()),
        )


class DecisionsDialog(ActionDialog):
    """The decision per request type; letters fill it in, the officer can correct it."""

    def __init__(self, ctx: UiContext, detail: CaseDetail, parent: QWidget) -> None:
        super().__init__(ctx, detail, parent, self.tr("Decisions"))
        self.set_intro(
            self.tr(
                "Record what was decided on each request. Sending an answer letter fills this "
                "in; the register export, the yearly report and the retention period use it."
            )
        )
        self.choices: dict[str, QComboBox] = {}
        self.grounds: dict[str, QComboBox] = {}
        types = labels.type_labels()
        for code in detail.types:
            combo = QComboBox()
            for value, text in labels.outcome_labels().items():
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(detail.outcomes.get(code, ""))))
            ground = QComboBox()
            for value, text in REFUSAL_GROUND_LABEL[ctx.lang].items():
                ground.addItem(text, value)
            ground.setCurrentIndex(max(0, ground.findData(detail.refusal_grounds.get(code, ""))))
            ground.setAccessibleName(self.tr("Ground of the refusal"))
            ground.setToolTip(self.tr("Why it was refused: counted in the yearly report"))
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, g=ground: g.setEnabled(is_refusal(str(c.currentData())))
            )
            ground.setEnabled(is_refusal(str(combo.currentData())))
            self.choices[code] = combo
            self.grounds[code] = ground
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(combo)
            line.addWidget(ground, 1)
            row.setFocusProxy(combo)
            error = self.add_field(labels.label(types, code) + ":", row, f"outcome_{code}")
            self.errors.add(f"ground_{code}", ground, error)
        self.ok_button.setText(self.tr("&Save decisions"))
        self.setMinimumWidth(720)

    def perform(self) -> None:
        chosen = {code: str(c.currentData()) for code, c in self.choices.items()}
        set_outcomes(
            self.ctx.db,
            actor=self.ctx.actor,
            reference=self.detail.reference,
            outcomes={code: value for code, value in chosen.items() if value},
            grounds={
                code: str(self.grounds[code].currentData())
                for code, value in chosen.items()
                if is_refusal(value)
            },
            expected_version=self.detail.version,
        )


# Kinds an officer adds by hand; the case's name, address, e-mail and phone are searched anyway.
EDITABLE_IDENTIFIER_KINDS = ("customer_number", *EXTRA_IDENTIFIER_KINDS)


class _IdentifierRow(QWidget):
    def __init__(self, kind: str, value: str, remove: Callable[[_IdentifierRow], None]) -> None:
        super().__init__()
        names = labels.identifier_labels()
        self.kind = QComboBox()
        for code in dict.fromkeys([*EDITABLE_IDENTIFIER_KINDS, kind]):
            self.kind.addItem(labels.label(names, code), code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.kind.setAccessibleName(self.tr("Kind of identifier"))
        self.value = QLineEdit(value)
        self.value.setAccessibleName(self.tr("Identifier"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove this identifier"))
        self.remove_button.clicked.connect(lambda: remove(self))
        self.error = error_label()
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.kind)
        line.addWidget(self.value, 1)
        line.addWidget(self.remove_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        outer.addLayout(line)
        outer.addWidget(self.error)
        self.setFocusProxy(self.value)


class IdentifiersDialog(ActionDialog):
    """The identifiers the systems are searched by, e.g. an IP address from the letter."""

    def __init__(self, ctx: UiContext, detail: CaseDetail, parent: QWidget) -> None:
        super().__init__(ctx, detail, parent, self.tr("Identifiers"))
        self.set_intro(
            self.tr(
                "The systems are searched by the case's name, address, e-mail and phone, and by "
                "these identifiers. Add what the letter or the identity check gave: a customer "
                "number, another e-mail address, the IP address or user id the person used. "
                "Search the systems again after a change."
            )
        )
        self.rows: list[_IdentifierRow] = []
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(4)
        self.body.insertLayout(2, self.rows_layout)
        self.add_button = QPushButton(self.tr("&Add identifier"))
        self.add_button.clicked.connect(lambda: self.add_row("customer_number", "", focus=True))
        self.body.insertWidget(3, self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        for kind, value in detail.requester.identifiers:
            self.add_row(kind, value)
        if not self.rows:
            self.add_row("customer_number", "")
        self.ok_button.setText(self.tr("&Save identifiers"))
        self.setMinimumWidth(640)

    def add_row(self, kind: str, value: str, focus: bool = False) -> _IdentifierRow:
        row = _IdentifierRow(kind, value, self.remove_row)
        self.rows.append(row)
        self.rows_layout.addWidget(row)
        if focus:
            row.value.setFocus()
        self.adjustSize()  # grow with the lines, so none is squeezed
        return row

    def remove_row(self, row: _IdentifierRow) -> None:
        self.rows.remove(row)
        self.rows_layout.removeWidget(row)
        row.deleteLater()
        self.errors = FieldErrors()  # the old one points at the removed row's widgets
        self.adjustSize()

    def submit(self) -> None:
        super().submit()
        if self.isVisible():  # refused: the messages under the lines need room
            self.adjustSize()

    def perform(self) -> None:
        filled = [r for r in self.rows if r.value.text().strip()]  # an empty line means nothing
        self.errors = FieldErrors()
        for row in self.rows:
            row.error.hide()
        for position, row in enumerate(filled):
            self.errors.add(f"identifier_{position}", row.value, row.error)
        set_identifiers(
            self.ctx.db,
            actor=self.ctx.actor,
            reference=self.detail.reference,
            identifiers=[
                (IdentifierKind(str(r.kind.currentData())), r.value.text()) for r in filled
            ],
            expected_version=self.detail.version,
        )
