"""The desktop GUI (PySide6): windows, dialogs, Qt models, task runner and translations."""

from app.ui.compat import guard_none_refcount, quicken_pyside_import_hook

# PySide6 6.12.0 on CPython 3.11 drops a reference to None on every void Qt call (measured:
# -1000 per 1000 QLabel.setText calls; 6.11.3 does not). Guard on import, so every path into the
# GUI (the app, the selftest, the tests) is protected, not only the main entry point.
guard_none_refcount()
quicken_pyside_import_hook()  # before the GUI modules are imported: see its docstring
