"""Copies the app made that may still hold an erased person: purged at once, or named.

After a case is anonymised or deleted, the database itself is clean (see retention), but the
app made other copies over time: pre-migration backups of the SQLite file beside it, and
backups of connector files (``<file>.<time>.bak`` of the CSV/XLSX connector). Those are
removed at that moment; they cannot be rewritten without the person because they are whole
snapshots. Temporary files of writes that were killed half-way (``.<name>.*.part`` of an
erasure or an export) and drafts made only to be finalised at once by a command that was killed
before the finalisation (see :func:`finalising`) are removed at the next start. What the app
cannot reach (the officer's own backups, exported dossiers, printed letters) is listed so the
officer can act.
"""

from __future__ import annotations

import glob
import hashlib
import logging
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.connectors import registry
from app.core.atomic_file import STALE_PART_S, leftover_parts
from app.core.enums import LetterStatus
from app.core.i18n import P_, Message, _
from app.data.database import Database, data_dir
from app.data.models import AuditEvent, Case, ConnectorConfig, Letter
from app.services import audit
from app.services.backup import BACKUP_ACTION
from app.services.connectors import instantiate

log = logging.getLogger(__name__)

EXPORT_ACTIONS = ("dossier_exported", "portability_exported")


@dataclass(frozen=True)
class CaseCopies:
    """What left the app for one case before it was anonymised or deleted (counted first)."""

    reference: str
    letters_sent: int = 0
    exports: int = 0


@dataclass(frozen=True)
class CopiesReport:
    """Copies removed now, copies that could not be removed, and what only the officer can do."""

    removed: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()
    beyond_reach: tuple[Message, ...] = field(default=())


def count_copies(session: Session, case: Case) -> CaseCopies:
    """Letters sent and exports made for ``case``; call before its audit events are replaced."""
    sent = session.scalar(
        select(func.count(Letter.id)).where(
            Letter.case_id == case.id, Letter.status == LetterStatus.FINAL
        )
    )
    exports = session.scalar(
        select(func.count(AuditEvent.id)).where(
            AuditEvent.case_id == case.id, AuditEvent.action.in_(EXPORT_ACTIONS)
        )
    )
    return CaseCopies(case.reference, int(sent or 0), int(exports or 0))


def sqlite_path(db: Database) -> Path | None:
    database = db.engine.url.database
    if db.engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database)


def database_copies(db: Database) -> list[Path]:
    """The pre-migration backups (and half-made ones) of the SQLite file, beside it."""
    path = sqlite_path(db)
    if path is None:
        return []
    pattern = f"{glob.escape(path.name)}.*.bak"
    return sorted([*path.parent.glob(pattern), *path.parent.glob(pattern + ".partial")])


def _connectors_with_copies(db: Database) -> list[Any]:
    """Every configured connector that keeps copies of its source (``forget_copies``)."""
    with db.session() as session:
        rows = session.execute(
            select(ConnectorConfig.kind, ConnectorConfig.name, ConnectorConfig.settings)
        ).all()
    found = []
    for kind, name, settings in rows:
        if kind not in registry.REGISTRY or not hasattr(registry.REGISTRY[kind], "forget_copies"):
            continue
        try:
            found.append(instantiate(kind, name, dict(settings), None))
        except Exception as exc:  # a broken config must not stop the purge of the others
            log.warning("connector %s: cannot check its copies (%s)", name, type(exc).__name__)
    return found


def _remove(paths: Iterable[Path], removed: list[str], failed: list[str]) -> None:
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            failed.append(f"{path}: {exc.strerror or type(exc).__name__}")
        else:
            removed.append(str(path))


def purge_copies(db: Database, cases: Sequence[CaseCopies]) -> CopiesReport:
    """Remove every copy the app made that may hold the people of ``cases``; name the rest."""
    removed: list[str] = []
    failed: list[str] = []
    _remove(database_copies(db), removed, failed)
    for connector in _connectors_with_copies(db):
        try:
            gone, problems = connector.forget_copies()
        except OSError as exc:
            failed.append(f"{connector.name}: {exc.strerror or type(exc).__name__}")
            continue
        removed.extend(str(p) for p in gone)
        failed.extend(problems)
    log.info("retention: %d copies removed, %d could not be removed", len(removed), len(failed))
    return CopiesReport(tuple(removed), tuple(failed), tuple(_beyond_reach(db, cases)))


