"""Look and feel: urgency colours (always paired with text and an icon), icons, style sheet."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QIcon

from app.core.deadlines import (
    URGENCY_DUE_SOON,
    URGENCY_LATER,
    URGENCY_OVERDUE,
    URGENCY_PAUSED,
    urgency_for_days_left,
)
from app.core.resources import resource_path
from app.services.dto import CaseRow

URGENCIES = (URGENCY_OVERDUE, URGENCY_DUE_SOON, URGENCY_LATER, URGENCY_PAUSED)

# Foreground / background per urgency; contrast of each pair is above 4.5:1 (WCAG AA).
URGENCY_COLOURS: dict[str, tuple[str, str]] = {
    URGENCY_OVERDUE: ("#a4161a", "#fdeceb"),
    URGENCY_DUE_SOON: ("#7a4a00", "#fff3dc"),
    URGENCY_LATER: ("#1d5e36", "#eaf4ed"),
    URGENCY_PAUSED: ("#4a5461", "#eef0f3"),
}

ERROR_COLOUR = "#b3261e"


def urgency_of(row: CaseRow, today: date) -> str:
    """The core urgency rule, from the stored columns of a case row."""
    return urgency_for_days_left(row.days_left(today))


def urgency_labels() -> dict[str, str]:
    return {
        URGENCY_OVERDUE: QCoreApplication.translate("Labels", "Overdue"),
        URGENCY_DUE_SOON: QCoreApplication.translate("Labels", "Due within 7 days"),
        URGENCY_LATER: QCoreApplication.translate("Labels", "Due later"),
        URGENCY_PAUSED: QCoreApplication.translate("Labels", "Paused"),
    }


def foreground(urgency: str) -> QColor:
    return QColor(URGENCY_COLOURS[urgency][0])


def background(urgency: str) -> QColor:
    return QColor(URGENCY_COLOURS[urgency][1])


_ICONS: dict[str, QIcon] = {}


def icon(name: str) -> QIcon:
    """An icon from resources/icons (SVG), built once per name: the overview shows one per row,
    and a QIcon shares its rendered pixmaps between copies."""
    found = _ICONS.get(name)
    if found is None:
        found = _ICONS[name] = QIcon(str(resource_path("icons", f"{name}.svg")))
    return found


def urgency_icon(urgency: str) -> QIcon:
    return icon(f"urgency-{urgency.replace('_', '-')}")


STYLE_SHEET = f"""
QLabel[role="error"] {{ color: {ERROR_COLOUR}; }}
QLineEdit[invalid="true"], QComboBox[invalid="true"], QDateEdit[invalid="true"],
QPlainTextEdit[invalid="true"] {{ border: 1px solid {ERROR_COLOUR}; border-radius: 2px; }}
QLabel[role="heading"] {{ font-size: 15pt; font-weight: 600; }}
QLabel[role="subtle"] {{ color: #4a5461; }}
QFrame#banner {{ background: #fff3dc; border: 1px solid #e6c88a; border-radius: 4px; }}
QFrame#banner[level="ok"] {{ background: #eaf4ed; border-color: #a8cdb4; }}
QFrame#banner[level="error"] {{ background: #fde2e1; border-color: #a4161a; }}
QFrame#card {{ background: palette(base); border: 1px solid palette(mid); border-radius: 4px; }}
QLabel[role="chip"] {{ padding: 2px 8px; border-radius: 9px; background: #e4e8ee; }}
"""
