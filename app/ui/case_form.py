"""The fields of a letter and its data subject, shared by the intake and the edit dialog."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.enums import Channel, IdentifierKind, Language, RequestType
from app.core.errors import ValidationError
from app.core.validation import (
    COUNTRIES,
    DEFAULT_MAX_ATTACHMENT_MB,
    GDPR_START,
    CaseInput,
    RepresentativeInput,
    check_attachment,
    country_name,
)
from app.services.dto import CaseDetail
from app.services.settings import get_setting
from app.ui import labels
from app.ui.context import UiContext
from app.ui.errors import user_message
from app.ui.widgets import FieldErrors, OptionalDate, error_label, make_date_edit, pydate, qdate

REQUESTER_FIELDS = (
    "salutation", "first_name", "initials", "name_prefix", "last_name", "street", "postcode",
    "city", "country", "email", "phone", "birth_date",
)  # fmt: skip
# A calm note (not an error): the same colours as the main window's banner.
WARNING_STYLE = (
    "background: #fff3dc; border: 1px solid #e6c88a; border-radius: 4px; padding: 6px; "
    "color: #3d2f10;"
)
CASE_FIELDS = (
    "request_types", "received_on", "their_reference", "their_letter_date", "channel",
    "language", "summary",
)  # fmt: skip


# Kinds the intake's "other identifier" offers (the customer number has its own field).
EXTRA_IDENTIFIER_KINDS = ("ip_address", "user_id", "email", "phone", "other")


def _combo(items: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    for code, text in items.items():
        combo.addItem(text, code)
    return combo


def _select(combo: QComboBox, code: str) -> None:
    index = combo.findData(code)
    if index < 0 and code:
        combo.addItem(code, code)  # an old or imported value stays visible and selected
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


class CaseForm(QWidget):
    """Every field of ``CaseInput`` with its inline error line; ``with_extras`` adds the
    customer number and the representative (only the intake sets those)."""

    def __init__(self, ctx: UiContext, *, with_extras: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.errors = FieldErrors()
        self._error_labels: dict[str, QLabel] = {}
        self.with_extras = with_extras
        today = ctx.today()
        locale = ctx.locale

        # ---- the letter ----
        self.type_boxes: dict[str, QCheckBox] = {}
        types_widget = QWidget()
        grid = QGridLayout(types_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        type_texts = {
            "access": self.tr("access (Art. 1&5)"),
            "rectification": self.tr("rectification (Art. 1&6)"),
            "erasure": self.tr("erasure (Art. &17)"),
            "restriction": self.tr("restriction (Art. 1&8)"),
            "portability": self.tr("portability (Art. 2&0)"),
            "objection": self.tr("ob&jection (Art. 21)"),
        }
        for number, rtype in enumerate(RequestType):
            box = QCheckBox(type_texts[rtype.value])
            box.setObjectName(f"type_{rtype.value}")
            self.type_boxes[rtype.value] = box
            grid.addWidget(box, number // 2, number % 2)
        self.received_on = make_date_edit(locale, minimum=GDPR_START, maximum=today)
        self.received_on.setDate(qdate(today))
        self.received_on.setObjectName("received_on")
        self.their_reference = QLineEdit()
        self.their_letter_date = OptionalDate(
            locale, self.tr("dated"), minimum=date(2000, 1, 1), maximum=today
        )
        self.their_letter_date.check.setAccessibleName(self.tr("Their letter is dated"))
        self.channel = _combo(labels.channel_labels())
        self.language = _combo(labels.language_labels())
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(
            self.tr("What does the person ask? (no copies of the letter)")
        )
        self.summary.setFixedHeight(72)

        letter = QGroupBox(self.tr("The letter"))
        lf = QFormLayout(letter)
        self._row(lf, self.tr("Re&quest types:"), types_widget, "request_types")
        self._row(lf, self.tr("&Received on:"), self.received_on, "received_on")
        self._row(lf, self.tr("Their re&ference:"), self.their_reference, "their_reference")
        self._row(lf, self.tr("Their letter &date:"), self.their_letter_date, "their_letter_date")
        self._row(lf, self.tr("Channel:"), self.channel, "channel")
        self._row(lf, self.tr("Answer lan&guage:"), self.language, "language")
        self._row(lf, self.tr("Summar&y:"), self.summary, "summary")
        self.letter_form = lf

        # ---- the data subject ----
        self.salutation = _combo(labels.salutation_labels())
        self.first_name = QLineEdit()
        self.initials = QLineEdit()
        self.initials.setMaximumWidth(90)
        self.name_prefix = QLineEdit()
        self.name_prefix.setMaximumWidth(90)
        self.name_prefix.setPlaceholderText(self.tr("van der"))
        self.last_name = QLineEdit()
        self.street = QLineEdit()
        self.street.setPlaceholderText(self.tr("Street and house number"))
        self.postcode = QLineEdit()
        self.postcode.setMaximumWidth(120)
        self.postcode.setPlaceholderText("1234 AB")
        self.city = QLineEdit()
        self.country = QComboBox()
        for code in COUNTRIES.texts:
            self.country.addItem(f"{country_name(code, ctx.lang)} ({code})", code)
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.birth_date = OptionalDate(
            locale, self.tr("known"), minimum=date(1900, 1, 1), maximum=today
        )
        self.birth_date.check.setAccessibleName(self.tr("Date of birth known"))
        self.customer_number = QLineEdit()
        # One more identifier from the letter (more can be added in the case afterwards).
        self.extra_kind = QComboBox()
        kind_names = labels.identifier_labels()
        for code in EXTRA_IDENTIFIER_KINDS:
            self.extra_kind.addItem(labels.label(kind_names, code), code)
        self.extra_kind.setAccessibleName(self.tr("Kind of the other identifier"))
        self.extra_value = QLineEdit()
        self.extra_value.setPlaceholderText(self.tr("e.g. the IP address the letter mentions"))
        self.extra_value.setAccessibleName(self.tr("Other identifier"))

        person = QGroupBox(self.tr("Data subject (betrokkene)"))
        pf = QFormLayout(person)
        self._row(pf, self.tr("Sal&utation:"), self.salutation, "salutation")
        self._row(pf, self.tr("First &name:"), self.first_name, "first_name")
        names = QWidget()
        nl = QHBoxLayout(names)
        nl.setContentsMargins(0, 0, 0, 0)
        nl.addWidget(self.initials)
        nl.addWidget(self.name_prefix)
        nl.addStretch(1)
        self.initials.setAccessibleName(self.tr("Initials"))
        self.name_prefix.setAccessibleName(self.tr("Name prefix (tussenvoegsel)"))
        self._row(pf, self.tr("&Initials / prefix:"), names, "initials")
        self.errors.add("name_prefix", self.name_prefix, self.errors_label_of("initials"))
        self._row(pf, self.tr("&Last name: *"), self.last_name, "last_name")
        self._row(pf, self.tr("&Street and number:"), self.street, "street")
        self._row(pf, self.tr("&Postcode:"), self.postcode, "postcode")
        self._row(pf, self.tr("&Town:"), self.city, "city")
        self._row(pf, self.tr("C&ountry:"), self.country, "country")
        self._row(pf, self.tr("&E-mail:"), self.email, "email")
        self._row(pf, self.tr("P&hone:"), self.phone, "phone")
        self._row(pf, self.tr("Date of &birth:"), self.birth_date, "birth_date")
        if with_extras:
            self._row(
                pf, self.tr("Customer nu&mber:"), self.customer_number, "identifier_customer_number"
            )
            extra = QWidget()
            extra_layout = QHBoxLayout(extra)
            extra_layout.setContentsMargins(0, 0, 0, 0)
            extra_layout.addWidget(self.extra_kind)
            extra_layout.addWidget(self.extra_value, 1)
            self._row(pf, self.tr("Other identifier:"), extra, "identifier_extra")
            for code in EXTRA_IDENTIFIER_KINDS:  # the service names the error by the kind
                self.errors.add(
                    f"identifier_{code}", self.extra_value, self.errors_label_of("identifier_extra")
                )
        self.person_form = pf

        # ---- representative ----
        self.representative = QGroupBox(self.tr("Sent by a representative"))
        self.representative.setCheckable(True)
        self.representative.setChecked(False)
        self.rep_name = QLineEdit()
        self.rep_role = _combo(labels.role_labels())
        self.rep_organisation = QLineEdit()
        self.rep_street = QLineEdit()
        self.rep_street.setPlaceholderText(self.tr("Street and house number"))
        self.rep_postcode = QLineEdit()
        self.rep_postcode.setMaximumWidth(120)
        self.rep_postcode.setPlaceholderText("1234 AB")
        self.rep_city = QLineEdit()
        self.rep_country = QComboBox()
        for code in COUNTRIES.texts:
            self.rep_country.addItem(f"{country_name(code, ctx.lang)} ({code})", code)
        self.rep_email = QLineEdit()
        rf = QFormLayout(self.representative)
        self._row(rf, self.tr("Name:"), self.rep_name, "representative")
        self._row(rf, self.tr("Role:"), self.rep_role, "representative_role")
        self._row(rf, self.tr("Organisation:"), self.rep_organisation, "representative_org")
        self._row(rf, self.tr("Street and number:"), self.rep_street, "representative_street")
        self._row(rf, self.tr("Postcode:"), self.rep_postcode, "representative_postcode")
        self._row(rf, self.tr("Town:"), self.rep_city, "representative_city")
        self._row(rf, self.tr("Country:"), self.rep_country, "representative_country")
        self._row(rf, self.tr("E-mail:"), self.rep_email, "representative_email")
        self.rep_authorisation: Path | None = None
        self.rep_attach_button = QPushButton(self.tr("Attach &authorisation (machtiging)…"))
        self.rep_attach_button.clicked.connect(self.choose_authorisation)
        self.rep_remove_button = QPushButton(self.tr("Remove authorisation"))
        self.rep_remove_button.clicked.connect(self.remove_authorisation)
        self.rep_remove_button.setEnabled(False)
        self.rep_authorisation_label = QLabel(self.tr("No authorisation attached"))
        self.rep_authorisation_label.setProperty("role", "subtle")
        self.rep_authorisation_label.setWordWrap(True)
        auth = QWidget()
        auth_layout = QVBoxLayout(auth)
        auth_layout.setContentsMargins(0, 0, 0, 0)
        auth_buttons = QHBoxLayout()
        auth_buttons.addWidget(self.rep_attach_button)
        auth_buttons.addWidget(self.rep_remove_button)
        auth_buttons.addStretch(1)
        auth_layout.addLayout(auth_buttons)
        auth_layout.addWidget(self.rep_authorisation_label)
        self._row(rf, self.tr("Authorisation:"), auth, "representative_authorisation")
        # The date written on the authorisation: letters then say "uw machtiging van ...".
        self.rep_authorisation_dated = OptionalDate(
            locale, self.tr("dated"), minimum=date(2000, 1, 1), maximum=today
        )
        self.rep_authorisation_dated.setObjectName("rep_authorisation_dated")
        self.rep_authorisation_dated.check.setAccessibleName(self.tr("The authorisation is dated"))
        self._row(
            rf,
            # No Alt key: every letter of the label is taken by the intake's other fields.
            self.tr("Authorisation dated:"),
            self.rep_authorisation_dated,
            "representative_authorisation_dated",
        )
        self.rep_warning = QLabel(
            self.tr(
                "No authorisation (machtiging) attached: the case can be saved, but the answer "
                "may only be sent after the authorisation is received."
            )
        )
        self.rep_warning.setObjectName("authorisation_warning")
        self.rep_warning.setWordWrap(True)
        self.rep_warning.setStyleSheet(WARNING_STYLE)
        rf.addRow(self.rep_warning)
        self.representative.toggled.connect(self._update_authorisation_warning)
        self._update_authorisation_warning()
        self.representative.setVisible(with_extras)

        left = QVBoxLayout()
        left.addWidget(letter)
        left.addWidget(self.representative)
        left.addStretch(1)
        self.left_column = left
        right = QVBoxLayout()
        right.addWidget(person)
        right.addStretch(1)
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(12)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        self.tab_chain: list[QWidget] = [
            *self.type_boxes.values(), self.received_on, self.their_reference,
            self.their_letter_date.check, self.their_letter_date.edit, self.channel,
            self.language, self.summary, self.representative, self.rep_name, self.rep_role,
            self.rep_organisation, self.rep_street, self.rep_postcode, self.rep_city,
            self.rep_country, self.rep_email, self.rep_attach_button, self.rep_remove_button,
            self.rep_authorisation_dated.check, self.rep_authorisation_dated.edit,
            self.salutation, self.first_name,
            self.initials, self.name_prefix, self.last_name, self.street, self.postcode,
            self.city, self.country, self.email, self.phone, self.birth_date.check,
            self.birth_date.edit, self.customer_number, self.extra_kind, self.extra_value,
        ]  # fmt: skip
        self._initial = self.values()

    def _row(self, form: QFormLayout, text: str, widget: QWidget, name: str) -> None:
        label = error_label()
        label.setObjectName(f"error_{name}")
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(label)
        box.setFocusProxy(widget)
        form.addRow(text, box)
        self.errors.add(name, widget, label)
        self._error_labels[name] = label

    def errors_label_of(self, name: str) -> QLabel:
        return self._error_labels[name]

    # ---- the representative's authorisation -------------------------------------------------

    def choose_authorisation(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach the authorisation (machtiging)"),
            str(Path.home()),
            self.tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"),
        )
        if name:
            self.set_authorisation(Path(name))

    def set_authorisation(self, path: Path) -> bool:
        """Check the file at once (size, real type), as the scan of the letter is checked."""
        label = self._error_labels["representative_authorisation"]
        max_mb = int(get_setting(self.ctx.db, key="attachments").get("max_mb", 0))
        try:
            check_attachment(path, max_mb=max_mb or DEFAULT_MAX_ATTACHMENT_MB)
        except ValidationError as exc:
            label.setText(user_message(exc))
            label.show()
            self.rep_attach_button.setAccessibleDescription(user_message(exc))
            return False
        self.rep_authorisation = path
        label.hide()
        self.rep_attach_button.setAccessibleDescription("")
        size_kb = max(1, path.stat().st_size // 1024)
        self.rep_authorisation_label.setText(
            self.tr("Authorisation: %1 (%2 kB)")
            .replace("%1", path.name)
            .replace("%2", str(size_kb))
        )
        self.rep_remove_button.setEnabled(True)
        self._update_authorisation_warning()
        return True

    def remove_authorisation(self) -> None:
        self.rep_authorisation = None
        self.rep_authorisation_label.setText(self.tr("No authorisation attached"))
        self.rep_remove_button.setEnabled(False)
        self._update_authorisation_warning()

    def _update_authorisation_warning(self) -> None:
        missing = self.representative.isChecked() and self.rep_authorisation is None
        self.rep_warning.setVisible(missing)

    def untouched(self, name: str) -> bool:
        """True while the field still has the value it was loaded with (or the default)."""
        return bool(self.values()[name] == self._initial[name])

    # ---- values ---------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        return {
            "request_types": tuple(
                code for code, box in self.type_boxes.items() if box.isChecked()
            ),
            "received_on": pydate(self.received_on.date()),
            "their_reference": self.their_reference.text().strip(),
            "their_letter_date": self.their_letter_date.value(),
            "channel": self.channel.currentData(),
            "language": self.language.currentData(),
            "summary": self.summary.toPlainText().strip(),
            "salutation": self.salutation.currentData(),
            "first_name": self.first_name.text().strip(),
            "initials": self.initials.text().strip(),
            "name_prefix": self.name_prefix.text().strip(),
            "last_name": self.last_name.text().strip(),
            "street": self.street.text().strip(),
            "postcode": self.postcode.text().strip(),
            "city": self.city.text().strip(),
            "country": self.country.currentData(),
            "email": self.email.text().strip(),
            "phone": self.phone.text().strip(),
            "birth_date": self.birth_date.value(),
            "customer_number": self.customer_number.text().strip(),
            "extra_kind": self.extra_kind.currentData(),
            "extra_value": self.extra_value.text().strip(),
            "representative": self.representative.isChecked(),
            "rep_name": self.rep_name.text().strip(),
            "rep_role": self.rep_role.currentData(),
            "rep_organisation": self.rep_organisation.text().strip(),
            "rep_street": self.rep_street.text().strip(),
            "rep_postcode": self.rep_postcode.text().strip(),
            "rep_city": self.rep_city.text().strip(),
            "rep_country": self.rep_country.currentData(),
            "rep_email": self.rep_email.text().strip(),
            "rep_authorisation": self.rep_authorisation,
            "rep_authorisation_dated": self.rep_authorisation_dated.value(),
        }

    def is_dirty(self) -> bool:
        return self.values() != self._initial

    def to_input(self) -> CaseInput:
        v = self.values()
        identifiers: tuple[tuple[IdentifierKind, str], ...] = ()
        if v["customer_number"]:
            identifiers = ((IdentifierKind.CUSTOMER_NUMBER, v["customer_number"]),)
        if v["extra_value"]:
            identifiers += ((IdentifierKind(v["extra_kind"]), v["extra_value"]),)
        representative = None
        if v["representative"]:
            representative = RepresentativeInput(
                name=v["rep_name"],
                role=v["rep_role"],
                organisation=v["rep_organisation"],
                street=v["rep_street"],
                postcode=v["rep_postcode"],
                city=v["rep_city"],
                country=v["rep_country"],
                email=v["rep_email"],
                authorisation=v["rep_authorisation"],
                authorisation_dated=v["rep_authorisation_dated"],
            )
        return CaseInput(
            request_types=tuple(RequestType(t) for t in v["request_types"]),
            received_on=v["received_on"],
            last_name=v["last_name"],
            first_name=v["first_name"],
            name_prefix=v["name_prefix"],
            initials=v["initials"],
            salutation=v["salutation"],
            street=v["street"],
            postcode=v["postcode"],
            city=v["city"],
            country=v["country"],
            email=v["email"],
            phone=v["phone"],
            birth_date=v["birth_date"],
            their_reference=v["their_reference"],
            their_letter_date=v["their_letter_date"],
            channel=Channel(v["channel"]),
            language=Language(v["language"]),
            summary=v["summary"],
            identifiers=identifiers,
            representative=representative,
        )

    def load(self, detail: CaseDetail) -> None:
        """Fill the form from a stored case (the edit dialog)."""
        r = detail.requester
        for code, box in self.type_boxes.items():
            box.setChecked(code in detail.types)
        self.received_on.setDate(qdate(detail.received_on))
        self.their_reference.setText(detail.their_reference)
        self.their_letter_date.set_value(detail.their_letter_date)
        _select(self.channel, detail.channel)
        _select(self.language, detail.language)
        self.summary.setPlainText(detail.summary)
        _select(self.salutation, r.salutation)
        self.first_name.setText(r.first_name)
        self.initials.setText(r.initials)
        self.name_prefix.setText(r.name_prefix)
        self.last_name.setText(r.last_name)
        self.street.setText(r.street)
        self.postcode.setText(r.postcode)
        self.city.setText(r.city)
        _select(self.country, r.country)
        self.email.setText(r.email)
        self.phone.setText(r.phone)
        self.birth_date.set_value(r.birth_date)
        self._initial = self.values()

    def changes(self) -> dict[str, Any]:
        """The fields ``edit_case`` accepts whose value differs from what was loaded."""
        now, before = self.values(), self._initial
        changed: dict[str, Any] = {}
        for name in (*CASE_FIELDS, *REQUESTER_FIELDS):
            if now[name] != before[name]:
                changed[name] = list(now[name]) if name == "request_types" else now[name]
        return changed
