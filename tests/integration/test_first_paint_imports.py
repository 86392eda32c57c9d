"""The GUI paints its first rows without the models or the ORM (issue 15: about 100 ms).

The overview, the case list, the inbox view and the status bar read through Core before the
first paint (app/data/plain_tables.py); what needs the models runs after it. A fresh process
starts the app with ``PRIVACY_DESK_EXIT_AFTER_PAINT=1`` under a wrapper that notes, at the moment
the app prints its first-paint line, which of the two modules are loaded.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from app.core.enums import RequestType
from app.core.validation import CaseInput
from app.data.database import open_database
from app.services.cases import register_case
from app.services.deadlines import start_pause
from tests.benchmarks.search_fill import fill_by_sql

NEVER = ("app.data.models", "sqlalchemy.orm")

# Runs the app as `python -m app` does; its stdout notes the modules loaded when the first-paint
# line (app/ui/first_paint.py) is written.
WRAPPER = """
import runpy, sys

class Noting:
    def __init__(self, out):
        self.out = out

    def write(self, text):
        if text.startswith("first-paint"):
            loaded = [m for m in NEVER if m in sys.modules]
            self.out.write("loaded-at-first-paint=" + ",".join(loaded) + "\\n")
        return self.out.write(text)

    def __getattr__(self, name):
        return getattr(self.out, name)

sys.stdout = Noting(sys.stdout)
sys.argv = ["app", *sys.argv[1:]]
runpy.run_module("app", run_name="__main__", alter_sys=True)
""".replace("NEVER", repr(NEVER))


def test_first_paint_needs_neither_the_models_nor_the_orm(tmp_path: Path) -> None:
    path = tmp_path / "cases.sqlite3"
    db = open_database(f"sqlite:///{path}")
    fill_by_sql(db.engine, 300, open_every=3)
    today = date.today()
    ref = register_case(
        db,
        actor="officer",
        data=CaseInput(
            request_types=(RequestType.ACCESS,),
            received_on=today,
            last_name="Berg",
            street="Kerkstraat 12",
            postcode="5253 RE",
            city="Nieuwkuijk",
        ),
    )
    # A paused case: the overview's first query also computes its dates.
    start_pause(db, actor="officer", reference=ref, start_on=today, reason="ID", today=today)
    db.dispose()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PRIVACY_DESK_EXIT_AFTER_PAINT="1",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "cfg"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, "--db", f"sqlite:///{path}", "--user", "officer"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("loaded-at-first-paint=")]
    assert lines, f"no first paint: {done.stdout[-500:]} {done.stderr[-1500:]}"
    assert lines[0] == "loaded-at-first-paint=", lines[0]
