"""Settings: UI language (QSettings), organisation profile and extra holidays (database)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import StaleDataError, UserError, ValidationError
from app.core.validation import COUNTRIES, country_name
from app.services.settings import (
    get_officer_name,
    get_organisation,
    get_setting,
    normalised_layout,
    set_officer_name,
    set_setting,
    update_organisation,
)
from app.ui import labels
from app.ui.context import UiContext
from app.ui.errors import ui_text, user_message
from app.ui.translation import LANGUAGE_KEY
from app.ui.widgets import FieldErrors, error_label, make_date_edit, pydate, qdate

TEXT_FIELDS = (
    "name", "department_line", "street", "postcode", "city", "phone", "email", "website",
    "kvk_number", "return_line", "signatory_name", "signatory_function",
)  # fmt: skip


class SettingsDialog(QDialog):
    language_chosen = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settingsDialog")
        self.resize(640, 620)
        self.errors = FieldErrors()
        self.general_error = error_label()
        self.tabs = tabs = QTabWidget()
        tabs.addTab(self._general_tab(), self.tr("&General"))
        tabs.addTab(self._organisation_tab(), self.tr("&Organisation"))
        tabs.addTab(self._holiday_tab(), self.tr("&Holidays"))
        tabs.addTab(self._letters_tab(), self.tr("Le&tters"))
        tabs.addTab(self._retention_tab(), self.tr("R&etention"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.load()

    # ---- tabs -----------------------------------------------------------------------------

    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language = QComboBox()
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(self.ctx.lang)))
        form.addRow(self.tr("&Language of the program:"), self.language)
        self.officer_name = QLineEdit()
        self.officer_name.setPlaceholderText(self.tr("e.g. M. de Vries"))
        self._field(form, self.tr("Your &name in letters:"), self.officer_name, "officer_name")
        note = QLabel(self.tr("The window is rebuilt in the new language when you save."))
        note.setProperty("role", "subtle")
        note.setWordWrap(True)
        form.addRow("", note)
        return page

    def _field(self, form: QFormLayout, text: str, widget: QWidget, name: str) -> None:
        label = error_label()
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(2)
        inner.addWidget(widget)
        inner.addWidget(label)
        box.setFocusProxy(widget)
        form.addRow(text, box)
        self.errors.add(name, widget, label)

    def _organisation_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        titles = {
            "name": self.tr("&Name:"),
            "department_line": self.tr("Department line:"),
            "street": self.tr("Street and number:"),
            "postcode": self.tr("Postcode:"),
            "city": self.tr("Town:"),
            "phone": self.tr("Phone:"),
            "email": self.tr("E-mail:"),
            "website": self.tr("Website:"),
            "kvk_number": self.tr("KvK number:"),
            "return_line": self.tr("Return address line:"),
            "signatory_name": self.tr("Signed by:"),
            "signatory_function": self.tr("Function of the signatory:"),
        }
        self.org_edits: dict[str, QLineEdit] = {}
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"org_{name}")
            self.org_edits[name] = edit
            self._field(form, titles[name], edit, name)
        self.country = QComboBox()
        for code in COUNTRIES.texts:
            self.country.addItem(f"{country_name(code, self.ctx.lang)} ({code})", code)
        self._field(form, self.tr("Country:"), self.country, "country")
        self.default_language = QComboBox()
        for code, text in labels.language_labels().items():
            self.default_language.addItem(text, code)
        self._field(form, self.tr("Default letter language:"), self.default_language,
                    "default_language")  # fmt: skip
        self.promise_weeks = QSpinBox()
        self.promise_weeks.setRange(1, 4)
        self.promise_weeks.setSuffix(self.tr(" weeks"))
        self._field(form, self.tr("&Promise to answer within:"), self.promise_weeks,
                    "promise_weeks")  # fmt: skip
        hint = QLabel(
            self.tr(
                "The promise is never later than the legal month; changing it recomputes "
                "the deadlines of every case."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "subtle")
        form.addRow("", hint)
        return page

    def _holiday_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Days off set by decree, on top of the public holidays of the Algemene "
                "termijnenwet. Deadlines falling on such a day move to the next working day."
            )
        )
        intro.setWordWrap(True)
        self.holidays = QListWidget()
        self.holidays.setAccessibleName(self.tr("Extra holidays"))
        self.holiday_date = make_date_edit(self.ctx.locale, minimum=date(2018, 1, 1))
        self.holiday_date.setDate(qdate(self.ctx.today()))
        add = QPushButton(self.tr("&Add day"))
        add.clicked.connect(lambda: self.add_holiday(pydate(self.holiday_date.date())))
        remove = QPushButton(self.tr("&Remove selected"))
        remove.clicked.connect(self._remove_holiday)
        row = QHBoxLayout()
        row.addWidget(self.holiday_date)
        row.addWidget(add)
        row.addStretch(1)
        row.addWidget(remove)
        layout.addWidget(intro)
        layout.addWidget(self.holidays, 1)
        layout.addLayout(row)
        return page

    def _mm(self, low: float, high: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(low, high)
        box.setDecimals(1)
        box.setSingleStep(0.5)
        box.setSuffix(" mm")
        return box

    def _letters_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        intro = QLabel(
            self.tr(
                "Print a test letter and hold it behind your window envelope. If the address "
                "is not fully in the window, move it here (DL window envelope: 70 mm wide at "
                "35 mm from the left)."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.layout_edits = {
            "address_left_mm": self._mm(10, 60),
            "address_width_mm": self._mm(60, 100),
            "address_shift_down_mm": self._mm(-15, 15),
            "reference_row_shift_down_mm": self._mm(-15, 15),
        }
        titles = {
            "address_left_mm": self.tr("Address block from the &left edge:"),
            "address_width_mm": self.tr("Address block &width:"),
            "address_shift_down_mm": self.tr("Move address &down by:"),
            "reference_row_shift_down_mm": self.tr("Move reference &row down by:"),
        }
        for name, edit in self.layout_edits.items():
            self._field(form, titles[name], edit, name)
        self.fold_marks = QCheckBox(self.tr("Print &fold marks"))
        form.addRow("", self.fold_marks)
        self.salutation_style = QComboBox()
        self.salutation_style.addItem(self.tr("Neutral (Geachte heer, mevrouw,)"), "neutral")
        self.salutation_style.addItem(self.tr("Full name (Geachte Y. van der Vos,)"), "full_name")
        self._field(
            form, self.tr("Greeting without a t&itle:"), self.salutation_style, "without_title"
        )
        self.dpo_registered = QCheckBox(
            self.tr("A Functionaris Gegevensbescherming is regi&stered with the AP")
        )
        self.dpo_registered.setToolTip(
            self.tr(
                "Only then may letters call the signatory 'functionaris gegevensbescherming'; "
                "otherwise they say 'privacyfunctionaris'."
            )
        )
        form.addRow("", self.dpo_registered)
        self.max_mb = QSpinBox()
        self.max_mb.setRange(1, 500)
        self.max_mb.setSuffix(" MB")
        self._field(form, self.tr("Largest &attachment:"), self.max_mb, "max_mb")
        return page

    def _retention_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "How long a closed case file is kept, per outcome, counted from closing; "
                "afterwards it is offered for anonymisation or deletion. Record why."
            )
        )
        intro.setWordWrap(True)
        self.retention_table = QTableWidget(0, 3)
        self.retention_table.setHorizontalHeaderLabels(
            [self.tr("Outcome"), self.tr("Months"), self.tr("Reason")]
        )
        self.retention_table.horizontalHeader().setStretchLastSection(True)
        self.retention_table.verticalHeader().setVisible(False)
        self.retention_error = error_label()
        layout.addWidget(intro)
        layout.addWidget(self.retention_table, 1)
        layout.addWidget(self.retention_error)
        self.retention_page = page
        return page

    def layout_value(self) -> dict[str, Any]:
        value: dict[str, Any] = {k: e.value() for k, e in self.layout_edits.items()}
        value["fold_marks"] = self.fold_marks.isChecked()
        return value

    def retention_value(self) -> dict[str, Any]:
        value: dict[str, Any] = {}
        for row in range(self.retention_table.rowCount()):
            code_item = self.retention_table.item(row, 0)
            months = self.retention_table.cellWidget(row, 1)
            reason = self.retention_table.item(row, 2)
            assert code_item is not None and isinstance(months, QSpinBox)
            code = str(code_item.data(Qt.ItemDataRole.UserRole))
            value[code] = {
                "months": months.value(),
                "reason": "" if reason is None else reason.text().strip(),
            }
        return value

    def _load_business_settings(self) -> None:
        layout = normalised_layout(get_setting(self.ctx.db, key="letter_layout"))
        for name, edit in self.layout_edits.items():
            edit.setValue(float(layout[name]))
        self.fold_marks.setChecked(bool(layout["fold_marks"]))
        style = get_setting(self.ctx.db, key="letter_salutation").get("without_title", "neutral")
        self.salutation_style.setCurrentIndex(max(0, self.salutation_style.findData(style)))
        registered = bool(get_setting(self.ctx.db, key="sender").get("dpo_registered", False))
        self.dpo_registered.setChecked(registered)
        self._initial_letter_style = (self.salutation_style.currentData(), registered)
        self.max_mb.setValue(int(get_setting(self.ctx.db, key="attachments").get("max_mb", 50)))
        retention = get_setting(self.ctx.db, key="retention")
        outcomes = labels.outcome_labels()
        self.retention_table.setRowCount(len(retention))
        for row, (code, rule) in enumerate(sorted(retention.items())):
            item = QTableWidgetItem(labels.label(outcomes, code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.retention_table.setItem(row, 0, item)
            months = QSpinBox()
            months.setRange(0, 240)
            months.setValue(int(rule.get("months", 0)))
            self.retention_table.setCellWidget(row, 1, months)
            self.retention_table.setItem(row, 2, QTableWidgetItem(str(rule.get("reason", ""))))
        self._initial_layout = self.layout_value()
        self._initial_max_mb = self.max_mb.value()
        self._initial_retention = self.retention_value()

    def _save_business_settings(self) -> bool:
        """Store what changed; raises ValidationError like the other settings."""
        changed = False
        if self.layout_value() != self._initial_layout:
            set_setting(self.ctx.db, actor=self.ctx.actor, key="letter_layout",
                        value=self.layout_value())  # fmt: skip
            self._initial_layout = self.layout_value()
            changed = True
        style = self.salutation_style.currentData()
        if style != self._initial_letter_style[0]:
            set_setting(self.ctx.db, actor=self.ctx.actor, key="letter_salutation",
                        value={"without_title": style})  # fmt: skip
            self._initial_letter_style = (style, self._initial_letter_style[1])
            changed = True
        if self.max_mb.value() != self._initial_max_mb:
            set_setting(self.ctx.db, actor=self.ctx.actor, key="attachments",
                        value={"max_mb": self.max_mb.value()})  # fmt: skip
            self._initial_max_mb = self.max_mb.value()
            changed = True
        retention = self.retention_value()
        if retention != self._initial_retention:
            self.retention_error.hide()
            try:
                set_setting(self.ctx.db, actor=self.ctx.actor, key="retention", value=retention)
            except ValidationError as exc:
                self.retention_error.setText("\n".join(ui_text(m) for m in exc.errors.values()))
                self.retention_error.show()
                self.tabs.setCurrentWidget(self.retention_page)  # show where the problem is
                raise
            self._initial_retention = retention
            changed = True
        return changed

    # ---- data -----------------------------------------------------------------------------

    def load(self) -> None:
        self.organisation = get_organisation(self.ctx.db)
        officer = get_officer_name(self.ctx.db, login=self.ctx.actor)
        self._initial_officer_name = "" if officer == self.ctx.actor else officer
        self.officer_name.setText(self._initial_officer_name)
        self._load_business_settings()
        for name, edit in self.org_edits.items():
            edit.setText(str(self.organisation.get(name) or ""))
        self.country.setCurrentIndex(max(0, self.country.findData(self.organisation["country"])))
        self.default_language.setCurrentIndex(
            max(0, self.default_language.findData(self.organisation["default_language"]))
        )
        self.promise_weeks.setValue(int(self.organisation["promise_weeks"]))
        stored = get_setting(self.ctx.db, key="extra_holidays").get("dates", [])
        self._initial_holidays = sorted(stored)
        self.holidays.clear()
        for day in self._initial_holidays:
            self.add_holiday(date.fromisoformat(day))

    def holiday_dates(self) -> list[str]:
        return sorted(
            self.holidays.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.holidays.count())
        )

    def add_holiday(self, day: date) -> None:
        if day.isoformat() in self.holiday_dates():
            return
        item = QListWidgetItem(labels.date_text(day, self.ctx.lang))
        item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
        self.holidays.addItem(item)
        self.holidays.sortItems()

    def _remove_holiday(self) -> None:
        for item in self.holidays.selectedItems():
            self.holidays.takeItem(self.holidays.row(item))

    def organisation_changes(self) -> dict[str, Any]:
        now: dict[str, Any] = {name: edit.text().strip() for name, edit in self.org_edits.items()}
        now["country"] = self.country.currentData()
        now["default_language"] = self.default_language.currentData()
        now["promise_weeks"] = self.promise_weeks.value()
        return {k: v for k, v in now.items() if v != (self.organisation.get(k) or "")}

    def save(self) -> None:
        self.errors.clear()
        self.general_error.hide()
        changed = False
        try:
            # First the FG registration: the profile may then name the signatory so.
            registered = self.dpo_registered.isChecked()
            if registered != self._initial_letter_style[1]:
                set_setting(self.ctx.db, actor=self.ctx.actor, key="sender",
                            value={"dpo_registered": registered})  # fmt: skip
                self._initial_letter_style = (self._initial_letter_style[0], registered)
                changed = True
            changes = self.organisation_changes()
            if changes:
                update_organisation(
                    self.ctx.db,
                    actor=self.ctx.actor,
                    expected_version=self.organisation["version"],
                    changes=changes,
                )
                self.organisation = get_organisation(self.ctx.db)
                changed = True
            name = self.officer_name.text().strip()
            if name and name != self._initial_officer_name:
                set_officer_name(self.ctx.db, actor=self.ctx.actor, login=self.ctx.actor, name=name)
                self._initial_officer_name = name
            changed = self._save_business_settings() or changed
            holidays = self.holiday_dates()
            if holidays != self._initial_holidays:
                set_setting(self.ctx.db, actor=self.ctx.actor, key="extra_holidays",
                            value={"dates": holidays})  # fmt: skip
                changed = True
        except ValidationError as exc:
            rest = self.errors.show(exc.errors)
            if rest:
                self._general("\n".join(rest.values()))
            return
        except StaleDataError as exc:
            self._general(user_message(exc))
            self.load()
            return
        except UserError as exc:
            self._general(user_message(exc))
            return
        self.ctx.settings.setValue(LANGUAGE_KEY, self.language.currentData())
        if changed:
            self.ctx.events.settings_changed.emit()
            self.ctx.events.cases_changed.emit("")
        self.accept()
        if self.language.currentData() != self.ctx.lang:
            self.language_chosen.emit(self.language.currentData())

    def _general(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.show()
