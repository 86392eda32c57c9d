"""Canonical form and keyed hashes of audit events: the pure part of the tamper-evident chain."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

CHAIN_VERSION: Final = 1
GENESIS: Final = "0" * 64  # the "previous hash" of the first event of a chain
KEY_BYTES: Final = 32

# What a tombstone (the case_anonymised / case_deleted event) records in its ``after``.
TOMBSTONE: Final = "tombstone"
REDACTED: Final = "redacted"  # events of an anonymised case: content emptied, skeleton kept
REMOVED: Final = "removed"  # events of a deleted case: the rows are gone
DELETED_DOCUMENTS: Final = "deleted_documents"  # [{"id", "sha256"}] of documents deleted by policy


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8: one byte string per value on every database."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def canonical_time(at: datetime) -> str:
    """UTC with microseconds, the precision both SQLite and PostgreSQL keep."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def content_digest(summary: str, before: Any, after: Any) -> str:
    """SHA-256 of what an event says (its text and before/after values)."""
    data = {"summary": summary, "before": before, "after": after}
    return hashlib.sha256(canonical_json(data)).hexdigest()


@dataclass(frozen=True)
class EventFields:
    """The chained fields of one audit event, as stored."""

    id: int
    case_id: int | None
    at: datetime
    actor: str
    action: str
    content_hash: str

    def is_redacted_form(self, summary: str, before: Any, after: Any) -> bool:
        """The content an anonymisation leaves: the action as summary, no values."""
        return summary == self.action and before is None and after is None


def event_hash(key: bytes, seq: int, prev: str, fields: EventFields) -> str:
    """HMAC-SHA256 over the event's canonical form, its position and the previous hash."""
    data = {
        "v": CHAIN_VERSION,
        "seq": seq,
        "prev": prev,
        "id": fields.id,
        "case_id": fields.case_id,
        "at": canonical_time(fields.at),
        "actor": fields.actor,
        "action": fields.action,
        "content": fields.content_hash,
    }
    return hmac.new(key, canonical_json(data), hashlib.sha256).hexdigest()


def key_id(key: bytes) -> str:
    """A short fingerprint of a key, safe to store beside the data (not the key itself)."""
    return hmac.new(key, b"privacy-desk audit chain key id", hashlib.sha256).hexdigest()[:16]
