"""The None reference-count guard keeps long sessions alive on CPython 3.11.

PySide6 6.12.0 (the pinned version; PySide6-Pdf exists only for 6.12) drops one reference to
None per void Qt call on CPython 3.11. When a pinned PySide6 fixes that, the first test fails:
then remove app/ui/compat.py and its calls.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel

CALLS = 1_000_000


def _none_drift(label: QLabel) -> int:
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.setText("x")
    return sys.getrefcount(None) - before


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from 3.12 (PEP 683)")
def test_the_pinned_pyside6_still_drops_a_none_reference_per_void_call(qtbot, gui_app) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    drift = _none_drift(label)
    assert drift != 0, "PySide6 no longer leaks: remove the work-around in app/ui/compat.py"
    assert drift == -CALLS  # exactly one per call: the binding bug the guard exists for


def test_a_million_void_qt_calls_leave_none_alive(qtbot, gui_app) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    assert getattr(sys, "_none_guarded", False) or sys.version_info >= (3, 12)
    _none_drift(label)
    assert label.text() == "x"
    # Without the guard None's count (about 4,500 at start-up) would have reached zero long ago
    # and CPython would have aborted with "deallocating None".
    assert sys.getrefcount(None) > 1 << 49 or sys.version_info >= (3, 12)
