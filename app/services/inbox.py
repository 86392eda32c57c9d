"""The "Te registreren" inbox: letters from the hot folder, read, waiting for an officer.

A file the scanner wrote is added once (its path and SHA-256), read in the background (text
layer or OCR, with the searchable PDF), and waits with its arrival time as the proposed date
of receipt. Nothing is registered without an officer: registering claims the item in the
database first (a conditional update, which on PostgreSQL also locks the row until commit), so
two officers never register the same letter; the case gets the file (stored, hashed) and the
searchable PDF, and the file leaves the folder. The text read from the letter is personal data:
it is cleared when the letter is registered, and a left item's text is purged with the
retention rules (``purge_inbox``).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import Cancelled, NotFoundError, UserError, ValidationError
from app.core.i18n import _, message_of, restored, stored
from app.core.progress import Progress
from app.core.validation import CaseInput, check_attachment
from app.data.database import Database
from app.data.models import InboxItem
from app.services import audit
from app.services.case_documents import ScanFile
from app.services.cases import create_case, validated_input
from app.services.hot_folder import PURGE_AFTER_DAYS, SETTING, hot_folder_of
from app.services.reminders import EarlierCase, Person, add_reminder, find_earlier_cases
from app.services.stored_settings import read_setting

if TYPE_CHECKING:  # the letter reader and OCR load when a letter is read, not with the inbox list
    from app.core.letter_fields import Proposal
    from app.core.letter_text import LetterReading
    from app.reading.page_lines import PageLine

log = logging.getLogger(__name__)

READING, READY, FAILED, CLAIMED, REGISTERED = "reading", "ready", "failed", "claimed", "registered"
WAITING = (READING, READY, FAILED, CLAIMED)
CLAIM_EXPIRES = timedelta(hours=4)  # a claim left by an officer who went home is free again


@dataclass(frozen=True)
class InboxEntry:
    """One letter in the inbox, as the list and the intake dialog show it."""

    id: int
    filename: str
    path: str
    size: int
    sha256: str
    arrived_at: datetime
    status: str
    text: str
    error: str  # stored Message (render with restored())
    claimed_by: str
    claimed_at: datetime | None
    case_reference: str

    @property
    def received_on(self) -> date:
        """The proposed date of receipt: the day the file arrived, on this computer's clock
        (the same clock that says what "today" is, so it is never "in the future")."""
        return self.arrived_at.astimezone().date()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "file": self.filename,
            "path": self.path,
            "size": self.size,
            "sha256": self.sha256,
            "arrived_at": self.arrived_at.isoformat(),
            "received_on": self.received_on.isoformat(),
            "status": self.status,
            "error": str(restored(self.error)) if self.error else None,
            "claimed_by": self.claimed_by or None,
            "case": self.case_reference or None,
        }


def _entry(item: InboxItem) -> InboxEntry:
    return InboxEntry(
        id=item.id,
        filename=item.filename,
        path=item.path,
        size=item.size,
        sha256=item.sha256,
        arrived_at=item.arrived_at,
        status=item.status,
        text=item.text,
        error=item.error,
        claimed_by=item.claimed_by,
        claimed_at=item.claimed_at,
        case_reference=item.case_reference,
    )


def _now() -> datetime:
    return datetime.now(UTC)


def hot_folder(db: Database) -> Path | None:
    """The folder the scanner writes to (setting ``hot_folder`` -> ``path``), or None."""
    with db.session() as session:
        return hot_folder_of(read_setting(session, SETTING))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def add_arrival(db: Database, *, path: Path, arrived_at: datetime | None = None) -> int | None:
    """Put an arrived file in the inbox; None when it is already there (same path and hash)."""
    path = path.resolve()
    size = path.stat().st_size
    sha = _sha256(path)
    with db.session() as session:
        known = session.scalar(
            select(InboxItem.id).where(InboxItem.path == str(path), InboxItem.sha256 == sha)
        )
        if known is not None:
            return None
    try:
        with db.session() as session:
            item = InboxItem(
                path=str(path),
                filename=path.name,
                size=size,
                sha256=sha,
                arrived_at=arrived_at or _now(),
                status=READING,
            )
            session.add(item)
            session.flush()
            log.info("inbox: item %s arrived (%s bytes)", item.id, size)
            return item.id
    except IntegrityError:  # another officer's app added it at the same moment
        return None


def read_item(db: Database, *, item_id: int, progress: Progress | None = None) -> InboxEntry:
    """Read the item's file (text layer, else OCR with its searchable PDF); ready or failed."""
    with db.session() as session:
        item = _get(session, item_id)
        path = Path(item.path)
    text, pdf, error = "", None, ""
    try:
        max_mb = _max_mb(db)
        check_attachment(path, max_mb=max_mb)
        from app.reading.letter_file import read_letter_file
        from app.reading.ocr import MAX_PAGES

        scan = read_letter_file(path, max_pages=MAX_PAGES, progress=progress)
        text, pdf = scan.text, scan.searchable_pdf
    except Cancelled:
        raise
    except ValidationError as exc:
        error = stored(" ".join(exc.errors.values()))
    except UserError as exc:
        error = stored(message_of(exc))
    except FileNotFoundError:
        error = stored(_("The file is no longer in the hot folder."))
    with db.session() as session:
        item = _get(session, item_id)
        if item.status in (READING, READY, FAILED):
            item.text = text
            item.searchable_pdf = pdf
            item.error = error
            item.status = FAILED if error else READY
        return _entry(item)


