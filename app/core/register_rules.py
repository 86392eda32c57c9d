"""Rules for the register entries an access answer prints: texts per language, named recipients."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from app.core.i18n import N_

REGISTER_LANGUAGES: Final = ("nl", "en", "de")
HOME_LANGUAGE: Final = "nl"  # the register's own columns hold Dutch
# What the access answer prints per processing (and so must exist in the letter's language).
LETTER_TEXT_FIELDS: Final = (
    "name", "purposes", "legal_basis", "data_categories", "recipient_categories",
    "recipients_unnamed_reason", "retention", "source", "transfers", "automated_decisions",
)  # fmt: skip
REQUIRED_FIELDS: Final = ("name", "purposes", "legal_basis", "data_categories", "retention")
FIELD_LABELS: Final[Mapping[str, str]] = {
    "name": N_("name"),
    "purposes": N_("purposes"),
    "legal_basis": N_("legal basis"),
    "data_categories": N_("categories of data"),
    "recipient_categories": N_("categories of recipients"),
    "recipients_unnamed_reason": N_("why the recipients cannot be named"),
    "retention": N_("retention period"),
    "source": N_("source"),
    "transfers": N_("transfers outside the EEA"),
    "automated_decisions": N_("automated decisions"),
}
_SPLIT = re.compile(r"[;\n]")


def text_in(dutch: Mapping[str, Any], translations: Mapping[str, Any] | None, field: str,
            lang: str) -> str:  # fmt: skip
    """The text of ``field`` in ``lang``: the Dutch column, or the stored translation."""
    if lang == HOME_LANGUAGE:
        return str(dutch.get(field) or "").strip()
    texts = (translations or {}).get(lang) or {}
    return str(texts.get(field) or "").strip()


def missing_texts(
    dutch: Mapping[str, Any], translations: Mapping[str, Any] | None, lang: str
) -> tuple[str, ...]:
    """Fields the letter would print without a text in ``lang`` (never a silent fallback).

    Required fields must have a text; a field filled in Dutch must be filled in ``lang`` too.
    """
    missing = []
    for field in LETTER_TEXT_FIELDS:
        here = text_in(dutch, translations, field, lang)
        home = str(dutch.get(field) or "").strip()
        if not here and (field in REQUIRED_FIELDS or home):
            missing.append(field)
    return tuple(missing)


def named_recipients(text: str) -> tuple[str, ...]:
    """Recipients by name, one per line (or separated by ";")."""
    return tuple(x.strip() for x in _SPLIT.split(text or "") if x.strip())


def recipients_unnamed(recipients: str, categories: str, reason: str) -> bool:
    """Only categories of recipients and no recorded reason why naming them is impossible."""
    return not named_recipients(recipients) and bool(categories.strip()) and not reason.strip()
