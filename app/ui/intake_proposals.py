"""How a letter's reading fills the intake form: only empty fields (what the officer typed is
never overwritten), what was filled said in words, and the letter line each field came from.

The texts keep the translation context "IntakeDialog" they had when this lived in the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from app.core.enums import REQUEST_TYPE_ARTICLE, REQUEST_TYPE_LABEL, Language, RequestType
from app.core.letter_fields import PersonProposal, Proposal
from app.core.letter_text import LetterReading
from app.core.validation import GDPR_START
from app.ui.case_form import CaseForm


def fill_form(form: CaseForm, reading: LetterReading, *, today: date, locale: QLocale) -> list[str]:
    """Tick suggested types (never untick) and fill the empty fields from ``reading``.

    A reminder or a complaint ticks nothing (its types are the earlier request's). Returns
    what was filled, as phrases for the note.
    """
    earlier = reading.is_reminder or reading.is_complaint_to_authority
    if not earlier:
        for rtype in reading.request_types:
            form.type_boxes[rtype.value].setChecked(True)
    filled: list[str] = []
    if reading.their_reference and not form.their_reference.text().strip():
        form.their_reference.setText(reading.their_reference)
        filled.append(
            QCoreApplication.translate("IntakeDialog", "their reference %1").replace(
                "%1", reading.their_reference
            )
        )
    letter_date = reading.letter_date
    if (
        letter_date is not None
        and form.their_letter_date.value() is None
        and GDPR_START <= letter_date <= today
    ):
        form.their_letter_date.set_value(letter_date)
        filled.append(
            QCoreApplication.translate("IntakeDialog", "letter date %1").replace(
                "%1", locale.toString(form.their_letter_date.edit.date(), "d MMMM yyyy")
            )
        )
    filled += _fill_person(form, reading.proposals.subject)
    filled += _fill_authorisation_date(form, reading, today)
    filled += _fill_representative(form, reading)
    if reading.language and form.untouched("language") and not earlier:
        # Answered in the letter's own language (Dutch, English or German), else English.
        known = {language.value for language in Language}
        answer = reading.language if reading.language in known else Language.EN.value
        index = form.language.findData(answer)
        if index >= 0 and index != form.language.currentIndex():
            form.language.setCurrentIndex(index)
            filled.append(
                QCoreApplication.translate("IntakeDialog", "answer language %1").replace(
                    "%1", form.language.currentText()
                )
            )
    return filled


def _setter(done: list[str]) -> Callable[[QLineEdit, Proposal | None], None]:
    def text_field(edit: QLineEdit, proposal: Proposal | None) -> None:
        if proposal is not None and proposal.value and not edit.text().strip():
            edit.setText(proposal.value)
            done.append(proposal.value)

    return text_field


def _choose(form: CaseForm, box: QComboBox, name: str, proposal: Proposal | None) -> None:
    """Select the proposed item, unless the officer chose one (``name``: the form's key)."""
    if proposal is None or (name and not form.untouched(name)):
        return
    index = box.findData(proposal.value)
    if index >= 0 and index != box.currentIndex():
        box.setCurrentIndex(index)


def _fill_person(form: CaseForm, person: PersonProposal) -> list[str]:
    """The data subject, into empty fields only. Returns what was filled."""
    filled: list[str] = []
    done: list[str] = []
    text_field = _setter(done)
    name_empty = not any(
        edit.text().strip()
        for edit in (form.first_name, form.initials, form.name_prefix, form.last_name)
    )
    if name_empty:
        for edit, proposal in (
            (form.first_name, person.first_name),
            (form.initials, person.initials),
            (form.name_prefix, person.name_prefix),
            (form.last_name, person.last_name),
        ):
            text_field(edit, proposal)
        _choose(form, form.salutation, "salutation", person.salutation)
        if done and person.name is not None:
            filled.append(
                QCoreApplication.translate("IntakeDialog", "name %1").replace(
                    "%1", person.name.value
                )
            )
    done.clear()
    for edit, proposal in (
        (form.street, person.street),
        (form.postcode, person.postcode),
        (form.city, person.city),
    ):
        text_field(edit, proposal)
    if done:
        _choose(form, form.country, "country", person.country)
        filled.append(
            QCoreApplication.translate("IntakeDialog", "address %1").replace("%1", ", ".join(done))
        )
    for edit, proposal, label in (
        (form.email, person.email, QCoreApplication.translate("IntakeDialog", "e-mail %1")),
        (form.phone, person.phone, QCoreApplication.translate("IntakeDialog", "telephone %1")),
        (
            form.customer_number,
            person.customer_number,
            QCoreApplication.translate("IntakeDialog", "customer number %1"),
        ),
    ):
        done.clear()
        text_field(edit, proposal)
        if done:
            filled.append(label.replace("%1", done[0]))
    if person.birth_date is not None and form.birth_date.value() is None:
        form.birth_date.set_value(date.fromisoformat(person.birth_date.value))
        filled.append(
            QCoreApplication.translate("IntakeDialog", "date of birth %1").replace(
                "%1", person.birth_date.value
            )
        )
    return filled


def _fill_authorisation_date(form: CaseForm, reading: LetterReading, today: date) -> list[str]:
    """The date an enclosed authorisation bears ("machtiging van ..."); never one in the future."""
    dated = reading.proposals.authorisation_dated
    if dated is None or form.rep_authorisation_dated.value() is not None:
        return []
    value = date.fromisoformat(dated.value)
    if value > today:
        return []
    form.rep_authorisation_dated.set_value(value)
    return [
        QCoreApplication.translate("IntakeDialog", "authorisation dated %1").replace(
            "%1", dated.value
        )
    ]


def _fill_representative(form: CaseForm, reading: LetterReading) -> list[str]:
    rep = reading.proposals.representative
    if rep is None or form.rep_name.text().strip():
        return []
    text_field = _setter([])
    form.representative.setChecked(True)
    text_field(form.rep_name, rep.name or rep.firm)
    text_field(form.rep_organisation, rep.firm if rep.name else None)
    for edit, proposal in (
        (form.rep_street, rep.street),
        (form.rep_postcode, rep.postcode),
        (form.rep_city, rep.city),
        (form.rep_email, rep.email),
    ):
        text_field(edit, proposal)
    _choose(form, form.rep_role, "", rep.role)
    _choose(form, form.rep_country, "", rep.country)
    who = rep.name or rep.firm
    if who is None:
        return []
    return [
        QCoreApplication.translate("IntakeDialog", "representative %1").replace("%1", who.value)
    ]


# ---- the note: what the letter says --------------------------------------------------------


def type_list(types: tuple[RequestType, ...], lang: str) -> str:
    names = REQUEST_TYPE_LABEL["nl" if lang == "nl" else "en"]
    return ", ".join(
        QCoreApplication.translate("IntakeDialog", "%1 (Art. %2)")
        .replace("%1", names[t])
        .replace("%2", str(REQUEST_TYPE_ARTICLE[t]))
        for t in types
    )


def describe(
    reading: LetterReading,
    filled: list[str],
    *,
    from_scan: bool,
    from_inbox: bool,
    lang: str,
    ultimatum: Proposal | None,
) -> str:
    """The note above the form: where the text came from, what it is, what was filled in."""
    lines = [
        QCoreApplication.translate("IntakeDialog", "From the text layer of the scan:")
        if from_scan
        else QCoreApplication.translate("IntakeDialog", "From the pasted letter text:")
    ]
    if from_inbox:
        lines[0] = QCoreApplication.translate("IntakeDialog", "From the scan in the hot folder:")
    if reading.is_complaint_to_authority:
        lines.append(
            QCoreApplication.translate(
                "IntakeDialog",
                "Warning: this looks like a complaint to the supervisory authority (Art. 77), "
                "not a request to the organisation. Do not register it as a request.",
            )
        )
        lines.append(f"— “{reading.evidence.get('complaint', '')}”")
    elif reading.is_reminder:
        lines.append(
            QCoreApplication.translate(
                "IntakeDialog",
                "This looks like a reminder about an earlier request: link it to that case "
                "instead of registering a new request.",
            )
        )
        if reading.our_reference:
            lines.append(
                QCoreApplication.translate(
                    "IntakeDialog", "The letter mentions our reference %1."
                ).replace("%1", reading.our_reference)
            )
        lines.append(f"— “{reading.evidence.get('reminder', '')}”")
        if ultimatum is not None:
            lines.append(
                QCoreApplication.translate("IntakeDialog", "Ultimatum: an answer by %1 — “%2”")
                .replace("%1", ultimatum.value)
                .replace("%2", ultimatum.source)
            )
    if reading.referenced_types:
        lines.append(
            QCoreApplication.translate("IntakeDialog", "The earlier request: %1").replace(
                "%1", type_list(reading.referenced_types, lang)
            )
        )
    if reading.request_types:
        lines.append(
            QCoreApplication.translate("IntakeDialog", "Found: %1").replace(
                "%1", type_list(reading.request_types, lang)
            )
        )
        names = REQUEST_TYPE_LABEL["nl" if lang == "nl" else "en"]
        for rtype in reading.request_types:
            lines.append(f"— {names[rtype]}: “{reading.evidence.get(rtype.value, '')}”")
    elif not (reading.is_reminder or reading.is_complaint_to_authority):
        lines.append(
            QCoreApplication.translate(
                "IntakeDialog",
                "No request type recognised: choose the types yourself from the letter.",
            )
        )
    if filled:
        lines.append(
            QCoreApplication.translate("IntakeDialog", "Filled in: %1").replace(
                "%1", "; ".join(filled)
            )
        )
    proposals = reading.proposals
    if proposals.authorisation_attached is not None:
        lines.append(
            QCoreApplication.translate(
                "IntakeDialog",
                "The letter says an authorisation (machtiging) is enclosed: attach it.",
            )
        )
    reminder = proposals.reminder
    if reminder is not None and reminder.ultimatum_date is not None:
        lines.append(
            QCoreApplication.translate("IntakeDialog", "Their ultimatum: %1 (“%2”)")
            .replace("%1", reminder.ultimatum_date.value)
            .replace("%2", reminder.ultimatum_date.source)
        )
    lines.append(
        QCoreApplication.translate(
            "IntakeDialog", "These are suggestions: check them against the letter."
        )
    )
    return "\n".join(lines)


# ---- the line a field's value came from ----------------------------------------------------


def source_line(form: CaseForm, reading: LetterReading | None, widget: QWidget) -> str:
    """The line of the letter the value of ``widget``'s field was proposed from ("" if none):
    the reader's proposal for that field, its source line."""
    if reading is None:
        return ""
    proposals = reading.proposals
    subject = proposals.subject
    rep = proposals.representative
    fields: dict[QWidget, Proposal | None] = {
        form.their_reference: proposals.their_reference,
        form.their_letter_date.edit: proposals.letter_date,
        form.their_letter_date.check: proposals.letter_date,
        form.birth_date.edit: subject.birth_date,
        form.birth_date.check: subject.birth_date,
        form.language: proposals.language,
    }
    for code, box in form.type_boxes.items():
        fields[box] = proposals.request_types.get(code)
    for name in ("salutation", "first_name", "initials", "name_prefix", "last_name", "street",
                 "postcode", "city", "country", "email", "phone", "customer_number"):  # fmt: skip
        fields[getattr(form, name)] = getattr(subject, name)
    if rep is not None:
        for edit, proposal in (
            (form.rep_name, rep.name or rep.firm),
            (form.rep_organisation, rep.firm if rep.name else None),
            (form.rep_street, rep.street),
            (form.rep_postcode, rep.postcode),
            (form.rep_city, rep.city),
            (form.rep_email, rep.email),
            (form.rep_role, rep.role),
            (form.rep_country, rep.country),
        ):
            fields[edit] = proposal
    proposal = fields.get(widget)
    if proposal is not None and proposal.source:
        return proposal.source
    # A value worked out from the whole letter (a country from the postcode): the evidence.
    key = {form.their_reference: "their_reference", form.their_letter_date.edit: "letter_date"}
    for code, box in form.type_boxes.items():
        key[box] = code
    return reading.evidence.get(key.get(widget, ""), "")
