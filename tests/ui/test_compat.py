"""The None reference-count guard keeps long sessions alive on CPython 3.11."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_many_void_qt_calls_do_not_exhaust_none(qtbot, gui_app) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for number in range(20_000):  # more than None's natural count at start-up (~4,500)
        label.setText(str(number))
    assert label.text() == "19999"
    assert sys.getrefcount(None) > 20_000 or sys.version_info >= (3, 12)
    assert before > 0
