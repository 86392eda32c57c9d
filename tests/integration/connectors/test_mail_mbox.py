"""mbox erasure on real files: others' mail byte-identical, the lock honoured, late mail kept."""

from __future__ import annotations

import fcntl
import mailbox
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app.connectors.base import MatchStrength, Outcome, Subject
from app.connectors.mail_mbox import remove_messages, segments
from app.connectors.mail_store import MailStoreConnector
from app.core.errors import ConnectorError
from app.core.progress import Progress
from tests.integration.connectors.mail_samples import MESSAGES

ZOE = Subject("2026-050", "Zoë", "de Vries", emails=("zoe@example.nl",))
LATE = (
    b"From MAILER-DAEMON Mon Nov 30 10:00:00 2026\n"
    b"From: late@example.com\nTo: support@databalance.example\nSubject: Late\n"
    b"Message-ID: <late@example.com>\n\nDelivered while the mbox was being rewritten.\n\n"
)


def zoe_messages() -> dict[str, bytes]:
    return {
        "zoe": (
            b"From: =?utf-8?q?Zo=C3=AB_de_Vries?= <zoe@example.nl>\nTo: support@x.example\n"
            b"Subject: Vraag\nMessage-ID: <zoe@example.nl>\n\nMijn gegevens graag.\n"
        ),
        "shouting": (
            b"From: ZOE DE VRIES <zdv@elders.nl>\nTo: support@x.example\nSubject: Hoi\n"
            b"Message-ID: <caps@elders.nl>\n\nNamesake in capitals, no accent.\n"
        ),
        "no-id": (
            b"From: support@x.example\nTo: zoe@example.nl\nSubject: Antwoord zonder id\n\n"
            b"Zie bijlage.\n"
        ),
    }


@pytest.fixture
def mbox_path(tmp_path: Path) -> Path:
    path = tmp_path / "support.mbox"
    box = mailbox.mbox(path, create=True)
    for raw in [*MESSAGES.values(), *zoe_messages().values()]:
        box.add(raw)
    box.flush()
    box.close()
    os.chmod(path, 0o640)
    return path


def others_bytes(path: Path, ids: set[bytes]) -> list[bytes]:
    """The file's messages (as stored, "From " line included) that are none of ``ids``."""
    data = path.read_bytes()
    out = []
    for seg in segments(data):
        chunk = data[seg.start : seg.end]
        if not any(i in chunk for i in ids):
            out.append(chunk)
    return out


def mbox_ids(path: Path) -> list[str]:
    box = mailbox.mbox(path, create=False)
    try:
        return [str(m["Message-ID"]) for m in box]
    finally:
        box.close()


def connector(path: Path, **extra: object) -> MailStoreConnector:
    settings = {"source": "mbox", "path": str(path), "erase_mode": "automatic", **extra}
    return MailStoreConnector("Support", settings, {})


def test_names_match_regardless_of_case_and_accents_and_stay_weak(mbox_path: Path) -> None:
    found = {f.record_id: f for f in connector(mbox_path).search(ZOE, Progress())}
    assert found["zoe@example.nl"].strength is MatchStrength.STRONG
    assert found["caps@elders.nl"].strength is MatchStrength.WEAK
    assert "Only the name matched" in found["caps@elders.nl"].note
    no_id = [r for r in found if r.startswith("support.mbox#sha256:")]
    assert len(no_id) == 1 and found[no_id[0]].strength is MatchStrength.STRONG


def test_erasure_rewrites_the_mbox_keeping_others_byte_identical(mbox_path: Path) -> None:
    conn = connector(mbox_path)
    before = others_bytes(mbox_path, {b"zoe@example.nl>", b"Antwoord zonder id"})
    findings = [f for f in conn.search(ZOE, Progress()) if f.strength is MatchStrength.STRONG]
    assert len(findings) == 2
    results = conn.erase(conn.plan_erasure(findings), Progress())
    assert {r.outcome for r in results} == {Outcome.REMOVED}
    assert all(r.detail.startswith("Deleted from support.mbox; the previous") for r in results)
    assert others_bytes(mbox_path, set()) == before  # everyone else's mail, byte for byte
    assert oct(mbox_path.stat().st_mode & 0o777) == oct(0o640)
    backups = list(mbox_path.parent.glob("support.mbox.*.bak"))
    assert len(backups) == 1 and b"zoe@example.nl" in backups[0].read_bytes()
    assert not mbox_path.with_name("support.mbox.lock").exists()
    assert len(mbox_ids(mbox_path)) == len(MESSAGES) + 1  # the namesake's message stays
    again = conn.erase(conn.plan_erasure(findings), Progress())
    assert {r.detail for r in again} == {"Not found any more: it was already deleted."}


