"""The Letters tab of a case: the case's letters, a new letter (type, language, options)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.enums import LetterStatus
from app.core.errors import UserError, ValidationError
from app.core.i18n import translate
from app.core.letter_effects import option_flag
from app.letters.kinds import OptionWidget, letter_kind
from app.letters.templates import MissingFieldError
from app.services.case_detail import get_case
from app.services.letter_post import AMSTERDAM, printed_of_case
from app.services.letters import LetterInfo, draft_letter, letters_of
from app.services.register import list_activities
from app.ui import labels
from app.ui.context import UiContext
from app.ui.errors import user_message
from app.ui.exports_dialog import CaseExportDialog
from app.ui.gate_dialog import PortabilityDialog
from app.ui.letter_editor import LetterEditorDialog, letter_status_labels, letter_type_labels
from app.ui.letter_post_dialog import SentByPostDialog
from app.ui.widgets import FieldErrors, error_label, with_error

LETTER_ROLE = Qt.ItemDataRole.UserRole


class NewLetterDialog(QDialog):
    """Type, language and the type's options; OK makes the draft and opens the editor."""

    def __init__(self, ctx: UiContext, reference: str, case_language: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reference = reference
        self.created: LetterInfo | None = None
        self.setWindowTitle(self.tr("New letter"))
        self.setMinimumWidth(560)
        self.kind = QComboBox()
        for code, text in letter_type_labels(ctx.lang).items():
            self.kind.addItem(text, code)
        self.language = QComboBox()
        for code, text in labels.language_labels().items():
            self.language.addItem(text, code)
        self.language.setCurrentIndex(max(0, self.language.findData(case_language)))
        top = QFormLayout()
        top.addRow(self.tr("Letter &type:"), self.kind)
        top.addRow(self.tr("&Language:"), self.language)
        self.options_box = QWidget()
        self.options_form = QFormLayout(self.options_box)
        self.options_form.setContentsMargins(0, 0, 0, 0)
        self.inputs: dict[str, QWidget] = {}
        self.errors = FieldErrors()
        self.error = error_label()
        self.no_options = QLabel(self.tr("This letter needs no further information."))
        self.no_options.setProperty("role", "subtle")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Make &draft"))
        self.buttons.accepted.connect(self.make_draft)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.no_options)
        layout.addWidget(self.options_box)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._build_options)
        self.language.currentIndexChanged.connect(self._build_options)
        self._build_options()

    @property
    def letter_type(self) -> str:
        return str(self.kind.currentData())

    def _build_options(self) -> None:
        while self.options_form.rowCount():
            self.options_form.removeRow(0)
        self.inputs.clear()
        self.errors = FieldErrors()
        kind = letter_kind(self.letter_type)
        lang = self.ctx.lang
        examples = kind.example_options(str(self.language.currentData()))
        names = kind.option_names
        for option in kind.options:
            name = option.name
            text = translate(option.label, lang)
            first = examples.get(name, option.default)
            widget: QWidget
            if option.widget == OptionWidget.FLAG:
                check = QCheckBox(text)
                check.setChecked(option_flag({name: option.default}, name))
                widget = check
            elif option.widget == OptionWidget.CHOICE:
                combo = QComboBox()
                for code, choice in option.choices:
                    combo.addItem(translate(choice, lang), code)
                combo.setCurrentIndex(max(0, combo.findData(first)))
                widget = combo
            elif option.widget == OptionWidget.PROCESSING:
                combo = QComboBox()
                combo.addItem(self.tr("(none)"), "")
                for activity in list_activities(self.ctx.db):
                    title = activity.values.get("name", "")
                    combo.addItem(title, title)
                combo.setCurrentIndex(max(0, combo.findData(first)))
                widget = combo
            elif option.widget == OptionWidget.PROCESSINGS:
                widget = self._processing_list(first)
            elif option.widget == OptionWidget.TEXT:
                edit = QPlainTextEdit(first)
                edit.setTabChangesFocus(True)
                edit.setFixedHeight(70)
                widget = edit
            else:
                widget = QLineEdit(first)
            widget.setObjectName(f"option_{name}")
            widget.setAccessibleName(text)
            label = error_label()
            self.errors.add(name, widget, label)
            self.inputs[name] = widget
            caption = "" if option.widget == OptionWidget.FLAG else text + ":"
            self.options_form.addRow(caption, with_error(widget, label))
        self.no_options.setVisible(not names)
        self.options_box.setVisible(bool(names))

    def _processing_list(self, first: str) -> QListWidget:
        """The register's entries, each with a box: ticked = left out of this answer."""
        chosen = {x.strip().casefold() for x in first.splitlines() if x.strip()}
        listing = QListWidget()
        listing.setToolTip(
            self.tr("Tick the processing activities that do not apply to this person.")
        )
        for activity in list_activities(self.ctx.db):
            item = QListWidgetItem(activity.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            left_out = activity.name.casefold() in chosen
            item.setCheckState(Qt.CheckState.Checked if left_out else Qt.CheckState.Unchecked)
            listing.addItem(item)
        listing.setFixedHeight(96)
        return listing

    def options(self) -> dict[str, str]:
        values: dict[str, str] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QListWidget):
                values[name] = "\n".join(
                    widget.item(i).text()
                    for i in range(widget.count())
                    if widget.item(i).checkState() == Qt.CheckState.Checked
                )
            elif isinstance(widget, QCheckBox):
                values[name] = "yes" if widget.isChecked() else "no"
            elif isinstance(widget, QComboBox):
                values[name] = str(widget.currentData())
            elif isinstance(widget, QPlainTextEdit):
                values[name] = widget.toPlainText().strip()
            elif isinstance(widget, QLineEdit):
                values[name] = widget.text().strip()
        return values

    def make_draft(self) -> None:
        self.error.hide()
        self.errors.clear()
        try:
            self.created = draft_letter(
                self.ctx.db,
                actor=self.ctx.actor,
                reference=self.reference,
                letter_type=self.letter_type,
                lang=str(self.language.currentData()),
                options=self.options(),
                letter_date=self.ctx.today(),
            )
        except ValidationError as exc:
            rest = self.errors.show(exc.errors)
            if rest:
                self.error.setText("\n".join(rest.values()))
                self.error.show()
            return
        except MissingFieldError as exc:
            if exc.field in self.inputs:
                self.errors.show({exc.field: self.tr("Fill this in for this letter.")})
            else:
                self.error.setText(user_message(exc))
                self.error.show()
            return
        except UserError as exc:
            self.error.setText(user_message(exc))
            self.error.show()
            return
        self.accept()


