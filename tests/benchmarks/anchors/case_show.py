"""Anchor for `privacy-desk case show REF`: one case and what its detail lists, through Core."""

import sys

import sqlalchemy as sa

engine = sa.create_engine(sys.argv[1])
PARTS = ("case_request_type", "pause", "note", "letter", "document", "audit_event",
         "identity_check", "representative")  # fmt: skip
with engine.connect() as con:
    c = con.execute(
        sa.text("SELECT c.*, r.first_name, r.last_name, r.street, r.postcode, r.city "
                "FROM case_file c JOIN requester r ON r.id = c.requester_id "
                "WHERE c.reference = :ref"), {"ref": sys.argv[2]},
    ).one()  # fmt: skip
    print(f"{c.reference}  [{c.status}]  {c.type_codes.strip(',')}")
    print(f"  requester : {c.first_name} {c.last_name}, {c.street}, {c.postcode}  {c.city}")
    print(f"  received  : {c.received_on} (registered {c.registered_on})")
    print(f"  legal     : {c.legal_due_on}   extended: {c.extended_due_on}   paused: {c.paused}")
    for part in PARTS:
        rows = con.execute(sa.text(f"SELECT * FROM {part} WHERE case_id = :id"), {"id": c.id})
        for row in rows:
            print(f"  {part}: " + ", ".join(str(v) for v in row[:6]))
