"""The app's side of the memory benchmark: the main window on a case base, the case list
scrolled to the end (every page fetched), in steady state. Prints "RSS USS" in KiB.

Usage: gui_memory.py DB_URL WORK_DIR
"""

import gc
import sys
from pathlib import Path

# isort: off
# As in the app (app.cli -> app.ui.app): app.ui is imported before any Qt module, so PySide6's
# per-import source check is replaced before it reads (and keeps in linecache) a single module.
import app.ui
from PySide6.QtCore import QModelIndex, QSettings
from PySide6.QtWidgets import QApplication
# isort: on

sys.path.insert(0, str(Path(__file__).parent / "anchors"))
from memory import rss_uss_kib

from app.data.database import open_database
from app.ui.app import create_application
from app.ui.context import UiContext
from app.ui.errors import ErrorReporter
from app.ui.main_window import MainWindow
from app.ui.tasks import TaskRunner
from app.ui.translation import install_translators

work = Path(sys.argv[2])
app = create_application()
install_translators(app, "nl", [])
db = open_database(sys.argv[1])
reporter = ErrorReporter(work / "log", lambda: None)
ctx = UiContext(
    db=db, actor="bench", lang="nl",
    settings=QSettings(str(work / "s.ini"), QSettings.Format.IniFormat),
    reporter=reporter, tasks=TaskRunner(reporter),
)  # fmt: skip
window = MainWindow(ctx)
window.tabs.setCurrentWidget(window.cases)
window.resize(1100, 700)
window.show()
app.processEvents()
model, table = window.cases.model, window.cases.table
root = QModelIndex()
while model.canFetchMore(root):
    model.fetchMore(root)
table.scrollToBottom()
for _ in range(5):
    app.processEvents()
table.viewport().repaint()
gc.collect()
app.processEvents()
assert model.rowCount() == model.total
print(*rss_uss_kib())
QApplication.processEvents()