def _max_mb(db: Database) -> int:
    with db.session() as session:
        return int(read_setting(session, "attachments").get("max_mb", 50))


@dataclass(frozen=True)
class ReadPages:
    """The pages OCR read (the searchable PDF: upright and level) and where its lines sit."""

    pdf: bytes
    lines: tuple[PageLine, ...]


def read_pages(db: Database, *, item_id: int) -> ReadPages | None:
    """The item's searchable PDF with the positions of its lines (from its text layer), for
    showing the letter with the line a proposal came from marked; None without OCR."""
    import tempfile

    with db.session() as session:
        pdf = _get(session, item_id).searchable_pdf
    if not pdf:
        return None
    with tempfile.TemporaryDirectory(prefix="privacy-desk-inbox-") as folder:
        path = Path(folder) / "read.pdf"
        path.write_bytes(pdf)
        from app.reading.ocr import MAX_PAGES
        from app.reading.page_lines import text_layer_lines

        lines = text_layer_lines(path, max_pages=MAX_PAGES)
    return ReadPages(pdf, lines)


def _get(session: Session, item_id: int) -> InboxItem:
    item = session.get(InboxItem, item_id)
    if item is None:
        raise NotFoundError(
            _("Letter {id} is not in the inbox (any more). Refresh the list.", id=item_id)
        )
    return item


def waiting_items(db: Database) -> list[InboxEntry]:
    """The letters still to register, oldest first."""
    with db.session() as session:
        items = session.scalars(
            select(InboxItem)
            .where(InboxItem.status.in_(WAITING))
            .order_by(InboxItem.arrived_at, InboxItem.id)
        )
        return [_entry(item) for item in items]


def to_read(db: Database) -> list[int]:
    """Items that still need reading (new, or left half-read when the app stopped)."""
    with db.session() as session:
        return list(
            session.scalars(
                select(InboxItem.id).where(InboxItem.status == READING).order_by(InboxItem.id)
            )
        )


def get_item(db: Database, *, item_id: int) -> InboxEntry:
    with db.session() as session:
        return _entry(_get(session, item_id))


