"""Work-around for PySide6 6.12.0 on CPython 3.11: void methods return None without a reference."""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

# Measured: every call of a void Qt method (QLabel.setText, QTreeWidgetItem.setData, ...) lowers
# None's reference count by one, so after some thousands of calls CPython aborts with
# "none_dealloc: deallocating None". CPython 3.12 made None immortal (PEP 683), which hides the
# bug there. Raising the count once by a margin no session can use up keeps 3.11 safe.
_MARGIN = 1 << 50


def guard_none_refcount() -> bool:
    """Give None a reference count that the binding bug cannot exhaust; True when applied."""
    if sys.version_info >= (3, 12) or getattr(sys, "_none_guarded", False):
        return False
    # ob_refcnt is the first field of every object header in a release build of CPython 3.11.
    refcount = ctypes.c_ssize_t.from_address(id(None))
    refcount.value += _MARGIN
    sys._none_guarded = True  # type: ignore[attr-defined]
    log.info("None reference count guarded (PySide6 binding work-around)")
    return True
