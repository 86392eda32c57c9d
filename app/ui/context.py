"""What every window and dialog needs, passed in explicitly (no global singletons)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QSettings, Signal

from app.data.database import Database
from app.services.secrets import SecretStore
from app.ui.errors import ErrorReporter
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:  # made after the first paint (app.ui.app): its module loads the models
    from app.services.document_texts import BackgroundReader


class CaseEvents(QObject):
    """Views listen here and refresh after an operation changed data."""

    cases_changed = Signal(str)  # a reference, or "" when many cases may have changed
    settings_changed = Signal()


@dataclass
class UiContext:
    db: Database
    actor: str
    lang: str  # "nl" or "en": the UI language, also for dates ("24 november 2026")
    settings: QSettings
    reporter: ErrorReporter
    tasks: TaskRunner
    events: CaseEvents = field(default_factory=CaseEvents)
    # One store per app run: with no OS keyring, secrets typed once must survive until exit.
    secrets: SecretStore = field(default_factory=SecretStore)
    today: Callable[[], date] = date.today
    # Reads the scans of document folders by OCR while the officer works (one per app run).
    scan_reader: BackgroundReader | None = None

    @property
    def locale(self) -> QLocale:
        return QLocale(QLocale.Language.Dutch if self.lang == "nl" else QLocale.Language.English)

    def number(self, value: int) -> str:
        """1.234 in Dutch, 1,234 in English."""
        return self.locale.toString(value)
