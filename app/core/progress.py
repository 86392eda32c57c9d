"""Progress, cancel and time-out for long work: a plain object, never a widget."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from app.core.errors import Cancelled, ConnectorError
from app.core.i18n import _


class Progress:
    """Passed to long operations: reports progress, carries cancel and time-out.

    Thread-safe; a plain object so connector code never sees a widget (Orange3-style worker state).
    """

    def __init__(
        self,
        on_progress: Callable[[float, str], None] | None = None,
        timeout_s: float | None = None,
    ) -> None:
        self._on_progress = on_progress
        self._cancel = threading.Event()
        self._deadline = None if timeout_s is None else time.monotonic() + timeout_s

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def remaining(self) -> float | None:
        """Seconds left before the time-out, for socket time-outs; None when unlimited."""
        if self._deadline is None:
            return None
        return max(0.0, self._deadline - time.monotonic())

    def check(self) -> None:
        """Raise Cancelled or ConnectorError(time-out); call it often inside loops."""
        if self._cancel.is_set():
            raise Cancelled()
        if self._deadline is not None and time.monotonic() > self._deadline:
            raise ConnectorError(
                _("The system did not answer in time (time-out). Try again later.")
            )

    def report(self, fraction: float, message: str = "") -> None:
        self.check()
        if self._on_progress is not None:
            self._on_progress(min(1.0, max(0.0, fraction)), message)
