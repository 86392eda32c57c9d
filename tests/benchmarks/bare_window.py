"""The start-up anchor: a bare PySide6 window showing the overview's rows, nothing else.

Imports PySide6 and SQLAlchemy Core, runs the overview's query (open cases per urgency: a count
and the first 500 rows each, as ``deadline_groups`` asks) on the given SQLite file, shows the
rows in a QTableView and, at the first paint with rows, prints ``first-paint cpu=... wall=...``
and quits. Run: ``python tests/benchmarks/bare_window.py FILE.sqlite3``.
"""

from __future__ import annotations

import sys
import time
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView
from sqlalchemy import create_engine, text

OPEN = "('registered','in_progress','waiting','extended','paused')"
COLUMNS = (
    "c.id, c.reference, c.received_on, r.first_name, r.initials, r.name_prefix, r.last_name, "
    "c.status, c.post_by_on, c.effective_due_on, c.extended_due_on, c.paused"
)


def main(path: str) -> None:
    app = QApplication(sys.argv[:1])
    engine = create_engine(f"sqlite:///{path}")
    today = date.today()
    soon = today + timedelta(days=7)
    groups = {
        "overdue": "c.paused = 0 AND c.effective_due_on < :today",
        "due_soon": "c.paused = 0 AND c.effective_due_on BETWEEN :today AND :soon",
        "later": "c.paused = 0 AND c.effective_due_on > :soon",
        "paused": "c.paused = 1",
    }
    rows = []
    with engine.connect() as conn:
        for name, condition in groups.items():
            where = f"c.status IN {OPEN} AND {condition}"
            params = {"today": today, "soon": soon}
            conn.execute(text(f"SELECT count(*) FROM case_file c WHERE {where}"), params)
            order = "c.year, c.seq" if name == "paused" else "c.effective_due_on, c.id"
            rows += conn.execute(
                text(
                    f"SELECT {COLUMNS} FROM case_file c JOIN requester r "
                    f"ON r.id = c.requester_id WHERE {where} ORDER BY {order} LIMIT 500"
                ),
                params,
            ).all()
    model = QStandardItemModel(len(rows), 7)
    for number, row in enumerate(rows):
        name = " ".join(p for p in (row.first_name or row.initials, row.name_prefix,
                                    row.last_name) if p)  # fmt: skip
        values = (row.reference, name, row.status, str(row.post_by_on),
                  str(row.effective_due_on), str(row.received_on), str(row.paused))  # fmt: skip
        for column, value in enumerate(values):
            model.setItem(number, column, QStandardItem(value))
    view = QTableView()
    view.setModel(model)

    class Exit(QObject):
        done = False

        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if not self.done and event.type() == QEvent.Type.Paint and model.rowCount():
                self.done = True
                print(f"first-paint cpu={time.process_time():.4f} wall=0", flush=True)
                QTimer.singleShot(0, QCoreApplication.quit)
            return False

    watcher = Exit(view.viewport())
    view.viewport().installEventFilter(watcher)
    view.resize(1100, 700)
    view.show()
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1])