def _printed_text(at: datetime | None, lang: str) -> str:
    return "" if at is None else labels.date_text(at.astimezone(AMSTERDAM).date(), lang)


class LettersTab(QWidget):
    """The case's letters, newest last; double-click opens the editor (read-only when final)."""

    def __init__(self, ctx: UiContext, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reference = reference
        self.editor: LetterEditorDialog | None = None
        self.new_dialog: NewLetterDialog | None = None
        self.export_dialog: CaseExportDialog | None = None
        self.portability_dialog: PortabilityDialog | None = None
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("Letters"))
        self.tree.setHeaderLabels(
            [self.tr("Letter"), self.tr("Language"), self.tr("Status"), self.tr("Date"),
             self.tr("SHA-256"), self.tr("Printed")]
        )  # fmt: skip
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.itemDoubleClicked.connect(
            lambda item, _col: self.open_letter(item.data(0, LETTER_ROLE))
        )
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.error = error_label()
        self.new_button = QPushButton(self.tr("&New letter…"))
        self.new_button.clicked.connect(self.new_letter)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.clicked.connect(self.open_selected)
        self.posted_button = QPushButton(self.tr("Sen&t by post…"))
        self.posted_button.setToolTip(
            self.tr("The letter went into the post on a date: it counts as printed")
        )
        self.posted_button.clicked.connect(self.mark_posted)
        self.posted_dialog: SentByPostDialog | None = None
        self.dossier_button = QPushButton(self.tr("Export &dossier…"))
        self.dossier_button.clicked.connect(lambda: self.export_case("dossier"))
        self.portability_button = QPushButton(self.tr("&Portability export (ZIP)…"))
        self.portability_button.clicked.connect(lambda: self.export_case("portability"))
        self.decide_portability_button = QPushButton(self.tr("Decide portabilit&y…"))
        self.decide_portability_button.clicked.connect(self.decide_portability)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.posted_button)
        buttons.addStretch(1)
        buttons.addWidget(self.dossier_button)
        buttons.addWidget(self.portability_button)
        buttons.addWidget(self.decide_portability_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        ctx.events.cases_changed.connect(self._changed)
        self.reload()

    def _changed(self, reference: str) -> None:
        if reference in ("", self.reference):
            self.reload()

    def reload(self) -> None:
        self.error.hide()
        try:
            letters = letters_of(self.ctx.db, reference=self.reference)
        except UserError as exc:
            self.error.setText(user_message(exc))
            self.error.show()
            return
        current = self.tree.currentItem()
        keep = None if current is None else current.data(0, LETTER_ROLE).id
        self.tree.clear()
        kinds, states = letter_type_labels(self.ctx.lang), letter_status_labels()
        printed = printed_of_case(self.ctx.db, reference=self.reference)
        for info in letters:
            when = info.letter_date or (info.finalised_at.date() if info.finalised_at else None)
            item = QTreeWidgetItem(
                [
                    labels.label(kinds, info.letter_type),
                    labels.label(labels.language_labels(), info.language),
                    labels.label(states, info.status),
                    labels.date_text(when, self.ctx.lang),
                    info.sha256[:12],
                    _printed_text(printed.get(info.id), self.ctx.lang),
                ]
            )
            item.setData(0, LETTER_ROLE, info)
            item.setToolTip(0, info.subject)
            item.setToolTip(4, info.sha256)
            self.tree.addTopLevelItem(item)
            if info.id == keep:
                self.tree.setCurrentItem(item)
        for column in range(1, 6):
            self.tree.resizeColumnToContents(column)
        self._enable()

    def _enable(self) -> None:
        item = self.tree.currentItem()
        self.open_button.setEnabled(item is not None)
        final = item is not None and item.data(0, LETTER_ROLE).status == LetterStatus.FINAL
        self.posted_button.setEnabled(final)

    def mark_posted(self) -> SentByPostDialog | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        info: LetterInfo = item.data(0, LETTER_ROLE)
        dialog = SentByPostDialog(self.ctx, info.id, info.letter_date, self)
        dialog.accepted.connect(lambda: self.ctx.events.cases_changed.emit(self.reference))
        self.posted_dialog = dialog
        dialog.open()
        return dialog

    def decide_portability(self) -> PortabilityDialog | None:
        """Portability is decided by its own action (not by the access letter)."""
        self.error.hide()
        try:
            detail = get_case(self.ctx.db, reference=self.reference, today=self.ctx.today())
        except UserError as exc:
            self.error.setText(user_message(exc))
            self.error.show()
            return None
        dialog = PortabilityDialog(self.ctx, detail, self)
        dialog.open()
        self.portability_dialog = dialog
        return dialog

    def letters(self) -> list[LetterInfo]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item.data(0, LETTER_ROLE) for item in items if item is not None]

    def new_letter(self) -> NewLetterDialog | None:
        self.error.hide()
        try:
            detail = get_case(self.ctx.db, reference=self.reference, today=self.ctx.today())
        except UserError as exc:
            self.error.setText(user_message(exc))
            self.error.show()
            return None
        dialog = NewLetterDialog(self.ctx, self.reference, detail.language, self)
        dialog.accepted.connect(lambda: self._drafted(dialog.created))
        self.new_dialog = dialog
        dialog.open()
        return dialog

    def _drafted(self, letter: LetterInfo | None) -> None:
        self.reload()
        self.ctx.events.cases_changed.emit(self.reference)
        if letter is not None:
            self.open_letter(letter)

    def open_selected(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self.open_letter(item.data(0, LETTER_ROLE))

    def open_letter(self, letter: LetterInfo) -> LetterEditorDialog:
        if self.editor is not None:
            self.editor.close()
        editor = LetterEditorDialog(self.ctx, letter, self)
        editor.letter_changed.connect(lambda _id: self.reload())
        self.editor = editor
        editor.show()
        return editor

    def export_case(self, kind: str) -> CaseExportDialog:
        dialog = CaseExportDialog(self.ctx, self.reference, kind, self)
        self.export_dialog = dialog
        dialog.open()
        return dialog
