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


def quicken_pyside_import_hook() -> bool:
    """Make PySide6's per-import check cheap; True when applied.

    Once PySide6.QtCore is loaded, every ``import`` statement passes the module to
    ``PySide6.support.feature.feature_imported``, which asks, once per module name, whether the
    module's source mentions "PySide6" (for the opt-in ``__feature__`` switches). It asks through
    ``inspect.getsource``, whose ``getmodule`` scans every loaded module on each call: measured
    here, about a fifth of the window's start-up CPU, and it fills ``linecache`` with the source
    of every module (memory). The answer is the same when the file is read directly, which this
    puts in its place. Without the expected internals (another PySide6 version) nothing changes.
    """
    import PySide6.QtCore  # noqa: F401  (loads the feature module)

    feature = sys.modules.get("PySide6.support.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    if getattr(feature._mod_uses_pyside, "_privacy_desk", False):
        return True

    def mod_uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return False  # extension modules and frozen code: no source, as inspect says
        try:
            with open(path, "rb") as handle:
                return b"PySide6" in handle.read()
        except OSError:
            return False

    mod_uses_pyside._privacy_desk = True  # type: ignore[attr-defined]
    setattr(feature, "_mod_uses_pyside", mod_uses_pyside)  # noqa: B010 (a module of PySide6)
    return True
