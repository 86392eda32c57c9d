"""Translated display labels for the stable codes of the domain (status, types, channels...)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from app.core.dates import format_date

LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")


def status_labels() -> dict[str, str]:
    return {
        "registered": QCoreApplication.translate("Labels", "registered"),
        "identity_check": QCoreApplication.translate("Labels", "identity check"),
        "in_progress": QCoreApplication.translate("Labels", "in progress"),
        "on_hold": QCoreApplication.translate("Labels", "on hold"),
        "answered": QCoreApplication.translate("Labels", "answered"),
        "closed": QCoreApplication.translate("Labels", "closed"),
        "withdrawn": QCoreApplication.translate("Labels", "withdrawn"),
        "refused": QCoreApplication.translate("Labels", "refused"),
    }


def status_actions() -> dict[str, str]:
    """Button texts for moving a case to a status."""
    return {
        "identity_check": QCoreApplication.translate("Labels", "Check identity"),
        "in_progress": QCoreApplication.translate("Labels", "Start handling"),
        "on_hold": QCoreApplication.translate("Labels", "Put on hold"),
        "answered": QCoreApplication.translate("Labels", "Mark answered"),
        "closed": QCoreApplication.translate("Labels", "Close case"),
        "withdrawn": QCoreApplication.translate("Labels", "Withdrawn"),
        "refused": QCoreApplication.translate("Labels", "Refuse"),
    }


def type_labels() -> dict[str, str]:
    return {
        "access": QCoreApplication.translate("Labels", "access"),
        "rectification": QCoreApplication.translate("Labels", "rectification"),
        "erasure": QCoreApplication.translate("Labels", "erasure"),
        "restriction": QCoreApplication.translate("Labels", "restriction"),
        "portability": QCoreApplication.translate("Labels", "portability"),
        "objection": QCoreApplication.translate("Labels", "objection"),
    }


def channel_labels() -> dict[str, str]:
    return {
        "post": QCoreApplication.translate("Labels", "post"),
        "email": QCoreApplication.translate("Labels", "e-mail"),
        "web_form": QCoreApplication.translate("Labels", "web form"),
        "in_person": QCoreApplication.translate("Labels", "in person"),
        "phone": QCoreApplication.translate("Labels", "telephone"),
    }


def outcome_labels() -> dict[str, str]:
    """Decisions on a request type (app.core.outcomes)."""
    return {
        "": QCoreApplication.translate("Labels", "not decided yet"),
        "granted": QCoreApplication.translate("Labels", "granted"),
        "partly_refused": QCoreApplication.translate("Labels", "partly refused"),
        "refused": QCoreApplication.translate("Labels", "refused"),
        "no_data": QCoreApplication.translate("Labels", "no data found"),
        "withdrawn": QCoreApplication.translate("Labels", "withdrawn"),
    }


def relation_labels() -> dict[str, str]:
    """How a linked case relates to the one on screen."""
    return {
        "reminder_of": QCoreApplication.translate("Labels", "this case is a reminder about it"),
        "has_reminder": QCoreApplication.translate("Labels", "a reminder about this case"),
        "related": QCoreApplication.translate("Labels", "related"),
        "possible_duplicate_of": QCoreApplication.translate(
            "Labels", "possible duplicate: the same person's open case"
        ),
        "has_possible_duplicate": QCoreApplication.translate(
            "Labels", "a later letter of the same person (possible duplicate)"
        ),
    }


def language_labels() -> dict[str, str]:
    return {
        "nl": QCoreApplication.translate("Labels", "Dutch"),
        "en": QCoreApplication.translate("Labels", "English"),
        "de": QCoreApplication.translate("Labels", "German"),
    }


def salutation_labels() -> dict[str, str]:
    # Stored as the Dutch word the letters use after "Geachte".
    return {
        "": QCoreApplication.translate("Labels", "(none)"),
        "heer": QCoreApplication.translate("Labels", "Mr"),
        "mevrouw": QCoreApplication.translate("Labels", "Ms"),
    }


def role_labels() -> dict[str, str]:
    return {
        "lawyer": QCoreApplication.translate("Labels", "lawyer"),
        "parent": QCoreApplication.translate("Labels", "parent"),
        "guardian": QCoreApplication.translate("Labels", "guardian"),
        "other": QCoreApplication.translate("Labels", "other representative"),
    }


def document_kind_labels() -> dict[str, str]:
    return {
        "scan": QCoreApplication.translate("Labels", "scan of the letter"),
        "letter": QCoreApplication.translate("Labels", "our letter"),
        "authorisation": QCoreApplication.translate("Labels", "authorisation"),
        "id_copy": QCoreApplication.translate("Labels", "ID copy (masked)"),
        "attachment": QCoreApplication.translate("Labels", "other attachment"),
        "export": QCoreApplication.translate("Labels", "export"),
    }


def identity_method_labels() -> dict[str, str]:
    return {
        "matched_known_data": QCoreApplication.translate(
            "Labels", "name and address match our records"
        ),
        "extra_info_requested": QCoreApplication.translate("Labels", "extra information requested"),
        "id_document_seen": QCoreApplication.translate("Labels", "ID document seen"),
        "representative_authorisation": QCoreApplication.translate(
            "Labels", "authorisation of the representative"
        ),
    }


def identity_outcome_labels() -> dict[str, str]:
    return {
        "verified": QCoreApplication.translate("Labels", "verified"),
        "doubt": QCoreApplication.translate("Labels", "reasonable doubt remains"),
        "failed": QCoreApplication.translate("Labels", "not verified"),
    }


def action_labels() -> dict[str, str]:
    return {
        "case_registered": QCoreApplication.translate("Labels", "Letter registered"),
        "case_edited": QCoreApplication.translate("Labels", "Case edited"),
        "status_changed": QCoreApplication.translate("Labels", "Status changed"),
        "note_added": QCoreApplication.translate("Labels", "Note added"),
        "document_added": QCoreApplication.translate("Labels", "Document added"),
        "identity_checked": QCoreApplication.translate("Labels", "Identity checked"),
        "case_linked": QCoreApplication.translate("Labels", "Case linked"),
        "identifiers_changed": QCoreApplication.translate("Labels", "Identifiers changed"),
        "database_backed_up": QCoreApplication.translate("Labels", "Database backed up"),
        "pause_started": QCoreApplication.translate("Labels", "Clock paused"),
        "pause_ended": QCoreApplication.translate("Labels", "Clock resumed"),
        "extension_granted": QCoreApplication.translate("Labels", "Deadline extended"),
    }


def identifier_labels() -> dict[str, str]:
    """The kinds of identifier a person can be searched by (lower case: used inside sentences)."""
    return {
        "email": QCoreApplication.translate("Labels", "e-mail"),
        "customer_number": QCoreApplication.translate("Labels", "customer number"),
        "user_id": QCoreApplication.translate("Labels", "user id"),
        "phone": QCoreApplication.translate("Labels", "phone"),
        "ip_address": QCoreApplication.translate("Labels", "IP address"),
        "name": QCoreApplication.translate("Labels", "name"),
        "postcode_house_number": QCoreApplication.translate("Labels", "postcode + house number"),
        "name_birth_date": QCoreApplication.translate("Labels", "name + date of birth"),
        "other": QCoreApplication.translate("Labels", "other"),
    }


def label(table: dict[str, str], code: str) -> str:
    """The label of ``code``; an unknown code is shown as it is rather than hidden."""
    return table.get(code, code)


def types_text(codes: tuple[str, ...] | list[str]) -> str:
    labels = type_labels()
    return ", ".join(labels.get(c, c) for c in codes)


def date_text(value: date | None, lang: str) -> str:
    return "" if value is None else _date_text(value, lang)


@lru_cache(maxsize=4096)
def _date_text(value: date, lang: str) -> str:
    """Lists show the same few hundred dates over and over: each is formatted once."""
    return format_date(value, lang)


def local_time_text(moment: datetime, lang: str) -> str:
    """A UTC moment as Europe/Amsterdam wall-clock time: "24 november 2026 14:05"."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    local = aware.astimezone(LOCAL_ZONE)
    return f"{format_date(local.date(), lang)} {local:%H:%M}"


def days_left_text(days: int | None) -> str:
    """Words, not only colour: "3 days overdue", "due today", "5 days left", "paused"."""
    if days is None:
        return QCoreApplication.translate("Labels", "paused")
    if days < 0:
        return QCoreApplication.translate("Labels", "%n day(s) overdue", "", -days)
    if days == 0:
        return QCoreApplication.translate("Labels", "due today")
    return QCoreApplication.translate("Labels", "%n day(s) left", "", days)
