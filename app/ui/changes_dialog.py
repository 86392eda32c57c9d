"""Erasure or rectification: make the plan per system, approve it, execute, see each record."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.connectors.base import Correction
from app.core.errors import UserError
from app.core.progress import Progress
from app.services.case_detail import get_case
from app.services.changes import (
    ActionInfo,
    actions_of,
    approve_plan,
    execute_plan,
    plan_changes,
    record_removed_by_hand,
)
from app.services.changes import suppress as suppress_marketing
from app.services.searches import findings_of
from app.services.secrets import SecretStore
from app.ui import labels
from app.ui.confirm import ask_before
from app.ui.context import UiContext
from app.ui.errors import ui_text, user_message
from app.ui.keep_dialog import KeepReasonDialog
from app.ui.tasks import Task
from app.ui.widgets import error_label

OUTCOME_COLOURS = {
    "removed": "#1d5e36",
    "changed": "#1d5e36",
    "kept": "#7a4a00",
    "failed": "#a4161a",
    "planned": "#4a5461",
    "removed_by_hand": "#1d5e36",
}


def action_labels() -> dict[str, str]:
    return {
        "delete_row": QCoreApplication.translate("Changes", "delete the record"),
        "set_null": QCoreApplication.translate("Changes", "empty the fields"),
        "mask": QCoreApplication.translate("Changes", "mask the fields"),
        "keep": QCoreApplication.translate("Changes", "keep"),
        "update": QCoreApplication.translate("Changes", "correct"),
        "by_hand": QCoreApplication.translate("Changes", "remove by hand"),
    }


def outcome_labels() -> dict[str, str]:
    return {
        "planned": QCoreApplication.translate("Changes", "planned"),
        "removed": QCoreApplication.translate("Changes", "removed"),
        "changed": QCoreApplication.translate("Changes", "changed"),
        "kept": QCoreApplication.translate("Changes", "kept"),
        "failed": QCoreApplication.translate("Changes", "failed"),
        "removed_by_hand": QCoreApplication.translate("Changes", "removed by hand"),
    }


class ChangesDialog(QDialog):
    """One operation (erasure or rectification) of one case, from plan to per-record result."""

    def __init__(
        self,
        ctx: UiContext,
        reference: str,
        operation: str,
        secrets: SecretStore,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reference = reference
        self.operation = operation
        self.secrets = secrets
        self.task: Task | None = None
        self.confirm: QMessageBox | None = None
        self.plan_actions: list[ActionInfo] = []
        self.resize(1100, 700)
        if operation == "erasure":
            self.setWindowTitle(self.tr("Erasure – %1").replace("%1", reference))
            intro = self.tr(
                "Plan the erasure of the confirmed findings. Nothing changes until you approve "
                "the plan and execute it. Data that must be kept is listed with its reason."
            )
        else:
            self.setWindowTitle(self.tr("Rectification – %1").replace("%1", reference))
            intro = self.tr(
                "Enter which field gets which new value, then plan the correction in every "
                "system with a confirmed finding. Nothing changes until you approve and execute."
            )
        text = QLabel(intro)
        text.setWordWrap(True)

        self.corrections = QTableWidget(0, 2)
        self.corrections.setHorizontalHeaderLabels([self.tr("Field"), self.tr("New value")])
        self.corrections.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.corrections.horizontalHeader().resizeSection(0, 260)
        self.corrections.setMaximumHeight(150)
        self.add_row_button = QPushButton(self.tr("Add &field"))
        self.add_row_button.clicked.connect(lambda: self.add_correction())
        correction_box = QWidget()
        cl = QVBoxLayout(correction_box)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.corrections)
        cl.addWidget(self.add_row_button, 0, Qt.AlignmentFlag.AlignLeft)
        correction_box.setVisible(operation == "rectification")
        self.field_names = self._known_fields()

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Planned changes"))
        self.tree.setHeaderLabels(
            [self.tr("System / record"), self.tr("Action"), self.tr("Fields"),
             self.tr("Reason / detail"), self.tr("Result")]
        )  # fmt: skip
        header = self.tree.header()
        header.resizeSection(0, 260)
        header.resizeSection(1, 140)
        header.resizeSection(2, 240)
        header.resizeSection(3, 300)
        self.tree.currentItemChanged.connect(lambda *_: self._update_by_hand())
        self.summary = QLabel()
        self.error = error_label()
        # A change done by a person outside Privacy Desk (mail, documents, paper): who, when and
        # a note are recorded; the change then counts as done for the answer letter.
        self.by_hand_note = QLineEdit()
        self.by_hand_note.setPlaceholderText(
            self.tr("What was removed by hand, where and how (required)")
        )
        self.by_hand_note.setAccessibleName(self.tr("Note on the removal by hand"))
        self.by_hand_button = QPushButton(self.tr("Record removed by &hand"))
        self.by_hand_button.clicked.connect(self.record_by_hand)
        by_hand = QHBoxLayout()
        by_hand.addWidget(self.by_hand_note, 1)
        by_hand.addWidget(self.by_hand_button)
        # Erasure: why a kept item is kept (Art. 17(3) ground, statute, event) or its expiry.
        self.keep_button = QPushButton(self.tr("Why &kept…"))
        self.keep_button.clicked.connect(self.ask_keep_reason)
        self.keep_button.setVisible(operation == "erasure")
        self.keep_dialog: KeepReasonDialog | None = None
        by_hand.addWidget(self.keep_button)

        self.plan_button = QPushButton(self.tr("Make &plan"))
        self.plan_button.clicked.connect(self.make_plan)
        self.approve_button = QPushButton(self.tr("&Approve plan"))
        self.approve_button.clicked.connect(self.approve)
        self.execute_button = QPushButton(self.tr("E&xecute…"))
        self.execute_button.clicked.connect(self.ask_execute)
        self.suppress_button = QPushButton(self.tr("Suppress &direct marketing"))
        self.suppress_button.setToolTip(
            self.tr("Put the e-mail address on the suppression list (objection to marketing)")
        )
        self.suppress_button.clicked.connect(self.suppress)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.plan_button, self.approve_button, self.execute_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.suppress_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(correction_box)
        layout.addWidget(self.tree, 1)
        layout.addLayout(by_hand)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.email = ""
        self._load_case()
        if operation == "rectification":
            self.add_correction()
        self.reload()

    # ---- data -------------------------------------------------------------------------------

    def _known_fields(self) -> list[str]:
        try:
            found = findings_of(self.ctx.db, reference=self.reference, confirmed_only=True)
        except UserError:
            return []
        return sorted({str(name) for f in found for name in f.fields})

    def _load_case(self) -> None:
        try:
            detail = get_case(self.ctx.db, reference=self.reference, today=self.ctx.today())
        except UserError as exc:
            self._error(user_message(exc))
            self.suppress_button.hide()
            return
        self.email = detail.requester.email
        self.suppress_button.setVisible("objection" in detail.types)
        self.suppress_button.setEnabled(bool(self.email))

    def reload(self) -> None:
        try:
            self.show_actions(
                actions_of(self.ctx.db, reference=self.reference, operation=self.operation)
            )
        except UserError as exc:
            self._error(user_message(exc))

    def show_actions(self, actions: list[ActionInfo]) -> None:
        self.plan_actions = actions
        self.tree.clear()
        acts, outcomes = action_labels(), outcome_labels()
        systems: dict[str, QTreeWidgetItem] = {}
        for a in actions:
            parent = systems.get(a.system)
            if parent is None:
                parent = QTreeWidgetItem([a.system])
                font = QFont(parent.font(0))
                font.setBold(True)
                parent.setFont(0, font)
                systems[a.system] = parent
                self.tree.addTopLevelItem(parent)
            fields = ", ".join(a.fields)
            if a.new_values:
                fields = ", ".join(
                    f"{k}: {a.old_values.get(k, '')} → {v}" for k, v in a.new_values.items()
                )
            detail = ui_text(a.detail if a.outcome != "planned" and a.detail else a.reason)
            if a.outcome == "kept" and a.keep_until is not None:
                why = (
                    self.tr("deleted by itself on %1")
                    if a.keep_ground == "expires"
                    else self.tr("Art. 17(3)(%2) until %1").replace("%2", a.keep_ground)
                )
                detail = f"[{why.replace('%1', labels.date_text(a.keep_until, self.ctx.lang))}] "
                detail += ui_text(a.detail)
            item = QTreeWidgetItem(
                [a.record_id, labels.label(acts, a.action), fields, detail,
                 labels.label(outcomes, a.outcome)]
            )  # fmt: skip
            item.setToolTip(3, detail)
            item.setToolTip(2, fields)
            item.setForeground(4, QBrush(QColor(OUTCOME_COLOURS.get(a.outcome, "#4a5461"))))
            if a.outcome == "failed":
                font = QFont(item.font(4))
                font.setBold(True)
                item.setFont(4, font)
            item.setData(0, Qt.ItemDataRole.UserRole, a)
            parent.addChild(item)
        for parent in systems.values():
            parent.setExpanded(True)
        self._update_buttons()

    def selected_action(self) -> ActionInfo | None:
        item = self.tree.currentItem()
        data = None if item is None else item.data(0, Qt.ItemDataRole.UserRole)
        return data if isinstance(data, ActionInfo) else None

    def _update_by_hand(self) -> None:
        action = self.selected_action()
        done = ("removed", "changed", "removed_by_hand")
        self.by_hand_button.setEnabled(action is not None and action.outcome not in done)
        self.keep_button.setEnabled(action is not None and action.outcome == "kept")

    def ask_keep_reason(self) -> KeepReasonDialog | None:
        action = self.selected_action()
        if action is None or action.outcome != "kept":
            return None
        dialog = KeepReasonDialog(self.ctx, self.reference, action, self)
        dialog.accepted.connect(self._keep_recorded)
        self.keep_dialog = dialog
        dialog.open()
        return dialog

    def _keep_recorded(self) -> None:
        self.reload()
        self.ctx.events.cases_changed.emit(self.reference)

    def record_by_hand(self) -> bool:
        action = self.selected_action()
        if action is None:
            return False
        self.error.hide()
        try:
            record_removed_by_hand(
                self.ctx.db,
                actor=self.ctx.actor,
                reference=self.reference,
                action_id=action.id,
                note=self.by_hand_note.text(),
            )
        except UserError as exc:
            self._error(user_message(exc))
            return False
        self.by_hand_note.clear()
        self.reload()
        self.ctx.events.cases_changed.emit(self.reference)
        return True

    def _update_buttons(self) -> None:
        self._update_by_hand()
        counts = Counter(a.outcome for a in self.plan_actions)
        open_actions = [a for a in self.plan_actions if a.outcome in ("planned", "failed")]
        approved = bool(open_actions) and all(a.approved for a in open_actions)
        self.approve_button.setEnabled(bool(open_actions) and not approved)
        self.execute_button.setEnabled(approved and self.task is None)
        self.execute_button.setText(
            self.tr("E&xecute again…") if counts.get("failed") else self.tr("E&xecute…")
        )
        outcomes = outcome_labels()
        parts = [f"{labels.label(outcomes, k)}: {v}" for k, v in sorted(counts.items())]
        text = " · ".join(parts) if parts else self.tr("No plan yet.")
        if open_actions and not approved:
            text += " · " + self.tr("not approved yet")
        elif open_actions:
            text += " · " + self.tr("approved, ready to execute")
        self.summary.setText(text)

    def _error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    # ---- corrections ------------------------------------------------------------------------

    def add_correction(self, field: str = "", value: str = "") -> None:
        row = self.corrections.rowCount()
        self.corrections.insertRow(row)
        combo = QComboBox()
        combo.setEditable(True)
        combo.addItems(self.field_names)
        combo.setCurrentText(field)
        combo.setAccessibleName(self.tr("Field"))
        self.corrections.setCellWidget(row, 0, combo)
        edit = QLineEdit(value)
        edit.setAccessibleName(self.tr("New value"))
        self.corrections.setCellWidget(row, 1, edit)

    def correction_values(self) -> list[Correction]:
        result = []
        for row in range(self.corrections.rowCount()):
            combo: Any = self.corrections.cellWidget(row, 0)
            edit: Any = self.corrections.cellWidget(row, 1)
            field, value = combo.currentText().strip(), edit.text().strip()
            if field and value:
                result.append(Correction(field, value))
        return result

    # ---- actions ----------------------------------------------------------------------------

    def make_plan(self) -> bool:
        self.error.hide()
        try:
            actions = plan_changes(
                self.ctx.db,
                actor=self.ctx.actor,
                reference=self.reference,
                operation=self.operation,
                corrections=self.correction_values(),
                secrets=self.secrets,
            )
        except UserError as exc:
            self._error(user_message(exc))
            return False
        self.show_actions(actions)
        self.ctx.events.cases_changed.emit(self.reference)
        return True

    def approve(self) -> bool:
        self.error.hide()
        try:
            approve_plan(
                self.ctx.db, actor=self.ctx.actor, reference=self.reference,
                operation=self.operation,
            )  # fmt: skip
        except UserError as exc:
            self._error(user_message(exc))
            return False
        self.reload()
        self.ctx.events.cases_changed.emit(self.reference)
        return True

    def ask_execute(self) -> QMessageBox:
        todo = [a for a in self.plan_actions if a.outcome in ("planned", "failed")]
        systems = len({a.system for a in todo})
        text = (
            self.tr("Case %1: execute %n approved change(s)", "", len(todo))
            .replace("%1", self.reference)
            + " "
            + self.tr("in %n source system(s) now?", "", systems)
            + "\n\n"
            + self.tr("Removed or overwritten data cannot be brought back by Privacy Desk. "
                      "This cannot be undone.")
        )  # fmt: skip
        self.confirm = ask_before(
            self, title=self.windowTitle(), text=text, action=self.tr("&Execute changes"),
            on_yes=self.execute, name="confirmExecute",
        )  # fmt: skip
        return self.confirm

    def execute(self) -> Task:
        """Run the approved plan in the background; re-running finishes only what failed."""
        self.error.hide()
        db, actor, reference, operation = (
            self.ctx.db,
            self.ctx.actor,
            self.reference,
            self.operation,
        )
        secrets = self.secrets

        def work(progress: Progress) -> list[ActionInfo]:
            return execute_plan(
                db, actor=actor, reference=reference, operation=operation, secrets=secrets,
                progress=progress,
            )  # fmt: skip

        self.task = self.ctx.tasks.run(
            work,
            title=self.tr("Executing the changes…"),
            parent=self,
            on_done=self._executed,
            on_error=self._execute_failed,
        )
        self._update_buttons()
        return self.task

    def _executed(self, actions: list[ActionInfo]) -> None:
        self.task = None
        self.show_actions(actions)
        self.ctx.events.cases_changed.emit(self.reference)

    def _execute_failed(self, exc: BaseException) -> bool:
        self.task = None
        self.reload()
        if isinstance(exc, UserError):
            self._error(user_message(exc))
            return True
        return False

    def suppress(self) -> bool:
        self.error.hide()
        try:
            added = suppress_marketing(
                self.ctx.db, actor=self.ctx.actor, reference=self.reference, email=self.email,
                today=self.ctx.today(),
            )  # fmt: skip
        except UserError as exc:
            self._error(user_message(exc))
            return False
        self.summary.setText(
            self.tr("The address is now on the suppression list.")
            if added
            else self.tr("The address was already on the suppression list.")
        )
        self.ctx.events.cases_changed.emit(self.reference)
        return True
