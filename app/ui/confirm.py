"""The one way the GUI asks before a destructive or irreversible action.

Every such question says concretely what will happen (which case, how many records, whether it
can be undone), names the action on its button and has Cancel as the default and Escape button,
so a stray Enter never removes anything.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget


def ask_before(
    parent: QWidget,
    *,
    title: str,
    text: str,
    action: str,
    on_yes: Callable[[], object],
    name: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> QMessageBox:
    """Open a window-modal question; ``on_yes`` runs only when the action button is clicked."""
    box = QMessageBox(
        icon, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        parent,
    )  # fmt: skip
    box.setObjectName(name)
    yes = box.button(QMessageBox.StandardButton.Yes)
    yes.setText(action)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    box.accepted.connect(on_yes)
    box.open()
    return box
