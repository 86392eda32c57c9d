"""Keeps personal data out of the log: a logging filter that masks what slips through."""

from __future__ import annotations

import logging
import re

# Defence in depth: log calls use case references, but exception texts (driver errors, parser
# errors) can quote values. These patterns catch the common identifiers.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "<e-mail>"),
    (re.compile(r"\b[1-9][0-9]{3} ?[A-Za-z]{2}\b(?=[\s,.)'\"]|$)"), "<postcode>"),
    (re.compile(r"\b(?:\+31|0031|0)[1-9](?:[ -]?\d){8}\b"), "<phone>"),
    (re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b"), "<ip>"),
    (re.compile(r"\[parameters: .*?\](?=\s|$)", re.S), "[parameters hidden]"),
)


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class PersonalDataFilter(logging.Filter):
    """Rewrites each record's message and traceback text with the identifiers masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        record.exc_info = None if record.exc_text else record.exc_info
        return True


def install(handler: logging.Handler) -> None:
    if not any(isinstance(f, PersonalDataFilter) for f in handler.filters):
        handler.addFilter(PersonalDataFilter())
