"""The audit chain check after start: events added since the last check, red when broken."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from app.core.errors import UserError
from app.core.progress import Progress
from app.ui.context import UiContext
from app.ui.errors import user_message
from app.ui.widgets import Banner

if TYPE_CHECKING:  # the chain code is imported by the check itself, after the first paint
    from app.services.audit_chain import ChainHead, Verification

log = logging.getLogger(__name__)

BROKEN_STYLE = "color: #ffffff; background: #a4161a; padding: 1px 6px; font-weight: bold;"


class AuditChainStatus(QObject):
    """A status-bar label; turns red (and the banner warns) when the chain does not verify."""

    checked = Signal(bool)  # True: intact

    def __init__(self, ctx: UiContext, window: QWidget, banner: Banner) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.banner = banner
        self.label = QLabel()
        self.label.setObjectName("auditStatus")
        self.label.hide()
        self.broken = False

    def checkpoint(self) -> ChainHead | None:
        """The place last verified intact (kept in the database, sealed with the chain key)."""
        from app.services.audit_checkpoint import stored_checkpoint

        return stored_checkpoint(self.ctx.db)

    def start(self) -> None:
        """Verify the events added since the last check, off the GUI thread."""
        db = self.ctx.db

        def work(_progress: Progress) -> Verification:
            from app.services.audit_chain import log_head
            from app.services.audit_checkpoint import verify_since_checkpoint

            log_head(db, "start")
            return verify_since_checkpoint(db, documents=False)

        self.ctx.tasks.run(
            work,
            title=self.tr("Checking the audit trail…"),
            parent=self.window,
            on_done=self._done,
            on_error=self._failed,
            quiet=True,
        )

    def _done(self, result: Verification) -> None:
        if result.ok:
            self.broken = False
            self.label.setStyleSheet("")
            self.label.setText(self.tr("Audit trail intact"))
            self.label.setToolTip(
                self.tr("Chain head: %1").replace("%1", result.head.short() if result.head else "-")
            )
            self.label.show()
            self.checked.emit(True)
            return
        from app.services.audit_chain import describe

        problem = describe(result.problems[0], self.ctx.lang)
        log.error("audit chain broken: %s", problem)
        self._show_broken(problem)

    def _failed(self, exc: BaseException) -> bool:
        if not isinstance(exc, UserError):
            return False
        self._show_broken(user_message(exc))
        return True

    def _show_broken(self, detail: str) -> None:
        self.broken = True
        self.label.setText("⚠ " + self.tr("Audit trail broken"))
        self.label.setToolTip(detail)
        self.label.setStyleSheet(BROKEN_STYLE)
        self.label.show()
        text = self.tr(
            "The audit trail does not verify: %1 Run 'privacy-desk audit verify' and restore "
            "the database from a backup."
        )
        self.banner.show_message(text.replace("%1", detail), level="error")
        self.checked.emit(False)
