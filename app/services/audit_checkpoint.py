"""The last verified place of the audit chain, so routine checks verify only newer events.

A full check of 40,000 events takes seconds; the dossier, the yearly report and the check
after start need only the events added since the last check that found the chain intact. That
place (chain position and hash) is stored in the database as the setting ``audit_checkpoint``
with an HMAC under the chain's key: someone who edits the file to move the checkpoint past a
forged event cannot compute it, and the check then reports the checkpoint itself as forged.
Events before the checkpoint are checked by the full ``privacy-desk audit verify`` only.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from datetime import UTC, datetime
from typing import Final

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.core.errors import FaultError, UserError
from app.core.i18n import _
from app.data.database import Database
from app.data.models import Setting
from app.services.audit_chain import ChainHead, Problem, Verification, start_chain, verify
from app.services.audit_key import chain_key

log = logging.getLogger(__name__)

SETTING: Final = "audit_checkpoint"  # {"seq", "hash", "mac", "checked_at"}


def checkpoint_mac(key: bytes, head: ChainHead) -> str:
    message = f"privacy-desk audit checkpoint\n{head.seq}\n{head.hash}".encode("ascii")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def _stored(session: Session) -> dict[str, object]:
    row = session.get(Setting, SETTING)
    return dict(row.value) if row is not None and isinstance(row.value, dict) else {}


def read_checkpoint(session: Session, key: bytes) -> tuple[ChainHead | None, bool]:
    """(the checkpoint or None, whether a stored checkpoint failed its keyed hash)."""
    value = _stored(session)
    if not value:
        return None, False
    try:
        head = ChainHead(int(str(value["seq"])), str(value["hash"]))
    except (KeyError, ValueError):
        return None, True
    if not hmac.compare_digest(str(value.get("mac", "")), checkpoint_mac(key, head)):
        return None, True
    return head, False


def save_checkpoint(db: Database, head: ChainHead | None) -> bool:
    """Remember ``head`` as verified (only ever forward). False when it could not be stored:
    a read-only database, a full disk; the next check then starts from the older place."""
    if head is None:
        return False
    try:
        with db.session() as session:
            key = chain_key(session, create=False)
            if key is None:
                return False
            known, forged = read_checkpoint(session, key)
            if known is not None and not forged and known.seq >= head.seq:
                return True
            value = {
                "seq": head.seq,
                "hash": head.hash,
                "mac": checkpoint_mac(key, head),
                "checked_at": datetime.now(UTC).isoformat(timespec="seconds"),
            }
            row = session.get(Setting, SETTING)
            if row is None:
                session.add(Setting(key=SETTING, value=value, updated_by="audit verify"))
            else:
                row.value = value
    except (FaultError, DBAPIError, UserError) as exc:
        log.warning("audit checkpoint not stored: %s", type(exc).__name__)
        return False
    return True


def verify_since_checkpoint(
    db: Database, *, documents: bool = False, case_id: int | None = None
) -> Verification:
    """Check only the events after the last verified place (all of them when there is none)
    and, when asked, the documents; an intact result moves the checkpoint to the new head."""
    start_chain(db)
    with db.session() as session:
        key = chain_key(session, create=False)
        since, forged = read_checkpoint(session, key) if key is not None else (None, False)
    if forged:
        problem = Problem(
            _(
                "The checkpoint of the last audit check was changed outside Privacy Desk (its "
                "keyed hash does not match). Run the full check: privacy-desk audit verify."
            )
        )
        result = verify(db, documents=documents, case_id=case_id)
        result.problems.insert(0, problem)
        return result
    result = verify(db, since=since, documents=documents, case_id=case_id)
    if result.ok:
        save_checkpoint(db, result.head)
    return result


def verify_in_full(db: Database, *, documents: bool = True) -> Verification:
    """Every event from the first and every document; an intact chain moves the checkpoint."""
    result = verify(db, documents=documents)
    if result.ok:
        save_checkpoint(db, result.head)
    return result


def stored_checkpoint(db: Database) -> ChainHead | None:
    """The checkpoint as stored, when its keyed hash holds."""
    with db.session() as session:
        key = chain_key(session, create=False)
        return None if key is None else read_checkpoint(session, key)[0]
