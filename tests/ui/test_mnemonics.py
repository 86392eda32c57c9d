"""No two visible controls of one dialog share an Alt-key, in Dutch or in English."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QGroupBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.letters import draft_letter, letters_of
from app.services.secrets import SecretStore
from app.ui.case_detail import CaseDetailView
from app.ui.case_dialogs import (
    AddDocumentDialog,
    DecisionsDialog,
    EditCaseDialog,
    ExtensionDialog,
    IdentifiersDialog,
    IdentityCheckDialog,
    LinkCaseDialog,
    PauseDialog,
    ResumeDialog,
)
from app.ui.changes_dialog import ChangesDialog
from app.ui.connectors_dialog import ConnectorsDialog
from app.ui.context import UiContext
from app.ui.errors import ErrorDialog
from app.ui.exports_dialog import CaseExportDialog, ExportsDialog
from app.ui.intake_dialog import IntakeDialog, LetterTextDialog
from app.ui.letter_editor import LetterEditorDialog
from app.ui.letters_tab import NewLetterDialog
from app.ui.pdf_preview import PdfDialog
from app.ui.register_dialog import RegisterDialog
from app.ui.settings_dialog import SettingsDialog

from .helpers import new_case

MNEMONIC = re.compile(r"&(?!&)(\w)")
CASE_DIALOGS = (PauseDialog, ResumeDialog, ExtensionDialog, IdentityCheckDialog,
                AddDocumentDialog, EditCaseDialog, LinkCaseDialog, DecisionsDialog,
                IdentifiersDialog)  # fmt: skip


def _key(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _visible_keys(dialog: QWidget) -> dict[str, list[str]]:
    """Alt-key -> the texts of the visible controls that use it (buttons, buddied labels,
    group boxes, tabs)."""
    keys: dict[str, list[str]] = {}

    def add(text: str) -> None:
        key = _key(text)
        if key is not None:
            keys.setdefault(key, []).append(text)

    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog):
            continue
        if isinstance(widget, QAbstractButton):
            add(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            add(widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget.title())
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    add(widget.tabText(index))
    return keys


def clashes(dialog: QWidget) -> list[str]:
    """Every Alt-key used twice, for each page of each tab widget shown in turn."""
    found: set[str] = set()
    tabs = [t for t in dialog.findChildren(QTabWidget) if t.isVisibleTo(dialog)] or [None]
    for tab in tabs:
        for index in range(tab.count() if tab is not None else 1):
            if tab is not None:
                tab.setCurrentIndex(index)
            for key, texts in _visible_keys(dialog).items():
                if len(texts) > 1:
                    found.add(f"Alt+{key.upper()}: " + " | ".join(sorted(texts)))
    return sorted(found)


def test_the_check_finds_a_clash(qtbot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    for text in ("&Save", "&Search", "&Cancel", "Fish && &chips"):
        layout.addWidget(QPushButton(text))
    dialog.show()
    assert clashes(dialog) == ["Alt+C: &Cancel | Fish && &chips", "Alt+S: &Save | &Search"]


Opener = Callable[[UiContext, str, QWidget], QWidget]


def _case_dialog(cls: type) -> Opener:
    def open_(ctx: UiContext, reference: str, holder: QWidget) -> QWidget:
        view = CaseDetailView(ctx, reference)
        view.setParent(holder)
        dialog = view._open_dialog(cls)
        assert dialog is not None
        return dialog

    return open_


def _letter_editor(ctx: UiContext, reference: str, holder: QWidget) -> QWidget:
    draft_letter(ctx.db, actor="t", reference=reference, letter_type="acknowledgement")
    return LetterEditorDialog(ctx, letters_of(ctx.db, reference=reference)[0], holder)


DIALOGS: dict[str, Opener] = {
    "intake": lambda ctx, _ref, holder: IntakeDialog(ctx, holder),
    "letter text": lambda _ctx, _ref, holder: LetterTextDialog(holder),
    "settings": lambda ctx, _ref, holder: SettingsDialog(ctx, holder),
    "register": lambda ctx, _ref, holder: RegisterDialog(ctx, holder),
    "exports": lambda ctx, _ref, holder: ExportsDialog(ctx, holder),
    "dossier": lambda ctx, ref, holder: CaseExportDialog(ctx, ref, "dossier", holder),
    "portability": lambda ctx, ref, holder: CaseExportDialog(ctx, ref, "portability", holder),
    "systems": lambda ctx, _ref, holder: ConnectorsDialog(
        ctx, SecretStore(use_keyring=False), holder
    ),
    "erasure": lambda ctx, ref, holder: ChangesDialog(
        ctx, ref, "erasure", SecretStore(use_keyring=False), holder
    ),
    "rectification": lambda ctx, ref, holder: ChangesDialog(
        ctx, ref, "rectification", SecretStore(use_keyring=False), holder
    ),
    "error": lambda _ctx, _ref, holder: ErrorDialog(holder, "details", Path("x.log")),
    "todays letters": lambda _ctx, _ref, holder: PdfDialog(
        holder, title="t", suggested_name="x.pdf", fetch=lambda _duplex: b""
    ),
    "new letter": lambda ctx, ref, holder: NewLetterDialog(ctx, ref, "nl", holder),
    "letter editor": _letter_editor,
    **{cls.__name__: _case_dialog(cls) for cls in CASE_DIALOGS},
}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_no_two_visible_controls_share_an_alt_key(qtbot, request, lang: str, name: str) -> None:
    ctx: UiContext = request.getfixturevalue("ctx_nl" if lang == "nl" else "ctx")
    reference = new_case(ctx.db, received=date.today() - timedelta(days=3))
    holder = QWidget()
    qtbot.addWidget(holder)
    holder.show()
    dialog = DIALOGS[name](ctx, reference, holder)
    dialog.show()
    try:
        assert clashes(dialog) == []
    finally:
        dialog.close()
