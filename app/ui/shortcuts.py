"""Keyboard shortcuts: each button's Alt+letter in its tooltip, and Help > Keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

SHORTCUT_PROPERTY = "shortcutInTooltip"


def mnemonic_of(text: str) -> str | None:
    """The letter after a single '&' ("&Edit…" -> "E"); None when the text has none."""
    index = 0
    while (index := text.find("&", index)) != -1:
        if index + 1 < len(text) and text[index + 1] != "&":
            return text[index + 1].upper()
        index += 2
    return None


def plain(text: str) -> str:
    """The text without its mnemonic marker and trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def alt_key(letter: str) -> str:
    return QKeySequence(f"Alt+{letter}").toString(QKeySequence.SequenceFormat.NativeText)


def annotate_tooltips(root: QWidget) -> list[tuple[str, str]]:
    """Add "(Alt+X)" to the tooltip of every button under ``root`` with a mnemonic (once).

    Returns (action, key) pairs in widget order, for the shortcuts overview.
    """
    found: list[tuple[str, str]] = []
    for button in root.findChildren(QAbstractButton):
        letter = mnemonic_of(button.text())
        if letter is None:
            continue
        key = alt_key(letter)
        found.append((plain(button.text()), key))
        if button.property(SHORTCUT_PROPERTY) == key:
            continue
        tip = button.toolTip()
        button.setToolTip(f"{tip} ({key})" if tip else key)
        button.setProperty(SHORTCUT_PROPERTY, key)
    return found


def menu_shortcuts(menus: list[QMenu]) -> list[tuple[str, str]]:
    """(action, key sequence) of every menu action with a shortcut."""
    found: list[tuple[str, str]] = []
    for menu in menus:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                found += menu_shortcuts([sub])
            elif isinstance(action, QAction) and not action.shortcut().isEmpty():
                key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                found.append((plain(action.text()), key))
    return found


class ShortcutsDialog(QDialog):
    """Help > Keyboard shortcuts: the window's shortcuts and the case detail's Alt keys."""

    def __init__(self, sections: dict[str, list[tuple[str, str]]], parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ShortcutsDialog", "Keyboard shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("ShortcutsDialog", "Action"),
                QCoreApplication.translate("ShortcutsDialog", "Keys"),
            ]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for title, rows in sections.items():
            group = QTreeWidgetItem(self.tree, [title])
            group.setFirstColumnSpanned(True)
            seen: set[tuple[str, str]] = set()
            for row in rows:
                if row not in seen:
                    seen.add(row)
                    QTreeWidgetItem(group, list(row))
            group.setExpanded(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(520, 560)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
