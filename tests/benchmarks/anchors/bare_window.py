"""Anchor for the GUI's memory: PySide6 + SQLAlchemy Core + a QTableView over the case list's
rows (the same query as the case list), paged in like the app, scrolled to the end.

Prints "RSS USS" in KiB in steady state. Usage: bare_window.py DB_URL
"""

import gc
import sys
from pathlib import Path

import sqlalchemy as sa
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView

sys.path.insert(0, str(Path(__file__).parent))
from memory import rss_uss_kib

QUERY = sa.text(
    "SELECT c.reference, c.received_on, r.first_name, r.name_prefix, r.last_name, c.type_codes, "
    "c.status, c.effective_due_on FROM case_file c JOIN requester r ON r.id = c.requester_id "
    "ORDER BY c.received_on DESC, c.id DESC LIMIT 200 OFFSET :offset"
)


class Model(QAbstractTableModel):
    def __init__(self, engine: sa.Engine) -> None:
        super().__init__()
        self.engine = engine
        self.rows: list[tuple] = []
        with engine.connect() as con:
            self.total = con.execute(sa.text("SELECT count(*) FROM case_file")).scalar_one()

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else 7

    def canFetchMore(self, parent):
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent):
        with self.engine.connect() as con:
            page = [tuple(r) for r in con.execute(QUERY, {"offset": len(self.rows)})]
        start = len(self.rows)
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self.rows.extend(page)
        self.endInsertRows()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self.rows[index.row()]
        column = index.column()
        if column == 2:
            return " ".join(p for p in r[2:5] if p)
        return str(r[(0, 1, 2, 5, 6, 7, 7)[column]])


app = QApplication(sys.argv[:1])
model = Model(sa.create_engine(sys.argv[1]))
view = QTableView()
view.setModel(model)
view.resize(1100, 700)
view.show()
root = QModelIndex()
while model.canFetchMore(root):
    model.fetchMore(root)
view.scrollToBottom()
for _ in range(5):
    app.processEvents()
view.viewport().repaint()
gc.collect()
app.processEvents()
assert model.rowCount() == model.total
print(*rss_uss_kib())
