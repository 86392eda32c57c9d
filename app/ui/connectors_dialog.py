"""Source systems (connectors): list, a settings form generated from the kind, test, delete."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.connectors import registry
from app.connectors.base import SettingSpec
from app.core.errors import UserError, ValidationError
from app.core.i18n import translate
from app.services.connectors import (
    ConnectorInfo,
    delete_connector,
    list_connectors,
    save_connector,
    test_connector,
)
from app.services.secrets import FILE, KEYRING, LOCKED, SecretStore
from app.ui.confirm import ask_before
from app.ui.context import UiContext
from app.ui.errors import ui_text, user_message
from app.ui.passphrase_dialog import ensure_unlocked
from app.ui.tasks import Task
from app.ui.widgets import FieldErrors, error_label, list_and_editor, with_error

INFO_ROLE = Qt.ItemDataRole.UserRole


def setting_text(value: Any) -> str:
    """A stored setting as the officer types it: mappings as 'column=kind, ...'."""
    if value is None:
        return ""
    if isinstance(value, Mapping):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


class PathField(QWidget):
    """A path with a browse button (a file, or a folder when the setting names only a folder)."""

    def __init__(self, spec: SettingSpec, label: str = "") -> None:
        super().__init__()
        # Decided on the English label (the connector's own), whatever the UI language.
        self.folder = "folder" in spec.label.lower() and "file" not in spec.label.lower()
        self.edit = QLineEdit()
        self.edit.setAccessibleName(label or spec.label)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(browse)
        self.setFocusProxy(self.edit)

    def browse(self) -> None:
        if self.folder:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"),
                                                      self.edit.text())  # fmt: skip
        else:
            chosen, _f = QFileDialog.getOpenFileName(self, self.tr("Choose a file"),
                                                     self.edit.text())  # fmt: skip
        if chosen:
            self.edit.setText(chosen)


class SettingsForm(QWidget):
    """Fields generated from a kind's SettingSpecs; secrets are never shown back."""

    def __init__(self, kind: str, secrets: SecretStore, lang: str) -> None:
        super().__init__()
        self.kind = kind
        self.lang = lang
        self.description = registry.describe(kind)
        self.inputs: dict[str, QWidget] = {}
        self.specs: dict[str, SettingSpec] = {}
        self.labels: dict[str, str] = {}  # setting -> label in the UI language
        self.extras: dict[str, Any] = {}
        self.errors = FieldErrors()
        self.secrets = secrets
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for spec in self.description.settings:
            text = translate(spec.label, lang)
            help_text = translate(spec.help, lang) if spec.help else ""
            self.labels[spec.name] = text
            widget = self._widget(spec, text)
            widget.setObjectName(f"setting_{spec.name}")
            widget.setToolTip(help_text)
            label = error_label()
            self.errors.add(spec.name, widget, label)
            self.inputs[spec.name] = widget
            self.specs[spec.name] = spec
            caption = text + ("" if not spec.required else " *") + ":"
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(label)
            if help_text and spec.kind != "bool":
                help_label = QLabel(help_text)
                help_label.setWordWrap(True)
                help_label.setProperty("role", "subtle")
                column.addWidget(help_label)
            form.addRow("" if spec.kind == "bool" else caption, box)
        self.set_values({})

    def _widget(self, spec: SettingSpec, label: str) -> QWidget:
        if spec.kind == "int":
            spin = QSpinBox()
            spin.setRange(0, 1_000_000)
            spin.setAccessibleName(label)
            return spin
        if spec.kind == "bool":
            return QCheckBox(label)
        if spec.kind == "choice":
            combo = QComboBox()
            for choice in spec.choices:
                combo.addItem(translate(spec.choice_label(choice), self.lang), choice)
            combo.setAccessibleName(label)
            return combo
        if spec.kind == "path":
            return PathField(spec, label)
        edit = QLineEdit()
        edit.setAccessibleName(label)
        if spec.kind == "secret":
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def set_values(self, settings: Mapping[str, Any], connector: str = "") -> None:
        self.extras = {k: v for k, v in settings.items() if k not in self.specs}
        for name, widget in self.inputs.items():
            spec = self.specs[name]
            value = settings.get(name, spec.default)
            if isinstance(widget, QSpinBox):
                widget.setValue(int(value or 0))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(str(value or ""))))
            elif isinstance(widget, PathField):
                widget.edit.setText(setting_text(value))
            elif isinstance(widget, QLineEdit) and spec.kind == "secret":
                widget.clear()
                stored = bool(connector) and bool(self.secrets.get(connector, name))
                widget.setPlaceholderText(
                    self.tr("stored – leave empty to keep it") if stored else ""
                )
            elif isinstance(widget, QLineEdit):
                widget.setText(setting_text(value))

    def values(self) -> tuple[dict[str, Any], dict[str, str]]:
        """(settings, secret values typed now); unknown stored settings are kept."""
        settings: dict[str, Any] = dict(self.extras)
        secret_values: dict[str, str] = {}
        for name, widget in self.inputs.items():
            spec = self.specs[name]
            if isinstance(widget, QSpinBox):
                settings[name] = widget.value()
            elif isinstance(widget, QCheckBox):
                settings[name] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                settings[name] = str(widget.currentData())
            elif isinstance(widget, PathField):
                settings[name] = widget.edit.text().strip()
            elif isinstance(widget, QLineEdit) and spec.kind == "secret":
                if widget.text():
                    secret_values[name] = widget.text()
            elif isinstance(widget, QLineEdit):
                settings[name] = widget.text().strip()
        return settings, secret_values


