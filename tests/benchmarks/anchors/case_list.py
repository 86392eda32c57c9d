"""Anchor for `privacy-desk case list`: the same rows through SQLAlchemy Core, as a table."""

import sys
from datetime import date

import sqlalchemy as sa

QUERY = sa.text(
    "SELECT c.reference, c.received_on, c.status, c.effective_due_on, c.type_codes, "
    "r.first_name, r.name_prefix, r.last_name FROM case_file c "
    "JOIN requester r ON r.id = c.requester_id ORDER BY c.effective_due_on, c.id"
).columns(received_on=sa.Date, effective_due_on=sa.Date)
engine = sa.create_engine(sys.argv[1])
today = date.today()
with engine.connect() as con:
    rows = con.execute(QUERY).all()
print(f"{'reference':<15} {'received':<10} {'status':<14} {'due':<11} {'left':>4}  types  name")
for r in rows:
    left = (r.effective_due_on - today).days if r.effective_due_on else ""
    name = " ".join(p for p in (r.first_name, r.name_prefix, r.last_name) if p)
    types = r.type_codes.strip(",").replace(",", ", ")
    print(f"{r.reference:<15} {r.received_on} {r.status:<14} {r.effective_due_on} {left:>5}  "
          f"{types:<28} {name}")  # fmt: skip
print(f"{len(rows)} case(s)")
