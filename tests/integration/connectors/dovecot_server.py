"""A throw-away Dovecot (IMAP, Maildir store) for the mail connector tests, on a free port."""

from __future__ import annotations

import imaplib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.connectors.mail_samples import MESSAGES

DOVECOT = shutil.which("dovecot") or shutil.which("/usr/sbin/dovecot")
IMAP_USER, IMAP_PASSWORD = "privacy", "s3cret-pw"
ERASE_USER = "erasure"  # a second account for the erasure tests (the first one stays unchanged)


DOVECOT_HOMES: dict[int, Path] = {}  # port -> the folder holding each user's home (Maildir)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def dovecot() -> Iterator[int]:
    """A throw-away Dovecot on 127.0.0.1 with a plaintext passwd-file; yields its IMAP port."""
    if DOVECOT is None:
        pytest.skip("Dovecot is not installed (Debian: apt-get install dovecot-imapd)")
    root = Path(tempfile.mkdtemp(prefix="pd-dovecot-"))
    os.chmod(root, 0o755)  # the unprivileged mail and login processes must reach it
    if os.geteuid() == 0:
        internal, login, mail_user = "dovecot", "dovenull", "dovecot"
    else:
        internal = login = mail_user = pwd.getpwuid(os.geteuid()).pw_name
    account = pwd.getpwnam(mail_user)
    home = root / "home"
    home.mkdir()
    os.chown(home, account.pw_uid, account.pw_gid)
    (root / "passwd").write_text(
        f"{IMAP_USER}:{{PLAIN}}{IMAP_PASSWORD}\n{ERASE_USER}:{{PLAIN}}{IMAP_PASSWORD}\n"
    )
    # Readable by Dovecot's auth process whatever the umask (opening a case base tightens it).
    os.chmod(root / "passwd", 0o644)
    port = free_port()
    config = root / "dovecot.conf"
    config.write_text(
        f"""
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
auth_failure_delay = 0
default_internal_user = {internal}
default_login_user = {login}
first_valid_uid = 1
first_valid_gid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={account.pw_uid} gid={account.pw_gid} home={home}/%u
}}
mail_location = maildir:~/Maildir
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""
    )
    subprocess.run([DOVECOT, "-c", str(config)], check=True)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        client = imaplib.IMAP4("127.0.0.1", port)
        try:
            client.login(IMAP_USER, IMAP_PASSWORD)
        except imaplib.IMAP4.error as exc:
            log = (root / "dovecot.log").read_text(errors="replace")[-3000:]
            raise AssertionError(f"Dovecot refused the first login: {exc}\n{log}") from exc
        client.create("Archief")
        for raw in MESSAGES.values():
            client.append("INBOX", None, None, raw)
        client.logout()
        DOVECOT_HOMES[port] = home
        yield port
    finally:
        subprocess.run([DOVECOT, "-c", str(config), "stop"], check=False)
        shutil.rmtree(root, ignore_errors=True)
