"""Deadlines as an iCalendar file (RFC 5545) of all-day events with a reminder."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Final

from app.core.i18n import _

PRODID: Final = "-//Privacy Desk//Deadline export//EN"
REMINDER_TRIGGER: Final = "-P2D"  # two days before the start of the all-day event
REFERENCE_PROPERTY: Final = "X-PRIVACY-DESK-REFERENCE"

_CRLF: Final = "\r\n"
_MAX_OCTETS: Final = 75  # RFC 5545 3.1: a content line holds at most 75 octets without CRLF
# RFC 5545 3.3.11: TEXT may not hold control characters other than HTAB; newlines are escaped
# before this runs.
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# A lone surrogate (text decoded with surrogateescape) cannot be written as UTF-8 at all.
_SURROGATE: Final = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class DeadlineEvent:
    """One deadline to put in a calendar.

    ``uid`` must be unique and stable per case and deadline kind (for example
    "legal-PD-2026-0012@privacy-desk") so that a re-import updates the event instead of
    duplicating it. The caller passes the case reference only, never names or addresses.
    """

    uid: str
    reference: str
    due: date
    summary: str
    description: str = ""


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks."""
    escaped = (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", escaped))


def fold_line(line: str) -> str:
    """Fold one content line into pieces of at most 75 octets (UTF-8), never inside a character.

    Each continuation starts with one space, which counts towards its 75 octets.
    """
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    limit = _MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, _MAX_OCTETS - 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return (_CRLF + " ").join(pieces)


def _utc_stamp(moment: datetime) -> str:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(_("now must be timezone-aware, for example datetime.now(UTC)"))
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _event_lines(event: DeadlineEvent, stamp: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{event.due.strftime('%Y%m%d')}",
        # DTEND is exclusive (RFC 5545 3.6.1): a one-day event ends on the next day.
        f"DTEND;VALUE=DATE:{(event.due + timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{escape_text(event.summary)}",
    ]
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    lines += [
        f"{REFERENCE_PROPERTY}:{escape_text(event.reference)}",
        # A deadline marks a day; it must not show the officer as busy.
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape_text(event.summary)}",
        f"TRIGGER:{REMINDER_TRIGGER}",
        "END:VALARM",
        "END:VEVENT",
    ]
    return lines


def deadlines_to_ics(events: Sequence[DeadlineEvent], *, now: datetime | None = None) -> str:
    """Build a VCALENDAR with one all-day VEVENT per deadline and a display alarm 2 days before.

    ``now`` (timezone-aware) is the DTSTAMP, written in UTC; it defaults to the current time.
    Lines end in CRLF and are folded at 75 octets. An empty ``events`` gives a calendar without
    events: strictly RFC 5545 wants at least one component, but calendar programs import such a
    file as "nothing to add", which is the honest answer when no deadline is open.
    Raises ValueError for an empty or duplicate UID (a re-import would then merge events).
    """
    stamp = _utc_stamp(now if now is not None else datetime.now(UTC))
    seen: set[str] = set()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for event in events:
        if not event.uid.strip():
            raise ValueError(_("every deadline event needs a non-empty uid"))
        if event.uid in seen:
            raise ValueError(_("duplicate event uid {uid}", uid=repr(event.uid)))
        seen.add(event.uid)
        lines += _event_lines(event, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + _CRLF for line in lines)
