"""Export the deadlines of open cases as an iCalendar file (case references only, never names)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Final

from app.core.atomic_file import write_atomically
from app.core.dates import format_date
from app.core.errors import UserError
from app.core.i18n import C_, Labels, _
from app.data.database import Database
from app.reports.ics import DeadlineEvent, deadlines_to_ics
from app.services.case_queries import open_cases_for_overview
from app.services.dto import CaseRow

_TEXT: Final = Labels(
    {
        "legal": C_("calendar", "legal deadline"),
        "extended": C_("calendar", "extended deadline"),
        "post_by": C_("calendar", "post by (own promise)"),
        "description": C_("calendar", "GDPR request {ref}. Legal deadline: {legal}."),
    }
)


def _events_of(row: CaseRow, lang: str) -> list[DeadlineEvent]:
    text = _TEXT[lang]
    if row.paused or row.effective_due_on is None or row.legal_due_on is None:
        return []  # the end date is unknown until the person answers
    description = text["description"].format(
        ref=row.reference, legal=format_date(row.legal_due_on, lang)
    )
    extended = row.effective_due_on != row.legal_due_on
    events = [
        DeadlineEvent(
            uid=f"due-{row.reference}@privacy-desk",
            reference=row.reference,
            due=row.effective_due_on,
            summary=f"{row.reference}: {text['extended' if extended else 'legal']}",
            description=description,
        )
    ]
    if row.post_by_on is not None and not extended and row.post_by_on != row.effective_due_on:
        events.append(
            DeadlineEvent(
                uid=f"post-by-{row.reference}@privacy-desk",
                reference=row.reference,
                due=row.post_by_on,
                summary=f"{row.reference}: {text['post_by']}",
                description=description,
            )
        )
    return events


def open_deadline_events(db: Database, *, lang: str = "nl") -> list[DeadlineEvent]:
    """One event per open, running case (plus its "post by" day); paused cases have no date."""
    if lang not in _TEXT:
        raise ValueError(_("unsupported language {lang}", lang=repr(lang)))
    events: list[DeadlineEvent] = []
    for row in open_cases_for_overview(db):
        events.extend(_events_of(row, lang))
    return events


def write_deadlines_ics(
    db: Database, *, path: Path, lang: str = "nl", now: datetime | None = None
) -> int:
    """Write the open deadlines to ``path`` (replaced atomically); returns the number of events."""
    events = open_deadline_events(db, lang=lang)
    content = deadlines_to_ics(events, now=now)
    folder = path.parent
    if not folder.is_dir():
        raise UserError(
            _("The folder {folder} does not exist. Choose another place to save.", folder=folder)
        )
    try:
        # Encoded as is: the CRLF line ends that RFC 5545 requires stay.
        write_atomically(path, content.encode("utf-8"))
    except OSError as exc:
        raise UserError(
            _(
                "The calendar file could not be written to {path} ({strerror}). Choose a folder "
                "you may write to.",
                path=path,
                strerror=exc.strerror,
            )
        ) from exc
    return len(events)