def _beyond_reach(db: Database, cases: Sequence[CaseCopies]) -> list[Message]:
    notes: list[Message] = []
    with db.session() as session:
        backups = session.execute(
            select(AuditEvent.after).where(AuditEvent.action == BACKUP_ACTION)
        ).scalars()
        files = sorted({str(after.get("file")) for after in backups if after and "file" in after})
    existing = [f for f in files if Path(f).exists()]
    if existing:
        notes.append(
            _(
                "Database backups made with 'Back up database' still hold these people: {files}. "
                "Delete them or replace them by a new backup.",
                files=", ".join(existing),
            )
        )
    notes.append(
        _(
            "Your own backups of this computer or server (and copies of the database made "
            "outside Privacy Desk) still hold these people until they expire: apply the same "
            "retention to them."
        )
    )
    sent = sum(c.letters_sent for c in cases)
    exported = [c.reference for c in cases if c.exports]
    if sent:
        notes.append(
            P_(
                "{n} letter was sent or printed: paper and e-mailed copies are outside the app.",
                "{n} letters were sent or printed: paper and e-mailed copies are outside the app.",
                sent,
            )
        )
    if exported:
        notes.append(
            _(
                "Dossiers or data exports were made for {references}: delete those files "
                "where they were saved.",
                references=", ".join(exported),
            )
        )
    return notes


def _marker_prefix(db: Database) -> tuple[Path, str]:
    """Where finalisation markers of this database live, and their name prefix."""
    path = sqlite_path(db)
    folder = path.parent if path is not None else data_dir()
    key = hashlib.sha256(db.url.encode("utf-8")).hexdigest()[:12]  # the URL may hold a password
    return folder, f".finalising-{key}-"


@contextmanager
def finalising(db: Database, letter_id: int) -> Iterator[None]:
    """Around the finalisation of a draft made for it alone (``letter --final``).

    A marker file names the draft while the finalisation runs. When the finalisation fails the
    draft is removed at once; when the process is killed, the next start removes it.
    """
    folder, prefix = _marker_prefix(db)
    marker = folder / f"{prefix}{letter_id}"
    marker.write_text(str(os.getpid()), encoding="ascii")
    try:
        yield
    except BaseException:
        _discard_draft(db, letter_id)
        raise
    finally:
        marker.unlink(missing_ok=True)


def _discard_draft(db: Database, letter_id: int) -> bool:
    with db.session() as session:
        letter = session.get(Letter, letter_id)
        if letter is None or letter.status != LetterStatus.DRAFT:
            return False
        case = session.get(Case, letter.case_id)
        session.delete(letter)
        audit.record(
            session,
            case=case,
            actor="system",
            action="draft_discarded",
            summary="Draft letter of an interrupted finalisation removed",
        )
    return True


def _still_running(marker: Path, now: float) -> bool:
    """The process that wrote ``marker`` may still be finalising (POSIX: it is alive)."""
    try:
        pid = int(marker.read_text(encoding="ascii").strip() or 0)
        age = now - marker.stat().st_mtime
    except (OSError, ValueError):
        return False
    if sys.platform == "win32":  # os.kill would end the process there: go by age instead
        return age < STALE_PART_S
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return pid != os.getpid() or age < STALE_PART_S


def orphan_drafts(db: Database, *, now: float | None = None) -> list[int]:
    """Remove the drafts of finalisations that were killed; returns their letter ids."""
    now = time.time() if now is None else now
    folder, prefix = _marker_prefix(db)
    discarded = []
    for marker in sorted(folder.glob(f"{glob.escape(prefix)}*")):
        if _still_running(marker, now):
            continue
        letter_id = marker.name.removeprefix(prefix)
        if letter_id.isdigit() and _discard_draft(db, int(letter_id)):
            discarded.append(int(letter_id))
        marker.unlink(missing_ok=True)
    if discarded:
        log.info("%d draft letter(s) of interrupted finalisations removed", len(discarded))
    return discarded


def clean_leftovers(db: Database, *, now: float | None = None) -> list[str]:
    """At start: remove temporary files of interrupted erasures and writes, and orphan drafts."""
    removed: list[str] = []
    failed: list[str] = []
    orphan_drafts(db, now=now)
    path = sqlite_path(db)
    if path is not None:
        _remove(leftover_parts(path.parent, now=now), removed, failed)
    for connector in _connectors_with_copies(db):
        _remove(connector.stale_temporaries(now=now), removed, failed)
    if failed:
        log.warning("%d leftover temporary file(s) could not be removed", len(failed))
    if removed:
        log.info("%d leftover temporary file(s) of interrupted writes removed", len(removed))
    return removed


def confirmation_lines(report: CopiesReport) -> list[Message]:
    """The part of the retention confirmation about copies, for the CLI and the GUI alike."""
    lines = [
        P_(
            "{n} copy made by Privacy Desk (database or connector backup) was removed.",
            "{n} copies made by Privacy Desk (database or connector backups) were removed.",
            len(report.removed),
        )
    ]
    lines += [_("Could not remove {problem}; delete it by hand.", problem=f) for f in report.failed]
    if report.beyond_reach:
        lines.append(_("Outside Privacy Desk's reach, for you to act on:"))
        lines += report.beyond_reach
    return lines
