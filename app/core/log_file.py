"""The one logging set-up of GUI and CLI: a rotating log file, personal data masked."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app.core.redaction import install as install_redaction

LOG_FILE_NAME = "privacy-desk.log"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 2 * 1024 * 1024  # then privacy-desk.log.1 ... .5: at most 12 MB in all
BACKUP_COUNT = 5


def setup_logging(path: Path, *, level: int = logging.INFO, max_bytes: int = MAX_BYTES) -> Path:
    """Log to ``path`` (rotated at ``max_bytes``) unless logging is already configured.

    Like ``logging.basicConfig``, it adds its handler only when the root logger has none (a test
    runner or a host application keeps its own); every root handler gets the personal-data
    filter either way. Returns ``path``, for messages that point the user to the log.
    """
    root = logging.getLogger()
    if not root.handlers:
        path.parent.mkdir(parents=True, exist_ok=True)
        rotating = RotatingFileHandler(
            path, maxBytes=max_bytes, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
        rotating.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(rotating)
        root.setLevel(level)
    for handler in root.handlers:
        install_redaction(handler)
    return path