class ConnectorsDialog(QDialog):
    """The systems searched for every case (Settings > Systems)."""

    def __init__(self, ctx: UiContext, secrets: SecretStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.secrets = secrets
        self.current: ConnectorInfo | None = None
        self.task: Task | None = None
        self.confirm: QMessageBox | None = None
        self.setWindowTitle(self.tr("Systems"))
        self.resize(1060, 680)

        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setAccessibleName(self.tr("Systems"))
        self.list.setHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("Enabled")])
        self.list.header().resizeSection(0, 200)
        self.list.currentItemChanged.connect(lambda item, _prev: self._chosen(item))
        self.new_button = QPushButton(self.tr("&New system"))
        self.new_button.clicked.connect(self.new_connector)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.list, 1)
        ll.addWidget(self.new_button)

        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.kind = QComboBox()
        for desc in registry.kinds():
            self.kind.addItem(translate(desc.label, ctx.lang), desc.kind)
        self.kind.currentIndexChanged.connect(lambda _i: self._build_form({}))
        self.enabled = QCheckBox(self.tr("Sea&rch this system for every case"))
        self.timeout = QSpinBox()
        self.timeout.setRange(5, 3600)
        self.timeout.setSuffix(self.tr(" s"))
        self.timeout.setValue(120)
        self.kind_help = QLabel()
        self.kind_help.setWordWrap(True)
        self.kind_help.setProperty("role", "subtle")
        self.top_errors = FieldErrors()
        name_error, timeout_error = error_label(), error_label()
        self.top_errors.add("name", self.name, name_error)
        self.top_errors.add("timeout_s", self.timeout, timeout_error)
        top = QFormLayout()
        top.addRow(self.tr("N&ame:"), with_error(self.name, name_error))
        top.addRow(self.tr("&Kind:"), self.kind)
        top.addRow("", self.kind_help)
        top.addRow("", self.enabled)
        top.addRow(self.tr("Ti&me-out:"), with_error(self.timeout, timeout_error))
        self.form_holder = QVBoxLayout()
        self.form: SettingsForm | None = None
        self.secret_note = QLabel(self._secret_note())
        self.secret_note.setWordWrap(True)
        self.secret_note.setProperty("role", "subtle")
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_result.setObjectName("testResult")
        self.error = error_label()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.clicked.connect(self.save)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setToolTip(self.tr("Saves the settings and tries to reach the system"))
        self.test_button.clicked.connect(self.test)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.clicked.connect(self.ask_delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addLayout(top)
        rl.addLayout(self.form_holder)
        rl.addStretch(1)
        rl.addWidget(self.secret_note)
        rl.addWidget(self.test_result)
        rl.addWidget(self.error)
        rl.addLayout(buttons)

        list_and_editor(self, left, right, [330, 730])
        self.reload()
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        else:
            self.new_connector()

    def _secret_note(self) -> str:
        if self.secrets.mode == KEYRING:
            return self.tr("Passwords are stored in the operating system's keyring.")
        if self.secrets.mode in (FILE, LOCKED):
            return self.tr(
                "No keyring is available on this computer: passwords are stored in an "
                "encrypted file, opened with a passphrase asked once per session."
            )
        return self.tr(
            "No keyring is available on this computer: passwords are kept in memory only and "
            "will be asked for again after a restart."
        )

    # ---- list -------------------------------------------------------------------------------

    def reload(self, select: str = "") -> None:
        self.list.blockSignals(True)
        self.list.clear()
        kinds = {desc.kind: translate(desc.label, self.ctx.lang) for desc in registry.kinds()}
        for info in list_connectors(self.ctx.db, secrets=self.secrets):
            item = QTreeWidgetItem(
                [info.name, kinds.get(info.kind, info.label),
                 self.tr("yes") if info.enabled else self.tr("no")]
            )  # fmt: skip
            item.setData(0, INFO_ROLE, info)
            if info.missing_secrets:
                item.setToolTip(0, self.tr("The password still has to be entered."))
            self.list.addTopLevelItem(item)
            if info.name == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def _chosen(self, item: QTreeWidgetItem | None) -> None:
        info = None if item is None else item.data(0, INFO_ROLE)
        if isinstance(info, ConnectorInfo):
            self.show_connector(info)

    def show_connector(self, info: ConnectorInfo) -> None:
        self.current = info
        self.name.setText(info.name)
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(info.kind)))
        self.kind.blockSignals(False)
        self.enabled.setChecked(info.enabled)
        self.timeout.setValue(info.timeout_s)
        self._build_form(info.settings, info.name)
        self.delete_button.setEnabled(True)
        self._clear_messages()

    def new_connector(self) -> None:
        self.current = None
        self.list.setCurrentIndex(QModelIndex())
        self.name.clear()
        self.enabled.setChecked(True)
        self.timeout.setValue(120)
        self._build_form({})
        self.delete_button.setEnabled(False)
        self._clear_messages()
        self.name.setFocus()

    def _build_form(self, settings: Mapping[str, Any], connector: str = "") -> None:
        if self.form is not None:
            self.form_holder.removeWidget(self.form)
            self.form.deleteLater()
        kind = str(self.kind.currentData())
        self.form = SettingsForm(kind, self.secrets, self.ctx.lang)
        self.form.set_values(settings, connector)
        self.form_holder.addWidget(self.form)
        help = self.form.description.help
        help_text = translate(help, self.ctx.lang) if help else ""
        self.kind_help.setText(help_text)
        self.kind_help.setVisible(bool(help_text))

    def _clear_messages(self) -> None:
        self.test_result.clear()
        self.error.hide()
        self.top_errors.clear()
        if self.form is not None:
            self.form.errors.clear()

    # ---- actions ----------------------------------------------------------------------------

    def save(self) -> bool:
        """Validate and store the form; errors appear at their fields."""
        assert self.form is not None
        self._clear_messages()
        settings, secret_values = self.form.values()
        name = self.name.text().strip()
        with_secret = any(secret_values.values()) or any(
            "@" in str(v) and ":" in str(v).partition("//")[2].partition("@")[0]
            for v in settings.values()
        )  # a password typed, or one written inside an address (moved to the store)
        if with_secret and not ensure_unlocked(self.secrets, self):
            self.error.setText(
                self.tr("Not saved: the passwords need the passphrase of the encrypted file.")
            )
            self.error.show()
            return False
        try:
            if self.current is not None and self.current.name != name:
                # A rename: the old name goes, so no orphan is searched under it.
                save_connector(
                    self.ctx.db, actor=self.ctx.actor, name=name, kind=str(self.kind.currentData()),
                    settings=settings, enabled=self.enabled.isChecked(),
                    timeout_s=self.timeout.value(), secrets=self.secrets,
                    secret_values=secret_values,
                )  # fmt: skip
                delete_connector(self.ctx.db, actor=self.ctx.actor, name=self.current.name)
            else:
                save_connector(
                    self.ctx.db, actor=self.ctx.actor, name=name, kind=str(self.kind.currentData()),
                    settings=settings, enabled=self.enabled.isChecked(),
                    timeout_s=self.timeout.value(), secrets=self.secrets,
                    secret_values=secret_values,
                )  # fmt: skip
        except ValidationError as exc:
            rest = self.form.errors.show(self._with_labels(exc.errors))
            rest = self.top_errors.show(rest) if rest else rest
            if rest:
                self.error.setText("\n".join(ui_text(m) for m in rest.values()))
                self.error.show()
            return False
        except UserError as exc:
            self.error.setText(user_message(exc))
            self.error.show()
            return False
        self.reload(select=name)
        item = self.list.currentItem()
        if item is not None:
            self.show_connector(item.data(0, INFO_ROLE))
        self.test_result.setText(self.tr("Saved."))
        return True

    def _with_labels(self, errors: Mapping[str, str]) -> dict[str, str]:
        """'<label>' is required: with the label as this form shows it (not the English one)."""
        assert self.form is not None
        out = dict(errors)
        for name, message in errors.items():
            spec = self.form.specs.get(name)
            if spec is not None and message == f"'{spec.label}' is required.":
                label = self.form.labels.get(name, spec.label)
                out[name] = self.tr("'%1' is required.").replace("%1", label)
        return out

    def test(self) -> Task | None:
        if not self.save():
            return None
        name = self.name.text().strip()
        self.test_result.setStyleSheet("")
        self.test_result.setText(self.tr("Testing the connection…"))
        self.test_button.setEnabled(False)
        db, secrets = self.ctx.db, self.secrets
        self.task = self.ctx.tasks.run(
            lambda _progress: test_connector(db, name=name, secrets=secrets),
            title=self.tr("Testing the connection…"),
            parent=self,
            on_done=self._tested,
            on_error=self._test_failed,
        )
        return self.task

    def _tested(self, message: str) -> None:
        self.task = None
        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet("color: #1d5e36;")
        self.test_result.setText(self.tr("OK: %1").replace("%1", ui_text(message)))

    def _test_failed(self, exc: BaseException) -> bool:
        self.task = None
        self.test_button.setEnabled(True)
        if not isinstance(exc, UserError):
            self.test_result.clear()
            return False
        self.test_result.setStyleSheet("color: #b3261e;")
        self.test_result.setText(self.tr("Failed: %1").replace("%1", user_message(exc)))
        return True

    def ask_delete(self) -> QMessageBox | None:
        if self.current is None:
            return None
        name = self.current.name
        text = self.tr(
            "Delete the system '%1'? Its settings and stored passwords are removed and it is no "
            "longer searched; findings already stored stay with their cases. This cannot be "
            "undone."
        ).replace("%1", name)  # fmt: skip
        self.confirm = ask_before(
            self, title=self.tr("Delete system"), text=text, action=self.tr("&Delete system"),
            on_yes=lambda: self.delete(name), name="confirmDeleteSystem",
        )  # fmt: skip
        return self.confirm

    def delete(self, name: str) -> bool:
        try:
            delete_connector(self.ctx.db, actor=self.ctx.actor, name=name)
        except UserError as exc:
            self.error.setText(user_message(exc))
            self.error.show()
            return False
        for spec in registry.describe(self.current.kind if self.current else "manual").settings:
            if spec.kind == "secret":
                self.secrets.delete(name, spec.name)
        self.reload()
        self.new_connector()
        return True
