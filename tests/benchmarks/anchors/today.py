"""Anchor for `privacy-desk today`: the open cases and what waits in them, through Core."""

import sys
from datetime import date

import sqlalchemy as sa

engine = sa.create_engine(sys.argv[1])
PARTS = ("letter", "finding", "manual_task", "change_action", "identity_check", "pause")
CASES = sa.text(
    "SELECT id, reference, status, acknowledged_on, promise_on, effective_due_on, assigned_to "
    "FROM case_file WHERE status IN ('registered', 'identity_check', 'in_progress', 'on_hold') "
    "ORDER BY effective_due_on"
).columns(promise_on=sa.Date, effective_due_on=sa.Date, acknowledged_on=sa.Date)
today = date.today()
with engine.connect() as con:
    cases = con.execute(CASES).all()
    per_case = {}
    for part in PARTS:
        counted = sa.text(f"SELECT case_id, count(*) FROM {part} GROUP BY case_id")
        per_case[part] = dict(con.execute(counted).tuples().all())
for c in cases:
    if c.acknowledged_on is None:
        print(f"  {c.reference:<16} due {c.effective_due_on}  acknowledgement")
    if c.promise_on is not None and c.promise_on < today:
        print(f"  {c.reference:<16} due {c.promise_on}  promise passed")
    for part in PARTS:
        if per_case[part].get(c.id):
            print(f"  {c.reference:<16} {part} {per_case[part][c.id]}")
