"""The Art. 30 processing register: list, edit every field (version-checked), delete, export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import StaleDataError, UserError, ValidationError
from app.core.register_rules import LETTER_TEXT_FIELDS
from app.services.register import (
    FIELDS,
    OTHER_LANGUAGES,
    Activity,
    clear_migration_report,
    delete_activity,
    export_processing_register,
    list_activities,
    list_systems,
    migration_report,
    save_activity,
)
from app.ui.confirm import ask_before
from app.ui.context import UiContext
from app.ui.errors import user_message
from app.ui.widgets import FieldErrors, error_label, list_and_editor, with_error

SHORT_FIELDS = {"name", "legal_basis"}
ACTIVITY_ROLE = Qt.ItemDataRole.UserRole


def field_labels() -> dict[str, str]:
    return {
        "name": QCoreApplication.translate("Register", "Processing activity"),
        "purposes": QCoreApplication.translate("Register", "Purposes"),
        "legal_basis": QCoreApplication.translate("Register", "Legal basis"),
        "data_categories": QCoreApplication.translate("Register", "Categories of personal data"),
        "subject_categories": QCoreApplication.translate("Register", "Categories of data subjects"),
        "recipients": QCoreApplication.translate("Register", "Recipients (by name, one per line)"),
        "recipient_categories": QCoreApplication.translate(
            "Register", "Categories of recipients (only when they cannot be named)"
        ),
        "recipients_unnamed_reason": QCoreApplication.translate(
            "Register", "Why the recipients cannot be named"
        ),
        "retention": QCoreApplication.translate("Register", "Retention period"),
        "source": QCoreApplication.translate("Register", "Source of the data"),
        "transfers": QCoreApplication.translate(
            "Register", "Transfers outside the EEA and safeguards"
        ),
        "automated_decisions": QCoreApplication.translate(
            "Register", "Automated decisions and their logic"
        ),
        "systems": QCoreApplication.translate("Register", "Systems holding the data"),
    }


def language_labels() -> dict[str, str]:
    return {
        "en": QCoreApplication.translate("Register", "English"),
        "de": QCoreApplication.translate("Register", "German"),
    }


def translated_labels() -> dict[str, str]:
    """ "purposes_en" -> "English: Purposes": the texts an access answer in English prints."""
    texts, langs = field_labels(), language_labels()
    return {
        f"{field}_{lang}": f"{langs[lang]}: {texts[field]}"
        for lang in OTHER_LANGUAGES
        for field in LETTER_TEXT_FIELDS
    }


def report_text(report: dict[str, object]) -> str:
    """What the upgrade to linked systems could not map, for the officer."""
    parts = []
    unmapped = report.get("unmapped") or []
    if isinstance(unmapped, list) and unmapped:
        names = ", ".join(f"{u.get('system')} ({u.get('processing')})" for u in unmapped
                          if isinstance(u, dict))  # fmt: skip
        parts.append(
            QCoreApplication.translate(
                "Register", "System names the upgrade could not link to a configured system: %1."
            ).replace("%1", names)
        )
    loose = report.get("systems_without_processing") or []
    if isinstance(loose, list) and loose:
        parts.append(
            QCoreApplication.translate(
                "Register", "Configured systems linked to no processing activity: %1."
            ).replace("%1", ", ".join(str(x) for x in loose))
        )
    to_name = report.get("recipients_to_name") or []
    if isinstance(to_name, list) and to_name:
        parts.append(
            QCoreApplication.translate(
                "Register", "Name the recipients (CJEU C-154/21) of: %1."
            ).replace("%1", ", ".join(str(x) for x in to_name))
        )
    return "\n".join(parts)


class RegisterDialog(QDialog):
    """Edit the register the access answer is built from."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current: Activity | None = None
        self.message: QMessageBox | None = None
        self.setWindowTitle(self.tr("Processing register"))
        self.resize(1100, 760)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Processing activities"))
        self.list.currentItemChanged.connect(lambda item, _p: self._chosen(item))
        self.new_button = QPushButton(self.tr("&New activity"))
        self.new_button.clicked.connect(self.new_activity)
        self.export_format = QComboBox()
        self.export_format.addItem("CSV", "csv")
        self.export_format.addItem("JSON", "json")
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.clicked.connect(lambda: self.export())
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_format)
        export_row.addWidget(self.export_button)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.list, 1)
        ll.addWidget(self.new_button)
        ll.addLayout(export_row)

        self.inputs: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.errors = FieldErrors()
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        texts = {**field_labels(), **translated_labels()}
        self.systems = QListWidget()
        self.systems.setObjectName("field_systems")
        self.systems.setAccessibleName(texts["systems"])
        self.systems.setFixedHeight(96)
        for _cid, system in list_systems(ctx.db):
            item = QListWidgetItem(system)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.systems.addItem(item)
        systems_error = error_label()
        self.errors.add("systems", self.systems, systems_error)
        for name in (*FIELDS, *translated_labels()):
            if name == "source":
                caption = QLabel(texts["systems"] + ":")
                caption.setWordWrap(True)
                caption.setMaximumWidth(200)
                form.addRow(caption, with_error(self.systems, systems_error))
            widget: QLineEdit | QPlainTextEdit
            if name in SHORT_FIELDS or name.startswith("name_"):
                widget = QLineEdit()
            else:
                widget = QPlainTextEdit()
                widget.setTabChangesFocus(True)
                widget.setFixedHeight(66)
            widget.setObjectName(f"field_{name}")
            widget.setAccessibleName(texts[name])
            label = error_label()
            self.errors.add(name, widget, label)
            self.inputs[name] = widget
            caption = QLabel(texts[name] + ":")
            caption.setWordWrap(True)
            caption.setMaximumWidth(200)
            form.addRow(caption, with_error(widget, label))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        self.report = QLabel()
        self.report.setObjectName("registerReport")
        self.report.setWordWrap(True)
        self.report_done = QPushButton(self.tr("&Read, hide this"))
        self.report_done.clicked.connect(self.clear_report)
        self._show_report()
        self.state = QLabel()
        self.state.setProperty("role", "subtle")
        self.error = error_label()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.clicked.connect(self.ask_delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        report_row = QHBoxLayout()
        report_row.addWidget(self.report, 1)
        report_row.addWidget(self.report_done)
        rl.addLayout(report_row)
        rl.addWidget(scroll, 1)
        rl.addWidget(self.error)
        rl.addLayout(buttons)

        list_and_editor(self, left, right, [300, 800])
        self.reload()
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.new_activity()

    def _show_report(self) -> None:
        report = migration_report(self.ctx.db)
        text = "" if report is None else report_text(report)
        self.report.setText(text)
        self.report.setVisible(bool(text))
        self.report_done.setVisible(bool(text))

    def clear_report(self) -> None:
        clear_migration_report(self.ctx.db, actor=self.ctx.actor)
        self._show_report()

    def reload(self, select: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for activity in list_activities(self.ctx.db):
            item = QListWidgetItem(activity.name)
            item.setData(ACTIVITY_ROLE, activity)
            self.list.addItem(item)
            if activity.id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def _chosen(self, item: QListWidgetItem | None) -> None:
        activity = None if item is None else item.data(ACTIVITY_ROLE)
        if isinstance(activity, Activity):
            self.show_activity(activity)

    def show_activity(self, activity: Activity | None) -> None:
        self.current = activity
        self.errors.clear()
        self.error.hide()
        for name, widget in self.inputs.items():
            value = "" if activity is None else activity.values.get(name, "")
            if isinstance(widget, QLineEdit):
                widget.setText(value)
            else:
                widget.setPlainText(value)
        linked = set() if activity is None else set(activity.systems)
        for i in range(self.systems.count()):
            item = self.systems.item(i)
            checked = item.text() in linked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.delete_button.setEnabled(activity is not None)
        self.state.setText("" if activity is None else self.tr("Version %1").replace(
            "%1", str(activity.version)))  # fmt: skip

    def new_activity(self) -> None:
        self.list.setCurrentRow(-1)
        self.show_activity(None)
        self.inputs["name"].setFocus()

    def values(self) -> dict[str, str]:
        values = {
            name: w.text() if isinstance(w, QLineEdit) else w.toPlainText()
            for name, w in self.inputs.items()
        }
        values["systems"] = "\n".join(
            self.systems.item(i).text()
            for i in range(self.systems.count())
            if self.systems.item(i).checkState() == Qt.CheckState.Checked
        )
        return values

    def save(self) -> bool:
        self.errors.clear()
        self.error.hide()
        try:
            new_id = save_activity(
                self.ctx.db,
                actor=self.ctx.actor,
                values=self.values(),
                activity_id=None if self.current is None else self.current.id,
                expected_version=None if self.current is None else self.current.version,
            )
        except StaleDataError as exc:
            self._stale(user_message(exc))
            return False
        except ValidationError as exc:
            rest = self.errors.show(exc.errors)
            if rest:
                self.error.setText("\n".join(rest.values()))
                self.error.show()
            return False
        except UserError as exc:
            self.error.setText(user_message(exc))
            self.error.show()
            return False
        self.reload(select=new_id)
        item = self.list.currentItem()
        if item is not None:
            self.show_activity(item.data(ACTIVITY_ROLE))
        self.state.setText(self.tr("Saved."))
        return True

    def _stale(self, text: str) -> None:
        # What was typed stays in the form; the officer decides whether to reload.
        self.error.setText(text)
        self.error.show()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Changed meanwhile"), text,
                          QMessageBox.StandardButton.NoButton, self)  # fmt: skip
        box.setObjectName("staleMessage")
        reload_button = box.addButton(self.tr("&Reload (my changes are lost)"),
                                      QMessageBox.ButtonRole.AcceptRole)  # fmt: skip
        box.addButton(QMessageBox.StandardButton.Close)
        box.buttonClicked.connect(lambda b: self._reload_current() if b is reload_button else None)
        self.message = box
        box.open()

    def _reload_current(self) -> None:
        keep = None if self.current is None else self.current.id
        self.reload(select=keep)
        item = self.list.currentItem()
        self.show_activity(None if item is None else item.data(ACTIVITY_ROLE))

    def ask_delete(self) -> QMessageBox | None:
        if self.current is None:
            return None
        activity = self.current
        text = self.tr(
            "Delete '%1' from the register? The entry is removed from the record of processing "
            "activities; this cannot be undone (the audit trail keeps that it was deleted)."
        ).replace("%1", activity.name)  # fmt: skip
        self.message = ask_before(
            self, title=self.tr("Delete activity"), text=text, action=self.tr("&Delete activity"),
            on_yes=lambda: self.delete(activity.id), name="confirmDeleteActivity",
        )  # fmt: skip
        return self.message

    def delete(self, activity_id: int) -> bool:
        try:
            delete_activity(self.ctx.db, actor=self.ctx.actor, activity_id=activity_id)
        except UserError as exc:
            self.error.setText(user_message(exc))
            self.error.show()
            return False
        self.reload()
        self.new_activity()
        return True

    def export(self, path: Path | None = None) -> Path | None:
        fmt = str(self.export_format.currentData())
        if path is None:
            name, _f = QFileDialog.getSaveFileName(
                self, self.tr("Export register"), str(Path.home() / f"processing-register.{fmt}"),
                f"*.{fmt}",
            )  # fmt: skip
            if not name:
                return None
            path = Path(name)
        try:
            path.write_bytes(export_processing_register(self.ctx.db, fmt=fmt))
        except (OSError, UserError) as exc:
            text = user_message(exc) if isinstance(exc, UserError) else str(exc)
            self.error.setText(self.tr("The export failed: %1").replace("%1", text))
            self.error.show()
            return None
        self.state.setText(self.tr("Exported to %1").replace("%1", str(path)))
        return path