def test_no_backup_when_zero_days(mbox_path: Path) -> None:
    conn = connector(mbox_path, backup_days=0)
    findings = [f for f in conn.search(ZOE, Progress()) if f.record_id == "zoe@example.nl"]
    result = conn.erase(conn.plan_erasure(findings), Progress())
    assert "no backup was kept" in result[0].detail
    assert not list(mbox_path.parent.glob("*.bak"))


DELIVER = """
import fcntl, sys
with open(sys.argv[1], "ab") as f:
    print("opened", flush=True)
    fcntl.lockf(f.fileno(), fcntl.LOCK_EX)  # blocks while Privacy Desk holds the lock
    f.write(sys.stdin.buffer.read())
    f.flush()
    fcntl.lockf(f.fileno(), fcntl.LOCK_UN)
"""


def test_mail_delivered_while_the_lock_is_held_is_not_lost(mbox_path: Path) -> None:
    """A delivery agent opened the mbox and waits for its lock while we rewrite it."""
    holder = mbox_path.open("r+b")
    fcntl.lockf(holder.fileno(), fcntl.LOCK_EX)  # the lock is busy before the delivery starts
    with subprocess.Popen(
        [sys.executable, "-c", DELIVER, str(mbox_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    ) as agent:
        assert agent.stdout is not None and agent.stdin is not None
        assert agent.stdout.readline() == b"opened\n"
        agent.stdin.write(LATE)
        agent.stdin.close()
        time.sleep(0.2)  # the agent now blocks in lockf() on the old file
        assert agent.poll() is None
        removed, _backup = remove_messages(
            mbox_path, lambda raw: b"<zoe@example.nl>" in raw, backup_days=1
        )
        holder.close()
        assert agent.wait(timeout=10) == 0
    assert removed == 1
    data = mbox_path.read_bytes()
    assert data.endswith(LATE)  # moved from the replaced file to the new one
    assert b"<zoe@example.nl>" not in data
    assert len(mbox_ids(mbox_path)) == len(MESSAGES) + 3


def test_mail_delivered_after_the_erasure_lands_in_the_new_file(mbox_path: Path) -> None:
    remove_messages(mbox_path, lambda raw: b"<zoe@example.nl>" in raw, backup_days=0)
    box = mailbox.mbox(mbox_path)
    box.lock()
    box.add(LATE)
    box.flush()
    box.unlock()
    box.close()
    ids = set(mbox_ids(mbox_path))
    assert "<late@example.com>" in ids and "<zoe@example.nl>" not in ids


def test_the_dot_lock_is_waited_for_and_a_stuck_one_reported(mbox_path: Path) -> None:
    lock = mbox_path.with_name("support.mbox.lock")
    lock.write_bytes(b"")  # the mail server is delivering
    releaser = threading.Timer(0.5, lock.unlink)
    releaser.start()
    started = time.monotonic()
    removed, _b = remove_messages(mbox_path, lambda raw: b"<caps@elders.nl>" in raw, backup_days=0)
    releaser.join()
    assert removed == 1 and time.monotonic() - started >= 0.4
    lock.write_bytes(b"")
    before = mbox_path.read_bytes()
    with pytest.raises(ConnectorError, match="is locked"):
        remove_messages(mbox_path, lambda raw: True, backup_days=0, lock_wait_s=0.3)
    assert mbox_path.read_bytes() == before and lock.exists()  # someone else's lock stays


def test_the_first_and_the_last_message_can_be_removed(mbox_path: Path) -> None:
    ids = mbox_ids(mbox_path)
    removed, _b = remove_messages(
        mbox_path, lambda raw: ids[0].encode() in raw or b"zonder id" in raw, backup_days=0
    )
    assert removed == 2
    assert mbox_ids(mbox_path) == ids[1:-1]
