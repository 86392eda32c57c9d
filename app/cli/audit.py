"""CLI commands of the audit trail: `audit verify` (the keyed chain and every document's hash)."""

from __future__ import annotations

import argparse

from app.cli.support import open_db, print_json


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from app.reports.dossier import local_time
    from app.services.audit_chain import verify

    result = verify(open_db(args))
    head = result.head.short() if result.head else "(empty)"
    if args.format == "json":
        print_json(
            {
                "ok": result.ok,
                "events": result.events,
                "documents": result.documents,
                "head": None if result.head is None else {"seq": result.head.seq,
                                                          "hash": result.head.hash},
                "problems": [
                    {
                        "message": str(p.message),
                        "event_id": p.event_id,
                        "document_id": p.document_id,
                        "reference": p.reference,
                        "at": None if p.at is None else p.at.isoformat(),
                    }
                    for p in result.problems
                ],
            }
        )  # fmt: skip
        return 0 if result.ok else 1
    if result.ok:
        print(
            f"Audit trail intact: {result.events} events and {result.documents} documents "
            f"checked. Chain head {head}"
        )
        return 0
    first = result.problems[0]
    where = []
    if first.event_id is not None:
        where.append(f"event {first.event_id}")
    if first.document_id is not None:
        where.append(f"document {first.document_id}")
    if first.reference:
        where.append(f"case {first.reference}")
    if first.at is not None:
        where.append(local_time(first.at, "en"))
    print(f"Audit trail BROKEN at {', '.join(where)}: {first.message}")
    for other in result.problems[1:]:
        print(f"  also: {other.message}")
    print(f"Chain head {head}. Restore the database from a backup and find out who changed it.")
    return 1


def cmd_audit_key(args: argparse.Namespace) -> int:
    from pathlib import Path

    from app.services.audit_key import ENV_KEY, describe_key, export_key

    db = open_db(args)
    with db.session() as session:
        if args.export:
            fingerprint = export_key(session, Path(args.export))
            print(
                f"Key {fingerprint} written to {args.export}. Keep it apart from the database "
                f"(a colleague on the same database sets {ENV_KEY} to its contents)."
            )
            return 0
        where, fingerprint = describe_key(session)
    if not fingerprint:
        print("No audit-trail key yet: one is created when the first event is chained.")
    elif not where:
        print(f"Key {fingerprint}: NOT on this computer. Restore it or set {ENV_KEY}.")
        return 1
    else:
        print(f"Key {fingerprint} is kept in {where}.")
    return 0