def claim_item(
    db: Database, *, item_id: int, actor: str, now: datetime | None = None
) -> InboxEntry:
    """Claim the item for ``actor`` (a conditional update); refused when someone else has it."""
    now = now or _now()
    free = or_(
        InboxItem.status.in_((READY, FAILED)),
        and_(
            InboxItem.status == CLAIMED,
            or_(InboxItem.claimed_by == actor, InboxItem.claimed_at < now - CLAIM_EXPIRES),
        ),
    )
    with db.session() as session:
        result = session.execute(
            update(InboxItem)
            .where(InboxItem.id == item_id, free)
            .values(status=CLAIMED, claimed_by=actor, claimed_at=now)
            .execution_options(synchronize_session=False)
        )
        if _rowcount(result) == 1:
            return _entry(_get(session, item_id))
        item = _get(session, item_id)
        raise _not_free(item)


def _rowcount(result: Any) -> int:
    return int(getattr(result, "rowcount", 0))


def _not_free(item: InboxItem) -> UserError:
    if item.status == REGISTERED:
        return UserError(
            _(
                "This letter was already registered ({reference}). Refresh the list.",
                reference=item.case_reference or "-",
            )
        )
    if item.status == READING:
        return UserError(_("This letter is still being read. Try again in a moment."))
    return UserError(
        _(
            "{officer} is registering this letter. Choose another one, or ask them.",
            officer=item.claimed_by or "-",
        )
    )


def release_item(db: Database, *, item_id: int, actor: str) -> None:
    """Give the item back to the inbox (the officer closed it without registering)."""
    with db.session() as session:
        item = _get(session, item_id)
        if item.status == CLAIMED and item.claimed_by == actor:
            item.status = FAILED if item.error else READY
            item.claimed_by = ""
            item.claimed_at = None


@dataclass(frozen=True)
class Registration:
    """How to register an inbox item: a new case, or a reminder on an earlier case."""

    data: CaseInput | None = None  # a new case (None with ``reminder_of``)
    reminder_of: str = ""  # the earlier case's reference: a reminder, no new case
    confirmed_other_person: bool = False
    person: Person = field(default_factory=Person)
    letter_date: date | None = None
    ultimatum_on: date | None = None
    reminder_unknown: bool = False  # a reminder whose earlier case was not found


def register_item(
    db: Database,
    *,
    item_id: int,
    actor: str,
    registration: Registration,
    today: date | None = None,
) -> str:
    """Register a claimed item; returns the reference of the (new or earlier) case.

    The claim is turned into "registered" by a conditional update in the same transaction as
    the case, so a second officer (or a second click) can never register it again.
    """
    today = today or date.today()
    data = registration.data
    if not registration.reminder_of:
        if data is None:
            raise ValidationError({"case": _("Fill in the case, or choose the earlier case.")})
        data = validated_input(data, today)
    with db.session() as session:
        item = _get(session, item_id)
        if item.status != CLAIMED or item.claimed_by != actor:
            raise _claim_lost(item)
        path = Path(item.path)
        filename = item.filename
        expected = item.sha256
        pdf = item.searchable_pdf
    max_mb = _max_mb(db)
    try:
        media_type = check_attachment(path, max_mb=max_mb)
        content = path.read_bytes()
    except FileNotFoundError as exc:
        raise UserError(
            _(
                "{name} is no longer in the hot folder (moved or deleted by hand). Nothing was "
                "registered; find the letter and register it with “New letter”.",
                name=filename,
            )
        ) from exc
    if hashlib.sha256(content).hexdigest() != expected:
        raise UserError(
            _(
                "{name} changed after it arrived (the scanner wrote it again?). Nothing was "
                "registered; it will be read again.",
                name=filename,
            )
        )
    scan = ScanFile(content, media_type, filename)
    now = _now()
    with db.session() as session:
        result = session.execute(
            update(InboxItem)
            .where(
                InboxItem.id == item_id,
                InboxItem.status == CLAIMED,
                InboxItem.claimed_by == actor,
            )
            .values(status=REGISTERED, registered_at=now)
            .execution_options(synchronize_session=False)
        )
        if _rowcount(result) != 1:
            raise _claim_lost(_get(session, item_id))
        if registration.reminder_of:
            received = data.received_on if data is not None and data.received_on else today
            case = add_reminder(
                session,
                actor=actor,
                reference=registration.reminder_of,
                received_on=received,
                scan=scan,
                person=registration.person,
                confirmed=registration.confirmed_other_person,
                letter_date=registration.letter_date,
                ultimatum_on=registration.ultimatum_on,
                searchable_pdf=pdf,
            )
        else:
            assert data is not None
            case = create_case(
                session,
                actor=actor,
                data=data,
                today=today,
                scan=scan,
                max_mb=max_mb,
                reminder_unknown=registration.reminder_unknown,
                ultimatum_on=registration.ultimatum_on,
                searchable_pdf=pdf,
            )
        item = _get(session, item_id)
        item.case_reference = case.reference
        item.text = ""  # personal data: the case has the letter now
        item.searchable_pdf = None
        audit.record(
            session,
            case=case,
            actor=actor,
            action="inbox_registered",
            summary=_(
                "Letter from the hot folder registered (arrived {at})",
                at=item.arrived_at.isoformat(timespec="minutes"),
            ),
            after={"inbox_item": item.id, "sha256": item.sha256},
        )
        reference = case.reference
    _remove_from_folder(path)
    return reference


