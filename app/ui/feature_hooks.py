"""Wires the letters, systems, register and export features into the base GUI."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QMenuBar, QWidget

from app.services.letters import todays_letters_pdf
from app.services.secrets import SecretStore
from app.ui.case_detail import CaseDetailView
from app.ui.connectors_dialog import ConnectorsDialog
from app.ui.context import UiContext
from app.ui.exports_dialog import ExportsDialog
from app.ui.findings_tab import FindingsTab
from app.ui.letters_tab import LettersTab
from app.ui.pdf_preview import PdfDialog
from app.ui.register_dialog import RegisterDialog

MENU_OBJECT_NAME = "toolsMenu"


def secret_store(ctx: UiContext) -> SecretStore:
    """The one SecretStore of this app run (memory secrets must survive until exit)."""
    return ctx.secrets


def install_case_tabs(detail: CaseDetailView, ctx: UiContext) -> None:
    """Add the Letters and Systems tabs to one open case."""
    letters = LettersTab(ctx, detail.reference, detail)
    findings = FindingsTab(ctx, detail.reference, secret_store(ctx), detail)
    detail.add_tab(letters, QCoreApplication.translate("FeatureHooks", "Letters"))
    detail.add_tab(findings, QCoreApplication.translate("FeatureHooks", "Systems"))
    detail.letters_tab = letters  # type: ignore[attr-defined]
    detail.findings_tab = findings  # type: ignore[attr-defined]


class _Opener:
    """Keeps one instance per dialog kind alive while it is open (non-modal windows)."""

    def __init__(self, window: QWidget, ctx: UiContext) -> None:
        self.window = window
        self.ctx = ctx
        self.open: dict[str, QDialog] = {}

    def show(self, key: str, factory: Callable[[], QDialog]) -> QDialog:
        existing = self.open.get(key)
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        dialog = factory()
        dialog.finished.connect(lambda _r, k=key: self.open.pop(k, None))
        self.open[key] = dialog
        dialog.show()
        return dialog

    def systems(self) -> QDialog:
        return self.show(
            "systems", lambda: ConnectorsDialog(self.ctx, secret_store(self.ctx), self.window)
        )

    def register(self) -> QDialog:
        return self.show("register", lambda: RegisterDialog(self.ctx, self.window))

    def exports(self) -> QDialog:
        return self.show("exports", lambda: ExportsDialog(self.ctx, self.window))

    def todays_letters(self) -> QDialog:
        db, ctx = self.ctx.db, self.ctx
        return self.show(
            "today",
            lambda: PdfDialog(
                self.window,
                title=QCoreApplication.translate("FeatureHooks", "Today's letters"),
                suggested_name=f"letters-{ctx.today().isoformat()}.pdf",
                fetch=lambda duplex: todays_letters_pdf(db, day=ctx.today(), duplex=duplex),
            ),
        )


def install_main_actions(window: QMainWindow, ctx: UiContext, menu_bar: QMenuBar) -> None:
    """Add Systems…, Processing register…, Print today's letters… and Export… to a Tools menu."""
    menu = menu_bar.findChild(QMenu, MENU_OBJECT_NAME)
    if menu is None:
        menu = QMenu(QCoreApplication.translate("FeatureHooks", "&Tools"), menu_bar)
        menu.setObjectName(MENU_OBJECT_NAME)
        menu_bar.addMenu(menu)
    opener = _Opener(window, ctx)
    window.feature_dialogs = opener  # type: ignore[attr-defined]
    entries = (
        ("systemsAction", QCoreApplication.translate("FeatureHooks", "&Systems…"), opener.systems),
        (
            "registerAction",
            QCoreApplication.translate("FeatureHooks", "Processing &register…"),
            opener.register,
        ),
        (
            "todaysLettersAction",
            QCoreApplication.translate("FeatureHooks", "&Print today's letters…"),
            opener.todays_letters,
        ),
        ("exportAction", QCoreApplication.translate("FeatureHooks", "&Export…"), opener.exports),
    )
    for name, text, slot in entries:
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False, s=slot: s())
        menu.addAction(action)
