"""The one logging set-up: a rotating file, personal data masked, a host's own logging kept."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app.core.log_file import BACKUP_COUNT, setup_logging
from app.core.redaction import PersonalDataFilter


@contextmanager
def bare_root() -> Iterator[logging.Logger]:
    """The root logger as a fresh process has it (pytest's own handlers set aside meanwhile)."""
    root = logging.getLogger()
    saved, level = list(root.handlers), root.level
    for handler in saved:
        root.removeHandler(handler)
    try:
        yield root
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()
        for handler in saved:
            root.addHandler(handler)
        root.setLevel(level)


def test_a_rotating_log_file_with_personal_data_masked(tmp_path: Path) -> None:
    with bare_root() as root:
        _rotating_log_file(root, tmp_path)


def _rotating_log_file(bare_root: logging.Logger, tmp_path: Path) -> None:
    path = tmp_path / "logs" / "privacy-desk.log"
    assert setup_logging(path, max_bytes=400) == path
    [handler] = bare_root.handlers
    assert isinstance(handler, RotatingFileHandler) and handler.backupCount == BACKUP_COUNT
    assert any(isinstance(f, PersonalDataFilter) for f in handler.filters)
    log = logging.getLogger("app.test")
    log.info("case AVG-2026-0001: mail to jan@example.nl bounced")
    handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "INFO app.test: case AVG-2026-0001: mail to <e-mail> bounced" in text
    assert "jan@example.nl" not in text
    for n in range(20):
        log.info("line %d of a long session", n)
    assert (tmp_path / "logs" / "privacy-desk.log.1").exists()  # rotated, not grown forever


def test_a_second_call_adds_no_second_handler(tmp_path: Path) -> None:
    with bare_root() as root:
        setup_logging(tmp_path / "a.log")
        setup_logging(tmp_path / "a.log")  # the CLI first, then the GUI it starts
        assert len(root.handlers) == 1


def test_a_configured_host_keeps_its_handlers_which_get_the_filter(tmp_path: Path) -> None:
    with bare_root() as root:
        own = logging.StreamHandler()
        root.addHandler(own)
        setup_logging(tmp_path / "x.log")
        assert root.handlers == [own]
        assert any(isinstance(f, PersonalDataFilter) for f in own.filters)
    assert not (tmp_path / "x.log").exists()