def _claim_lost(item: InboxItem) -> UserError:
    """Why ``actor`` cannot register the item: someone else has it, or it is not claimed."""
    if item.status in (READY, FAILED):
        return UserError(_("Open the letter from the inbox again before registering it."))
    return _not_free(item)


def _remove_from_folder(path: Path) -> None:
    """The file is in the case now: it leaves the hot folder (a failure is only logged)."""
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("inbox: registered file could not be removed from the folder: %s", exc)


def purge_inbox(db: Database, *, now: datetime | None = None) -> int:
    """Remove inbox rows that hold nothing to do any more; returns how many went.

    Registered items go once their file has left the folder (their text was cleared at
    registration). A waiting item whose file was removed by hand, and any waiting item older
    than ``hot_folder`` -> ``purge_after_days``, loses its text (personal data); its file, if
    still there, is listed again at the next arrival check.
    """
    now = now or _now()
    removed = 0
    with db.session() as session:
        days = int(read_setting(session, SETTING).get("purge_after_days", PURGE_AFTER_DAYS))
        limit = now - timedelta(days=max(1, days))
        for item in session.scalars(select(InboxItem)).all():
            gone = not Path(item.path).exists()
            if item.status == REGISTERED and gone:
                session.execute(delete(InboxItem).where(InboxItem.id == item.id))
                removed += 1
            elif (
                item.status != REGISTERED
                and item.status != CLAIMED
                and (gone or item.arrived_at < limit)
            ):
                session.execute(delete(InboxItem).where(InboxItem.id == item.id))
                removed += 1
    return removed


@dataclass(frozen=True)
class ItemProposals:
    """What an inbox letter says, for the list and the intake: reading, earlier cases, dates."""

    reading: LetterReading
    earlier: tuple[EarlierCase, ...]
    ultimatum: Proposal | None

    def to_json(self) -> dict[str, Any]:
        return {
            "reading": self.reading.to_json(),
            "earlier_cases": [e.to_json() for e in self.earlier],
            "ultimatum": None if self.ultimatum is None else self.ultimatum.to_json(),
        }


def proposals_of(db: Database, entry: InboxEntry) -> ItemProposals:
    """Read the item's text and look for the earlier case (by our reference or the person)."""
    from app.core.letter_text import read_letter

    reading = read_letter(entry.text)
    sender = reading.proposals.subject

    def value(proposal: Proposal | None) -> str:
        return proposal.value if proposal is not None else ""

    person = Person(value(sender.last_name), value(sender.postcode), value(sender.email))
    earlier = find_earlier_cases(db, our_reference=reading.our_reference, person=person)
    reminder = reading.proposals.reminder
    ultimatum = reminder.ultimatum(received_on=entry.received_on) if reminder else None
    return ItemProposals(reading, tuple(earlier), ultimatum if reading.is_reminder else None)
